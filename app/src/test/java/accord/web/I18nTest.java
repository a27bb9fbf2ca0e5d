package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class I18nTest {
  static final Instant KABUL_SIGNING = Instant.parse("2025-04-19T09:00:00Z");

  @Test
  void queryBeatsCookieBeatsAcceptLanguage() {
    assertThat(I18n.resolve("ps", "ur", "fa-AF")).isEqualTo("ps");
    assertThat(I18n.resolve(null, "ur", "fa-AF")).isEqualTo("ur");
    assertThat(I18n.resolve("xx", "ur", "fa-AF")).isEqualTo("ur");
    assertThat(I18n.resolve(null, null, "fa-AF")).isEqualTo("fa-AF");
    assertThat(I18n.resolve(null, "", "de;q=1, ps;q=0.5, ur;q=0.8")).isEqualTo("ur");
    assertThat(I18n.resolve(null, null, null)).isEqualTo("en");
  }

  @ParameterizedTest
  @CsvSource({
    "fa, fa-AF", "fa-IR, fa-AF", "fa-AF, fa-AF", "FA-af, fa-AF", "prs, fa-AF", "prs-AF, fa-AF",
    "ur-PK, ur", "ps-AF, ps", "en-GB, en", "de, en", "zz-Latn, en", "'', en", "';;;q=x', en",
  })
  void languageTags(String asked, String got) {
    assertThat(I18n.resolve(null, null, asked)).isEqualTo(got);
    assertThat(I18n.resolve(asked, null, null)).isEqualTo(got);
  }

  @Test
  void direction() {
    assertThat(I18n.messages("en").dir()).isEqualTo("ltr");
    for (String l : new String[] {"ur", "ps", "fa-AF"}) {
      assertThat(I18n.messages(l).dir()).as(l).isEqualTo("rtl");
      assertThat(I18n.messages(l).rtl()).as(l).isTrue();
    }
    assertThat(I18n.messages("xx").lang()).isEqualTo("en");
  }

  @Test
  void dariShowsSolarHijriWithPersianDigitsAndTheGregorianDate() {
    String s = I18n.messages("fa-AF").dateTime(KABUL_SIGNING);
    assertThat(s).startsWith("۳۰ حمل ۱۴۰۴").contains("۹:۰۰", "UTC", "(۱۹ اپریل ۲۰۲۵)")
        .doesNotContain("فروردین", "AP", "1404", "2025");
  }

  @Test
  void pashtoShowsThePashtoMonthWithoutTheEra() {
    String s = I18n.messages("ps").dateTime(KABUL_SIGNING);
    assertThat(s).startsWith("۳۰ وری ۱۴۰۴").contains("۹:۰۰", "UTC", "(۱۹ اپریل ۲۰۲۵)")
        .doesNotContain("AP", "حمل");
  }

  @Test
  void urduAndEnglishAreGregorian() {
    assertThat(I18n.messages("ur").dateTime(KABUL_SIGNING)).contains("19 اپریل", "2025", "09:00 UTC")
        .doesNotContain("1404", "(");
    assertThat(I18n.messages("en").dateTime(KABUL_SIGNING)).isEqualTo("April 19, 2025 at 09:00 UTC");
  }

  @Test
  void pluralsAndDigitsFollowTheLanguage() {
    assertThat(I18n.messages("en").t("duration.hours", 1)).isEqualTo("1 hour");
    assertThat(I18n.messages("en").t("duration.hours", 24)).isEqualTo("24 hours");
    assertThat(I18n.messages("ur").t("duration.hours", 1)).isEqualTo("1 گھنٹہ");
    assertThat(I18n.messages("ur").t("duration.hours", 24)).isEqualTo("24 گھنٹے");
    assertThat(I18n.messages("ps").t("duration.hours", 24)).isEqualTo("۲۴ ساعته");
    assertThat(I18n.messages("fa-AF").t("duration.hours", 168)).isEqualTo("۱۶۸ ساعت");
    assertThat(I18n.messages("fa-AF").number(1234)).isEqualTo("۱٬۲۳۴");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ur", "ps", "fa-AF"})
  void everyLanguageHasItsBundle(String lang) {
    assertThat(I18n.messages(lang).t("nav.signin")).doesNotStartWith("[");
  }

  /** The Urdu, Pashto and Dari fonts come from the jar, under hashed URLs named in fonts.css. */
  @Test
  void fontsAreBundledAndDeclared() {
    Assets assets = new Assets();
    String css = new String(assets.bytes("fonts.css"), StandardCharsets.UTF_8);
    for (String f : new String[] {
        "noto-nastaliq-urdu-arabic-400-normal.woff2", "noto-nastaliq-urdu-arabic-700-normal.woff2",
        "noto-naskh-arabic-arabic-400-normal.woff2", "noto-naskh-arabic-arabic-700-normal.woff2"}) {
      assertThat(assets.has(f)).as(f).isTrue();
      assertThat(assets.url(f)).matches("/assets/noto-[a-z-]+-\\d00-normal\\.[0-9a-f]{10}\\.woff2");
      assertThat(css).contains("url(" + assets.url(f) + ")");
    }
    assertThat(css).contains("font-family:\"Noto Nastaliq Urdu\"", "font-family:\"Noto Naskh Arabic\"")
        .doesNotContain("http");
    assertThat(assets.url("fonts.css")).matches("/assets/fonts\\.[0-9a-f]{10}\\.css");
  }
}
