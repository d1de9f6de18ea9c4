package ke.baraza.disclosures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public counts of disclosures: per county, and by month and status in a county; never a body,
 * a text or anything about who sent them, and no trace left in the reader's browser (W4).
 */
@BarazaIntegrationTest
class DisclosureStatisticsIT {

  /** Baringo: no other test sends disclosures there. */
  static final String COUNTY = "030";

  @Autowired JdbcClient jdbc;

  @Test
  void countsPerCountyAndPerMonthAndStatusWithoutContent() throws Exception {
    jdbc.sql("delete from disclosure where county_code = ?").param(COUNTY).update();
    OffsetDateTime march = OffsetDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneOffset.UTC);
    OffsetDateTime april = OffsetDateTime.of(2026, 4, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    // the last day of April at 22:30 UTC is already May in Kenya
    OffsetDateTime mayInKenya = OffsetDateTime.of(2026, 4, 30, 22, 30, 0, 0, ZoneOffset.UTC);
    sealed(march, "NEW");
    sealed(march, "INVESTIGATING");
    sealed(april, "INVESTIGATING");
    sealed(april, "CLOSED");
    sealed(mayInKenya, "NEW");

    HttpResponse<String> all = get("/disclosures/statistics");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(row(all.body(), "Baringo")).isEqualTo("Baringo|5|2|0|2|0|1");

    HttpResponse<String> county = get("/disclosures/statistics?county=" + COUNTY);
    assertThat(row(county.body(), "May 2026")).isEqualTo("May 2026|1|1|0|0|0|0");
    assertThat(row(county.body(), "Apr 2026")).isEqualTo("Apr 2026|2|0|0|1|0|1");
    assertThat(row(county.body(), "Mar 2026")).isEqualTo("Mar 2026|2|1|0|1|0|0");
    assertThat(county.body().indexOf("May 2026"))
        .as("latest month first")
        .isLessThan(county.body().indexOf("Mar 2026"));
    assertThat(county.body()).doesNotContain("sealed-text", "body-of-test");

    HttpResponse<String> kiswahili = get("/disclosures/statistics?county=" + COUNTY + "&lang=sw");
    assertThat(kiswahili.body()).contains("Ufichuzi kwa takwimu", "Mwezi uliotumwa", "Jumla");
    for (HttpResponse<String> page : java.util.List.of(all, county, kiswahili)) {
      DisclosuresIT.assertLeavesNoTrace(page, page.uri().toString());
    }
    assertThat(get("/disclosures/statistics?county=999").statusCode()).isEqualTo(404);
  }

  private void sealed(OffsetDateTime at, String status) {
    String id = UUID.randomUUID().toString().replace("-", "");
    jdbc.sql(
            "insert into disclosure (public_id, county_code, body_ref, status, receipt_hash,"
                + " receipt_key, form_nonce, content, created_at, updated_at)"
                + " values (?, ?, 'body-of-test', ?, ?, 'k', ?, 'sealed-text', ?, ?)")
        .params(id.substring(0, 12), COUNTY, status, id, id.substring(0, 32), at, at)
        .update();
  }

  /** The cells of the table row headed {@code label}, joined by "|". */
  private static String row(String html, String label) {
    int start = html.indexOf("<th scope=\"row\">" + label + "</th>");
    assertThat(start).as(label + " in " + html).isNotNegative();
    String tr = html.substring(start, html.indexOf("</tr>", start));
    return tr.replaceAll("</t[hd]><t[hd][^>]*>", "|").replaceAll("<[^>]+>", "").strip();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return DisclosuresIT.NO_COOKIES.send(
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
