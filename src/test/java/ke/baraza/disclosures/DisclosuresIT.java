package ke.baraza.disclosures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.disclosures.internal.DisclosureHandling;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whistleblowing channel end to end: a handler sets a passphrase and takes up a body, a
 * whistleblower without cookies sends a report and comes back with the receipt, the handler reads
 * and answers; administrators cannot read; W1 and W4 checked on every page.
 */
@BarazaIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DisclosuresIT {

  static final String COUNTY = "037";
  static final String PASSPHRASE = "nyumba ya mawe kando ya mto";
  static final Pattern RECEIPT = Pattern.compile("id=\"receipt\"><strong>([0-9A-Z ]{24})</strong>");
  static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
  static final Pattern CASE = Pattern.compile("href=\"/disclosures/handling/([a-z0-9]+)\"");

  @Autowired JdbcClient jdbc;
  @Autowired DisclosureHandling handling;
  @Autowired ke.baraza.disclosures.internal.DisclosureRetention retention;

  /** One body with one handler, made once for the class. */
  static String body;

  static String bodyName;
  static String handlerEmail;
  static String handlerTotp;
  static Browser handler;
  static Browser administrator;

  void setUp() {
    setUp(jdbc);
  }

  /** The shared body and its handler, made by the first test of any disclosures IT to need them. */
  static synchronized void setUp(JdbcClient jdbc) {
    if (body != null) {
      return;
    }
    administrator = PeopleFixtures.staff(jdbc, "disclosures-admin", "ADMINISTRATOR", COUNTY);
    bodyName = "Kakamega Integrity Committee " + PeopleFixtures.n();
    body = PeopleFixtures.body(administrator, COUNTY, bodyName, "STEERING_COMMITTEE");
    handlerEmail = AccountFixtures.verifiedAccount("disclosures-handler");
    AccountFixtures.grantFor(jdbc, handlerEmail, "DISCLOSURE_HANDLER", COUNTY, body);
    handler = new Browser();
    handlerTotp = AccountFixtures.signInWithSecondFactor(handler, handlerEmail, null);

    HttpResponse<String> home = handler.get("/disclosures/handling");
    assertThat(home.body()).contains("Set the passphrase");
    assertThat(
            handler
                .post(
                    "/disclosures/handling/passphrase",
                    Map.of("passphrase", PASSPHRASE, "repeat", PASSPHRASE))
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> choices = handler.get("/disclosures/handling?county=" + COUNTY);
    assertThat(choices.body()).contains("Receive disclosures for " + bodyName);
    assertThat(handler.post("/disclosures/handling/bodies", Map.of("body", body)).statusCode())
        .isEqualTo(302);
    assertThat(handler.get("/disclosures/handling").body()).contains(bodyName, "unlocked");
  }

  // --- the whistleblower's client: no cookie store at all, every response checked for W4 ---

  static final HttpClient NO_COOKIES =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  static final String CANARY_ADDRESS = "203.0.113.77";
  static final String CANARY_AGENT = "CanaryAgent/" + System.nanoTime();

  static HttpResponse<String> whistleblower(String method, String path, Map<String, String> form) {
    return whistleblower(method, path, form, Map.of());
  }

  /**
   * As a whistleblower's browser without cookies: GET, or POST of the form, as {@code
   * multipart/form-data} with {@code files} (name to content) when there are any.
   */
  static HttpResponse<String> whistleblower(
      String method, String path, Map<String, String> form, Map<String, byte[]> files) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
            .header("Accept", "text/html")
            .header("Accept-Language", "en")
            .header("X-Forwarded-For", CANARY_ADDRESS)
            .header("X-Real-IP", CANARY_ADDRESS)
            .header("User-Agent", CANARY_AGENT);
    if ("POST".equals(method) && !files.isEmpty()) {
      Browser.Multipart multipart = Browser.Multipart.of(form, "files", files);
      request
          .header("Content-Type", multipart.contentType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()));
    } else if ("POST".equals(method)) {
      String body =
          form.entrySet().stream()
              .map(e -> Browser.enc(e.getKey()) + "=" + Browser.enc(e.getValue()))
              .collect(Collectors.joining("&"));
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.GET();
    }
    try {
      HttpResponse<String> response =
          NO_COOKIES.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertLeavesNoTrace(response, path);
      return response;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** W4: no caching, no referrer, no cookie, nothing loaded from another site. */
  static void assertLeavesNoTrace(HttpResponse<String> response, String path) {
    assertThat(response.headers().allValues("Cache-Control"))
        .as(path)
        .anyMatch(v -> v.contains("no-store"));
    assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
    assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
    assertThat(response.body()).as(path).doesNotContainPattern("(src|href|action)=\"(https?:)?//");
  }

  record Sent(String receipt, String publicId) {}

  Sent send(String what) {
    return send(jdbc, what, Map.of(), true);
  }

  /** Sends a report with files, stripped of metadata or not, and checks the form sends once. */
  static Sent send(JdbcClient jdbc, String what, Map<String, byte[]> files, boolean strip) {
    HttpResponse<String> form = whistleblower("GET", "/disclosures/new?county=" + COUNTY, Map.of());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains(bodyName);
    Matcher token = TOKEN.matcher(form.body());
    assertThat(token.find()).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", token.group(1));
    fields.put("county", COUNTY);
    fields.put("body", body);
    fields.put("what", what);
    fields.put("who", "The procurement officer");
    fields.put("where", "County treasury");
    fields.put("when", "March 2026");
    fields.put("howKnown", "I saw the evaluation sheets");
    fields.put("othersKnow", "UNSURE");
    fields.put("identity", "Should not be kept: not ticked");
    if (strip) {
      fields.put("strip", "yes");
    }
    HttpResponse<String> sent = whistleblower("POST", "/disclosures", fields, files);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    Matcher receipt = RECEIPT.matcher(sent.body());
    assertThat(receipt.find()).as(sent.body()).isTrue();
    assertThat(sent.body()).contains("Keep your receipt safe", "Hifadhi nambari yako ya siri");
    HttpResponse<String> again = whistleblower("POST", "/disclosures", fields, files);
    assertThat(again.statusCode()).as("the one-time token sends once").isEqualTo(409);
    String publicId =
        jdbc.sql("select public_id from disclosure order by id desc limit 1")
            .query(String.class)
            .single();
    return new Sent(receipt.group(1), publicId);
  }

  @Test
  void aReportTravelsEncryptedFromTheWhistleblowerToTheHandlerAndBack(CapturedOutput output) {
    setUp();
    assertThat(whistleblower("GET", "/disclosures", Map.of()).body())
        .contains("Report wrongdoing safely");
    String what = "The road tender was awarded before the bids were opened " + System.nanoTime();
    Sent sent = send(what);

    assertThat(
            jdbc.sql("select count(*) from disclosure where content like ? or content like ?")
                .params("%tender%", "%procurement%")
                .query(Long.class)
                .single())
        .as("stored encrypted")
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from disclosure_key k join disclosure d on d.id = k.disclosure_id"
                        + " where d.public_id = ?")
                .param(sent.publicId())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    HttpResponse<String> queue = handler.get("/disclosures/handling");
    assertThat(queue.body()).contains("/disclosures/handling/" + sent.publicId());
    HttpResponse<String> opened = handler.get("/disclosures/handling/" + sent.publicId());
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body())
        .contains(what, "The procurement officer", "Anonymous")
        .doesNotContain("Should not be kept");
    assertNoTraceHeaders(opened, "handler page");
    assertThat(
            handler
                .post(
                    "/disclosures/handling/" + sent.publicId() + "/messages",
                    Map.of("message", "Which year's tender was this?", "to", "whistleblower"))
                .statusCode())
        .isEqualTo(302);
    handler.post(
        "/disclosures/handling/" + sent.publicId() + "/messages",
        Map.of("message", "Internal: check with audit first", "to", "handlers"));
    handler.post(
        "/disclosures/handling/" + sent.publicId() + "/status", Map.of("status", "INVESTIGATING"));

    HttpResponse<String> back =
        whistleblower(
            "POST", "/disclosures/return", Map.of("receipt", sent.receipt().toLowerCase()));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body())
        .contains("Investigating", "Which year's tender was this?", what)
        .doesNotContain("Internal: check with audit first");
    HttpResponse<String> answered =
        whistleblower(
            "POST",
            "/disclosures/return/messages",
            Map.of("receipt", sent.receipt(), "message", "The 2025/26 roads tender."));
    assertThat(answered.body()).contains("The 2025/26 roads tender.");
    assertThat(handler.get("/disclosures/handling/" + sent.publicId()).body())
        .contains("The 2025/26 roads tender.", "Internal: check with audit first");

    assertThat(
            jdbc.sql("select action from audit_event where target = ?")
                .param(sent.publicId())
                .query(String.class)
                .list())
        .contains(
            "disclosures:sent",
            "disclosures:read",
            "disclosures:message-sent",
            "disclosures:commented",
            "disclosures:status-investigating",
            "disclosures:answered");

    // W1: the canary address and user agent are nowhere in the database or the log
    assertThat(textColumnsContaining(CANARY_ADDRESS)).isEmpty();
    assertThat(textColumnsContaining(CANARY_AGENT)).isEmpty();
    assertThat(output.getAll()).doesNotContain(CANARY_ADDRESS, CANARY_AGENT, what, sent.receipt());
  }

  @Test
  void wrongAndMalformedReceiptsGetTheSameAnswer() {
    setUp();
    HttpResponse<String> wrong =
        whistleblower("POST", "/disclosures/return", Map.of("receipt", "0000 0000 0000 0000 0000"));
    HttpResponse<String> malformed =
        whistleblower("POST", "/disclosures/return", Map.of("receipt", "not a receipt at all"));
    assertThat(wrong.statusCode()).isEqualTo(404).isEqualTo(malformed.statusCode());
    assertThat(wrong.body()).isEqualTo(malformed.body()).contains("No report matches this receipt");
    assertThat(whistleblower("GET", "/disclosures/return", Map.of()).statusCode()).isEqualTo(200);
    assertThat(whistleblower("GET", "/disclosures/new", Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void administratorsCannotReadDisclosuresNorBecomeTheirHandlers() {
    setUp();
    Sent sent = send("Allowances paid to ghost workers in the health department");
    HttpResponse<String> page = administrator.get("/disclosures/handling/" + sent.publicId());
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).doesNotContain("ghost workers");
    assertThat(administrator.get("/disclosures/handling").body()).doesNotContain(sent.publicId());
    assertThat(
            administrator
                .post(
                    "/disclosures/handling/passphrase",
                    Map.of("passphrase", PASSPHRASE, "repeat", PASSPHRASE))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            administrator
                .post(
                    "/disclosures/handling/" + sent.publicId() + "/status",
                    Map.of("status", "CLOSED"))
                .statusCode())
        .isEqualTo(404);
    assertThat(new Browser().get("/disclosures/handling/" + sent.publicId()).statusCode())
        .isIn(302, 401, 403);
    assertThat(
            jdbc.sql("select count(*) from audit_event where action = 'disclosures:refused'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void aHandlersKeyIsLockedInANewSessionUntilTheirPassphraseUnlocksIt() {
    setUp();
    Sent sent = send("Land records altered at the county registry office");
    Browser again = new Browser();
    AccountFixtures.signIn(again, handlerEmail, AccountFixtures.PASSWORD);
    again.get("/signin/second-factor");
    // the code of the first sign-in is spent: the next time step's, as the app would show soon
    assertThat(
            again
                .post(
                    "/signin/second-factor",
                    Map.of(
                        "code",
                        ke.baraza.accounts.internal.AuthenticatorApp.codeAt(handlerTotp, 1)))
                .statusCode())
        .isEqualTo(302);
    assertThat(again.get("/disclosures/handling/" + sent.publicId()).statusCode()).isEqualTo(409);
    again.get("/disclosures/handling");
    assertThat(
            again
                .post("/disclosures/handling/unlock", Map.of("passphrase", PASSPHRASE + "x"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            again
                .post("/disclosures/handling/unlock", Map.of("passphrase", PASSPHRASE))
                .statusCode())
        .isEqualTo(302);
    assertThat(again.get("/disclosures/handling/" + sent.publicId()).body())
        .contains("Land records altered");
  }

  @Test
  void deletingADisclosureDestroysEveryWrappedKeyAndTheReceiptNoLongerOpensIt() {
    setUp();
    Sent sent = send("Fuel for county vehicles sold at the depot");
    long id =
        jdbc.sql("select id from disclosure where public_id = ?")
            .param(sent.publicId())
            .query(Long.class)
            .single();
    assertThat(handling.delete(sent.publicId())).isTrue();
    assertThat(
            jdbc.sql("select count(*) from disclosure_key where disclosure_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from disclosure_message where disclosure_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(handler.get("/disclosures/handling/" + sent.publicId()).statusCode()).isEqualTo(404);
  }

  @Test
  void disclosuresClosedLongerThanTheRetentionPeriodArePurgedWithTheirKeys() {
    setUp();
    Sent old = send("Bursary funds paid to relatives of the ward administrator");
    Sent recent = send("Drugs from the dispensary sold in a private chemist");
    for (Sent sent : List.of(old, recent)) {
      handler.get("/disclosures/handling/" + sent.publicId());
      assertThat(
              handler
                  .post(
                      "/disclosures/handling/" + sent.publicId() + "/status",
                      Map.of("status", "CLOSED"))
                  .statusCode())
          .isEqualTo(302);
    }
    jdbc.sql("update disclosure set closed_at = ? where public_id = ?")
        .params(java.time.OffsetDateTime.now().minusDays(91), old.publicId())
        .update();
    jdbc.sql("update disclosure set closed_at = ? where public_id = ?")
        .params(java.time.OffsetDateTime.now().minusDays(10), recent.publicId())
        .update();

    assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

    assertThat(
            jdbc.sql("select public_id from disclosure where public_id in (?, ?)")
                .params(old.publicId(), recent.publicId())
                .query(String.class)
                .list())
        .containsExactly(recent.publicId());
    assertThat(
            whistleblower("POST", "/disclosures/return", Map.of("receipt", recent.receipt()))
                .body())
        .contains("Closed");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'disclosures:deleted' and target = ?")
                .param(old.publicId())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  static void assertNoTraceHeaders(HttpResponse<String> response, String what) {
    assertThat(response.headers().allValues("Cache-Control"))
        .as(what)
        .anyMatch(v -> v.contains("no-store"));
    assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
  }

  /** Every text column of every table holding {@code value}, as {@code table.column}. */
  List<String> textColumnsContaining(String value) {
    record Column(String tableName, String columnName) {}
    List<Column> columns =
        jdbc.sql(
                "select table_name, column_name from information_schema.columns"
                    + " where lower(table_schema) = 'public' and (lower(data_type) like '%char%'"
                    + " or lower(data_type) like '%text%' or lower(data_type) like '%clob%'"
                    + " or lower(data_type) like '%character large object%')")
            .query(Column.class)
            .list();
    assertThat(columns).isNotEmpty();
    List<String> found = new ArrayList<>();
    for (Column c : columns) {
      long hits =
          jdbc.sql(
                  "select count(*) from \""
                      + c.tableName()
                      + "\" where cast(\""
                      + c.columnName()
                      + "\" as varchar(100000)) like ?")
              .param("%" + value + "%")
              .query(Long.class)
              .single();
      if (hits > 0) {
        found.add(c.tableName() + "." + c.columnName());
      }
    }
    return found;
  }
}
