package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.holderFor;
import static ke.baraza.meetings.MeetingFixtures.meeting;
import static ke.baraza.meetings.MeetingFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attendance register at the door: known people with one tap, walk-ins, each person counted
 * once, nothing after the meeting is closed, the disaggregated figures (published only as totals)
 * and who may keep the register.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceIT {

  @Autowired JdbcClient jdbc;

  Browser official;
  Browser coordinator;
  String network;
  String member;
  String memberName;
  String personId;
  String personName;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "attendance-official", "COUNTY_OFFICIAL", "016");
    network = body(official, "016", "Yatta CSO Network " + n());
    memberName = "Katangi Ward CBO " + n();
    member = organisation(official, "016", memberName, null);
    admit(official, network, member);
    personName = "Mwikali Musyoka " + n();
    personId = person(official, member, personName, "mwikali" + n() + "@example.org", "sw");
    coordinator = holderFor(jdbc, "NETWORK_COORDINATOR", "016", network);
  }

  @Test
  void aCoordinatorFindsAKnownPersonAndMarksThemPresentOnceWithOneTap() {
    String id = meeting(coordinator, network, form("Door meeting " + n(), "2031-07-01"));
    HttpResponse<String> search =
        coordinator.get("/meetings/" + id + "/attendance?q=" + Browser.enc("mwikali"));
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body()).contains(personName, "value=\"" + personId + "\"");

    HttpResponse<String> first = signIn(coordinator, id, personId);
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(coordinator.follow(first).body())
        .contains("Signed in.", "Present: 1", personName, memberName);
    HttpResponse<String> again = signIn(coordinator, id, personId);
    assertThat(coordinator.follow(again).body())
        .contains("Already signed in: counted once.", "Present: 1");
    assertThat(count(id)).isEqualTo(1);
    assertThat(
            jdbc.sql("select organisation_type from attendance where person_ref = ?")
                .param(personId)
                .query(String.class)
                .single())
        .as("the type of the person's organisation is counted")
        .isEqualTo("CBO");
    assertThat(signIn(coordinator, id, "nosuchperson").statusCode()).isEqualTo(404);
  }

  @Test
  void aKnownPersonCountsByWhatTheyConsentedToTellTheDirectory() {
    String woman =
        ke.baraza.directory.PeopleFixtures.person(
            official,
            member,
            Map.of(
                "name", "Nduku Consented " + n(),
                "gender", "FEMALE",
                "ageBand", "AGE_18_24",
                "disability", "YES",
                "consent", "true"));
    String silent =
        ke.baraza.directory.PeopleFixtures.person(
            official,
            member,
            Map.of("name", "Kyalo Unconsented " + n(), "gender", "MALE", "ageBand", "AGE_25_35"));
    String id = meeting(coordinator, network, form("Known figures " + n(), "2031-07-11"));
    signIn(coordinator, id, woman);
    signIn(coordinator, id, silent);
    String figures = coordinator.get("/meetings/" + id + "/attendance").body();
    assertThat(figures).contains("Who attended (2)");
    record Told(String gender, String ageBand, Boolean disability) {}
    List<Told> told =
        jdbc.sql(
                "select a.gender, a.age_band, a.disability from attendance a join meeting m"
                    + " on m.id = a.meeting_id where m.public_id = ? order by a.name")
            .param(id)
            .query(Told.class)
            .list();
    assertThat(told)
        .as("the man told his gender and age without consent: not kept, not counted")
        .containsExactly(new Told(null, null, null), new Told("FEMALE", "AGE_18_24", true));
  }

  @Test
  void walkInsAreCountedOnceByPhoneOrElseByNameAndOrganisation() {
    String id = meeting(official, network, form("Walk-in meeting " + n(), "2031-07-02"));
    assertThat(walkIn(official, id, Map.of("name", "Jane Wambui", "phone", "0712 345 678")).body())
        .contains("Signed in.");
    assertThat(walkIn(official, id, Map.of("name", "J. Wambui", "phone", "+254712345678")).body())
        .as("the same phone written another way")
        .contains("Already signed in: counted once.");
    walkIn(official, id, Map.of("name", "Peter  Kioko", "organisation", "Kivaa Youth Group"));
    assertThat(
            walkIn(
                    official,
                    id,
                    Map.of("name", "peter kioko ", "organisation", "KIVAA youth group"))
                .body())
        .contains("Already signed in: counted once.");
    walkIn(official, id, Map.of("name", "Peter Kioko", "organisation", "Masii Traders"));
    walkIn(official, id, Map.of("name", "Mary Ndinda", "organisationId", member));
    assertThat(count(id)).isEqualTo(4);
    String register = official.get("/meetings/" + id + "/attendance").body();
    assertThat(register).contains("Present: 4", "+254712345678", "Masii Traders", memberName);
  }

  @Test
  void badWalkInsAreRefusedNamingTheFieldAndNothingIsRecorded() {
    String id = meeting(official, network, form("Refused walk-ins " + n(), "2031-07-03"));
    Map<String, String> wrong = new HashMap<>();
    wrong.put("name", "X");
    wrong.put("phone", "12345");
    wrong.put("ward", "0001");
    wrong.put("gender", "FEMALE");
    wrong.put("ageBand", "AGE_90");
    wrong.put("organisationId", "nosuchorg123");
    HttpResponse<String> refused = walkIn(official, id, wrong);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "Write the name (2 to 200 characters).",
            "Write a Kenyan phone number",
            "Choose a ward of this county.",
            "Choose an age band from the list.",
            "There is no organisation with this id in the directory.",
            "Tick the consent box");
    Map<String, String> noConsent = Map.of("name", "Akinyi Otieno", "gender", "FEMALE");
    assertThat(walkIn(official, id, noConsent).body())
        .contains("Tick the consent box", "value=\"Akinyi Otieno\"");
    assertThat(count(id)).isZero();
  }

  @Test
  void figuresCountWomenMenYouthDisabilityOrganisationTypesAndWardsAndFlagFewWomen() {
    String id = meeting(official, network, form("Figures meeting " + n(), "2031-07-04"));
    List<String> wards =
        jdbc.sql("select code from ward where county_code = '016' order by code limit 2")
            .query(String.class)
            .list();
    String wardName =
        jdbc.sql("select name from ward where code = ?")
            .param(wards.get(0))
            .query(String.class)
            .single();
    walkIn(official, id, told("Wanjiru A", "FEMALE", "AGE_18_24", "yes", wards.get(0)));
    walkIn(official, id, told("Mutua B", "MALE", "AGE_25_35", "no", wards.get(1)));
    walkIn(official, id, told("Kamau C", "MALE", "AGE_36_59", "", wards.get(0)));
    walkIn(official, id, Map.of("name", "Unsaid D", "organisationId", member));

    String page = new Browser().get("/meetings/" + id).body();
    assertThat(page)
        .contains(
            "Who attended (4)",
            bar("Women", 4, 1),
            bar("Men", 4, 2),
            bar("Other or not said", 4, 1),
            bar("Youth (18 to 35)", 4, 2),
            bar("Persons with disabilities", 4, 1),
            bar("Community-based organisation", 4, 1),
            "Wards represented (2)",
            wardName,
            "Women are under one third of those present");

    walkIn(official, id, told("Nduku E", "FEMALE", "AGE_60_PLUS", "", ""));
    assertThat(new Browser().get("/meetings/" + id).body())
        .as("2 women of 5 are not under one third")
        .contains("Who attended (5)", bar("Women", 5, 2))
        .doesNotContain("Women are under one third");
  }

  @Test
  void thePublicPageShowsOnlyTotalsAndTheRegisterIsForItsEditors() {
    String id = meeting(official, network, form("Public totals " + n(), "2031-07-05"));
    walkIn(
        official,
        id,
        Map.of("name", "Secret Attendee", "phone", "0722 000 111", "role", "Chairperson"));
    Browser anonymous = new Browser();
    String page = anonymous.get("/meetings/" + id).body();
    assertThat(page)
        .contains("Who attended (1)")
        .doesNotContain("Secret Attendee", "+254722000111", "0722", "Chairperson", "/attendance");
    HttpResponse<String> toSignIn = anonymous.get("/meetings/" + id + "/attendance");
    assertThat(toSignIn.statusCode()).isEqualTo(302);
    assertThat(toSignIn.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    assertThat(official.get("/meetings/" + id).body()).contains("/meetings/" + id + "/attendance");
  }

  @Test
  void nothingIsSignedInOrRemovedOnceTheMeetingIsClosedOrCancelled() {
    String id = meeting(coordinator, network, form("Closed meeting " + n(), "2031-07-06"));
    walkIn(coordinator, id, Map.of("name", "Early Comer"));
    String line =
        jdbc.sql(
                "select a.public_id from attendance a join meeting m on m.id = a.meeting_id"
                    + " where m.public_id = ?")
            .param(id)
            .query(String.class)
            .single();
    coordinator.get("/meetings/" + id + "/attendance");
    HttpResponse<String> closed = coordinator.post("/meetings/" + id + "/close", Map.of());
    assertThat(coordinator.follow(closed).body()).contains("The meeting is closed.");

    HttpResponse<String> late = walkIn(coordinator, id, Map.of("name", "Late Comer"));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("This meeting is closed");
    assertThat(signIn(coordinator, id, personId).statusCode()).isEqualTo(409);
    coordinator.get("/meetings/" + id);
    assertThat(
            coordinator
                .post("/meetings/" + id + "/attendance/" + line + "/remove", Map.of())
                .statusCode())
        .isEqualTo(409);
    assertThat(count(id)).isEqualTo(1);
    assertThat(coordinator.get("/meetings/" + id + "/attendance").body())
        .contains("This meeting is closed", "Early Comer")
        .doesNotContain("/attendance/walk-ins", "/remove");

    String cancelled = meeting(coordinator, network, form("Cancelled " + n(), "2031-07-07"));
    coordinator.get("/meetings/" + cancelled);
    coordinator.post("/meetings/" + cancelled + "/cancel", Map.of());
    HttpResponse<String> refused = walkIn(coordinator, cancelled, Map.of("name", "Nobody Here"));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("This meeting is cancelled");
    assertThat(count(cancelled)).isZero();
  }

  @Test
  void aMistakeIsRemovedByAnEditor() {
    String id = meeting(official, network, form("Mistakes " + n(), "2031-07-08"));
    walkIn(official, id, Map.of("name", "Wrong Person"));
    String line =
        jdbc.sql(
                "select a.public_id from attendance a join meeting m on m.id = a.meeting_id"
                    + " where m.public_id = ?")
            .param(id)
            .query(String.class)
            .single();
    HttpResponse<String> removed =
        official.post("/meetings/" + id + "/attendance/" + line + "/remove", Map.of());
    assertThat(official.follow(removed).body()).contains("Removed from the register.");
    assertThat(count(id)).isZero();
  }

  @Test
  void onlyThoseWhoMayEditTheMeetingKeepItsRegister() {
    String id = meeting(official, network, form("Register matrix " + n(), "2031-07-09"));
    Map<String, String> privateForm = form("Private register " + n(), "2031-07-10");
    privateForm.put("visibility", "PRIVATE");
    String hidden = meeting(official, network, privateForm);
    walkIn(official, id, Map.of("name", "Matrix Walk-in"));
    String line =
        jdbc.sql(
                "select a.public_id from attendance a join meeting m on m.id = a.meeting_id"
                    + " where m.public_id = ?")
            .param(id)
            .query(String.class)
            .single();

    record Actor(String name, Browser browser, boolean may) {}
    List<Actor> actors =
        List.of(
            new Actor("county official", official, true),
            new Actor("administrator", staff(jdbc, "a-admin", "ADMINISTRATOR", "016"), true),
            new Actor("coordinator of the body", coordinator, true),
            new Actor(
                "official of another county",
                staff(jdbc, "a-official-047", "COUNTY_OFFICIAL", "047"),
                false),
            new Actor(
                "editor of a member organisation",
                holderFor(jdbc, "ORGANISATION_EDITOR", "016", member),
                false),
            new Actor("citizen", MeetingFixtures.citizen(), false));
    for (Actor actor : actors) {
      Browser b = actor.browser();
      b.get("/meetings/" + id);
      int expected = actor.may() ? 200 : 403;
      assertThat(b.get("/meetings/" + id + "/attendance").statusCode())
          .as(actor.name() + " opens the register")
          .isEqualTo(expected);
      b.get("/meetings/" + id);
      assertThat(
              b.post(
                      "/meetings/" + id + "/attendance/walk-ins",
                      Map.of("name", "By " + actor.name()))
                  .statusCode())
          .as(actor.name() + " signs in a walk-in")
          .isEqualTo(actor.may() ? 302 : 403);
      if (!actor.may()) {
        assertThat(signIn(b, id, personId).statusCode()).isEqualTo(403);
        assertThat(
                b.post("/meetings/" + id + "/attendance/" + line + "/remove", Map.of())
                    .statusCode())
            .isEqualTo(403);
        assertThat(b.post("/meetings/" + id + "/close", Map.of()).statusCode()).isEqualTo(403);
        assertThat(b.get("/meetings/" + hidden + "/attendance").statusCode())
            .as(actor.name() + " is not told a private meeting exists")
            .isEqualTo(404);
      }
    }
    assertThat(count(id)).isEqualTo(4);
  }

  private HttpResponse<String> signIn(Browser b, String meeting, String person) {
    b.get("/meetings/" + meeting);
    return b.post("/meetings/" + meeting + "/attendance/people", Map.of("person", person));
  }

  /** Posts a walk-in from the register page and follows a redirect to it. */
  private HttpResponse<String> walkIn(Browser b, String meeting, Map<String, String> fields) {
    b.get("/meetings/" + meeting);
    HttpResponse<String> r = b.post("/meetings/" + meeting + "/attendance/walk-ins", fields);
    return r.statusCode() == 302 ? b.follow(r) : r;
  }

  private static Map<String, String> told(
      String name, String gender, String ageBand, String disability, String ward) {
    return Map.of(
        "name",
        name,
        "gender",
        gender,
        "ageBand",
        ageBand,
        "disability",
        disability,
        "ward",
        ward,
        "consent",
        "yes");
  }

  private static String bar(String label, int total, int value) {
    return "<dt>"
        + label
        + "</dt><dd><meter min=\"0\" max=\""
        + total
        + "\" value=\""
        + value
        + "\"></meter> <span>"
        + value
        + "</span>";
  }

  private int count(String meeting) {
    return jdbc.sql(
            "select count(*) from attendance a join meeting m on m.id = a.meeting_id"
                + " where m.public_id = ?")
        .param(meeting)
        .query(Integer.class)
        .single();
  }
}
