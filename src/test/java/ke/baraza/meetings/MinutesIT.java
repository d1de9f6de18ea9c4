package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.citizen;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.holderFor;
import static ke.baraza.meetings.MeetingFixtures.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Minutes of a meeting: Markdown shown sanitised, English and Kiswahili, attachments checked by
 * content, draft → approved → published, and who may write, approve, publish and see drafts.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinutesIT {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Autowired JdbcClient jdbc;

  Browser official;
  Browser coordinator;
  Browser otherCoordinator;
  Browser memberEditor;
  String network;
  String member;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "minutes-official", "COUNTY_OFFICIAL", "016");
    network = body(official, "016", "Matuu CSO Network " + n());
    String otherNetwork = body(official, "016", "Ndithini Network " + n());
    member = organisation(official, "016", "Kithimani Women Group " + n(), null);
    admit(official, network, member);
    coordinator = holderFor(jdbc, "NETWORK_COORDINATOR", "016", network);
    otherCoordinator = holderFor(jdbc, "NETWORK_COORDINATOR", "016", otherNetwork);
    memberEditor = holderFor(jdbc, "ORGANISATION_EDITOR", "016", member);
  }

  @Test
  void publishedMinutesNeverCarryScriptsJavascriptLinksOrEventHandlers() {
    String id = meeting(coordinator, network, form("Sanitised minutes " + n(), "2031-03-02"));
    String markdown =
        """
        # Minutes

        <script>alert('x')</script>
        Read [the plan](javascript:alert(1)) and [the budget](https://example.org/budget).
        <img src="x" onerror="alert(2)"> <a href="#" onclick="alert(3)">click</a>
        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==) ![logo](javascript:alert(5))
        <div onmouseover="alert(6)">hover</div>
        """;
    assertThat(save(coordinator, id, markdown, "Kumbukumbu **muhimu**", 0).statusCode())
        .isEqualTo(302);
    approveAndPublish(id);

    String page = new Browser().get("/meetings/" + id + "/minutes").body();
    assertThat(page).contains("<h3>Minutes</h3>", "<strong>muhimu</strong>");
    assertThat(page)
        .contains("rel=\"nofollow noopener noreferrer\" href=\"https://example.org/budget\"");
    assertThat(page).contains("&lt;script&gt;alert(");
    String minutes = page.substring(page.indexOf("id=\"minutes-en\""));
    assertThat(minutes).doesNotContainIgnoringCase("<script");
    assertThat(minutes).doesNotContainIgnoringCase("javascript:");
    assertThat(minutes).doesNotContainIgnoringCase("data:text/html");
    assertThat(minutes).doesNotContainIgnoringCase("<img");
    assertThat(Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE))
        .as("no element carries an on* attribute")
        .matches(p -> !p.matcher(minutes).find());
  }

  @Test
  void minutesGoFromDraftThroughApprovedToPublishedAndOnlyThenReachThePublic() {
    String id = meeting(coordinator, network, form("Workflow minutes " + n(), "2031-03-09"));
    Browser citizen = citizen();
    assertThat(new Browser().get("/meetings/" + id).body()).contains("not published yet");
    assertThat(save(coordinator, id, "Draft text", "", 0).statusCode()).isEqualTo(302);
    assertThat(coordinator.get("/meetings/" + id + "/minutes").body())
        .contains("Draft text", "Draft", "Approve the minutes");

    // drafts: organiser side yes; another body's coordinator, a citizen, anonymous no
    assertThat(official.get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(200);
    assertThat(otherCoordinator.get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
    assertThat(citizen.get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
    assertThat(new Browser().get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
    assertThat(memberEditor.get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);

    // writing, approving, publishing: another body's coordinator and a citizen are refused
    for (Browser outsider : List.of(otherCoordinator, citizen)) {
      outsider.get("/meetings/" + id);
      assertThat(save(outsider, id, "Hijacked", "", 1).statusCode()).isEqualTo(403);
      assertThat(outsider.post("/meetings/" + id + "/minutes/approve", Map.of()).statusCode())
          .isEqualTo(403);
    }
    assertThat(text(id)).isEqualTo("Draft text");

    coordinator.get("/meetings/" + id + "/minutes");
    assertThat(coordinator.post("/meetings/" + id + "/minutes/publish", Map.of()).statusCode())
        .as("a draft is approved before it is published")
        .isEqualTo(409);
    // a county official approves; the approved minutes are no longer editable
    official.get("/meetings/" + id + "/minutes");
    assertThat(official.post("/meetings/" + id + "/minutes/approve", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(save(coordinator, id, "Changed after approval", "", 1).statusCode()).isEqualTo(409);
    assertThat(text(id)).isEqualTo("Draft text");
    assertThat(citizen.get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
    otherCoordinator.get("/meetings/" + id);
    assertThat(otherCoordinator.post("/meetings/" + id + "/minutes/publish", Map.of()).statusCode())
        .isEqualTo(403);

    coordinator.get("/meetings/" + id + "/minutes");
    assertThat(coordinator.post("/meetings/" + id + "/minutes/publish", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(citizen.get("/meetings/" + id + "/minutes").body()).contains("Draft text");
    assertThat(new Browser().get("/meetings/" + id + "/minutes").body())
        .contains("Draft text")
        .doesNotContain("Approve the minutes", "Reopen as a draft", "Save the draft");
    assertThat(new Browser().get("/meetings/" + id).body()).contains("Read the minutes");

    // reopened: a draft again, editable, off the public pages
    coordinator.get("/meetings/" + id + "/minutes");
    assertThat(coordinator.post("/meetings/" + id + "/minutes/reopen", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(new Browser().get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
    assertThat(save(coordinator, id, "Corrected text", "", version(id)).statusCode())
        .isEqualTo(302);
    assertThat(text(id)).isEqualTo("Corrected text");
  }

  @Test
  void anOrganisationsEditorsKeepItsMinutesAndNeitherOtherEditorsNorAnonymousCan() {
    String org = organisation(official, "016", "Yatta Budget Forum " + n(), null);
    Browser editor = holderFor(jdbc, "ORGANISATION_EDITOR", "016", org);
    String id = meeting(editor, org, form("Forum minutes " + n(), "2031-04-06"));

    HttpResponse<String> anonymous = save(new Browser(), id, "Anonymous text", "", 0);
    assertThat(anonymous.statusCode()).isIn(302, 401, 403);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).doesNotContain("/minutes");
    assertThat(save(memberEditor, id, "Another editor's text", "", 0).statusCode()).isEqualTo(403);
    assertThat(rows(id)).as("nothing written by outsiders").isZero();

    assertThat(save(editor, id, "The forum's minutes", "", 0).statusCode()).isEqualTo(302);
    assertThat(memberEditor.get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
    editor.get("/meetings/" + id + "/minutes");
    assertThat(editor.post("/meetings/" + id + "/minutes/approve", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(editor.post("/meetings/" + id + "/minutes/publish", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(new Browser().get("/meetings/" + id + "/minutes").body())
        .contains("The forum's minutes");
  }

  @Test
  void membersOnlyMinutesAreReadByMembersButNotByTheWiderPublic() {
    Map<String, String> form = form("Members minutes " + n(), "2031-03-16");
    form.put("visibility", "MEMBERS");
    String id = meeting(coordinator, network, form);
    save(coordinator, id, "For members", "Kwa wanachama", 0);
    approveAndPublish(id);
    assertThat(memberEditor.get("/meetings/" + id + "/minutes").body())
        .contains("For members", "Kwa wanachama", "lang=\"sw\"");
    assertThat(citizen().get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
    assertThat(new Browser().get("/meetings/" + id + "/minutes").statusCode()).isEqualTo(404);
  }

  @Test
  void aDisguisedFileIsRefusedWithAMessageAndTheDraftTextIsKept() {
    String id = meeting(coordinator, network, form("Attachment minutes " + n(), "2031-03-23"));
    byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> refused =
        upload(coordinator, id, "Text typed before the upload", "register.pdf", page);
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body())
        .contains("Only PDF, PNG, JPEG files are accepted", "The text of the draft was saved")
        .contains("Text typed before the upload");
    assertThat(text(id)).isEqualTo("Text typed before the upload");
    assertThat(attachments(id)).isZero();

    HttpResponse<String> kept =
        upload(coordinator, id, "Text typed before the upload", "signed minutes.pdf", PDF);
    assertThat(kept.statusCode()).isEqualTo(302);
    assertThat(attachments(id)).isEqualTo(1);
    String attachment =
        jdbc.sql(
                "select a.public_id from minutes_attachment a join meeting m on m.id = a.meeting_id"
                    + " where m.public_id = ?")
            .param(id)
            .query(String.class)
            .single();
    String path = "/meetings/" + id + "/minutes/attachments/" + attachment;
    assertThat(new Browser().download(path).statusCode())
        .as("not before publication")
        .isEqualTo(404);
    approveAndPublish(id);
    HttpResponse<byte[]> download = new Browser().download(path);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void blankMinutesAreRefusedWithAMessage() {
    String id = meeting(coordinator, network, form("Blank minutes " + n(), "2031-03-30"));
    HttpResponse<String> blank = save(coordinator, id, "  ", "", 0);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("Write the minutes in English or Kiswahili");
    coordinator.get("/meetings/" + id + "/minutes?lang=sw");
    HttpResponse<String> sw =
        coordinator.post(
            "/meetings/" + id + "/minutes?lang=sw",
            Map.of("textEn", "", "textSw", " ", "version", "0"));
    coordinator.get("/meetings/" + id + "/minutes?lang=en");
    assertThat(sw.statusCode()).isEqualTo(400);
    assertThat(sw.body()).contains("Andika kumbukumbu kwa Kiingereza au Kiswahili");
  }

  private void approveAndPublish(String id) {
    coordinator.get("/meetings/" + id + "/minutes");
    assertThat(coordinator.post("/meetings/" + id + "/minutes/approve", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(coordinator.post("/meetings/" + id + "/minutes/publish", Map.of()).statusCode())
        .isEqualTo(302);
  }

  static HttpResponse<String> save(Browser browser, String id, String en, String sw, long version) {
    browser.get("/meetings/" + id);
    return browser.post(
        "/meetings/" + id + "/minutes",
        Map.of("textEn", en, "textSw", sw, "version", Long.toString(version)));
  }

  private long version(String id) {
    return jdbc.sql(
            "select n.version from minutes n join meeting m on m.id = n.meeting_id"
                + " where m.public_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private String text(String id) {
    return jdbc.sql(
            "select n.text_en from minutes n join meeting m on m.id = n.meeting_id"
                + " where m.public_id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private int rows(String id) {
    return jdbc.sql(
            "select count(*) from minutes n join meeting m on m.id = n.meeting_id"
                + " where m.public_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private int attachments(String id) {
    return jdbc.sql(
            "select count(*) from minutes_attachment a join meeting m on m.id = a.meeting_id"
                + " where m.public_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  /** The draft form as a browser sends it: text, version and a file, multipart. */
  private HttpResponse<String> upload(
      Browser browser, String id, String en, String fileName, byte[] content) {
    Matcher token = CSRF.matcher(browser.get("/meetings/" + id + "/minutes").body());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", token.find() ? token.group(1) : "none");
    fields.put("textEn", en);
    fields.put("textSw", "");
    fields.put("version", Long.toString(jdbcVersion(id)));
    String boundary = "----baraza" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.send(
        HttpRequest.newBuilder(
                URI.create(TestEnvironment.baseUrl() + "/meetings/" + id + "/minutes"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private long jdbcVersion(String id) {
    return jdbc.sql(
            "select coalesce(max(n.version), 0) from meeting m left join minutes n"
                + " on n.meeting_id = m.id where m.public_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
