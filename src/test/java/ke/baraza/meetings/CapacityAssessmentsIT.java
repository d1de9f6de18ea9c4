package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.holderFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Capacity assessments: seven domains scored 1 to 5 on a date, progress per organisation and per
 * network as an SVG chart and a table, and who may enter and see them (not the public).
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityAssessmentsIT {

  private static final String[] FIELDS = {
    "governance",
    "financialManagement",
    "humanResources",
    "programmeManagement",
    "monitoringAndEvaluation",
    "resourceMobilisation",
    "advocacy"
  };

  @Autowired JdbcClient jdbc;

  Browser official;
  Browser coordinator;
  String network;
  String member;
  String otherMember;
  String outsider;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "capacity-official", "COUNTY_OFFICIAL", "016");
    network = body(official, "016", "Kangundo CSO Network " + n());
    member = organisation(official, "016", "Kangundo Women Group " + n(), null);
    otherMember = organisation(official, "016", "Matungulu Youth CBO " + n(), null);
    outsider = organisation(official, "016", "Outside Trust " + n(), null);
    admit(official, network, member);
    admit(official, network, otherMember);
    coordinator = holderFor(jdbc, "NETWORK_COORDINATOR", "016", network);
  }

  @Test
  void scoresMustBeWholeNumbersFrom1To5OnAPastDateAndABadFormStoresNothing() {
    String org = organisation(official, "016", "Validation CBO " + n(), null);
    Map<String, String> bad = scores("2025-02-01", 3, 3, 3, 3, 3, 3, 3);
    bad.put("governance", "6");
    bad.put("financialManagement", "0");
    bad.put("humanResources", "x");
    bad.remove("advocacy");
    HttpResponse<String> refused = assess(official, org, bad);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body().split("Choose a score from 1 to 5.", -1)).hasSize(5);
    assertThat(assess(official, org, scores("2999-01-01", 3, 3, 3, 3, 3, 3, 3)).body())
        .contains("Choose a date from 2000 to today.");
    assertThat(assess(official, org, scores("1 March", 3, 3, 3, 3, 3, 3, 3)).body())
        .contains("Write the date as 2026-03-14.");
    assertThat(count(org)).isZero();

    assertThat(assess(official, org, scores("2025-02-01", 1, 2, 3, 4, 5, 1, 2)).statusCode())
        .isEqualTo(302);
    HttpResponse<String> again = assess(official, org, scores("2025-02-01", 5, 5, 5, 5, 5, 5, 5));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("This organisation already has an assessment on that date.");
    assertThat(count(org)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select sum(s.score) from capacity_score s join capacity_assessment a"
                        + " on a.id = s.assessment_id where a.organisation_ref = ?")
                .param(org)
                .query(Integer.class)
                .single())
        .as("the first assessment's scores kept")
        .isEqualTo(18);
  }

  @Test
  void progressIsShownPerOrganisationAndAsNetworkAveragesPerDateAsAChartAndATable() {
    Browser editor = holderFor(jdbc, "ORGANISATION_EDITOR", "016", member);
    assertThat(assess(editor, member, scores("2024-03-01", 2, 2, 3, 3, 1, 2, 4)).statusCode())
        .isEqualTo(302);
    assertThat(assess(editor, member, scores("2025-03-01", 3, 3, 4, 4, 2, 3, 5)).statusCode())
        .isEqualTo(302);
    assertThat(
            assess(coordinator, otherMember, scores("2024-03-01", 4, 3, 3, 2, 2, 2, 1))
                .statusCode())
        .as("a coordinator of a body it belongs to")
        .isEqualTo(302);
    assess(official, outsider, scores("2024-03-01", 5, 5, 5, 5, 5, 5, 5));

    String page = editor.get("/capacity/organisations/" + member).body();
    assertThat(page).contains("<svg", "<polyline", "Governance", "Monitoring and evaluation");
    assertThat(flat(page))
        .contains(flat(round("2024-03-01", null, "2.0 2.0 3.0 3.0 1.0 2.0 4.0")))
        .contains(flat(round("2025-03-01", null, "3.0 3.0 4.0 4.0 2.0 3.0 5.0")));

    String networkPage = coordinator.get("/capacity/networks/" + network).body();
    assertThat(networkPage).contains("<svg", "<title>Capacity by domain over time");
    assertThat(flat(networkPage))
        .as("averages of the two members, the outsider left out")
        .contains(flat(round("2024-03-01", 2, "3.0 2.5 3.0 2.5 1.5 2.0 2.5")))
        .contains(flat(round("2025-03-01", 1, "3.0 3.0 4.0 4.0 2.0 3.0 5.0")));
    assertThat(official.get("/capacity/networks/" + network).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherOrganisationsEditorACitizenAndTheAnonymousAreRefused() {
    assess(official, member, scores("2023-06-01", 3, 3, 3, 3, 3, 3, 3));
    Browser outsiderEditor = holderFor(jdbc, "ORGANISATION_EDITOR", "016", outsider);
    Browser citizen = MeetingFixtures.citizen();
    Browser otherCounty = staff(jdbc, "capacity-047", "COUNTY_OFFICIAL", "047");
    for (Browser b : new Browser[] {outsiderEditor, citizen, otherCounty}) {
      assertThat(b.get("/capacity/organisations/" + member).statusCode()).isEqualTo(403);
      b.get("/");
      assertThat(assess(b, member, scores("2023-07-01", 1, 1, 1, 1, 1, 1, 1)).statusCode())
          .isEqualTo(403);
      assertThat(b.get("/capacity/networks/" + network).statusCode()).isEqualTo(403);
    }
    assertThat(
            holderFor(jdbc, "ORGANISATION_EDITOR", "016", member)
                .get("/capacity/networks/" + network)
                .statusCode())
        .as("a member's editor does not see the network's figures")
        .isEqualTo(403);
    assertThat(coordinator.get("/capacity/organisations/" + outsider).statusCode())
        .as("a coordinator does not see organisations outside the network")
        .isEqualTo(403);
    HttpResponse<String> anonymous = new Browser().get("/capacity/organisations/" + member);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(official.get("/capacity/organisations/nosuchorg123").statusCode()).isEqualTo(404);
    assertThat(count(member, "2023-07-01")).isZero();
  }

  private HttpResponse<String> assess(Browser b, String org, Map<String, String> form) {
    b.get("/capacity/organisations/" + org);
    return b.post("/capacity/organisations/" + org, form);
  }

  private static Map<String, String> scores(String date, int... values) {
    Map<String, String> form = new HashMap<>();
    form.put("assessedOn", date);
    for (int i = 0; i < FIELDS.length; i++) {
      form.put(FIELDS[i], Integer.toString(values[i]));
    }
    return form;
  }

  private static String round(String date, Integer organisations, String averages) {
    StringBuilder row = new StringBuilder("<tr><th scope=\"row\">" + date + "</th>");
    if (organisations != null) {
      row.append("<td>").append(organisations).append("</td>");
    }
    for (String a : averages.split(" ")) {
      row.append("<td>").append(a).append("</td>");
    }
    return row.append("</tr>").toString();
  }

  private static String flat(String html) {
    return html.replaceAll("\\s+", "");
  }

  private int count(String org) {
    return jdbc.sql("select count(*) from capacity_assessment where organisation_ref = ?")
        .param(org)
        .query(Integer.class)
        .single();
  }

  private int count(String org, String date) {
    return jdbc.sql(
            "select count(*) from capacity_assessment where organisation_ref = ?"
                + " and assessed_on = cast(? as date)")
        .params(org, date)
        .query(Integer.class)
        .single();
  }
}
