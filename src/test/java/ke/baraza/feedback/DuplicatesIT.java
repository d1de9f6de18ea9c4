package ke.baraza.feedback;

import static ke.baraza.feedback.CaseworkFixtures.act;
import static ke.baraza.feedback.CaseworkFixtures.messagesTo;
import static ke.baraza.feedback.FeedbackFixtures.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import ke.baraza.feedback.CaseworkFixtures.Case;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open cases of the same service area in the same ward are suggested on the public form and on the
 * officer's case page; an officer merges a duplicate into a primary case, and every reporter keeps
 * hearing of its progress.
 */
@BarazaIntegrationTest
class DuplicatesIT {

  static final String MERU = "012";

  @Autowired JdbcClient jdbc;

  @Test
  void theFormSuggestsOpenCasesOfTheSameAreaAndWardWithoutTheirDetails() {
    Browser official = FeedbackFixtures.staff(jdbc, "meru-form", "COUNTY_OFFICIAL", MERU);
    List<String> wards = CaseworkFixtures.wards(jdbc, MERU);
    Case open =
        CaseworkFixtures.file("en", MERU, "roads", wards.get(1), "Bridge at the river is broken.");
    Case rejected =
        CaseworkFixtures.file("en", MERU, "roads", wards.get(1), "The bridge rail is missing.");
    act(official, MERU, rejected.reference(), "reject", Map.of("text", "Already repaired."));

    Resident resident = new Resident();
    HttpResponse<String> fragment =
        resident.get(
            "/feedback/"
                + MERU
                + "/similar?serviceArea="
                + MERU
                + "-roads&wardCode="
                + wards.get(1));
    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.body())
        .contains(open.reference(), "Received", "same problem")
        .doesNotContain(rejected.reference(), "Bridge at the river", open.phone(), "<html");
    assertThat(
            resident
                .get(
                    "/feedback/"
                        + MERU
                        + "/similar?serviceArea="
                        + MERU
                        + "-water&wardCode="
                        + wards.get(1))
                .body())
        .doesNotContain(open.reference());
    assertThat(
            resident
                .get(
                    "/feedback/"
                        + MERU
                        + "/similar?serviceArea="
                        + MERU
                        + "-roads&wardCode="
                        + wards.get(2))
                .body())
        .doesNotContain(open.reference());
    assertThat(new Resident("sw").get("/feedback/" + MERU + "/new").body())
        .contains("hx-get=\"similar\"", "id=\"similar\"");
  }

  @Test
  void anOfficerMergesADuplicateAndBothReportersFollowThePrimaryCase() {
    Browser official = FeedbackFixtures.staff(jdbc, "meru-merge", "COUNTY_OFFICIAL", MERU);
    String ward = CaseworkFixtures.wards(jdbc, MERU).getFirst();
    Case primary =
        CaseworkFixtures.file(
            "en", MERU, "water", ward, "The borehole pump at the market is broken.");
    Case duplicate =
        CaseworkFixtures.file("sw", MERU, "water", ward, "Pampu ya kisima sokoni imeharibika.");

    HttpResponse<String> page =
        official.get("/feedback/" + MERU + "/casework/" + duplicate.reference());
    assertThat(page.body()).contains("Possible duplicates", primary.reference());
    HttpResponse<String> merged =
        act(official, MERU, duplicate.reference(), "merge", Map.of("primary", primary.reference()));
    assertThat(merged.statusCode()).isEqualTo(302);
    assertThat(column(jdbc, duplicate.reference(), "status", String.class)).isEqualTo("CLOSED");
    assertThat(messagesTo(duplicate.phone()).getLast())
        .contains("limeunganishwa", duplicate.reference(), primary.reference());
    assertThat(new Resident("sw").get("/track/" + duplicate.reference()).body())
        .contains("limeunganishwa nalo", "/track/" + primary.reference());
    assertThat(official.get("/feedback/" + MERU + "/casework?status=all").body())
        .contains(primary.reference())
        .doesNotContain(duplicate.reference());
    assertThat(official.get("/feedback/" + MERU + "/casework/" + primary.reference()).body())
        .contains("Duplicate joined into this complaint", duplicate.reference());

    act(official, MERU, primary.reference(), "acknowledge", Map.of());
    assertThat(messagesTo(primary.phone()).getLast())
        .contains("acknowledged your complaint " + primary.reference());
    assertThat(messagesTo(duplicate.phone()).getLast())
        .contains("imekiri kupokea lalamiko lako " + duplicate.reference());
    act(
        official,
        MERU,
        primary.reference(),
        "reply",
        Map.of("text", "A new pump comes on Monday."));
    assertThat(messagesTo(duplicate.phone()).getLast()).contains("A new pump comes on Monday.");
  }

  @Test
  void aCaseCannotBeMergedIntoItselfAClosedCaseOrAnotherCountysCase() {
    Browser official = FeedbackFixtures.staff(jdbc, "meru-refused", "COUNTY_OFFICIAL", MERU);
    String ward = CaseworkFixtures.wards(jdbc, MERU).getLast();
    Case one = CaseworkFixtures.file("en", MERU, "water", ward, "Leaking pipe near the school.");
    Case closed = CaseworkFixtures.file("en", MERU, "water", ward, "Leaking pipe near the church.");
    act(official, MERU, closed.reference(), "reject", Map.of("text", "Private pipe."));
    Case elsewhere =
        CaseworkFixtures.file(
            "en",
            "022",
            "water",
            CaseworkFixtures.wards(jdbc, "022").getLast(),
            "Leak in Kiambu town.");

    assertThat(
            act(official, MERU, one.reference(), "merge", Map.of("primary", one.reference()))
                .statusCode())
        .isEqualTo(409);
    assertThat(
            act(official, MERU, one.reference(), "merge", Map.of("primary", closed.reference()))
                .statusCode())
        .isEqualTo(409);
    HttpResponse<String> foreign =
        act(official, MERU, one.reference(), "merge", Map.of("primary", elsewhere.reference()));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("There is no such open complaint to merge into.");
    assertThat(column(jdbc, one.reference(), "status", String.class)).isEqualTo("RECEIVED");
  }
}
