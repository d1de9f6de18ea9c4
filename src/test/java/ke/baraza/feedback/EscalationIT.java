package ke.baraza.feedback;

import static ke.baraza.feedback.CaseworkFixtures.messagesTo;
import static ke.baraza.feedback.FeedbackFixtures.column;
import static ke.baraza.feedback.FeedbackFixtures.together;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import ke.baraza.feedback.CaseworkFixtures.Case;
import ke.baraza.feedback.internal.Escalations;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalation job, called directly with a clock moved past the service charter: a case goes one
 * rung up its county's ladder once, however many times (and on however many nodes) the job runs.
 */
@BarazaIntegrationTest
class EscalationIT {

  /** Laikipia: a charter of one day to acknowledge, two to resolve. */
  static final String LAIKIPIA = "031";

  @Autowired JdbcClient jdbc;
  @Autowired Escalations escalations;

  static Clock in(Duration later) {
    return Clock.offset(Clock.systemUTC(), later);
  }

  long escalations(String reference) {
    return jdbc.sql(
            "select count(*) from feedback_case_event e join feedback_case c on c.id = e.case_id"
                + " where c.reference = ? and e.kind = 'ESCALATED'")
        .param(reference)
        .query(Long.class)
        .single();
  }

  Browser routeWater(String county, int ack, int resolve) {
    Browser official =
        FeedbackFixtures.staff(jdbc, "escalation-official", "COUNTY_OFFICIAL", county);
    String department = CaseworkFixtures.department(official, county, "Water Department");
    CaseworkFixtures.routeWater(official, county, department, ack, resolve);
    return official;
  }

  @Test
  void aLateCaseIsEscalatedOnceEvenWhenTheJobRunsTwiceAndOnSeveralNodesAtOnce() {
    Browser official = routeWater(LAIKIPIA, 1, 2);
    String ward = CaseworkFixtures.wards(jdbc, LAIKIPIA).getFirst();
    Case late = CaseworkFixtures.file("sw", LAIKIPIA, "water", ward, "Hakuna maji kijijini kwetu.");
    Case handled =
        CaseworkFixtures.file("en", LAIKIPIA, "water", ward, "The dam outlet is blocked.");
    CaseworkFixtures.act(official, LAIKIPIA, handled.reference(), "acknowledge", Map.of());

    escalations.escalateDue(in(Duration.ofHours(20)));
    assertThat(escalations(late.reference())).isZero();

    Clock dayLater = in(Duration.ofHours(25));
    assertThat(escalations.escalateDue(dayLater)).isPositive();
    escalations.escalateDue(dayLater);
    List<Integer> concurrent = together(4, () -> escalations.escalateDue(dayLater));
    assertThat(concurrent).containsOnly(0);

    assertThat(escalations(late.reference())).isEqualTo(1);
    assertThat(column(jdbc, late.reference(), "escalation_level", Integer.class)).isEqualTo(1);
    assertThat(escalations(handled.reference())).isZero();
    List<String> messages = messagesTo(late.phone());
    assertThat(messages).hasSize(2);
    assertThat(messages.getLast())
        .contains("limepelekwa ngazi ya juu: Msimamizi wa kaunti ndogo", late.reference());
    assertThat(new Resident().get("/track/" + late.reference()).body())
        .contains("Taken up to: Sub-county administrator");
    assertThat(official.get("/feedback/" + LAIKIPIA + "/casework/" + late.reference()).body())
        .contains("Sub-county administrator");

    // the next rung gets a full period of its own, from the escalation
    escalations.escalateDue(in(Duration.ofHours(40)));
    assertThat(escalations(late.reference())).isEqualTo(1);
    escalations.escalateDue(in(Duration.ofHours(50)));
    escalations.escalateDue(in(Duration.ofHours(75)));
    escalations.escalateDue(in(Duration.ofHours(100)));
    assertThat(column(jdbc, late.reference(), "escalation_level", Integer.class)).isEqualTo(3);
    assertThat(messagesTo(late.phone()).getLast()).contains("Ombudsman");
    // the Ombudsman is the top of the default ladder
    escalations.escalateDue(in(Duration.ofDays(30)));
    assertThat(escalations(late.reference())).isEqualTo(3);
  }

  @Test
  void countyStaffSetTheirOwnLadderWhichReplacesTheDefault() {
    String nyandarua = "018";
    Browser official = routeWater(nyandarua, 1, 2);
    String path = "/feedback/" + nyandarua + "/escalation-ladder";
    assertThat(official.get(path).body())
        .contains("uses the default ladder", "Sub-county administrator", "Ombudsman");
    HttpResponse<String> single =
        official.post(path, Map.of("en0", "Water officer", "sw0", "Afisa wa maji"));
    assertThat(single.statusCode()).isEqualTo(400);
    assertThat(single.body()).contains("between 2 and 6 levels");
    HttpResponse<String> saved =
        official.post(
            path,
            Map.of(
                "en0", "Water officer",
                "sw0", "Afisa wa maji",
                "en1", "Chief Officer for Water",
                "sw1", "Afisa Mkuu wa Maji"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(official.follow(saved).body())
        .contains("The escalation ladder is saved.", "Chief Officer for Water")
        .doesNotContain("uses the default ladder", "Ombudsman");
    Browser stranger = FeedbackFixtures.staff(jdbc, "ladder-stranger", "COUNTY_OFFICIAL", "047");
    assertThat(stranger.get(path).statusCode()).isEqualTo(403);
    assertThat(stranger.post(path, Map.of("en0", "x", "sw0", "y")).statusCode()).isEqualTo(403);

    String ward = CaseworkFixtures.wards(jdbc, nyandarua).getFirst();
    Case late = CaseworkFixtures.file("en", nyandarua, "water", ward, "Pipes dry for a week now.");
    escalations.escalateDue(in(Duration.ofHours(25)));
    escalations.escalateDue(in(Duration.ofHours(50)));
    escalations.escalateDue(in(Duration.ofDays(10)));

    assertThat(escalations(late.reference())).isEqualTo(1);
    assertThat(messagesTo(late.phone()).getLast()).contains("taken up to: Chief Officer for Water");
  }
}
