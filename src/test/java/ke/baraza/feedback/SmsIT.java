package ke.baraza.feedback;

import static ke.baraza.feedback.FeedbackFixtures.CODE;
import static ke.baraza.feedback.FeedbackFixtures.REFERENCE;
import static ke.baraza.feedback.FeedbackFixtures.cases;
import static ke.baraza.feedback.FeedbackFixtures.column;
import static ke.baraza.feedback.FeedbackFixtures.find;
import static ke.baraza.feedback.FeedbackFixtures.sms;
import static ke.baraza.feedback.FeedbackFixtures.smsTo;
import static ke.baraza.feedback.FeedbackFixtures.uniqueId;
import static ke.baraza.feedback.FeedbackFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complaints by SMS through the Africa's Talking callback: keyword, ward, problem; a reply with the
 * reference; one case however often the gateway retries.
 */
@BarazaIntegrationTest
class SmsIT {

  /** A short code no county claims: the ward tells the county. */
  static final String SHARED_CODE = "22384";

  @Autowired JdbcClient jdbc;

  @Test
  void anSmsWithKeywordWardAndProblemFilesACaseAndRepliesWithItsReferenceInKiswahili() {
    String phone = uniquePhone();
    HttpResponse<String> response =
        sms(phone, SHARED_CODE, "MAJI Kathiani ward no water for 5 days", uniqueId());
    assertThat(response.statusCode()).isEqualTo(200);

    List<String> replies = smsTo(phone);
    assertThat(replies).hasSize(1);
    String reply = replies.get(0);
    String reference = find(REFERENCE, reply);
    assertThat(reference).startsWith("MKS-");
    assertThat(reply)
        .contains("malalamiko yamepokelewa", "/track/" + reference)
        .containsPattern(CODE.pattern());
    assertThat(column(jdbc, reference, "ward_code", String.class)).isEqualTo("0391");
    assertThat(column(jdbc, reference, "description", String.class))
        .isEqualTo("no water for 5 days");
    assertThat(column(jdbc, reference, "channel", String.class)).isEqualTo("SMS");
    assertThat(column(jdbc, reference, "language", String.class)).isEqualTo("sw");
    assertThat(column(jdbc, reference, "status", String.class)).isEqualTo("RECEIVED");
    assertThat(column(jdbc, reference, "reporter_phone", String.class)).isEqualTo(phone);
    assertThat(
            jdbc.sql(
                    "select a.public_id from feedback_case c join feedback_service_area a"
                        + " on a.id = c.service_area_id where c.reference = ?")
                .param(reference)
                .query(String.class)
                .single())
        .isEqualTo("016-water");
    assertThat(column(jdbc, reference, "reporter_secret_hash", String.class))
        .as("only a hash of the code is kept")
        .doesNotContain(find(CODE, reply).replace("-", ""));
  }

  @Test
  void anEnglishKeywordGetsAnEnglishReplyAndAWholeWardNameWins() {
    String phone = uniquePhone();
    sms(phone, SHARED_CODE, "water: Upper Kaewa/Iveti   the borehole pump broke", uniqueId());
    String reply = smsTo(phone).get(0);
    String reference = find(REFERENCE, reply);
    assertThat(reply).startsWith("To: " + phone).contains("complaint received");
    assertThat(column(jdbc, reference, "ward_code", String.class)).isEqualTo("0392");
    assertThat(column(jdbc, reference, "language", String.class)).isEqualTo("en");
    assertThat(column(jdbc, reference, "description", String.class))
        .isEqualTo("the borehole pump broke");
  }

  @Test
  void aCallbackRetriedManyTimesAtOnceFilesOneCaseAndSendsOneReply() {
    String phone = uniquePhone();
    String id = uniqueId();
    long before = cases(jdbc);
    List<Integer> statuses =
        FeedbackFixtures.together(
            12,
            () ->
                sms(phone, SHARED_CODE, "AFYA Mitaboni the dispensary has no drugs", id)
                    .statusCode());
    assertThat(statuses).containsOnly(200);
    assertThat(cases(jdbc)).isEqualTo(before + 1);
    assertThat(
            jdbc.sql("select count(*) from feedback_case where intake_key = ?")
                .param("SMS:" + id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(smsTo(phone)).hasSize(1);

    assertThat(
            sms(phone, SHARED_CODE, "AFYA Mitaboni the dispensary has no drugs", id).statusCode())
        .isEqualTo(200);
    assertThat(cases(jdbc)).isEqualTo(before + 1);
    assertThat(smsTo(phone)).as("a later retry sends nothing again").hasSize(1);
  }

  @Test
  void messagesThatCannotBeFiledGetAReplySayingWhatToFixAndNoCase() {
    long before = cases(jdbc);

    String unknownKeyword = uniquePhone();
    sms(unknownKeyword, SHARED_CODE, "HELLO Mitaboni there is no water here", uniqueId());
    assertThat(smsTo(unknownKeyword).get(0))
        .contains(
            "tuma NENO WADI TATIZO", "send KEYWORD WARD PROBLEM", "MAJI/WATER", "AFYA/HEALTH");

    String unknownWard = uniquePhone();
    sms(unknownWard, SHARED_CODE, "MAJI Atlantis hakuna maji siku tano", uniqueId());
    assertThat(smsTo(unknownWard).get(0)).contains("hatukupata wadi yako");

    String ambiguous = uniquePhone();
    sms(ambiguous, SHARED_CODE, "ROADS Kangundo the road is cut off", uniqueId());
    assertThat(smsTo(ambiguous).get(0))
        .contains("which ward?", "Kangundo North", "Kangundo West", "full ward name");

    String tooShort = uniquePhone();
    sms(tooShort, SHARED_CODE, "MAJI Mitaboni maji", uniqueId());
    assertThat(smsTo(tooShort).get(0)).contains("herufi 10 au zaidi");

    String tooLong = uniquePhone();
    sms(tooLong, SHARED_CODE, "MAJI Mitaboni " + "x".repeat(10_000), uniqueId());
    assertThat(smsTo(tooLong).get(0)).contains("2,000");

    String empty = uniquePhone();
    assertThat(sms(empty, SHARED_CODE, "", uniqueId()).statusCode()).isEqualTo(200);
    assertThat(smsTo(empty).get(0)).contains("MAJI/WATER");

    assertThat(cases(jdbc)).isEqualTo(before);
  }

  @Test
  void theCountyOfItsOwnNumberLimitsTheWardsToItsOwn() {
    jdbc.sql(
            "insert into feedback_gateway_code (channel, code, county_code) values"
                + " ('SMS', '40016', '016')")
        .update();
    String phone = uniquePhone();
    sms(phone, "40016", "AFYA Mua the clinic has been closed all week", uniqueId());
    String reference = find(REFERENCE, smsTo(phone).get(0));
    assertThat(column(jdbc, reference, "ward_code", String.class)).isEqualTo("0399");

    String elsewhere = uniquePhone();
    sms(elsewhere, "40016", "AFYA Kipevu the clinic has been closed all week", uniqueId());
    assertThat(smsTo(elsewhere).get(0)).as("Kipevu is in Mombasa").contains("hatukupata wadi");
  }

  @Test
  void aNumberThatFilesTooManyCasesInAnHourIsToldSoAndNothingMoreIsFiled() {
    String phone = uniquePhone();
    for (int i = 0; i < 5; i++) {
      sms(phone, SHARED_CODE, "TAKA Mitaboni rubbish not collected, week " + i, uniqueId());
    }
    long before = cases(jdbc);
    assertThat(sms(phone, SHARED_CODE, "TAKA Mitaboni rubbish again", uniqueId()).statusCode())
        .isEqualTo(200);
    assertThat(cases(jdbc)).isEqualTo(before);
    List<String> replies = smsTo(phone);
    assertThat(replies).hasSize(6);
    assertThat(replies).anySatisfy(r -> assertThat(r).contains("Malalamiko mengi mno"));
  }

  @Test
  void malformedCallbacksAreRefusedAndStoreNothing() {
    long before = cases(jdbc);
    assertThat(sms(uniquePhone(), SHARED_CODE, "MAJI Mitaboni no water for days", "").statusCode())
        .isEqualTo(400);
    String foreign = "+12025550100";
    assertThat(
            sms(foreign, SHARED_CODE, "MAJI Mitaboni no water for days", uniqueId()).statusCode())
        .isEqualTo(400);
    assertThat(sms("0712", SHARED_CODE, "MAJI Mitaboni no water for days", uniqueId()).statusCode())
        .isEqualTo(400);
    assertThat(smsTo(foreign)).isEmpty();
    assertThat(cases(jdbc)).isEqualTo(before);

    HttpResponse<String> get = new Browser().get("/channels/africastalking/sms");
    assertThat(get.statusCode()).as("the callback takes POST only").isNotEqualTo(200);
  }
}
