package ke.baraza.feedback;

import static ke.baraza.feedback.FeedbackFixtures.CODE;
import static ke.baraza.feedback.FeedbackFixtures.REFERENCE;
import static ke.baraza.feedback.FeedbackFixtures.find;
import static ke.baraza.feedback.FeedbackFixtures.sms;
import static ke.baraza.feedback.FeedbackFixtures.smsTo;
import static ke.baraza.feedback.FeedbackFixtures.uniqueId;
import static ke.baraza.feedback.FeedbackFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import ke.baraza.testing.BarazaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Public tracking shows status and public replies only; the private code, sent in a POST body,
 * opens the details and lets the reporter reply.
 */
@BarazaIntegrationTest
class TrackingIT {

  @Autowired JdbcClient jdbc;

  /** A case filed by SMS whose description names a person and a phone number. */
  record Filed(String reference, String code, String phone) {}

  Filed fileBySms() {
    String phone = uniquePhone();
    sms(phone, "22384", "MAJI Mitaboni Mama Njeri 0722000111 says the kiosk is dry", uniqueId());
    String reply = smsTo(phone).get(0);
    return new Filed(find(REFERENCE, reply), find(CODE, reply), phone);
  }

  void addEvent(String reference, String kind, String body) {
    jdbc.sql(
            "insert into feedback_case_event (case_id, happened_at, kind, body) select id, ?, ?, ?"
                + " from feedback_case where reference = ?")
        .params(OffsetDateTime.now().plusMinutes(1), kind, body, reference)
        .update();
  }

  @Test
  void thePublicPageShowsTheStatusTimelineAndPublicRepliesButNoPersonalData() {
    Filed filed = fileBySms();
    addEvent(filed.reference(), "PUBLIC_REPLY", "A water bowser will come on Friday.");
    addEvent(filed.reference(), "REPORTER_REPLY", "Thank you, my neighbour Wanjiku agrees.");

    HttpResponse<String> page = new Resident().get("/track/" + filed.reference());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            filed.reference(),
            "Received",
            "Water and sanitation",
            "Mitaboni, Machakos",
            "Reply from the county",
            "A water bowser will come on Friday.")
        .doesNotContain(
            "Mama Njeri",
            "0722000111",
            "kiosk",
            "Wanjiku",
            filed.phone(),
            filed.phone().substring(4),
            filed.code(),
            "SMS");

    HttpResponse<String> kiswahili = new Resident("sw").get("/track/" + filed.reference());
    assertThat(kiswahili.body()).contains("Imepokelewa", "Maji na usafi", "Jibu kutoka kaunti");
    assertThat(new Resident().get("/track/" + filed.reference().toLowerCase()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anUnknownReferenceIsANotFoundPageInTheReadersLanguage() {
    HttpResponse<String> english = new Resident().get("/track/MKS-22222");
    assertThat(english.statusCode()).isEqualTo(404);
    assertThat(english.body()).contains("We could not find a complaint with that reference");
    HttpResponse<String> kiswahili = new Resident("sw").get("/track/MKS-22222");
    assertThat(kiswahili.statusCode()).isEqualTo(404);
    assertThat(kiswahili.body()).contains("Hatukupata malalamiko yenye nambari hiyo");
    assertThat(new Resident().get("/track/%3Cscript%3E").statusCode()).isEqualTo(404);
    assertThat(new Resident().get("/track?reference=MKS-22222").statusCode()).isEqualTo(404);
  }

  @Test
  void aReferenceTypedInTheSearchFormLeadsToItsPage() {
    Filed filed = fileBySms();
    String typed = filed.reference().toLowerCase().replace("-", " ");
    HttpResponse<String> found = new Resident().get("/track?reference=" + typed.replace(" ", "+"));
    assertThat(found.statusCode()).isEqualTo(302);
    assertThat(found.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/track/" + filed.reference()));
  }

  @Test
  void theReporterOpensTheDetailsWithThePrivateCodeAndReplies() {
    Filed filed = fileBySms();
    Resident reporter = new Resident();
    reporter.get("/track/" + filed.reference());
    HttpResponse<String> details =
        reporter.post("/track/" + filed.reference(), Map.of("code", filed.code().toLowerCase()));
    assertThat(details.statusCode()).isEqualTo(200);
    assertThat(details.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(details.body())
        .contains("Mama Njeri 0722000111 says the kiosk is dry", "SMS", "+2547***")
        .doesNotContain(filed.phone());

    String submission =
        find(
            java.util.regex.Pattern.compile("(?<=name=\"submission\" value=\")[A-Z0-9]+"),
            details.body());
    Map<String, String> reply =
        Map.of(
            "code",
            filed.code(),
            "reply",
            "The kiosk opened again today.",
            "submission",
            submission);
    HttpResponse<String> sent = reporter.post("/track/" + filed.reference() + "/replies", reply);
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body())
        .contains("Your reply was added.", "You wrote", "The kiosk opened again today.");
    reporter.post("/track/" + filed.reference() + "/replies", reply);
    assertThat(
            jdbc.sql(
                    "select count(*) from feedback_case_event e join feedback_case c on c.id ="
                        + " e.case_id where c.reference = ? and e.kind = 'REPORTER_REPLY'")
                .param(filed.reference())
                .query(Long.class)
                .single())
        .as("the same form twice adds one reply")
        .isEqualTo(1);
    assertThat(new Resident().get("/track/" + filed.reference()).body())
        .doesNotContain("The kiosk opened again today.");

    HttpResponse<String> empty =
        reporter.post(
            "/track/" + filed.reference() + "/replies",
            Map.of("code", filed.code(), "reply", " ", "submission", submission + "X"));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Write a reply of 2 to 2,000 characters.");
  }

  @Test
  void aWrongCodeOpensNothingAndManyWrongCodesLockTheCaseForAnHour() {
    Filed filed = fileBySms();
    Resident stranger = new Resident();
    stranger.get("/track/" + filed.reference());
    HttpResponse<String> wrong =
        stranger.post("/track/" + filed.reference(), Map.of("code", "2222-2222-2222-2222"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body())
        .contains("That private code does not match this complaint.")
        .doesNotContain("kiosk");
    assertThat(
            stranger
                .post(
                    "/track/" + filed.reference() + "/replies",
                    Map.of("code", "2222-2222-2222-2222", "reply", "I am not the reporter"))
                .statusCode())
        .isEqualTo(403);
    for (int i = 0; i < 9; i++) {
      stranger.post("/track/" + filed.reference(), Map.of("code", "x"));
    }
    HttpResponse<String> locked =
        stranger.post("/track/" + filed.reference(), Map.of("code", filed.code()));
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("Too many wrong codes").doesNotContain("kiosk");
  }

  @Test
  void theCodeInAnAddressOpensNothing() {
    Filed filed = fileBySms();
    HttpResponse<String> page =
        new Resident().get("/track/" + filed.reference() + "?code=" + filed.code());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("kiosk");
  }
}
