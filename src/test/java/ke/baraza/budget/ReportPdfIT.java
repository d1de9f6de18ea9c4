package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.group;
import static ke.baraza.budget.BudgetFixtures.issue;
import static ke.baraza.budget.BudgetFixtures.openWindow;
import static ke.baraza.budget.BudgetFixtures.today;
import static ke.baraza.budget.BudgetFixtures.view;
import static ke.baraza.budget.BudgetFixtures.ward;
import static ke.baraza.budget.BudgetFixtures.wardName;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The published "views considered" report as a PDF: the figures, every issue with the county's
 * response and every view with its reference, in the reader's language, and no submitter's contact.
 */
@BarazaIntegrationTest
class ReportPdfIT {

  private static final String FY = "2063-64";

  @Autowired JdbcClient jdbc;

  @Test
  void aPublishedReportPrintsEachIssueWithItsResponseAndViewsButNoContact() throws Exception {
    Browser official = staff(jdbc, "budget-report-pdf", "COUNTY_OFFICIAL", KAKAMEGA);
    String window =
        openWindow(official, FY, "CFSP", today().minusDays(1), today().plusDays(9), "Roads");
    String ward = ward(jdbc, KAKAMEGA);
    String phone = "+254713" + String.format("%06d", System.nanoTime() % 1_000_000);
    String email = "report-pdf-" + System.nanoTime() + "@example.org";
    String swahili =
        view(
            new Browser().acceptLanguage("sw"),
            window,
            Map.of(
                "ward", ward,
                "body", "Barabara ya Shinyalu itengenezwe",
                "contact", phone,
                "consent", "yes",
                "gender", "FEMALE",
                "ageBand", "AGE_25_35"));
    String english =
        view(
            new Browser(),
            window,
            Map.of("ward", ward, "body", "Grade the Shinyalu road", "contact", email));
    String nurses = view(new Browser(), window, Map.of("ward", ward, "body", "Hire more nurses"));
    String pdf = "/budget/participation/" + window + "/report.pdf";

    assertThat(new Browser().download(pdf).statusCode()).isEqualTo(404);
    HttpResponse<String> unpublished = new Browser().get(pdf);
    assertThat(unpublished.body()).contains("This report is not published yet");
    assertThat(official.download(pdf).statusCode()).as("not even for staff").isEqualTo(404);

    String roads = issue(jdbc, official, window, "The Shinyalu road");
    String health = issue(jdbc, official, window, "Nurses in dispensaries");
    group(official, window, roads, List.of(swahili, english));
    group(official, window, health, List.of(nurses));
    official.get("/budget/participation/" + window + "/consideration");
    assertThat(
            official
                .post(
                    "/budget/participation/" + window + "/issues/" + roads + "/response",
                    Map.of(
                        "response", "PARTLY_ADOPTED",
                        "reason", "Grading funded this year, tarmac next year",
                        "landedIn", "Rural roads programme"))
                .statusCode())
        .isEqualTo(302);
    official.post(
        "/budget/participation/" + window + "/issues/" + health + "/response",
        Map.of("response", "NOT_ADOPTED", "reason", "The wage bill is at its ceiling"));
    official.get("/budget/participation/" + window + "/consideration");
    assertThat(official.post("/budget/participation/" + window + "/publish", Map.of()).statusCode())
        .isEqualTo(302);

    assertThat(new Browser().get("/budget/participation/" + window + "/report").body())
        .contains("href=\"" + pdf + "\"");

    HttpResponse<byte[]> printed = new Browser().download(pdf);
    assertThat(printed.statusCode()).isEqualTo(200);
    assertThat(printed.headers().firstValue("Content-Type").orElseThrow())
        .isEqualTo("application/pdf");
    assertThat(printed.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", ".pdf");
    String text = text(printed.body());
    assertThat(text)
        .contains("Views considered", "County Fiscal Strategy Paper", FY, "Kakamega")
        .contains("3 views; 0% adopted, 67% adopted at least in part")
        .contains(wardName(jdbc, ward) + ": 3 views, 0 adopted, 2 partly adopted")
        .contains("Female: 1")
        .contains("The Shinyalu road", "Partly adopted", "Grading funded this year")
        .contains("Rural roads programme")
        .contains("Nurses in dispensaries", "Not adopted", "The wage bill is at its ceiling")
        .contains("Barabara ya Shinyalu itengenezwe", "Grade the Shinyalu road", "Hire more nurses")
        .contains("Reference " + swahili, "Reference " + english, "Reference " + nurses)
        .doesNotContain(phone)
        .doesNotContain(phone.substring(4))
        .doesNotContain(email);
    assertThat(text.indexOf("Grade the Shinyalu road"))
        .as("a view under its issue")
        .isBetween(text.indexOf("The Shinyalu road ("), text.indexOf("Nurses in dispensaries ("));

    String kiswahili = text(new Browser().acceptLanguage("sw").download(pdf).body());
    assertThat(kiswahili)
        .contains("Maoni yaliyozingatiwa", "Karatasi ya Mkakati wa Fedha wa Kaunti")
        .contains("Yamekubaliwa kwa sehemu", "Hayakukubaliwa", "Mwanamke: 1")
        .contains("Nambari ya kumbukumbu " + swahili)
        .doesNotContain(phone)
        .doesNotContain(email);
  }

  private static String text(byte[] pdf) throws Exception {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
