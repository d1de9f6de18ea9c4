package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.meeting;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attendance figures across a county's meetings: only public meetings that took place count, by
 * month, kind and organiser, with the two-thirds gender rule flagged, and never a name.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingFiguresIT {

  @Autowired JdbcClient jdbc;

  Browser official;
  String network;
  String networkName;
  String query;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "figures-official", "COUNTY_OFFICIAL", "016");
    networkName = "Masinga Figures Network " + n();
    network = body(official, "016", networkName);
    query = "county=016&body=" + network + "&from=2026-03-01&to=2026-04-30";

    String march = meeting(official, network, form("March coordination " + n(), "2026-03-10"));
    walkIn(march, told("Amina Achieng", "FEMALE", "AGE_25_35", "no"));
    walkIn(march, told("Beatrice Mueni", "FEMALE", "AGE_36_59", "no"));
    walkIn(march, told("Charles Musau", "MALE", "AGE_60_PLUS", "no"));
    walkIn(march, Map.of("name", "Dan Not Said"));

    Map<String, String> forum = form("April forum " + n(), "2026-04-15");
    forum.put("kind", "PUBLIC_FORUM");
    String april = meeting(official, network, forum);
    walkIn(april, told("Esther Kanini", "FEMALE", "AGE_18_24", "no"));
    walkIn(april, told("Francis Mutua", "MALE", "AGE_36_59", "yes"));
    walkIn(april, told("George Kilonzo", "MALE", "AGE_36_59", "no"));
    walkIn(april, told("Henry Wambua", "MALE", "AGE_36_59", "no"));

    Map<String, String> closed = form("Private April meeting " + n(), "2026-04-20");
    closed.put("visibility", "PRIVATE");
    String hidden = meeting(official, network, closed);
    for (int i = 0; i < 5; i++) {
      walkIn(hidden, told("Private Member " + i, "MALE", "AGE_36_59", "no"));
    }
    String cancelled = meeting(official, network, form("Cancelled " + n(), "2026-04-22"));
    official.get("/meetings/" + cancelled);
    assertThat(official.post("/meetings/" + cancelled + "/cancel", Map.of()).statusCode())
        .isEqualTo(302);
  }

  @Test
  void theApiCountsOnlyThePublicMeetingsThatTookPlaceByMonthKindAndOrganiser() {
    HttpResponse<String> response =
        official.get("/api/v1/meetings/figures?" + query, "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = JsonMapper.builder().build().readTree(response.body());
    assertThat(json.get("meetings").asInt()).isEqualTo(2);
    JsonNode totals = json.get("totals");
    assertThat(totals.get("total").asInt()).isEqualTo(8);
    assertThat(totals.get("women").asInt()).isEqualTo(3);
    assertThat(totals.get("men").asInt()).isEqualTo(4);
    assertThat(totals.get("others").asInt()).isEqualTo(1);
    assertThat(totals.get("youth").asInt()).isEqualTo(2);
    assertThat(totals.get("withDisability").asInt()).isEqualTo(1);

    JsonNode months = json.get("byMonth");
    assertThat(months.size()).isEqualTo(2);
    assertThat(months.get(0).get("key").asString()).isEqualTo("2026-03");
    assertThat(months.get(0).get("attendees").asInt()).isEqualTo(4);
    assertThat(months.get(0).get("women").asInt()).isEqualTo(2);
    assertThat(months.get(1).get("key").asString()).isEqualTo("2026-04");
    assertThat(months.get(1).get("meetings").asInt()).isEqualTo(1);
    assertThat(months.get(1).get("women").asInt()).isEqualTo(1);

    JsonNode kinds = json.get("byKind");
    assertThat(kinds.size()).isEqualTo(2);
    assertThat(kinds.get(0).get("key").asString()).isEqualTo("COORDINATION_MEETING");
    assertThat(kinds.get(1).get("key").asString()).isEqualTo("PUBLIC_FORUM");
    JsonNode organisers = json.get("byOrganiser");
    assertThat(organisers.size()).isEqualTo(1);
    assertThat(organisers.get(0).get("label").asString()).isEqualTo(networkName);
    assertThat(organisers.get(0).get("attendees").asInt()).isEqualTo(8);
    assertThat(response.body()).doesNotContain("Amina", "Private Member");
  }

  @Test
  void thePageShowsTheChartsFlagsTheGenderRuleAndNamesNobody() {
    String page = new Browser().get("/meetings/figures?" + query).body();
    assertThat(page)
        .contains("2 public meetings held from 2026-03-01 to 2026-04-30")
        .contains("Who attended (8)", "By month", "Mar 2026", "Apr 2026", networkName)
        .contains("Women under one third")
        .doesNotContain("Amina Achieng", "Private Member");
    assertThat(page.split("Women under one third", -1))
        .as("flagged once by month (April) and once by kind (the forum)")
        .hasSize(3);
    String kiswahili = new Browser().get("/meetings/figures?lang=sw&" + query).body();
    assertThat(kiswahili)
        .contains("Takwimu za mahudhurio", "Kwa mwezi", "Wanawake chini ya theluthi");
  }

  @Test
  void badPeriodsAndUnknownCountiesGetAClearMessage() {
    Browser anyone = new Browser();
    HttpResponse<String> backwards =
        anyone.get("/meetings/figures?county=016&from=2026-05-01&to=2026-04-01");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("The end of the period is before its start.");
    HttpResponse<String> badDate =
        anyone.get("/api/v1/meetings/figures?county=016&from=May", "application/json");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("Write dates as year-month-day");
    assertThat(anyone.get("/api/v1/meetings/figures?county=099").statusCode()).isEqualTo(404);
    assertThat(anyone.get("/api/v1/meetings/figures?county=047&body=" + network).statusCode())
        .isEqualTo(400);
    assertThat(anyone.get("/meetings/figures").statusCode())
        .as("without a county the page asks for one")
        .isEqualTo(200);
  }

  private void walkIn(String meeting, Map<String, String> fields) {
    official.get("/meetings/" + meeting + "/attendance");
    assertThat(official.post("/meetings/" + meeting + "/attendance/walk-ins", fields).statusCode())
        .isEqualTo(302);
  }

  private static Map<String, String> told(
      String name, String gender, String ageBand, String disability) {
    Map<String, String> fields = new HashMap<>();
    fields.put("name", name);
    fields.put("gender", gender);
    fields.put("ageBand", ageBand);
    fields.put("disability", disability);
    fields.put("consent", "yes");
    return fields;
  }
}
