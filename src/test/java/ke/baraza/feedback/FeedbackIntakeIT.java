package ke.baraza.feedback;

import static ke.baraza.feedback.FeedbackFixtures.CODE;
import static ke.baraza.feedback.FeedbackFixtures.KATHIANI_CENTRAL;
import static ke.baraza.feedback.FeedbackFixtures.PNG;
import static ke.baraza.feedback.FeedbackFixtures.REFERENCE;
import static ke.baraza.feedback.FeedbackFixtures.cases;
import static ke.baraza.feedback.FeedbackFixtures.column;
import static ke.baraza.feedback.FeedbackFixtures.find;
import static ke.baraza.feedback.FeedbackFixtures.smsTo;
import static ke.baraza.feedback.FeedbackFixtures.storedFiles;
import static ke.baraza.feedback.FeedbackFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.feedback.Resident.Upload;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web form (no account), staff entry for calls, visits, boxes and letters, and the county's
 * service areas: checked whole, stored whole or not at all, once per submission.
 */
@BarazaIntegrationTest
class FeedbackIntakeIT {

  static final String DESCRIPTION =
      "The water kiosk near Kathiani market has been dry since Monday.";

  @Autowired JdbcClient jdbc;

  static Map<String, String> complaint(Resident resident, String contact) {
    Map<String, String> fields = new HashMap<>();
    fields.put("serviceArea", "016-water");
    fields.put("wardCode", KATHIANI_CENTRAL);
    fields.put("description", DESCRIPTION);
    fields.put("contact", contact);
    fields.put("submission", resident.submission());
    return fields;
  }

  static HttpResponse<String> file(
      Resident resident, Map<String, String> fields, Upload... photos) {
    return resident.postMultipart("/feedback/016", fields, List.of(photos));
  }

  @Test
  void aResidentFilesAComplaintWithPhotosAndNoAccountAndSeesTheReferenceAndCodeOnce() {
    Resident resident = new Resident();
    assertThat(resident.get("/feedback").body()).contains("/feedback/016/new", "Machakos");
    assertThat(resident.get("/track").body()).contains("Follow a complaint", "name=\"reference\"");
    HttpResponse<String> form = resident.get("/feedback/016/new");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Report a problem", "Water and sanitation", "Kathiani Central", "Mitaboni")
        .contains("enctype=\"multipart/form-data\"", "name=\"submission\"");
    String phone = uniquePhone();
    long files = storedFiles(jdbc);

    HttpResponse<String> filed =
        file(
            resident,
            complaint(resident, "0" + phone.substring(4)),
            new Upload("photos", "kiosk.png", PNG),
            new Upload("photos", "", new byte[0]),
            new Upload("photos", "tap.png", PNG));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    String reference = find(REFERENCE, filed.headers().firstValue("Location").orElseThrow());
    assertThat(reference).startsWith("MKS-");

    HttpResponse<String> page = resident.follow(filed);
    assertThat(page.body()).contains("Your complaint was received", reference, "Received");
    String code = find(CODE, page.body());
    assertThat(page.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(resident.get("/track/" + reference).body())
        .as("the code is shown once")
        .doesNotContain(code);

    assertThat(column(jdbc, reference, "status", String.class)).isEqualTo("RECEIVED");
    assertThat(column(jdbc, reference, "channel", String.class)).isEqualTo("WEB");
    assertThat(column(jdbc, reference, "language", String.class)).isEqualTo("en");
    assertThat(column(jdbc, reference, "reporter_phone", String.class)).isEqualTo(phone);
    assertThat(column(jdbc, reference, "description", String.class)).isEqualTo(DESCRIPTION);
    assertThat(
            jdbc.sql(
                    "select count(*) from feedback_case_photo p join feedback_case c on c.id ="
                        + " p.case_id where c.reference = ?")
                .param(reference)
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(storedFiles(jdbc)).isEqualTo(files + 2);
    assertThat(
            jdbc.sql(
                    "select e.status from feedback_case_event e join feedback_case c on c.id ="
                        + " e.case_id where c.reference = ?")
                .param(reference)
                .query(String.class)
                .list())
        .containsExactly("RECEIVED");
    assertThat(smsTo(phone)).singleElement().asString().contains(reference, code);
    assertThat(
            jdbc.sql("select count(*) from audit_event where action = ? and target = ?")
                .params("feedback:case-filed", reference)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theFormSpeaksKiswahiliAndTheCaseKeepsTheLanguageForTheEmailedReference() {
    Resident resident = new Resident("sw");
    HttpResponse<String> form = resident.get("/feedback/016/new");
    assertThat(form.body()).contains("Ripoti tatizo", "Maji na usafi", "Eneo la huduma");
    String email = AccountFixtures.uniqueEmail("mlalamikaji");
    HttpResponse<String> filed = file(resident, complaint(resident, email));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    String reference = find(REFERENCE, filed.headers().firstValue("Location").orElseThrow());
    assertThat(resident.follow(filed).body()).contains("Malalamiko yako yamepokelewa");
    assertThat(column(jdbc, reference, "language", String.class)).isEqualTo("sw");
    assertThat(column(jdbc, reference, "reporter_email", String.class)).isEqualTo(email);
    List<MimeMessage> mails = Mailbox.to(email);
    assertThat(mails).hasSize(1);
    assertThat(Mailbox.text(mails.get(0)))
        .contains("Nambari yake ya kumbukumbu ni " + reference, "/track/" + reference)
        .containsPattern(CODE.pattern());
  }

  @Test
  void badInputIsRefusedWithAClearMessageAndNothingIsStored() {
    Resident resident = new Resident();
    resident.get("/feedback/016/new");
    long before = cases(jdbc);
    long files = storedFiles(jdbc);
    Map<Map<String, String>, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put(Map.of("serviceArea", "016-nothing"), "Choose one of the service areas");
    refusals.put(Map.of("serviceArea", "017-water"), "Choose one of the service areas");
    refusals.put(Map.of("wardCode", "0001"), "Choose one of the county's wards");
    refusals.put(Map.of("wardCode", "9999"), "Choose one of the county's wards");
    refusals.put(Map.of("description", "   "), "at least 10 characters");
    refusals.put(Map.of("description", "x".repeat(10_000)), "at most 2,000 characters");
    refusals.put(Map.of("contact", "+1 202 555 0100"), "Give a Kenyan phone number");
    refusals.put(Map.of("contact", "0712"), "Give a Kenyan phone number");
    refusals.put(Map.of("contact", "someone@"), "Give a Kenyan phone number");
    for (var refusal : refusals.entrySet()) {
      Map<String, String> fields = complaint(resident, "");
      fields.putAll(refusal.getKey());
      HttpResponse<String> response = file(resident, fields, new Upload("photos", "a.png", PNG));
      assertThat(response.statusCode()).as(refusal.getKey().toString()).isEqualTo(400);
      assertThat(response.body())
          .as(refusal.getKey().toString())
          .contains(refusal.getValue(), "Some of what you entered needs correcting");
    }

    HttpResponse<String> fourPhotos =
        file(
            resident,
            complaint(resident, ""),
            new Upload("photos", "1.png", PNG),
            new Upload("photos", "2.png", PNG),
            new Upload("photos", "3.png", PNG),
            new Upload("photos", "4.png", PNG));
    assertThat(fourPhotos.statusCode()).isEqualTo(400);
    assertThat(fourPhotos.body()).contains("At most 3 photos.");

    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> disguised =
        file(
            resident,
            complaint(resident, ""),
            new Upload("photos", "ok.png", PNG),
            new Upload("photos", "photo.jpg", html));
    assertThat(disguised.statusCode()).isEqualTo(415);
    assertThat(disguised.body()).contains("Only PNG, JPEG, WebP files are accepted");

    HttpResponse<String> oversized =
        file(
            resident,
            complaint(resident, ""),
            new Upload("photos", "huge.png", java.util.Arrays.copyOf(PNG, 20 * 1024 * 1024 + 1)));
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(oversized.body()).contains("The file is larger than 20 MB.");

    HttpResponse<String> emptyPhoto =
        file(resident, complaint(resident, ""), new Upload("photos", "empty.png", new byte[0]));
    assertThat(emptyPhoto.statusCode()).isEqualTo(400);

    assertThat(cases(jdbc)).isEqualTo(before);
    assertThat(storedFiles(jdbc)).as("no photo of a refused complaint is kept").isEqualTo(files);
    assertThat(resident.get("/feedback/999/new").statusCode()).isEqualTo(404);
    assertThat(file(resident, complaint(resident, ""), new Upload[0]).statusCode())
        .as("the form still works after all that")
        .isEqualTo(302);
  }

  @Test
  void aDoubleClickFilesOneCaseAndBothAnswersShowTheSameReferenceAndCode() {
    Resident resident = new Resident();
    resident.get("/feedback/016/new");
    Map<String, String> fields = complaint(resident, "");
    long before = cases(jdbc);
    List<HttpResponse<String>> answers = FeedbackFixtures.together(6, () -> file(resident, fields));
    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(302));
    assertThat(cases(jdbc)).isEqualTo(before + 1);
    String location = answers.get(0).headers().firstValue("Location").orElseThrow();
    assertThat(answers)
        .allSatisfy(a -> assertThat(a.headers().firstValue("Location")).hasValue(location));

    // whichever copy filed the case and whichever answer the browser follows, the page shows the
    // code that case was given (the copies share one)
    assertThat(resident.follow(answers.get(answers.size() - 1)).body())
        .containsPattern(CODE.pattern());
    HttpResponse<String> again = resident.follow(file(resident, fields));
    assertThat(again.body()).contains(find(REFERENCE, location)).containsPattern(CODE.pattern());
    assertThat(cases(jdbc)).isEqualTo(before + 1);
  }

  @Test
  void aClientThatFilesTooManyComplaintsInAnHourIsToldSoAndNothingMoreIsStored() {
    Resident resident = new Resident();
    for (int i = 0; i < 20; i++) {
      resident.get("/feedback/016/new");
      assertThat(file(resident, complaint(resident, "")).statusCode()).isEqualTo(302);
    }
    resident.get("/feedback/016/new");
    long before = cases(jdbc);
    HttpResponse<String> refused = file(resident, complaint(resident, ""));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("Too many complaints from this device or network");
    assertThat(cases(jdbc)).isEqualTo(before);

    Resident neighbour = new Resident();
    neighbour.get("/feedback/016/new");
    assertThat(file(neighbour, complaint(neighbour, "")).statusCode())
        .as("another client is not held back")
        .isEqualTo(302);
  }

  @Test
  void countyStaffTypeInAPhoneCallAndGetTheCodeToPassOn() {
    Browser staff = FeedbackFixtures.staff(jdbc, "feedback-official", "COUNTY_OFFICIAL", "016");
    HttpResponse<String> form = staff.get("/feedback/016/staff-entry");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Phone call", "Suggestion box", "Letter", "Walk-in");
    String submission =
        find(
            java.util.regex.Pattern.compile("(?<=name=\"submission\" value=\")[A-Z0-9]+"),
            form.body());
    String phone = uniquePhone();
    Map<String, String> fields =
        Map.of(
            "channel", "PHONE_CALL",
            "language", "sw",
            "serviceArea", "016-roads",
            "wardCode", "0390",
            "description", "Mpigaji anasema daraja la Mitaboni limeanguka.",
            "contact", phone,
            "submission", submission);
    HttpResponse<String> filed = staff.post("/feedback/016/staff-entry", fields);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    HttpResponse<String> shown = staff.follow(filed);
    String reference = find(REFERENCE, shown.body());
    String code = find(CODE, shown.body());
    assertThat(column(jdbc, reference, "channel", String.class)).isEqualTo("PHONE_CALL");
    assertThat(column(jdbc, reference, "language", String.class)).isEqualTo("sw");
    assertThat(column(jdbc, reference, "created_by", String.class)).isNotBlank();
    assertThat(smsTo(phone).get(0)).contains(reference, code, "yamepokelewa");

    assertThat(staff.post("/feedback/016/staff-entry", Map.of("channel", "WEB")).statusCode())
        .as("the web is not a staff channel")
        .isEqualTo(400);

    Browser otherCounty =
        FeedbackFixtures.staff(jdbc, "feedback-official-017", "COUNTY_OFFICIAL", "017");
    assertThat(otherCounty.get("/feedback/016/staff-entry").statusCode()).isEqualTo(403);
    otherCounty.get("/feedback/017/staff-entry");
    assertThat(otherCounty.post("/feedback/016/staff-entry", fields).statusCode()).isEqualTo(403);
    assertThat(new Browser().get("/feedback/016/staff-entry").statusCode()).isEqualTo(302);
    Browser citizen = new Browser();
    AccountFixtures.signIn(
        citizen, AccountFixtures.verifiedAccount("feedback-citizen"), AccountFixtures.PASSWORD);
    assertThat(citizen.get("/feedback/016/staff-entry").statusCode()).isEqualTo(403);
  }

  @Test
  void countyStaffRouteAServiceAreaToADepartmentAndNewCasesGoThere() {
    Browser staff = FeedbackFixtures.staff(jdbc, "feedback-areas", "COUNTY_OFFICIAL", "017");
    HttpResponse<String> page = staff.get("/feedback/017/service-areas");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Water and sanitation", "MAJI/WATER", "No department yet");
    staff.get("/directory");
    HttpResponse<String> created =
        staff.post(
            "/organisations",
            Map.of(
                "county",
                "017",
                "name",
                "Department of Water " + System.nanoTime(),
                "type",
                "COUNTY_DEPARTMENT"));
    assertThat(created.statusCode()).isEqualTo(302);
    String department =
        created.headers().firstValue("Location").orElseThrow().replaceAll(".*/organisations/", "");
    HttpResponse<String> cbo =
        staff.post(
            "/organisations",
            Map.of("county", "017", "name", "Wote Youth CBO " + System.nanoTime(), "type", "CBO"));
    String notADepartment =
        cbo.headers().firstValue("Location").orElseThrow().replaceAll(".*/organisations/", "");

    staff.get("/feedback/017/service-areas");
    Map<String, String> water = new HashMap<>();
    water.put("nameEn", "Water and sanitation");
    water.put("nameSw", "Maji na usafi");
    water.put("keywordEn", "water");
    water.put("keywordSw", "MAJI");
    water.put("acknowledgeDays", "1");
    water.put("resolveDays", "7");
    water.put("active", "true");
    water.put("department", notADepartment);
    HttpResponse<String> refused = staff.post("/feedback/017/service-areas/017-water", water);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Choose one of the county's departments.");
    water.put("department", department);
    water.put("keywordSw", "BARABARA");
    HttpResponse<String> clash = staff.post("/feedback/017/service-areas/017-water", water);
    assertThat(clash.statusCode()).isEqualTo(409);
    assertThat(clash.body()).contains("Another service area of the county uses this keyword.");
    water.put("keywordSw", "MAJI");
    HttpResponse<String> saved = staff.post("/feedback/017/service-areas/017-water", water);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(staff.follow(saved).body())
        .contains("acknowledge within 1 days, resolve within 7 days", "Department of Water");

    Resident resident = new Resident();
    resident.get("/feedback/017/new");
    Map<String, String> fields = new HashMap<>();
    fields.put("serviceArea", "017-water");
    fields.put("wardCode", "0412");
    fields.put("description", "No water at the Wote market taps this week.");
    fields.put("submission", resident.submission());
    HttpResponse<String> filed = resident.postMultipart("/feedback/017", fields, List.of());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    String reference = find(REFERENCE, filed.headers().firstValue("Location").orElseThrow());
    assertThat(reference).startsWith("MKN-");
    assertThat(column(jdbc, reference, "department_ref", String.class)).isEqualTo(department);

    Map<String, String> added = new HashMap<>(water);
    added.put("nameEn", "Markets");
    added.put("nameSw", "Masoko");
    added.put("keywordEn", "MARKET");
    added.put("keywordSw", "SOKO");
    assertThat(staff.post("/feedback/017/service-areas", added).statusCode()).isEqualTo(302);
    assertThat(resident.get("/feedback/017/new").body()).contains("Markets");

    Browser otherCounty =
        FeedbackFixtures.staff(jdbc, "feedback-areas-016", "COUNTY_OFFICIAL", "016");
    assertThat(otherCounty.get("/feedback/017/service-areas").statusCode()).isEqualTo(403);
    otherCounty.get("/feedback/016/service-areas");
    assertThat(otherCounty.post("/feedback/017/service-areas/017-water", water).statusCode())
        .isEqualTo(403);
  }

  @Test
  void theDefaultServiceAreasOfACountyAreAddedOnceWhenFirstAskedForManyTimesAtOnce() {
    List<Integer> statuses =
        FeedbackFixtures.together(8, () -> new Resident().get("/feedback/018/new").statusCode());
    assertThat(statuses).containsOnly(200);
    assertThat(
            jdbc.sql("select count(*) from feedback_service_area where county_code = '018'")
                .query(Long.class)
                .single())
        .isEqualTo(8);
  }

  @Test
  void anAdministratorGivesTheCountyItsOwnSmsNumberAndUssdCode() {
    Browser admin = FeedbackFixtures.staff(jdbc, "feedback-admin", "ADMINISTRATOR", "019");
    HttpResponse<String> page = admin.get("/feedback/019/service-areas");
    assertThat(page.body()).contains("SMS number and USSD code of the county");
    HttpResponse<String> saved =
        admin.post(
            "/feedback/019/gateway-codes", Map.of("smsCode", "40019", "ussdCode", "*384*19#"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select county_code from feedback_gateway_code where code = '*384*19#'")
                .query(String.class)
                .single())
        .isEqualTo("019");
    admin.get("/feedback/019/service-areas");
    assertThat(
            admin
                .post("/feedback/019/gateway-codes", Map.of("smsCode", "call me", "ussdCode", ""))
                .statusCode())
        .isEqualTo(400);

    Browser official =
        FeedbackFixtures.staff(jdbc, "feedback-official-019", "COUNTY_OFFICIAL", "019");
    assertThat(official.get("/feedback/019/service-areas").body())
        .doesNotContain("SMS number and USSD code of the county");
    assertThat(
            official
                .post("/feedback/019/gateway-codes", Map.of("smsCode", "", "ussdCode", ""))
                .statusCode())
        .isEqualTo(403);
  }
}
