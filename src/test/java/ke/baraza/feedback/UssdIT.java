package ke.baraza.feedback;

import static ke.baraza.feedback.FeedbackFixtures.CODE;
import static ke.baraza.feedback.FeedbackFixtures.REFERENCE;
import static ke.baraza.feedback.FeedbackFixtures.cases;
import static ke.baraza.feedback.FeedbackFixtures.column;
import static ke.baraza.feedback.FeedbackFixtures.find;
import static ke.baraza.feedback.FeedbackFixtures.smsTo;
import static ke.baraza.feedback.FeedbackFixtures.uniqueId;
import static ke.baraza.feedback.FeedbackFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.testing.BarazaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The USSD menu driven end to end through the Africa's Talking callback, as a feature phone would:
 * every request carries all answers so far.
 */
@BarazaIntegrationTest
class UssdIT {

  /** A code no county claims: the menu asks for the county. */
  static final String SHARED_CODE = "*384*22#";

  @Autowired JdbcClient jdbc;

  /** One caller's session: posts the answers so far and checks every reply's shape. */
  static final class Session {
    final String id = uniqueId();
    final String phone = uniquePhone();
    final String code;
    String text = "";

    Session(String code) {
      this.code = code;
    }

    String start() {
      return post("");
    }

    /** Answers the current screen. */
    String answer(String answer) {
      text = text.isEmpty() ? answer : text + "*" + answer;
      return post(text);
    }

    /** Pages through the current menu until {@code label} shows, and answers its number. */
    String choose(String screen, String label) {
      String current = screen;
      for (int page = 0; page < 10; page++) {
        Matcher m =
            Pattern.compile("(?m)^(\\d+)\\. " + Pattern.quote(label) + "$").matcher(current);
        if (m.find()) {
          return answer(m.group(1));
        }
        assertThat(current).as("%s not found", label).contains("98. ");
        current = answer("98");
      }
      throw new AssertionError(label + " not found");
    }

    String post(String body) {
      HttpResponse<String> response = FeedbackFixtures.ussd(id, code, phone, body);
      assertThat(response.statusCode()).as(body).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(response.body()).as(body).matches("(?s)(CON|END) .+");
      assertThat(response.body().length()).as(response.body()).isLessThanOrEqualTo(182);
      return response.body();
    }
  }

  @Test
  void aCallerReportsAProblemInKiswahiliAndGetsAReferenceAndTheCodeBySms() {
    Session session = new Session(SHARED_CODE);
    assertThat(session.start()).startsWith("CON ").contains("1. English", "2. Kiswahili");
    assertThat(session.answer("2")).contains("1. Ripoti tatizo", "2. Fuatilia malalamiko");
    String counties = session.answer("1");
    assertThat(counties).contains("Kaunti yako:", "98. Zaidi");
    String areas = session.choose(counties, "Machakos");
    assertThat(areas).contains("Yanahusu nini?");
    String subCounties = session.choose(areas, "Maji na usafi");
    String wards = session.choose(subCounties, "Kathiani");
    String description = session.choose(wards, "Kathiani Central");
    assertThat(description).contains("Eleza tatizo");
    String confirm = session.answer("Bomba la maji limevunjika sokoni");
    assertThat(confirm).contains("Tuma malalamiko haya?", "Kathiani Central", "1. Tuma");

    long before = cases(jdbc);
    String end = session.answer("1");
    assertThat(end).startsWith("END Asante. Nambari yako ya kumbukumbu ni MKS-");
    String reference = find(REFERENCE, end);
    assertThat(cases(jdbc)).isEqualTo(before + 1);
    assertThat(column(jdbc, reference, "channel", String.class)).isEqualTo("USSD");
    assertThat(column(jdbc, reference, "language", String.class)).isEqualTo("sw");
    assertThat(column(jdbc, reference, "ward_code", String.class)).isEqualTo("0391");
    assertThat(column(jdbc, reference, "reporter_phone", String.class)).isEqualTo(session.phone);
    assertThat(column(jdbc, reference, "description", String.class))
        .isEqualTo("Bomba la maji limevunjika sokoni");
    List<String> sms = smsTo(session.phone);
    assertThat(sms).hasSize(1);
    assertThat(sms.get(0)).contains(reference).containsPattern(CODE.pattern());
  }

  @Test
  void theGatewayRepeatingTheLastRequestGetsTheSameReferenceAndNoSecondCase() {
    Session session = new Session(SHARED_CODE);
    session.text = "1*1";
    String areas = session.choose(session.post("1*1"), "Machakos");
    String subCounties = session.choose(areas, "Roads");
    String wards = session.choose(subCounties, "Kathiani");
    session.choose(wards, "Mitaboni");
    session.answer("The bridge at the market was washed away");
    String last = session.text + "*1";
    long before = cases(jdbc);
    List<String> replies = FeedbackFixtures.together(8, () -> session.post(last));
    assertThat(cases(jdbc)).isEqualTo(before + 1);
    String reference = find(REFERENCE, replies.get(0));
    assertThat(replies).allSatisfy(r -> assertThat(r).startsWith("END ").contains(reference));
    assertThat(smsTo(session.phone)).hasSize(1);
  }

  @Test
  void aCallerChecksTheStatusOfAReference() {
    Session filer = new Session(SHARED_CODE);
    filer.text = "1*1";
    String areas = filer.choose(filer.post("1*1"), "Machakos");
    filer.choose(filer.choose(filer.choose(areas, "Health"), "Kathiani"), "Mitaboni");
    filer.answer("No nurse at the dispensary on Monday");
    String reference = find(REFERENCE, filer.answer("1"));

    Session checker = new Session(SHARED_CODE);
    assertThat(checker.post("1*2")).contains("Enter the reference number");
    assertThat(checker.post("1*2*" + reference.toLowerCase()))
        .startsWith("END " + reference + ": Received since ");
    assertThat(checker.post("2*2*" + reference)).startsWith("END " + reference + ": Imepokelewa");
    assertThat(checker.post("1*2*MKS-22222"))
        .isEqualTo("END No complaint has that reference number.");
    assertThat(checker.post("1*2*nonsense"))
        .isEqualTo("END No complaint has that reference number.");
  }

  @Test
  void malformedTextGetsAnEndReplyAndFilesNothing() {
    long before = cases(jdbc);
    Session session = new Session(SHARED_CODE);
    for (String text :
        List.of("1**2", "1*", "abc", "7", "1*1*999", "1*1*x" + "*1".repeat(50), "9".repeat(2000))) {
      assertThat(session.post(text)).as(text).startsWith("END ");
    }
    assertThat(session.post("1**2")).isEqualTo("END Invalid choice. Please dial again.");
    assertThat(session.post("*1"))
        .isEqualTo(
            "END Chaguo si sahihi. Tafadhali piga tena.\nInvalid choice. Please dial again.");
    assertThat(FeedbackFixtures.ussd(uniqueId(), SHARED_CODE, "+12025550100", "").body())
        .startsWith("END ")
        .contains("Only Kenyan phone numbers");
    assertThat(FeedbackFixtures.ussd("", SHARED_CODE, uniquePhone(), "1").statusCode())
        .isEqualTo(400);
    assertThat(cases(jdbc)).isEqualTo(before);
  }

  @Test
  void theServiceCodeOfACountySkipsTheCountyQuestion() {
    jdbc.sql(
            "insert into feedback_gateway_code (channel, code, county_code) values"
                + " ('USSD', '*384*16#', '016')")
        .update();
    Session session = new Session("*384*16#");
    String areas = session.post("1*1");
    assertThat(areas).contains("What is it about?", "1. Water and sanitation");
    session.text = "1*1";
    String wards = session.choose(session.choose(areas, "Land"), "Kathiani");
    session.choose(wards, "Lower Kaewa/Kaani");
    session.answer("Boundary dispute blocks the access road");
    String reference = find(REFERENCE, session.answer("1"));
    assertThat(column(jdbc, reference, "ward_code", String.class)).isEqualTo("0393");
  }
}
