package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.holderFor;
import static ke.baraza.meetings.MeetingFixtures.meeting;
import static ke.baraza.meetings.MeetingFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import ke.baraza.directory.PeopleFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may schedule, edit, set the agenda, invite, keep the register and cancel, as one matrix of
 * actors and actions for a network's meeting and for an organisation's. Minutes have their own
 * matrix in the minutes tests.
 */
@BarazaIntegrationTest
class MeetingPermissionsIT {

  @Autowired JdbcClient jdbc;

  record Action(String name, BiFunction<Browser, String, Integer> run, int allowed) {}

  @Test
  void theMatrixOfWhoMayDoWhatWithAMeeting() {
    Browser official = staff(jdbc, "matrix-official", "COUNTY_OFFICIAL", "016");
    String network = body(official, "016", "Matungulu Matrix Network " + n());
    String otherBody = body(official, "016", "Kangundo Matrix Forum " + n());
    String member = organisation(official, "016", "Kyeleni Matrix CBO " + n(), null);
    admit(official, network, member);

    String person =
        PeopleFixtures.person(official, member, Map.of("name", "Matrix Invitee " + n()));
    Map<String, Map<String, String>> invitees = new HashMap<>();
    Map<String, Browser> actors = new LinkedHashMap<>();
    actors.put("administrator", staff(jdbc, "matrix-admin", "ADMINISTRATOR", "016"));
    actors.put("county official", official);
    actors.put("official of another county", staff(jdbc, "matrix-047", "COUNTY_OFFICIAL", "047"));
    actors.put("coordinator of the body", holderFor(jdbc, "NETWORK_COORDINATOR", "016", network));
    actors.put("county-wide coordinator", holderFor(jdbc, "NETWORK_COORDINATOR", "016", null));
    actors.put(
        "coordinator of another body", holderFor(jdbc, "NETWORK_COORDINATOR", "016", otherBody));
    actors.put("editor of the organisation", holderFor(jdbc, "ORGANISATION_EDITOR", "016", member));
    actors.put("citizen", MeetingFixtures.citizen());

    List<Action> actions =
        List.of(
            new Action(
                "schedule",
                (b, organiser) ->
                    schedule(b, organiser, form("By matrix " + n(), "2031-11-03")).statusCode(),
                302),
            new Action("edit", (b, id) -> b.get("/meetings/" + id + "/edit").statusCode(), 200),
            new Action(
                "add to the agenda",
                (b, id) -> post(b, id, "/agenda", Map.of("item", "Matrix item")),
                302),
            new Action("invite", (b, id) -> post(b, id, "/invitations", invitees.get(id)), 302),
            new Action(
                "open the register",
                (b, id) -> b.get("/meetings/" + id + "/attendance").statusCode(),
                200),
            new Action(
                "sign in a walk-in",
                (b, id) -> post(b, id, "/attendance/walk-ins", Map.of("name", "Matrix Walk-in")),
                302));

    Set<String> mayForBody =
        Set.of(
            "administrator",
            "county official",
            "coordinator of the body",
            "county-wide coordinator");
    Set<String> mayForOrganisation =
        Set.of("administrator", "county official", "editor of the organisation");

    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (String organiser : List.of(network, member)) {
      String id = meeting(official, organiser, form("Matrix meeting " + n(), "2031-11-02"));
      invitees.put(
          id, organiser.equals(network) ? Map.of("members", "yes") : Map.of("person", person));
      Set<String> may = organiser.equals(network) ? mayForBody : mayForOrganisation;
      String of = organiser.equals(network) ? "network's meeting" : "organisation's meeting";
      for (Map.Entry<String, Browser> actor : actors.entrySet()) {
        for (Action action : actions) {
          String target = action.name().equals("schedule") ? organiser : id;
          int status = action.run().apply(actor.getValue(), target);
          String cell = actor.getKey() + " / " + action.name() + " / " + of;
          expected.put(cell, may.contains(actor.getKey()) ? "yes" : "no");
          actual.put(
              cell, status == action.allowed() ? "yes" : status == 403 ? "no" : "HTTP " + status);
        }
        if (!may.contains(actor.getKey())) {
          int cancel = post(actor.getValue(), id, "/cancel", Map.of());
          expected.put(actor.getKey() + " / cancel / " + of, "no");
          actual.put(actor.getKey() + " / cancel / " + of, cancel == 403 ? "no" : "HTTP " + cancel);
        }
      }
      assertThat(post(official, id, "/cancel", Map.of()))
          .as("the organiser side cancels")
          .isEqualTo(302);
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
    assertThat(new Browser().get("/meetings/new").statusCode())
        .as("an anonymous visitor is sent to sign in")
        .isEqualTo(302);
  }

  private static int post(Browser b, String id, String path, Map<String, String> fields) {
    b.get("/meetings/" + id);
    return b.post("/meetings/" + id + path, fields).statusCode();
  }
}
