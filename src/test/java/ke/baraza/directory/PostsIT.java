package ke.baraza.directory;

import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
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

/** Posts in bodies: who gives and ends them, what the body's page shows, checks, and Popolo. */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostsIT {

  @Autowired JdbcClient jdbc;

  Browser official016;
  Browser official047;
  String sek;
  String worldVision;
  String jane;
  String janeEmail;
  String org047;
  String person047;

  @BeforeAll
  void setUp() {
    official016 = PeopleFixtures.staff(jdbc, "posts-official016", "COUNTY_OFFICIAL", "016");
    official047 = PeopleFixtures.staff(jdbc, "posts-official047", "COUNTY_OFFICIAL", "047");
    sek = PeopleFixtures.body(official016, "016", "SEK mechanism " + n(), "COORDINATION_MECHANISM");
    worldVision = organisation(official016, "016", "World Vision " + n());
    PeopleFixtures.admit(official016, sek, worldVision);
    janeEmail = AccountFixtures.uniqueEmail("jane");
    jane = person(official016, worldVision, Map.of("name", "Jane Doe " + n(), "email", janeEmail));
    org047 = organisation(official047, "047", "Nairobi Forum " + n());
    person047 = person(official047, org047, Map.of("name", "Otieno " + n()));
  }

  @Test
  void aManagerGivesAPostShownOnTheBodyPageAndEndsIt() {
    String page = official016.get("/bodies/" + sek).body();
    assertThat(page).contains("action=\"/bodies/" + sek + "/posts\"", "value=\"" + jane + "\"");
    HttpResponse<String> added =
        add(
            official016,
            Map.of(
                "person",
                jane,
                "organisation",
                worldVision,
                "role",
                "COUNTY_LEAD",
                "start",
                "2024-03-01"));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    String post = postOf(jane, "COUNTY_LEAD");

    String publicPage = new Browser().get("/bodies/" + sek).body();
    String name = name(jane);
    assertThat(publicPage.replaceAll("<[^>]+>", ""))
        .contains("County lead: " + name + " (World Vision");
    assertThat(publicPage).doesNotContain("/posts/" + post + "/end", janeEmail);
    assertThat(new Browser().acceptLanguage("sw").get("/bodies/" + sek + "?lang=sw").body())
        .contains("Kiongozi wa kaunti");
    assertThat(new Browser().get("/people/" + jane).body())
        .contains("County lead", "since 2024-03-01");

    official016.get("/bodies/" + sek);
    HttpResponse<String> early =
        official016.post("/bodies/" + sek + "/posts/" + post + "/end", Map.of("end", "2024-02-01"));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body()).contains("The end cannot be before the start.");

    String yesterday = LocalDate.now().minusDays(1).toString();
    assertThat(
            official016
                .post("/bodies/" + sek + "/posts/" + post + "/end", Map.of("end", yesterday))
                .statusCode())
        .isEqualTo(302);
    assertThat(new Browser().get("/bodies/" + sek).body()).doesNotContain("County lead: ");
    assertThat(new Browser().get("/people/" + jane).body()).contains("2024-03-01 to " + yesterday);
    official016.get("/bodies/" + sek);
    assertThat(
            official016
                .post("/bodies/" + sek + "/posts/" + post + "/end", Map.of("end", ""))
                .statusCode())
        .as("ended already")
        .isEqualTo(409);
  }

  @Test
  void onlyThoseWhoRunTheBodyGivePosts() {
    Map<String, String> chair = Map.of("person", jane, "role", "CHAIR");
    Browser editor = PeopleFixtures.editorOf(jdbc, worldVision, "016");
    assertThat(add(editor, chair).statusCode()).isEqualTo(403);
    Browser citizen = new Browser();
    AccountFixtures.signIn(
        citizen, AccountFixtures.verifiedAccount("posts-citizen"), AccountFixtures.PASSWORD);
    assertThat(add(citizen, chair).statusCode()).isEqualTo(403);
    assertThat(add(official047, chair).statusCode()).isEqualTo(403);

    String other = PeopleFixtures.body(official016, "016", "Other group " + n(), "THEMATIC_GROUP");
    assertThat(coordinatorOf(other).post("/bodies/" + sek + "/posts", chair).statusCode())
        .as("the coordinator of another body")
        .isEqualTo(403);
    Browser coordinator = coordinatorOf(sek);
    assertThat(coordinator.post("/bodies/" + sek + "/posts", chair).statusCode()).isEqualTo(302);
    assertThat(postOf(jane, "CHAIR")).isNotBlank();
    assertThat(
            jdbc.sql(
                    "select count(*) from post p join person pe on pe.id = p.person_id where pe.public_id = ? and p.role = 'CHAIR' and p.start_date = ?")
                .params(jane, LocalDate.now())
                .query(Long.class)
                .single())
        .as("the start defaults to today")
        .isEqualTo(1);
  }

  @Test
  void badPostsAreRefusedWithAReason() {
    Map<String, String> good =
        Map.of(
            "person",
            jane,
            "organisation",
            worldVision,
            "role",
            "SECRETARY",
            "start",
            "2024-01-01");
    assertBad(with(good, "end", "2023-12-31"), "The end cannot be before the start.");
    assertBad(with(good, "organisation", org047), "Choose an organisation of this county.");
    assertBad(with(good, "person", person047), "Choose a person of this county.");
    assertBad(with(good, "role", "PRESIDENT"), "Choose a post from the list.");
    assertBad(with(good, "start", "01/02/2024"), "Enter a date such as 2024-03-01.");
    String otherOrganisation = organisation(official016, "016", "Not Jane's " + n());
    assertBad(
        with(good, "organisation", otherOrganisation), "The person is not in this organisation.");
    assertThat(
            jdbc.sql(
                    "select count(*) from post p join person pe on pe.id = p.person_id where pe.public_id = ? and p.role = 'SECRETARY'")
                .param(jane)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void popoloPostsAreValidAndPublic() {
    assertThat(
            add(
                    official016,
                    Map.of(
                        "person", jane,
                        "organisation", worldVision,
                        "role", "POINT_OF_CONTACT",
                        "start", "2023-06-01",
                        "end", "2030-05-31"))
                .statusCode())
        .isEqualTo(302);
    String post = postOf(jane, "POINT_OF_CONTACT");
    HttpResponse<String> all =
        new Browser().get("/api/v1/popolo/posts?county=016&size=200", "application/json");
    assertThat(all.statusCode()).isEqualTo(200);
    PopoloSchemas.assertValidArray("post", all.body(), "/items");
    assertThat(all.body())
        .contains(
            "\"id\":\"" + post + "\"",
            "\"role\":\"Point of contact\"",
            "\"organization_id\":\"" + sek + "\"",
            "\"person_id\":\"" + jane + "\"",
            "\"on_behalf_of_id\":\"" + worldVision + "\"",
            "\"start_date\":\"2023-06-01\"",
            "\"end_date\":\"2030-05-31\"")
        .doesNotContain(janeEmail, "@example.org");
    HttpResponse<String> paged =
        new Browser().get("/api/v1/popolo/posts?county=016&page=0&size=1", "application/json");
    PopoloSchemas.assertValidArray("post", paged.body(), "/items");
    assertThat(paged.body()).contains("\"size\":1");
    assertThat(new Browser().get("/api/v1/popolo/posts?county=047", "application/json").body())
        .doesNotContain(post);
  }

  private void assertBad(Map<String, String> fields, String message) {
    HttpResponse<String> response = add(official016, fields);
    assertThat(response.statusCode()).as(fields.toString()).isEqualTo(400);
    assertThat(response.body()).as(fields.toString()).contains(message);
  }

  private HttpResponse<String> add(Browser browser, Map<String, String> fields) {
    browser.get("/bodies/" + sek);
    return browser.post("/bodies/" + sek + "/posts", fields);
  }

  private Browser coordinatorOf(String body) {
    String email = AccountFixtures.verifiedAccount("posts-coordinator");
    AccountFixtures.grantFor(jdbc, email, "NETWORK_COORDINATOR", "016", body);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, email, null);
    browser.get("/bodies/" + body);
    return browser;
  }

  private String postOf(String person, String role) {
    return jdbc.sql(
            "select p.public_id from post p join person pe on pe.id = p.person_id"
                + " where pe.public_id = ? and p.role = ? order by p.id desc fetch first 1 rows only")
        .params(person, role)
        .query(String.class)
        .single();
  }

  private String name(String person) {
    return jdbc.sql("select name from person where public_id = ?")
        .param(person)
        .query(String.class)
        .single();
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
