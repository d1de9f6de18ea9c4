package ke.baraza.budget;

import static ke.baraza.budget.BudgetFixtures.KAKAMEGA;
import static ke.baraza.budget.BudgetFixtures.MACHAKOS;
import static ke.baraza.budget.BudgetFixtures.calendar;
import static ke.baraza.budget.BudgetFixtures.milestone;
import static ke.baraza.budget.BudgetFixtures.milestonePath;
import static ke.baraza.budget.BudgetFixtures.onMilestone;
import static ke.baraza.budget.BudgetFixtures.today;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The budget calendar: statutory milestones from the defaults table, dates corrected by the
 * county's staff with a reason and a legal reference, documents moving forward, late and
 * unpublished ones flagged in public. Each test uses its own fiscal year, since they share one
 * database.
 */
@BarazaIntegrationTest
class BudgetCalendarIT {

  @Autowired JdbcClient jdbc;

  @Test
  void aFiscalYearHasTheStatutoryMilestonesOfThePfmAct() {
    JsonNode year = calendar(MACHAKOS, "2025-26");
    assertThat(year.get("county").asText()).isEqualTo(MACHAKOS);
    assertThat(year.get("fiscalYear").asText()).isEqualTo("2025-26");
    List<String> codesAndDates = new ArrayList<>();
    year.get("milestones")
        .forEach(
            m -> codesAndDates.add(m.get("code").asText() + " " + m.get("statutoryDate").asText()));
    assertThat(codesAndDates)
        .containsExactly(
            "CIRCULAR 2024-08-30",
            "ADP 2024-09-01",
            "CBROP 2024-09-30",
            "CFSP 2025-02-28",
            "ESTIMATES 2025-04-30",
            "APPROPRIATION 2025-06-30",
            "QIR1 2025-10-31",
            "QIR2 2026-01-31",
            "QIR3 2026-04-30",
            "QIR4 2026-07-31");
    JsonNode cfsp = milestone(year, "CFSP");
    assertThat(cfsp.get("legalReference").asText()).contains("PFM Act 2012 s. 117");
    assertThat(cfsp.get("dueDate").asText()).isEqualTo("2025-02-28");
    assertThat(cfsp.get("actualDate").isNull()).isTrue();

    JsonNode cidpYear = calendar(MACHAKOS, "2028-29");
    assertThat(milestone(cidpYear, "CIDP").get("statutoryDate").asText()).isEqualTo("2027-09-01");
  }

  @Test
  void anUnknownCountyOrAMalformedFiscalYearIsRefusedClearly() {
    HttpResponse<String> year =
        new Browser().get("/api/v1/budget/calendar?county=037&fy=2025-27", "application/json");
    assertThat(year.statusCode()).isEqualTo(400);
    assertThat(year.body()).contains("2025-26");
    assertThat(
            new Browser()
                .get("/api/v1/budget/calendar?county=099&fy=2025-26", "application/json")
                .statusCode())
        .isEqualTo(404);
    assertThat(new Browser().get("/budget/counties/037/2025").statusCode()).isEqualTo(400);
  }

  @Test
  void countyStaffCorrectADateWithAReasonAndTheLawAndEveryoneSeesIt() {
    Browser official = staff(jdbc, "budget-official", "COUNTY_OFFICIAL", KAKAMEGA);
    HttpResponse<String> moved =
        onMilestone(
            official,
            KAKAMEGA,
            "2031-32",
            "CFSP",
            "date",
            Map.of(
                "date", "2031-03-07",
                "reason", "The Assembly extended the deadline by resolution",
                "legalReference", "PFM Act 2012 s. 117(2); Assembly resolution 12/2031"));
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);

    JsonNode cfsp = milestone(calendar(KAKAMEGA, "2031-32"), "CFSP");
    assertThat(cfsp.get("statutoryDate").asText()).isEqualTo("2031-02-28");
    assertThat(cfsp.get("dueDate").asText()).isEqualTo("2031-03-07");
    assertThat(cfsp.get("legalReference").asText()).contains("Assembly resolution 12/2031");
    String page = new Browser().get(milestonePath(KAKAMEGA, "2031-32", "CFSP")).body();
    assertThat(page)
        .contains("The Assembly extended the deadline by resolution")
        .contains("2031-02-28 → 2031-03-07")
        .doesNotContain("id=\"move-date\"");
    assertThat(
            jdbc.sql("select count(*) from audit_event where action = 'budget:date-moved'")
                .query(Integer.class)
                .single())
        .isPositive();
  }

  @Test
  void aDateMovedWithoutAReasonOrLegalReferenceIsRefusedAndNothingChanges() {
    Browser official = staff(jdbc, "budget-official", "COUNTY_OFFICIAL", KAKAMEGA);
    HttpResponse<String> noReason =
        onMilestone(
            official,
            KAKAMEGA,
            "2032-33",
            "ADP",
            "date",
            Map.of("date", "2031-09-15", "reason", " ", "legalReference", ""));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body())
        .contains("a date is never moved without a reason")
        .contains("Give the legal reference");
    HttpResponse<String> badDate =
        onMilestone(
            official,
            KAKAMEGA,
            "2032-33",
            "ADP",
            "date",
            Map.of("date", "15/09/2031", "reason", "r", "legalReference", "l"));
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("yyyy-mm-dd");
    assertThat(milestone(calendar(KAKAMEGA, "2032-33"), "ADP").get("dueDate").asText())
        .isEqualTo("2031-09-01");
  }

  @Test
  void onlyTheCountysOwnStaffMoveItsDatesAndDocuments() {
    Browser otherCounty = staff(jdbc, "budget-machakos", "COUNTY_OFFICIAL", MACHAKOS);
    Map<String, String> move =
        Map.of("date", "2033-03-10", "reason", "Because", "legalReference", "s. 117");
    otherCounty.get(milestonePath(MACHAKOS, "2033-34", "CFSP"));
    assertThat(
            otherCounty
                .post(milestonePath(KAKAMEGA, "2033-34", "CFSP") + "/date", move)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            otherCounty
                .post(
                    milestonePath(KAKAMEGA, "2033-34", "CFSP") + "/status",
                    Map.of("status", "SUBMITTED"))
                .statusCode())
        .isEqualTo(403);
    Browser anonymous = new Browser();
    anonymous.get(milestonePath(KAKAMEGA, "2033-34", "CFSP"));
    assertThat(
            anonymous.post(milestonePath(KAKAMEGA, "2033-34", "CFSP") + "/date", move).statusCode())
        .as("sent to sign in, or refused for want of a form's token")
        .isIn(302, 403);
    JsonNode cfsp = milestone(calendar(KAKAMEGA, "2033-34"), "CFSP");
    assertThat(cfsp.get("dueDate").asText()).isEqualTo("2033-02-28");
    assertThat(cfsp.get("status").isNull()).isTrue();
  }

  @Test
  void documentsMoveForwardOnlyAndLateOrUnpublishedOnesAreFlaggedInPublic() {
    Browser official = staff(jdbc, "budget-official", "COUNTY_OFFICIAL", KAKAMEGA);
    String fy = "2020-21";
    assertThat(
            onMilestone(official, KAKAMEGA, fy, "CFSP", "status", Map.of("status", "SUBMITTED"))
                .statusCode())
        .isEqualTo(302);
    JsonNode cfsp = milestone(calendar(KAKAMEGA, fy), "CFSP");
    assertThat(cfsp.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(cfsp.get("actualDate").asText()).isEqualTo(today().toString());
    assertThat(cfsp.get("late").asBoolean()).isTrue();
    assertThat(cfsp.get("unpublished").asBoolean()).isTrue();

    HttpResponse<String> back =
        onMilestone(official, KAKAMEGA, fy, "CFSP", "status", Map.of("status", "DRAFTED"));
    assertThat(back.statusCode()).isEqualTo(400);
    assertThat(back.body()).contains("only moves forward");

    onMilestone(official, KAKAMEGA, fy, "CFSP", "status", Map.of("status", "PUBLISHED"));
    cfsp = milestone(calendar(KAKAMEGA, fy), "CFSP");
    assertThat(cfsp.get("publishedOn").asText()).isEqualTo(today().toString());
    assertThat(cfsp.get("unpublished").asBoolean()).isFalse();
    assertThat(cfsp.get("actualDate").asText()).as("met once").isEqualTo(today().toString());

    String page = new Browser().get("/budget/counties/037/" + fy).body();
    assertThat(page).contains("id=\"milestone-CFSP\"").contains("Not published").contains("Late");
    String kiswahili = new Browser().get("/budget/counties/037/" + fy + "?lang=sw").body();
    assertThat(kiswahili).contains("Imechelewa").contains("Karatasi ya Mkakati wa Fedha");
  }
}
