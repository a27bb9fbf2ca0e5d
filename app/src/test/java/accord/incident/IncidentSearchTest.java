package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The search normalisation: the same words whichever way they were typed. */
class IncidentSearchTest {
  @Test
  void latinCaseAndDiacriticsFold() {
    assertThat(IncidentSearch.terms("Jalālābād, SPIN Boldak; Peshāwar")).containsExactly("jalalabad", "spin", "boldak", "peshawar");
  }

  @Test
  void arabicScriptVariantsUnify() {
    assertThat(IncidentSearch.terms("كابل")).isEqualTo(IncidentSearch.terms("کابل"));
    assertThat(IncidentSearch.terms("علي")).isEqualTo(IncidentSearch.terms("علی"));
    assertThat(IncidentSearch.terms("حَمْلَة")).isEqualTo(IncidentSearch.terms("حمله"));
    assertThat(IncidentSearch.terms("پشـــاور")).isEqualTo(IncidentSearch.terms("پشاور"));
    assertThat(IncidentSearch.terms("شہر")).isEqualTo(IncidentSearch.terms("شهر"));
    assertThat(IncidentSearch.terms("می‌دهد")).containsExactly("میدهد");
    assertThat(IncidentSearch.terms("۱۴۰۴ ١٤٠٤")).containsExactly("1404");
    assertThat(IncidentSearch.terms("ﻛﺎﺑﻞ")).isEqualTo(IncidentSearch.terms("کابل")); // presentation forms
  }

  @Test
  void punctuationIsNotAWordAndQueriesCannotInject() {
    assertThat(IncidentSearch.terms("  --  ;; ")).isEmpty();
    assertThat(IncidentSearch.match("a\" OR b*", true)).isEqualTo("\"a\"* AND \"or\"* AND \"b\"*");
    assertThat(IncidentSearch.match("x & y | !z", false)).isEqualTo("x:* & y:* & z:*");
    assertThat(IncidentSearch.match("!!", false)).isNull();
  }
}
