package ke.baraza.directory;

import static ke.baraza.accounts.AccountFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Networks: who creates them, applications and decisions, and the member tree MCCN draws. */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodiesIT {

  @Autowired JdbcClient jdbc;

  Browser official;
  String cbo;
  String group;
  String cboEmail;

  @BeforeAll
  void setUp() {
    String email = AccountFixtures.verifiedAccount("bodies-official");
    AccountFixtures.grant(jdbc, email, "COUNTY_OFFICIAL", "016");
    official = new Browser();
    AccountFixtures.signInWithSecondFactor(official, email, null);
    cboEmail = AccountFixtures.uniqueEmail("cbo");
    cbo =
        organisation(
            Map.of(
                "name",
                "Masinga Central Ward CBO " + n(),
                "type",
                "CBO",
                "homeWard",
                "0372",
                "email",
                cboEmail));
    group =
        organisation(
            Map.of(
                "name",
                "Kyamatu Women Group " + n(),
                "type",
                "WOMENS_GROUP",
                "homeWard",
                "0372",
                "affiliatedTo",
                cbo));
  }

  @Test
  void aCoordinatorRunsTheirNetworkFromApplicationToTheMemberTree() {
    String network =
        body(
            official,
            Map.of(
                "name",
                "Machakos County CSO Network " + n(),
                "acronym",
                "MCCN",
                "kind",
                "NETWORK",
                "level",
                "COUNTY"));
    assertThat(network).isNotNull();

    String coordinatorEmail = AccountFixtures.verifiedAccount("mccn-coordinator");
    AccountFixtures.grantFor(jdbc, coordinatorEmail, "NETWORK_COORDINATOR", "016", network);
    Browser coordinator = new Browser();
    AccountFixtures.signInWithSecondFactor(coordinator, coordinatorEmail, null);

    String editorEmail = AccountFixtures.verifiedAccount("cbo-editor");
    AccountFixtures.grantFor(jdbc, editorEmail, "ORGANISATION_EDITOR", "016", cbo);
    Browser editor = new Browser();
    AccountFixtures.signIn(editor, editorEmail, PASSWORD);
    editor.get("/bodies/" + network);
    assertThat(
            editor
                .post("/bodies/" + network + "/applications", Map.of("organisation", cbo))
                .statusCode())
        .isEqualTo(302);
    editor.get("/bodies/" + network);
    assertThat(
            editor
                .post("/bodies/" + network + "/applications", Map.of("organisation", cbo))
                .statusCode())
        .as("once")
        .isEqualTo(409);
    editor.get("/bodies/" + network);
    assertThat(
            editor
                .post("/bodies/" + network + "/applications", Map.of("organisation", group))
                .statusCode())
        .as("not their organisation")
        .isEqualTo(403);

    String page = coordinator.get("/bodies/" + network).body();
    Matcher m =
        Pattern.compile("action=\"/bodies/" + network + "/memberships/(\\d+)\"").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    String decision = "/bodies/" + network + "/memberships/" + m.group(1);
    assertThat(coordinator.post(decision, Map.of("decision", "DECLINE", "reason", "")).statusCode())
        .as("a reason is needed")
        .isEqualTo(400);
    coordinator.get("/bodies/" + network);
    assertThat(
            coordinator
                .post(decision, Map.of("decision", "DECLINE", "reason", "MoU not yet signed"))
                .statusCode())
        .isEqualTo(302);
    assertThat(status(network, cbo)).isEqualTo("DECLINED");
    assertThat(Mailbox.to(cboEmail)).isNotEmpty();
    assertThat(Mailbox.text(Mailbox.to(cboEmail).get(0))).contains("MoU not yet signed", "Sababu");

    editor.get("/bodies/" + network);
    assertThat(
            editor
                .post("/bodies/" + network + "/applications", Map.of("organisation", cbo))
                .statusCode())
        .as("may apply again")
        .isEqualTo(302);
    coordinator.get("/bodies/" + network);
    assertThat(
            coordinator
                .post(decision, Map.of("decision", "APPROVE", "mou", "2024-05-02"))
                .statusCode())
        .isEqualTo(302);
    assertThat(status(network, cbo)).isEqualTo("ACTIVE");

    String tree = new Browser().get("/bodies/" + network).body();
    assertThat(tree)
        .contains("Members (1)", "Masinga", "Masinga Central", "Ward CBO", "Kyamatu Women Group");
    assertThat(tree.indexOf("Masinga Central Ward CBO"))
        .isLessThan(tree.indexOf("Kyamatu Women Group"));
    assertThat(tree).as("applications are for the coordinator").doesNotContain("memberships/");
    HttpResponse<String> api = new Browser().get("/api/v1/bodies/" + network, "application/json");
    assertThat(api.body())
        .contains("\"acronym\":\"MCCN\"", "Masinga Central Ward CBO", "Kyamatu Women Group")
        .doesNotContain(cboEmail);
  }

  @Test
  void onlyCountyStaffAndCoordinatorsCreateBodiesAndOnlyTheirCoordinatorsDecide() {
    String network =
        body(
            official,
            Map.of(
                "name",
                "Yatta Network " + n(),
                "kind",
                "NETWORK",
                "level",
                "SUB_COUNTY",
                "area",
                subCounty("Yatta")));
    Browser citizen = new Browser();
    AccountFixtures.signIn(citizen, AccountFixtures.verifiedAccount("no-body"), PASSWORD);
    citizen.get("/bodies?county=016");
    assertThat(
            citizen
                .post("/bodies", Map.of("county", "016", "name", "Mine", "kind", "NETWORK"))
                .statusCode())
        .isEqualTo(403);

    String otherEmail = AccountFixtures.verifiedAccount("other-coordinator");
    AccountFixtures.grantFor(
        jdbc,
        otherEmail,
        "NETWORK_COORDINATOR",
        "016",
        body(official, Map.of("name", "Another " + n(), "kind", "THEMATIC_GROUP")));
    Browser other = new Browser();
    AccountFixtures.signInWithSecondFactor(other, otherEmail, null);
    other.get("/bodies/" + network);
    assertThat(
            other
                .post("/bodies/" + network + "/members", Map.of("organisation", group))
                .statusCode())
        .isEqualTo(403);
    official.get("/bodies/" + network);
    assertThat(
            official
                .post(
                    "/bodies/" + network + "/members",
                    Map.of("organisation", group, "since", "2023-01-01"))
                .statusCode())
        .isEqualTo(302);
    assertThat(status(network, group)).isEqualTo("ACTIVE");

    official.get("/bodies/new?county=016");
    HttpResponse<String> bad =
        official.post(
            "/bodies",
            Map.of("county", "016", "name", "W", "kind", "CLUB", "level", "WARD", "area", "0001"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("Choose the kind of body", "Choose a sub-county or ward of this county");
  }

  private String organisation(Map<String, String> fields) {
    official.get("/directory");
    Map<String, String> all = new java.util.HashMap<>(fields);
    all.put("county", "016");
    HttpResponse<String> created = official.post("/organisations", all);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return created
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceAll(".*/organisations/", "");
  }

  private String body(Browser browser, Map<String, String> fields) {
    browser.get("/bodies/new?county=016");
    Map<String, String> all = new java.util.HashMap<>(fields);
    all.put("county", "016");
    HttpResponse<String> created = browser.post("/bodies", all);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return created.headers().firstValue("Location").orElseThrow().replaceAll(".*/bodies/", "");
  }

  private String status(String body, String organisation) {
    return jdbc.sql(
            "select m.status from membership m join body b on b.id = m.body_id join organisation o on o.id = m.organisation_id where b.public_id = ? and o.public_id = ?")
        .params(body, organisation)
        .query(String.class)
        .single();
  }

  private String subCounty(String name) {
    return jdbc.sql("select code from subcounty where name = ?")
        .param(name)
        .query(String.class)
        .single();
  }

  private static String n() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }
}
