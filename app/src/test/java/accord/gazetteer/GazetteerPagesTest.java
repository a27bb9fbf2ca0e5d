package accord.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The administrator's gazetteer page: sets with attribution, and loading a file through the form. */
class GazetteerPagesTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  HttpResponse<String> get(TestServer s, String session, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(s.base + path)).header("Cookie", "accord_session=" + session).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> upload(TestServer s, String session, String csrf, String fileName, byte[] content, String source) throws Exception {
    String boundary = "----accordtest7MA4YWxkTrZu0gW";
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n" + source + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"licence\"\r\n\r\nODbL 1.0\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    b.write(head.getBytes(StandardCharsets.UTF_8));
    b.write(content);
    b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(s.base + "/admin/gazetteer"))
        .header("Cookie", "accord_session=" + session)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as("a _csrf field").isTrue();
    return m.group(1);
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void adminsSeeTheSetsAndLoadAFile(Engines engine) throws Exception {
    byte[] districts = GazetteerData.bytes("osm_pakistan_2023_districts_simplified.geojson");
    try (TestServer s = new TestServer(engine, dir)) {
      String admin = s.users.startSession(s.users.find("admin").orElseThrow(), "web");
      var page = get(s, admin, "/admin/gazetteer?lang=fa-AF");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("dir=\"rtl\"", "فهرست جغرافیایی", "GeoNames (geonames.org), licensed under CC BY 4.0",
          "Natural Earth (de facto line)", "enctype=\"multipart/form-data\"");
      String token = csrf(page.body());

      // without the form's token: refused, nothing loaded
      var forged = upload(s, admin, "not-the-token", "districts.geojson", districts, "OpenStreetMap");
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(s.node.gazetteer().sets()).hasSize(3);

      var bad = upload(s, admin, token, "districts.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(), "x");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("the file has no features");
      assertThat(s.node.gazetteer().sets()).hasSize(3);

      var ok = upload(s, admin, token, "districts.geojson", districts, "OpenStreetMap contributors");
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
      assertThat(ok.body()).contains("Set districts.geojson loaded. Places: 158; outlines: 156");
      assertThat(s.node.gazetteer().sets()).extracting(Gazetteer.LoadedSet::source).contains("OpenStreetMap contributors");
      assertThat(s.node.gazetteer().locate(34.0123, 71.5787).admin2().name()).isEqualTo("Peshawar");

      String officer = s.users.startSession(s.users.find("pk.liaison").orElseThrow(), "web");
      assertThat(get(s, officer, "/admin/gazetteer").statusCode()).isEqualTo(403);
    }
  }
}
