package ke.baraza.disclosures;

import static ke.baraza.disclosures.DisclosuresIT.COUNTY;
import static ke.baraza.disclosures.DisclosuresIT.whistleblower;
import static ke.baraza.platform.FileMetadataTests.GPS_SECONDS;
import static ke.baraza.platform.FileMetadataTests.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.disclosures.DisclosuresIT.Sent;
import ke.baraza.platform.FileMetadataTests;
import ke.baraza.platform.FileStore;
import ke.baraza.testing.BarazaIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence (W6, item 1–3 of the issue): files travel encrypted, lose their metadata when the
 * whistleblower asks, reach only the handlers, and go into the case's PDF export; disguised,
 * oversized and too many files are refused with nothing stored.
 */
@BarazaIntegrationTest
class DisclosureEvidenceIT {

  static final Pattern FILE_LINK =
      Pattern.compile("href=\"(/disclosures/handling/[a-z0-9]+/files/[a-z0-9]+)\">([^<]+)</a>");

  @Autowired JdbcClient jdbc;
  @Autowired FileStore files;
  @Autowired ke.baraza.disclosures.internal.DisclosureHandling handling;

  @Test
  void evidenceReachesTheHandlersEncryptedAndWithoutTheMetadataTheWhistleblowerRemoved()
      throws IOException {
    DisclosuresIT.setUp(jdbc);
    byte[] pdf = FileMetadataTests.pdfWithAuthor();
    Sent sent =
        DisclosuresIT.send(
            jdbc,
            "The tender evaluation report was rewritten after the deadline",
            Map.of("evaluation report.pdf", pdf),
            true);

    // the whistleblower adds a photo later, keeping its metadata on purpose
    byte[] photo = FileMetadataTests.jpegWithGps();
    HttpResponse<String> added =
        whistleblower(
            "POST",
            "/disclosures/return/files",
            Map.of("receipt", sent.receipt()),
            Map.of("site.jpg", photo));
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body())
        .contains(
            "evaluation report.pdf",
            "hidden details removed",
            "site.jpg",
            "sent as it was, with its hidden details");

    List<byte[]> stored =
        jdbc.sql(
                "select f.content from disclosure_file f join disclosure d on d.id = f.disclosure_id"
                    + " where d.public_id = ? order by f.id")
            .param(sent.publicId())
            .query((rs, n) -> rs.getBytes(1))
            .list();
    assertThat(stored).hasSize(2);
    for (byte[] ciphertext : stored) {
      assertThat(indexOf(ciphertext, ascii("%PDF"))).as("stored encrypted").isNegative();
      assertThat(indexOf(ciphertext, ascii("Mama Njeri"))).isNegative();
      assertThat(indexOf(ciphertext, GPS_SECONDS)).isNegative();
    }
    assertThat(
            jdbc.sql("select count(*) from disclosure_file where meta like ?")
                .param("%evaluation%")
                .query(Long.class)
                .single())
        .as("names are encrypted too")
        .isZero();

    HttpResponse<String> page =
        DisclosuresIT.handler.get("/disclosures/handling/" + sent.publicId());
    Map<String, String> links = new LinkedHashMap<>();
    Matcher link = FILE_LINK.matcher(page.body());
    while (link.find()) {
      links.put(link.group(2), link.group(1));
    }
    assertThat(links).containsOnlyKeys("evaluation report.pdf", "site.jpg");

    HttpResponse<byte[]> document =
        DisclosuresIT.handler.download(links.get("evaluation report.pdf"));
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    assertThat(document.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(document.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    try (PDDocument read = Loader.loadPDF(document.body())) {
      assertThat(read.getDocumentInformation().getAuthor()).isNull();
      assertThat(read.getDocumentCatalog().getMetadata()).isNull();
      assertThat(new PDFTextStripper().getText(read)).contains("Tender 17 was awarded twice");
    }
    assertThat(DisclosuresIT.handler.download(links.get("site.jpg")).body())
        .as("kept as the whistleblower chose")
        .isEqualTo(photo);

    // the case as PDF, with the report, a message and the files' list
    DisclosuresIT.handler.get("/disclosures/handling/" + sent.publicId());
    DisclosuresIT.handler.post(
        "/disclosures/handling/" + sent.publicId() + "/messages",
        Map.of("message", "Who signed the second version?", "to", "whistleblower"));
    HttpResponse<byte[]> export =
        DisclosuresIT.handler.download("/disclosures/handling/" + sent.publicId() + "/export.pdf");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type")).contains("application/pdf");
    try (PDDocument read = Loader.loadPDF(export.body())) {
      String text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(
              "Confidential",
              "The tender evaluation report was rewritten after the deadline",
              "Who signed the second version?",
              "evaluation report.pdf",
              "site.jpg");
    }

    // W7: an administrator gets neither the file nor the export
    assertThat(DisclosuresIT.administrator.download(links.get("site.jpg")).statusCode())
        .isEqualTo(404);
    assertThat(
            DisclosuresIT.administrator
                .download("/disclosures/handling/" + sent.publicId() + "/export.pdf")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select action from audit_event where target = ?")
                .param(sent.publicId())
                .query(String.class)
                .list())
        .contains("disclosures:files-added", "disclosures:file-read", "disclosures:exported");

    // W5: the files go with their disclosure
    long id =
        jdbc.sql("select id from disclosure where public_id = ?")
            .param(sent.publicId())
            .query(Long.class)
            .single();
    assertThat(handling.delete(sent.publicId())).isTrue();
    assertThat(count("disclosure_file where disclosure_id = " + id)).isZero();
  }

  @Test
  void disguisedOversizedAndTooManyFilesAreRefusedAndNothingIsStored() {
    DisclosuresIT.setUp(jdbc);
    long before = count("disclosure");
    long filesBefore = count("disclosure_file");
    String what = "Medical supplies diverted to a private clinic in Lurambi";

    HttpResponse<String> disguised =
        sendForm(what, Map.of("invoice.pdf", ascii("<html><script>alert(1)</script></html>")));
    assertThat(disguised.statusCode()).isEqualTo(415);
    assertThat(disguised.body())
        .contains(
            "The file invoice.pdf is not one Baraza accepts", what, "Choose your files again");

    byte[] big = new byte[(int) files.maxBytes() + 1];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    HttpResponse<String> oversized = sendForm(what, Map.of("scan.jpg", big));
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(oversized.body()).contains("The file scan.jpg is larger than");

    Map<String, byte[]> six = new LinkedHashMap<>();
    for (int i = 1; i <= 6; i++) {
      six.put("page" + i + ".pdf", "%PDF-1.4 page".getBytes(StandardCharsets.US_ASCII));
    }
    HttpResponse<String> tooMany = sendForm(what, six);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("Send at most 5 files at a time.");

    assertThat(count("disclosure")).isEqualTo(before);
    assertThat(count("disclosure_file")).isEqualTo(filesBefore);

    // with a wrong receipt a file is refused exactly as a wrong receipt is, and not stored
    HttpResponse<String> wrongReceipt =
        whistleblower(
            "POST",
            "/disclosures/return/files",
            Map.of("receipt", "0000 0000 0000 0000 0000"),
            Map.of("note.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    assertThat(wrongReceipt.statusCode()).isEqualTo(404);
    assertThat(wrongReceipt.body()).contains("No report matches this receipt");
    assertThat(count("disclosure_file")).isEqualTo(filesBefore);
  }

  private HttpResponse<String> sendForm(String what, Map<String, byte[]> attached) {
    HttpResponse<String> form = whistleblower("GET", "/disclosures/new?county=" + COUNTY, Map.of());
    Matcher token = DisclosuresIT.TOKEN.matcher(form.body());
    assertThat(token.find()).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", token.group(1));
    fields.put("county", COUNTY);
    fields.put("body", DisclosuresIT.body);
    fields.put("what", what);
    fields.put("strip", "yes");
    return whistleblower("POST", "/disclosures", fields, attached);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
