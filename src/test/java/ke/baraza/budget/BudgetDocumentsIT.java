package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.MACHAKOS;
import static ke.baraza.budget.BudgetFixtures.milestonePath;
import static ke.baraza.budget.BudgetFixtures.ward;
import static ke.baraza.budget.BudgetFixtures.wardName;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A milestone's budget document: PDF versions uploaded by the county's staff, kept without their
 * metadata, downloadable by anyone and searchable by their text; its programmes and allocations,
 * entered or imported all or nothing.
 */
@BarazaIntegrationTest
class BudgetDocumentsIT {

  @Autowired JdbcClient jdbc;

  @Test
  void uploadedVersionsAreListedDownloadableAndFoundBySearch() throws IOException {
    Browser official = staff(jdbc, "budget-docs", "COUNTY_OFFICIAL", KAKAMEGA);
    String word = "mkakati" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    String path = milestonePath(KAKAMEGA, "2051-52", "CFSP") + "/documents";

    HttpResponse<String> first =
        upload(
            official,
            path,
            pdf("County Fiscal Strategy Paper. The dairy value chain " + word + " gets more."),
            "en",
            "Draft for the forums");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
    assertThat(upload(official, path, pdf("Karatasi ya mkakati " + word), "sw", "").statusCode())
        .isEqualTo(302);
    assertThat(upload(official, path, pdf(null), "en", "Scanned copy").statusCode()).isEqualTo(302);

    String page = new Browser().get(path).body();
    assertThat(page)
        .contains("id=\"version-1\"", "id=\"version-2\"", "id=\"version-3\"")
        .contains("Draft for the forums", "Kiswahili")
        .contains("No searchable text")
        .doesNotContain("id=\"upload-form\"");
    assertThat(page.indexOf("id=\"version-3\"")).isLessThan(page.indexOf("id=\"version-1\""));

    HttpResponse<byte[]> download = new Browser().download(path + "/1.pdf");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (PDDocument kept = Loader.loadPDF(download.body())) {
      assertThat(new PDFTextStripper().getText(kept)).contains(word);
      assertThat(kept.getDocumentInformation().getAuthor()).isNull();
    }
    assertThat(new Browser().download(path + "/9.pdf").statusCode()).isEqualTo(404);

    HttpResponse<String> found =
        new Browser().get("/budget/counties/037/documents/search?q=DAIRY+" + word);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains("1 documents contain these words")
        .contains("County Fiscal Strategy Paper (CFSP), 2051-52")
        .contains("version 1, English")
        .contains("dairy value chain " + word)
        .contains(path + "/1.pdf");
    assertThat(new Browser().get("/budget/counties/037/documents/search?q=" + word).body())
        .contains("2 documents contain these words")
        .contains("version 2, Kiswahili");
    assertThat(new Browser().get("/budget/counties/016/documents/search?q=" + word).body())
        .contains("0 documents contain these words");

    String milestone = new Browser().get(milestonePath(KAKAMEGA, "2051-52", "CFSP")).body();
    assertThat(milestone).contains("hx-get=\"" + path + "\"");
    HttpResponse<String> section =
        new Browser()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            ke.baraza.testing.TestEnvironment.baseUrl() + path + "?lang=sw"))
                    .header("HX-Request", "true")
                    .GET());
    assertThat(section.body().strip())
        .startsWith("<section id=\"document-section\">")
        .contains("Hati na matoleo yake", "Kiingereza", "Tafuta")
        .doesNotContain("<html");
  }

  @Test
  void aFileThatIsNotAPdfOrHasNoLanguageIsRefusedAndNothingIsKept() throws IOException {
    Browser official = staff(jdbc, "budget-docs", "COUNTY_OFFICIAL", KAKAMEGA);
    String path = milestonePath(KAKAMEGA, "2052-53", "ADP") + "/documents";

    HttpResponse<String> notPdf =
        upload(official, path, "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8), "en", "");
    assertThat(notPdf.statusCode()).isEqualTo(415);
    assertThat(notPdf.body()).contains("Only PDF files are accepted");

    HttpResponse<String> empty = upload(official, path, new byte[0], "en", "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("No file was sent");

    HttpResponse<String> language = upload(official, path, pdf("Annual plan"), "fr", "");
    assertThat(language.statusCode()).isEqualTo(400);
    assertThat(language.body()).contains("Choose English or Kiswahili");

    HttpResponse<String> broken =
        upload(official, path, "%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII), "en", "");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("This PDF cannot be read");

    assertThat(new Browser().get(path).body()).contains("id=\"no-versions\"");
  }

  @Test
  void allocationsAreEnteredOrImportedAllOrNothingAndTotalledPerProgramme() {
    Browser official = staff(jdbc, "budget-docs", "COUNTY_OFFICIAL", KAKAMEGA);
    String path = milestonePath(KAKAMEGA, "2053-54", "ESTIMATES");
    String ward = ward(jdbc, KAKAMEGA);

    official.get(path + "/documents");
    HttpResponse<String> added =
        official.post(
            path + "/allocations",
            Map.of("programme", "Health", "subProgramme", "", "amount", "1,500,000", "ward", ""));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);

    HttpResponse<String> negative =
        official.post(
            path + "/allocations",
            Map.of("programme", "", "subProgramme", "", "amount", "-5", "ward", "Atlantis"));
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body())
        .contains("this cell is required")
        .contains("an amount cannot be negative")
        .contains("no ward of this county");

    String bad =
        "Programme,Sub-programme,Amount,Ward\n"
            + "Health,Dispensaries,250000,"
            + ward
            + "\n"
            + "Roads,,-10,\n"
            + ",Gravel,100,\n"
            + "Water,Boreholes,lots,Nowhere Ward\n";
    HttpResponse<String> refused =
        official.upload(
            path + "/allocations/import",
            "file",
            "allocations.csv",
            bad.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Nothing was imported: 4 problems")
        .contains("Row 3, amount: an amount cannot be negative")
        .contains("Row 4, programme: this cell is required")
        .contains("Row 5, amount: this is not an amount in shillings")
        .contains("Row 5, ward: no ward of this county");
    assertThat(allocations("2053-54", "ESTIMATES")).isEqualTo(1);

    String good =
        "programme,sub-programme,amount,ward\n"
            + "Health,Dispensaries,250000,"
            + ward
            + "\n"
            + "Roads,Gravelling,\"2,000,000\","
            + wardName(jdbc, ward)
            + "\n";
    official.get(path + "/documents");
    HttpResponse<String> imported =
        official.upload(
            path + "/allocations/import",
            "file",
            "allocations.csv",
            good.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(imported.body()).contains("2 allocations imported");
    assertThat(allocations("2053-54", "ESTIMATES")).isEqualTo(3);

    String page = new Browser().get(path + "/documents").body();
    assertThat(page)
        .contains("<td>Health</td><td>1750000.00</td>")
        .contains("<td>Roads</td><td>2000000.00</td>")
        .contains(wardName(jdbc, ward))
        .doesNotContain("id=\"allocation-form\"");
  }

  @Test
  void anotherCountysStaffCannotUploadOrEnterAllocations() throws IOException {
    Browser otherCounty = staff(jdbc, "budget-docs-016", "COUNTY_OFFICIAL", MACHAKOS);
    String path = milestonePath(KAKAMEGA, "2054-55", "CBROP");
    otherCounty.get(milestonePath(MACHAKOS, "2054-55", "CBROP") + "/documents");

    assertThat(upload(otherCounty, path + "/documents", pdf("Outlook"), "en", "").statusCode())
        .isEqualTo(403);
    assertThat(
            otherCounty
                .post(
                    path + "/allocations",
                    Map.of("programme", "Health", "amount", "10", "subProgramme", "", "ward", ""))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            otherCounty
                .upload(
                    path + "/allocations/import",
                    "file",
                    "a.csv",
                    "programme,amount\nHealth,10\n".getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(403);
    assertThat(new Browser().get(path + "/documents").body())
        .contains("id=\"no-versions\"")
        .contains("id=\"no-allocations\"");
  }

  private int allocations(String fy, String code) {
    return jdbc.sql(
            "select count(*) from budget_allocation a join budget_milestone m"
                + " on m.id = a.milestone_id where m.county_code = ? and m.fiscal_year = ?"
                + " and m.code = ?")
        .params(KAKAMEGA, Integer.parseInt(fy.substring(0, 4)), code)
        .query(Integer.class)
        .single();
  }

  /** Posts a PDF with its language and note from the document's page, as staff do. */
  private static HttpResponse<String> upload(
      Browser staff, String path, byte[] pdf, String language, String note) {
    HttpResponse<String> page = staff.get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).as("a CSRF token on " + path).isTrue();
    Browser.Multipart body =
        Browser.Multipart.of(
            Map.of("_csrf", csrf.group(1), "language", language, "note", note),
            "file",
            Map.of("budget.pdf", pdf));
    return staff.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ke.baraza.testing.TestEnvironment.baseUrl() + path))
            .header("Content-Type", body.contentType())
            .header("Accept", "text/html")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
  }

  /** A one-page PDF with an author in its metadata and {@code text}, or no text when null. */
  private static byte[] pdf(String text) {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setAuthor("County Treasury Officer");
      document.setDocumentInformation(info);
      PDPage page = new PDPage();
      document.addPage(page);
      if (text != null) {
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
          content.newLineAtOffset(50, 700);
          content.showText(text);
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
