package ke.baraza.directory;

import static ke.baraza.directory.PeopleFixtures.addPerson;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.PopoloSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People: who adds and edits them, who sees their contacts, consent to demographics, the same
 * person entered twice, merging, and the Popolo persons.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleIT {

  @Autowired JdbcClient jdbc;

  Browser official016;
  Browser coordinator016;
  Browser official047;
  Browser citizen;
  String orgA;
  String orgB;
  String orgC;
  String orgApplied;
  String org047;
  Browser editorA;
  Browser editorB;
  Browser editorC;
  Browser editorApplied;
  Browser networkCoordinator;
  Browser otherCoordinator;

  @BeforeAll
  void setUp() {
    official016 = PeopleFixtures.staff(jdbc, "people-official016", "COUNTY_OFFICIAL", "016");
    coordinator016 =
        PeopleFixtures.staff(jdbc, "people-coordinator016", "NETWORK_COORDINATOR", "016");
    official047 = PeopleFixtures.staff(jdbc, "people-official047", "COUNTY_OFFICIAL", "047");
    citizen = new Browser();
    AccountFixtures.signIn(
        citizen, AccountFixtures.verifiedAccount("people-citizen"), AccountFixtures.PASSWORD);
    orgA = organisation(official016, "016", "Masinga Water Users " + n());
    orgB = organisation(official016, "016", "Yatta Farmers CBO " + n());
    orgC = organisation(official016, "016", "Kathiani Youth Group " + n());
    orgApplied = organisation(official016, "016", "Mwala Women Group " + n());
    org047 = organisation(official047, "047", "Kibera Residents Forum " + n());
    String network = PeopleFixtures.body(official016, "016", "MCCN " + n(), "NETWORK");
    PeopleFixtures.admit(official016, network, orgA);
    PeopleFixtures.admit(official016, network, orgB);
    editorA = PeopleFixtures.editorOf(jdbc, orgA, "016");
    editorB = PeopleFixtures.editorOf(jdbc, orgB, "016");
    editorC = PeopleFixtures.editorOf(jdbc, orgC, "016");
    editorApplied = PeopleFixtures.editorOf(jdbc, orgApplied, "016");
    networkCoordinator = coordinatorOf(network);
    otherCoordinator =
        coordinatorOf(PeopleFixtures.body(official016, "016", "Other " + n(), "THEMATIC_GROUP"));
    editorApplied.get("/bodies/" + network);
    assertThat(
            editorApplied
                .post("/bodies/" + network + "/applications", Map.of("organisation", orgApplied))
                .statusCode())
        .isEqualTo(302);
  }

  @Test
  void anEditorAddsPeopleToTheirOwnOrganisationOnly() {
    String email = AccountFixtures.uniqueEmail("jane.mutua");
    String jane =
        person(
            editorA,
            orgA,
            Map.of(
                "name", "Jane  Mutua",
                "title", "Programme Officer",
                "email", email.toUpperCase(),
                "phone", "0712 345 678",
                "language", "sw"));
    assertThat(
            jdbc.sql(
                    "select p.name || '|' || p.email || '|' || p.phone || '|' || p.language || '|'"
                        + " || p.county_code || '|' || po.title from person p"
                        + " join person_organisation po on po.person_id = p.id where p.public_id = ?")
                .param(jane)
                .query(String.class)
                .single())
        .isEqualTo("Jane Mutua|" + email + "|+254712345678|sw|016|Programme Officer");

    assertThat(addPerson(editorC, orgA, Map.of("name", "Not Mine")).statusCode()).isEqualTo(403);
    assertThat(editorC.get("/people/new?organisation=" + orgA).statusCode()).isEqualTo(403);
    assertThat(addPerson(citizen, orgA, Map.of("name", "Not Mine")).statusCode()).isEqualTo(403);
    assertThat(addPerson(official047, orgA, Map.of("name", "Not Mine")).statusCode())
        .isEqualTo(403);
    assertThat(addPerson(new Browser(), orgA, Map.of("name", "Not Mine")).statusCode())
        .isIn(302, 403);
    assertThat(
            jdbc.sql("select count(*) from person where name = 'Not Mine'")
                .query(Long.class)
                .single())
        .isZero();

    assertThat(edit(editorC, jane, Map.of("name", "Hijacked")).statusCode()).isEqualTo(403);
    assertThat(edit(editorA, jane, Map.of("name", "Jane Mwikali Mutua")).statusCode())
        .isEqualTo(302);
    assertThat(edit(coordinator016, jane, Map.of("title", "Chairperson")).statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select name || '/' || title from person where public_id = ?")
                .param(jane)
                .query(String.class)
                .single())
        .isEqualTo("Jane Mwikali Mutua/Chairperson");
  }

  @Test
  void contactsAreVisibleToTheCountyTheOrganisationAndItsNetworkOnly() {
    String email = AccountFixtures.uniqueEmail("contact");
    String phone = "+2547" + (10_000_000 + (int) (Math.random() * 89_999_999));
    String someone =
        person(
            editorA, orgA, Map.of("name", "Peter Kilonzo " + n(), "email", email, "phone", phone));

    Map<String, Boolean> expected = new LinkedHashMap<>();
    Map<String, Browser> viewers = new LinkedHashMap<>();
    viewers.put("anonymous", new Browser());
    expected.put("anonymous", false);
    viewers.put("citizen", citizen);
    expected.put("citizen", false);
    viewers.put("editor of an unrelated organisation", editorC);
    expected.put("editor of an unrelated organisation", false);
    viewers.put("editor of an organisation that only applied", editorApplied);
    expected.put("editor of an organisation that only applied", false);
    viewers.put("staff of another county", official047);
    expected.put("staff of another county", false);
    viewers.put("coordinator of another body", otherCoordinator);
    expected.put("coordinator of another body", false);
    viewers.put("coordinator of the organisation's network", networkCoordinator);
    expected.put("coordinator of the organisation's network", true);
    viewers.put("editor of a fellow network member", editorB);
    expected.put("editor of a fellow network member", true);
    viewers.put("editor of the organisation", editorA);
    expected.put("editor of the organisation", true);
    viewers.put("coordinator of the county", coordinator016);
    expected.put("coordinator of the county", true);
    viewers.put("county official", official016);
    expected.put("county official", true);

    viewers.forEach(
        (who, browser) -> {
          HttpResponse<String> page = browser.get("/people/" + someone);
          assertThat(page.statusCode()).as(who).isEqualTo(200);
          assertThat(page.body().contains(email))
              .as(who + " sees the e-mail")
              .isEqualTo(expected.get(who));
          assertThat(page.body().contains(phone))
              .as(who + " sees the phone")
              .isEqualTo(expected.get(who));
          String organisationPage = browser.get("/organisations/" + orgA).body();
          assertThat(organisationPage).as(who).contains("Peter Kilonzo");
          assertThat(organisationPage.contains(email))
              .as(who + " sees the e-mail on the organisation's page")
              .isEqualTo(expected.get(who));
        });
    assertThat(
            new Browser()
                .get("/api/v1/popolo/persons?county=016&size=200", "application/json")
                .body())
        .contains(someone)
        .doesNotContain(email)
        .doesNotContain(phone);
  }

  @Test
  void demographicsAreKeptOnlyWithConsent() {
    Map<String, String> told =
        Map.of("gender", "FEMALE", "ageBand", "AGE_25_35", "disability", "YES");
    Map<String, String> withoutConsent = new HashMap<>(told);
    withoutConsent.put("name", "Mary Without Consent " + n());
    String without = person(editorA, orgA, withoutConsent);
    assertThat(demographics(without)).isEqualTo("null/null/null/false");

    Map<String, String> withConsent = new HashMap<>(told);
    withConsent.put("name", "Mary With Consent " + n());
    withConsent.put("consent", "true");
    String with = person(editorA, orgA, withConsent);
    assertThat(demographics(with)).isEqualTo("FEMALE/AGE_25_35/TRUE/true");

    String form = editorA.get("/people/" + with + "/edit").body();
    assertThat(form).contains("value=\"FEMALE\" selected", "value=\"AGE_25_35\" selected");
    assertThat(new Browser().get("/people/" + with).body()).doesNotContain("Female", "25 to 35");

    assertThat(edit(editorA, with, Map.of("consent", "false")).statusCode()).isEqualTo(302);
    assertThat(demographics(with)).as("withdrawn consent erases").isEqualTo("null/null/null/false");
  }

  @Test
  void badInputIsRefusedWithReasons() {
    HttpResponse<String> bad =
        addPerson(
            editorA,
            orgA,
            Map.of(
                "name", "J",
                "email", "not-an-email",
                "phone", "12345",
                "language", "fr",
                "consent", "true",
                "gender", "ROBOT",
                "ageBand", "AGE_10_17"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains(
            "Enter the full name (2 to 160 characters).",
            "Choose English or Kiswahili.",
            "Choose a gender from the list.",
            "Choose an age band from the list.")
        .contains("aria-invalid=\"true\"");
    assertThat(bad.body().split("field-error").length - 1).isGreaterThanOrEqualTo(6);
    assertThat(addPerson(editorA, orgA, Map.of("name", "x".repeat(161))).statusCode())
        .isEqualTo(400);

    String someone = person(editorA, orgA, Map.of("name", "Ruth Ndunge " + n()));
    official016.get("/people/" + someone);
    assertThat(
            official016
                .post(
                    "/people/" + someone + "/organisations",
                    Map.of("organisation", org047, "title", "Member"))
                .statusCode())
        .as("an official of 016 may not edit an organisation of 047")
        .isEqualTo(403);
    Browser nationalAdmin = PeopleFixtures.staff(jdbc, "people-admin", "ADMINISTRATOR", null);
    nationalAdmin.get("/people/" + someone);
    HttpResponse<String> otherCounty =
        nationalAdmin.post(
            "/people/" + someone + "/organisations", Map.of("organisation", org047, "title", ""));
    assertThat(otherCounty.statusCode()).isEqualTo(400);
    assertThat(otherCounty.body()).contains("The organisation is in another county.");

    editorA.get("/people/" + someone);
    assertThat(
            editorA
                .post("/people/" + someone + "/organisations/" + orgA + "/remove", Map.of())
                .statusCode())
        .as("the last organisation stays")
        .isEqualTo(400);
  }

  @Test
  void theSamePersonEnteredTwiceIsRecognisedAndTheExistingOneOffered() {
    String email = AccountFixtures.uniqueEmail("grace");
    String grace = person(editorA, orgA, Map.of("name", "Grace Wanjiru " + n(), "email", email));
    long before = count();

    HttpResponse<String> again =
        addPerson(
            editorB,
            orgB,
            Map.of("name", "Grace W.", "email", email.toUpperCase(), "title", "Treasurer"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body())
        .contains("Someone with this e-mail address or phone number is in this county already.")
        .contains("href=\"/people/" + grace + "\"")
        .contains("name=\"existing\" value=\"" + grace + "\"");
    assertThat(count()).isEqualTo(before);

    HttpResponse<String> used =
        editorB.post(
            "/people",
            Map.of(
                "organisation", orgB,
                "name", "Grace W.",
                "email", email,
                "title", "Treasurer",
                "existing", grace));
    assertThat(used.statusCode()).as(used.body()).isEqualTo(302);
    assertThat(PeopleFixtures.after(used, "/people/")).isEqualTo(grace);
    assertThat(count()).isEqualTo(before);
    assertThat(titles(grace)).containsExactlyInAnyOrder("", "Treasurer");

    editorC.get("/people/new?organisation=" + orgC);
    HttpResponse<String> guessed =
        editorC.post(
            "/people",
            Map.of(
                "organisation",
                orgC,
                "name",
                "Grace",
                "email",
                AccountFixtures.uniqueEmail("guess"),
                "existing",
                grace));
    assertThat(guessed.statusCode())
        .as("linking an existing person needs their e-mail or phone")
        .isEqualTo(400);

    String phoneOwner =
        person(editorA, orgA, Map.of("name", "Musa Kioko " + n(), "phone", "0722 000 111"));
    HttpResponse<String> samePhone =
        addPerson(editorA, orgA, Map.of("name", "M. Kioko", "phone", "+254 722 000111"));
    assertThat(samePhone.statusCode()).isEqualTo(409);
    assertThat(samePhone.body()).contains(phoneOwner);
    Map<String, String> anyway =
        new HashMap<>(Map.of("name", "Musa Kioko Junior", "phone", "0722000111"));
    anyway.put("confirmDuplicate", "true");
    assertThat(addPerson(editorA, orgA, anyway).statusCode()).isEqualTo(302);

    assertThat(
            addPerson(official047, org047, Map.of("name", "Grace Nairobi", "email", email))
                .statusCode())
        .as("another county's person with the same e-mail is someone else's record")
        .isEqualTo(302);
  }

  @Test
  void aCoordinatorMergesTheSamePersonEnteredTwice() {
    String email = AccountFixtures.uniqueEmail("esther");
    String survivor = person(editorA, orgA, Map.of("name", "Esther Mwende " + n(), "email", email));
    Map<String, String> second =
        new HashMap<>(
            Map.of(
                "name", "Esther M.",
                "email", email,
                "phone", "0733 123 456",
                "title", "Secretary",
                "confirmDuplicate", "true"));
    String duplicate = person(editorB, orgB, second);
    String body =
        PeopleFixtures.body(
            official016, "016", "Technical committee " + n(), "TECHNICAL_COMMITTEE");
    official016.get("/bodies/" + body);
    assertThat(
            official016
                .post(
                    "/bodies/" + body + "/posts",
                    Map.of(
                        "person",
                        duplicate,
                        "organisation",
                        orgB,
                        "role",
                        "SECRETARY",
                        "start",
                        "2024-01-15"))
                .statusCode())
        .isEqualTo(302);

    editorA.get("/people/" + survivor);
    assertThat(merge(editorA, survivor, duplicate).statusCode())
        .as("editors do not merge")
        .isEqualTo(403);
    assertThat(merge(coordinator016, survivor, survivor).statusCode()).isEqualTo(400);

    HttpResponse<String> merged = merge(coordinator016, survivor, duplicate);
    assertThat(merged.statusCode()).isEqualTo(302);
    assertThat(titles(survivor)).containsExactlyInAnyOrder("", "Secretary");
    assertThat(titles(duplicate)).isEmpty();
    assertThat(
            jdbc.sql(
                    "select s.public_id from person d join person s on s.id = d.merged_into_id"
                        + " where d.public_id = ?")
                .param(duplicate)
                .query(String.class)
                .single())
        .isEqualTo(survivor);
    assertThat(
            jdbc.sql(
                    "select count(*) from post p join person pe on pe.id = p.person_id"
                        + " where pe.public_id = ?")
                .param(survivor)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select phone from person where public_id = ?")
                .param(survivor)
                .query(String.class)
                .single())
        .as("the survivor takes the contact it lacked")
        .isEqualTo("+254733123456");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'directory:person-merged'"
                        + " and target = ?")
                .param(duplicate)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    HttpResponse<String> old = new Browser().get("/people/" + duplicate);
    assertThat(old.statusCode()).isEqualTo(302);
    assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/people/" + survivor);
    String page = new Browser().get("/people/" + survivor).body();
    assertThat(page).contains("Secretary", "Technical committee");
    assertThat(merge(coordinator016, survivor, duplicate).statusCode()).isEqualTo(409);
    assertThat(
            new Browser()
                .get("/api/v1/popolo/persons?county=016&size=200", "application/json")
                .body())
        .doesNotContain(duplicate);

    String nairobi = person(official047, org047, Map.of("name", "Esther Nairobi", "email", email));
    assertThat(merge(official016, survivor, nairobi).statusCode())
        .as("people of different counties are not merged")
        .isEqualTo(400);
    assertThat(merge(official047, survivor, nairobi).statusCode()).isEqualTo(403);
  }

  @Test
  void popoloPersonsArePagedValidAndPublic() {
    String named = "Popolo Person " + n();
    String id =
        person(
            editorA,
            orgA,
            Map.of(
                "name",
                named,
                "title",
                "Field Officer",
                "email",
                AccountFixtures.uniqueEmail("popolo")));
    Browser api = new Browser();
    HttpResponse<String> all =
        api.get("/api/v1/popolo/persons?county=016&size=200", "application/json");
    assertThat(all.statusCode()).isEqualTo(200);
    PopoloSchemas.assertValidArray("person", all.body(), "/items");
    assertThat(all.body())
        .contains("\"id\":\"" + id + "\"", "\"name\":\"" + named + "\"")
        .contains("\"organization_id\":\"" + orgA + "\"", "\"role\":\"Field Officer\"")
        .doesNotContain("@example.org", "+254", "email", "gender", "AGE_");

    HttpResponse<String> page =
        api.get("/api/v1/popolo/persons?county=016&page=1&size=2", "application/json");
    PopoloSchemas.assertValidArray("person", page.body(), "/items");
    assertThat(page.body()).contains("\"page\":1", "\"size\":2", "\"totalItems\":");
    assertThat(page.body().split("\"memberships\"").length - 1).isEqualTo(2);
    assertThat(api.get("/api/v1/popolo/persons?county=999", "application/json").statusCode())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/popolo/persons?county=047", "application/json").body())
        .doesNotContain(id);
  }

  private HttpResponse<String> edit(Browser browser, String person, Map<String, String> changes) {
    HttpResponse<String> form = browser.get("/people/" + person + "/edit");
    if (form.statusCode() != 200) {
      browser.get("/people/" + person);
      return browser.post("/people/" + person, changes);
    }
    Map<String, String> fields = new HashMap<>();
    for (String name : List.of("name", "title", "email", "phone", "version")) {
      fields.put(name, value(form.body(), name));
    }
    fields.put("language", form.body().contains("value=\"sw\" selected") ? "sw" : "en");
    fields.putAll(changes);
    return browser.post("/people/" + person, fields);
  }

  private Browser coordinatorOf(String body) {
    String email = AccountFixtures.verifiedAccount("people-coordinator");
    AccountFixtures.grantFor(jdbc, email, "NETWORK_COORDINATOR", "016", body);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, email, null);
    return browser;
  }

  private HttpResponse<String> merge(Browser browser, String survivor, String duplicate) {
    browser.get("/people/" + survivor);
    return browser.post("/people/" + survivor + "/merge", Map.of("duplicate", duplicate));
  }

  private static String value(String html, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"")
            .matcher(html);
    return m.find() ? m.group(1) : "";
  }

  private String demographics(String person) {
    return jdbc.sql(
            "select gender, age_band, disability, consent_at is not null from person"
                + " where public_id = ?")
        .param(person)
        .query(
            (rs, i) ->
                rs.getString(1)
                    + "/"
                    + rs.getString(2)
                    + "/"
                    + (rs.getObject(3) == null ? "null" : rs.getBoolean(3) ? "TRUE" : "FALSE")
                    + "/"
                    + rs.getBoolean(4))
        .single();
  }

  private List<String> titles(String person) {
    return jdbc.sql(
            "select po.title from person_organisation po join person p on p.id = po.person_id"
                + " where p.public_id = ?")
        .param(person)
        .query(String.class)
        .list();
  }

  private long count() {
    return jdbc.sql("select count(*) from person").query(Long.class).single();
  }
}
