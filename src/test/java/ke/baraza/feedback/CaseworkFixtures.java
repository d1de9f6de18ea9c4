package ke.baraza.feedback;

import static ke.baraza.feedback.FeedbackFixtures.CODE;
import static ke.baraza.feedback.FeedbackFixtures.REFERENCE;
import static ke.baraza.feedback.FeedbackFixtures.find;
import static ke.baraza.feedback.FeedbackFixtures.smsTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.Browser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** County departments, routed service areas, department officers and filed cases for casework. */
final class CaseworkFixtures {

  private CaseworkFixtures() {}

  /** A case as its reporter knows it. */
  record Case(String reference, String code, String phone) {}

  /** The county's wards' codes, in code order. */
  static List<String> wards(JdbcClient jdbc, String county) {
    return jdbc.sql("select code from ward where county_code = ? order by code")
        .param(county)
        .query(String.class)
        .list();
  }

  /** Adds a county department to the directory as county staff; returns its public id. */
  static String department(Browser staff, String county, String name) {
    staff.get("/directory");
    HttpResponse<String> created =
        staff.post(
            "/organisations",
            Map.of(
                "county",
                county,
                "name",
                name + " " + System.nanoTime(),
                "type",
                "COUNTY_DEPARTMENT"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return created
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceAll(".*/organisations/", "");
  }

  /** Routes the county's water area to a department with the given charter. */
  static void routeWater(Browser staff, String county, String department, int ack, int resolve) {
    route(
        staff,
        county,
        "water",
        "Water and sanitation",
        "Maji na usafi",
        "WATER",
        "MAJI",
        department,
        ack,
        resolve);
  }

  /** Routes the county's roads area to a department with the given charter. */
  static void routeRoads(Browser staff, String county, String department, int ack, int resolve) {
    route(
        staff, county, "roads", "Roads", "Barabara", "ROADS", "BARABARA", department, ack, resolve);
  }

  private static void route(
      Browser staff,
      String county,
      String key,
      String en,
      String sw,
      String keywordEn,
      String keywordSw,
      String department,
      int ack,
      int resolve) {
    staff.get("/feedback/" + county + "/service-areas");
    Map<String, String> area = new HashMap<>();
    area.put("nameEn", en);
    area.put("nameSw", sw);
    area.put("keywordEn", keywordEn);
    area.put("keywordSw", keywordSw);
    area.put("acknowledgeDays", Integer.toString(ack));
    area.put("resolveDays", Integer.toString(resolve));
    area.put("active", "true");
    area.put("department", department);
    HttpResponse<String> saved =
        staff.post("/feedback/" + county + "/service-areas/" + county + "-" + key, area);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
  }

  /** A signed-in official whose grant is scoped to one county department. */
  static Browser departmentOfficer(JdbcClient jdbc, String who, String county, String department) {
    String email = AccountFixtures.verifiedAccount(who);
    AccountFixtures.grantFor(jdbc, email, "COUNTY_OFFICIAL", county, department);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, email, null);
    return browser;
  }

  /** Files a case on the web form in {@code language} with a fresh phone number. */
  static Case file(String language, String county, String area, String ward, String text) {
    String phone = FeedbackFixtures.uniquePhone();
    Resident resident = new Resident(language);
    resident.get("/feedback/" + county + "/new");
    Map<String, String> fields = new HashMap<>();
    fields.put("serviceArea", county + "-" + area);
    fields.put("wardCode", ward);
    fields.put("description", text);
    fields.put("contact", phone);
    fields.put("submission", resident.submission());
    HttpResponse<String> filed = resident.postMultipart("/feedback/" + county, fields, List.of());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    String sms = smsTo(phone).getFirst();
    return new Case(find(REFERENCE, sms), find(CODE, sms), phone);
  }

  /**
   * Posts the queue's bulk-assignment form with several ticked cases (a repeated field, which
   * {@link Browser#post} cannot send), with the CSRF token of the queue page.
   */
  static HttpResponse<String> assignAll(
      Browser officer, String county, String department, String officerRef, String... references) {
    HttpResponse<String> queue = officer.get("/feedback/" + county + "/casework");
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(queue.body());
    StringBuilder body = new StringBuilder("department=" + Browser.enc(department));
    if (csrf.find()) {
      body.append("&_csrf=").append(Browser.enc(csrf.group(1)));
    }
    if (officerRef != null) {
      body.append("&officer=").append(Browser.enc(officerRef));
    }
    for (String reference : references) {
      body.append("&cases=").append(Browser.enc(reference));
    }
    return officer.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    ke.baraza.testing.TestEnvironment.baseUrl()
                        + "/feedback/"
                        + county
                        + "/casework/assign"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /**
   * Every SMS the outbox holds for {@code phone}, oldest first by the time the file was written:
   * the outbox's names order by the second only.
   */
  static List<String> messagesTo(String phone) {
    java.nio.file.Path outbox =
        java.nio.file.Path.of(
            "target/test-data-" + ke.baraza.testing.TestEnvironment.database(), "outbox");
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(outbox)) {
      return files
          .filter(p -> p.getFileName().toString().contains("-sms-"))
          .sorted(java.util.Comparator.comparing(CaseworkFixtures::written))
          .map(CaseworkFixtures::read)
          .filter(text -> text.startsWith("To: " + phone + "\n"))
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.nio.file.attribute.FileTime written(java.nio.file.Path p) {
    try {
      return java.nio.file.Files.getLastModifiedTime(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(java.nio.file.Path p) {
    try {
      return java.nio.file.Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Posts an officer's action from the case page; returns the answer. */
  static HttpResponse<String> act(
      Browser officer, String county, String reference, String action, Map<String, String> form) {
    officer.get("/feedback/" + county + "/casework/" + reference);
    return officer.post("/feedback/" + county + "/casework/" + reference + "/" + action, form);
  }
}
