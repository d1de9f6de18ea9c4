package ke.baraza.feedback;

import static ke.baraza.feedback.FeedbackFixtures.KATHIANI_CENTRAL;
import static ke.baraza.feedback.FeedbackFixtures.MITABONI;
import static ke.baraza.feedback.FeedbackFixtures.REFERENCE;
import static ke.baraza.feedback.FeedbackFixtures.find;
import static ke.baraza.feedback.FeedbackFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import ke.baraza.feedback.Resident.Upload;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Selects;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public side of a county's feedback: statistics with charts and a map by ward, and the list of
 * cases whose reporters allowed publication, whose photos are served only without EXIF/GPS.
 */
@BarazaIntegrationTest
class PublicFeedbackIT {

  /** A county no other test files cases in: its figures are this test's own. */
  static final String SIAYA = "041";

  static final String GPS_CANARY = "GPS-CANARY-1S31-37E16";

  @Autowired JdbcClient jdbc;

  /** Files a case through the public web form and returns its reference. */
  static String fileOnTheWeb(
      String county, String area, String ward, String description, boolean publish, byte[] photo) {
    Resident resident = new Resident();
    HttpResponse<String> form = resident.get("/feedback/" + county + "/new");
    assertThat(form.body()).contains("name=\"publish\"");
    Map<String, String> fields = new HashMap<>();
    fields.put("serviceArea", area);
    fields.put("wardCode", ward);
    fields.put("description", description);
    fields.put("contact", uniquePhone());
    fields.put("submission", resident.submission());
    if (publish) {
      fields.put("publish", "true");
    }
    List<Upload> photos = photo == null ? List.of() : List.of(new Upload("photos", "p.png", photo));
    HttpResponse<String> filed = resident.postMultipart("/feedback/" + county, fields, photos);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    return find(REFERENCE, filed.headers().firstValue("Location").orElseThrow());
  }

  /** A real PNG carrying an eXIf chunk with a GPS position and a tEXt chunk naming the author. */
  static byte[] photoWithGps() {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(0x2b8cbe));
    g.fillRect(0, 0, 16, 16);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] png = out.toByteArray();
    int afterHeader = 33;
    ByteArrayOutputStream with = new ByteArrayOutputStream();
    with.write(png, 0, afterHeader);
    with.writeBytes(
        chunk("eXIf", ("MM\0*\0\0\0\u0008" + GPS_CANARY).getBytes(StandardCharsets.ISO_8859_1)));
    with.writeBytes(chunk("tEXt", "Author\0Mama Njeri".getBytes(StandardCharsets.ISO_8859_1)));
    with.write(png, afterHeader, png.length - afterHeader);
    return with.toByteArray();
  }

  static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(typeBytes)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  static HttpResponse<byte[]> download(String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void setFiled(String reference, OffsetDateTime at, String status) {
    jdbc.sql(
            "update feedback_case set created_at = ?, updated_at = ?, status = ? where reference = ?")
        .params(at, at, status, reference)
        .update();
    jdbc.sql(
            "update feedback_case_event set happened_at = ? where case_id ="
                + " (select id from feedback_case where reference = ?)")
        .params(at, reference)
        .update();
  }

  void addStatus(String reference, String status, OffsetDateTime at) {
    addEvent(reference, "STATUS", status, at);
  }

  void addEvent(String reference, String kind, String status, OffsetDateTime at) {
    jdbc.sql(
            "insert into feedback_case_event (case_id, happened_at, kind, status)"
                + " select id, ?, ?, ? from feedback_case where reference = ?")
        .params(at, kind, status, reference)
        .update();
  }

  @Test
  void theStatisticsCountAndTimeTheCountysCasesInBothLanguagesWithoutPersonalData() {
    String countyCases = "(select id from feedback_case where county_code = '" + SIAYA + "')";
    jdbc.sql("delete from feedback_case_event where case_id in " + countyCases).update();
    jdbc.sql("delete from feedback_case_photo where case_id in " + countyCases).update();
    jdbc.sql("delete from feedback_case where county_code = '" + SIAYA + "'").update();
    List<Map<String, Object>> wards =
        jdbc.sql("select code, name from ward where county_code = ? order by code limit 2")
            .param(SIAYA)
            .query()
            .listOfRows();
    String wardA = (String) wards.get(0).get("code");
    String wardB = (String) wards.get(1).get("code");
    String secret = "Otieno at the borehole " + UUID.randomUUID();
    String quick = fileOnTheWeb(SIAYA, "041-water", wardA, secret, false, null);
    String slow = fileOnTheWeb(SIAYA, "041-water", wardA, secret + " 2", false, null);
    fileOnTheWeb(SIAYA, "041-water", wardA, secret + " 3", false, null);
    String overdue = fileOnTheWeb(SIAYA, "041-water", wardB, secret + " 4", false, null);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    // water: resolve within 14 days. quick: 2 h to acknowledge, resolved in 2 days (kept);
    // slow: 4 h, resolved in 20 days (late); overdue: 40 days open (due, late); the third is new
    OffsetDateTime quickAt = now.minusDays(10);
    setFiled(quick, quickAt, "RESOLVED");
    addStatus(quick, "ACKNOWLEDGED", quickAt.plusHours(2));
    addStatus(quick, "RESOLVED", quickAt.plusDays(2));
    OffsetDateTime slowAt = now.minusDays(30);
    setFiled(slow, slowAt, "RESOLVED");
    // assigned straight from received: that is its acknowledgement
    addEvent(slow, "ASSIGNED", "ASSIGNED", slowAt.plusHours(4));
    addStatus(slow, "RESOLVED", slowAt.plusDays(20));
    setFiled(overdue, now.minusDays(40), "RECEIVED");

    HttpResponse<String> page = new Resident().get("/feedback/041/statistics");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Feedback in figures", "Siaya", "<dd id=\"stat-total\">4</dd>")
        .contains("<dd id=\"stat-acknowledge\">3 h</dd>", "<dd id=\"stat-resolve\">11 days</dd>")
        .contains("33% (1 of 3 reports due)")
        .contains((String) wards.get(0).get("name"), (String) wards.get(1).get("name"))
        .contains("Water and sanitation", "Resolved", "<svg", "id=\"directory-map\"")
        .contains("data-counts=\"/feedback/041/statistics/wards.json\"")
        .doesNotContain("Otieno", "+2547");
    HttpResponse<String> kiswahili = new Resident("sw").get("/feedback/041/statistics");
    assertThat(kiswahili.body())
        .contains("Maoni kwa takwimu", "saa 3", "siku 11", "Maji na usafi", "Imetatuliwa");

    HttpResponse<String> map = new Resident().get("/feedback/041/statistics/wards.json");
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.body())
        .contains(
            "{\"code\":\"" + wardA + "\",\"count\":3}", "{\"code\":\"" + wardB + "\",\"count\":1}")
        .doesNotContain("Otieno");
    assertThat(new Resident().get("/feedback/999/statistics").statusCode()).isEqualTo(404);
  }

  @Test
  void onlyCasesWhoseReportersAllowedPublicationAreListedAndTheirPhotosLoseExifAndGps() {
    assertThat(new Resident().get("/feedback/016/new").body())
        .containsPattern("<input type=\"checkbox\" name=\"publish\" value=\"true\">");
    byte[] photo = photoWithGps();
    String shared = "Open sewer by Kathiani market " + UUID.randomUUID();
    String kept = "Tap broken behind the chief's office " + UUID.randomUUID();
    String published = fileOnTheWeb("016", "016-water", KATHIANI_CENTRAL, shared, true, photo);
    String unpublished = fileOnTheWeb("016", "016-water", KATHIANI_CENTRAL, kept, false, photo);
    assertThat(FeedbackFixtures.column(jdbc, published, "publish_consent", Boolean.class)).isTrue();
    assertThat(FeedbackFixtures.column(jdbc, unpublished, "publish_consent", Boolean.class))
        .isFalse();

    HttpResponse<String> list = new Resident().get("/feedback/016/cases");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("Published reports", published, shared, "Kathiani Central")
        .contains("/feedback/016/cases/" + published + "/photos/1")
        .doesNotContain(unpublished, kept, "+2547");
    assertThat(new Resident("sw").get("/feedback/016/cases?ward=" + KATHIANI_CENTRAL).body())
        .contains("Ripoti zilizochapishwa", published);
    assertThat(new Resident().get("/feedback/016/cases?ward=0390").body())
        .doesNotContain(published);

    HttpResponse<byte[]> served = download("/feedback/016/cases/" + published + "/photos/1");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(served.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment");
    String text = new String(served.body(), StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain(GPS_CANARY, "eXIf", "Mama Njeri", "tEXt");
    assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(GPS_CANARY);
    try {
      assertThat(ImageIO.read(new ByteArrayInputStream(served.body())).getWidth()).isEqualTo(16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(Arrays.copyOf(served.body(), 4)).isEqualTo(Arrays.copyOf(photo, 4));

    assertThat(download("/feedback/016/cases/" + unpublished + "/photos/1").statusCode())
        .isEqualTo(404);
    assertThat(download("/feedback/016/cases/" + published + "/photos/2").statusCode())
        .isEqualTo(404);
    assertThat(download("/feedback/017/cases/" + published + "/photos/1").statusCode())
        .isEqualTo(404);

    HttpResponse<String> open311 =
        Open311IT.get("/open311/v2/requests/" + published + ".json?jurisdiction_id=016");
    Open311Schemas.assertJson("schemas/requests.json", open311.body());
    assertThat(open311.body())
        .contains(shared, "/feedback/016/cases/" + published + "/photos/1")
        .doesNotContain("+2547");
    String hidden =
        Open311IT.get("/open311/v2/requests/" + unpublished + ".xml?jurisdiction_id=016").body();
    Open311Schemas.assertXml(Open311IT.XSD, hidden);
    assertThat(hidden).doesNotContain(kept, "media_url");
  }

  @Test
  void eachPublicPageCostsTheSameNumberOfQueriesHoweverManyCasesItShows() {
    Assumptions.assumeTrue("h2".equals(TestEnvironment.database()), "H2 counts statements");
    String ward =
        jdbc.sql("select min(code) from ward where county_code = '030'")
            .query(String.class)
            .single();
    String one =
        fileOnTheWeb(
            "030",
            "030-water",
            ward,
            "A single report in Baringo " + UUID.randomUUID(),
            true,
            null);
    for (int i = 0; i < 3; i++) {
      fileOnTheWeb("016", "016-roads", MITABONI, "Pothole on the Mitaboni road " + i, true, null);
    }
    jdbc.sql("set query_statistics true").update();
    Map<String, String> pairs = new java.util.LinkedHashMap<>();
    pairs.put("/feedback/030/statistics", "/feedback/016/statistics");
    pairs.put("/feedback/030/cases", "/feedback/016/cases");
    pairs.put(
        "/open311/v2/requests.json?jurisdiction_id=030&service_request_id=" + one,
        "/open311/v2/requests.json?jurisdiction_id=016");
    try {
      pairs.forEach(
          (few, many) -> {
            new Resident().get(few);
            new Resident().get(many); // warm up
            long fewQueries = Selects.count(jdbc, () -> new Resident().get(few));
            long manyQueries = Selects.count(jdbc, () -> new Resident().get(many));
            assertThat(manyQueries).as(many).isEqualTo(fewQueries);
          });
    } finally {
      jdbc.sql("set query_statistics false").update();
    }
  }
}
