package ke.baraza.directory;

import static ke.baraza.accounts.AccountFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Selects;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Organisations: who may add and edit them, what the public sees, and the checks on input. */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryIT {

  static final String MASINGA_CENTRAL = "0372";
  static final String MATUU = "0377";

  @Autowired JdbcClient jdbc;

  Browser official016;
  Browser coordinator016;
  Browser official047;
  Browser citizen;

  @BeforeAll
  void people() {
    official016 = staff("official016", "COUNTY_OFFICIAL", "016");
    coordinator016 = staff("coordinator016", "NETWORK_COORDINATOR", "016");
    official047 = staff("official047", "COUNTY_OFFICIAL", "047");
    citizen = new Browser();
    AccountFixtures.signIn(citizen, AccountFixtures.verifiedAccount("mwananchi"), PASSWORD);
  }

  Browser staff(String who, String role, String county) {
    String email = AccountFixtures.verifiedAccount(who);
    AccountFixtures.grant(jdbc, email, role, county);
    Browser browser = new Browser();
    AccountFixtures.signInWithSecondFactor(browser, email, null);
    return browser;
  }

  @Test
  void countyStaffAndCoordinatorsAddOrganisationsInTheirCountyOnly() {
    assertThat(
            create(
                    official016,
                    "016",
                    form("Masinga Women Self Help " + n(), "WOMENS_GROUP", MASINGA_CENTRAL))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            create(coordinator016, "016", form("Yatta Youth Group " + n(), "YOUTH_GROUP", MATUU))
                .statusCode())
        .isEqualTo(302);
    assertThat(create(official047, "016", form("Not Mine " + n(), "CBO", MATUU)).statusCode())
        .isEqualTo(403);
    assertThat(create(citizen, "016", form("Citizen Org " + n(), "CBO", MATUU)).statusCode())
        .isEqualTo(403);
    HttpResponse<String> anonymous =
        create(new Browser(), "016", form("Anon " + n(), "CBO", MATUU));
    assertThat(anonymous.statusCode()).isIn(302, 403);
    assertThat(
            jdbc.sql(
                    "select count(*) from organisation where name like 'Not Mine%' or name like 'Citizen Org%' or name like 'Anon %'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anEditorEditsOnlyTheirOwnOrganisationAndOnlyStaffVerify() {
    String mine = created(official016, form("Kivaa CBO " + n(), "CBO", MASINGA_CENTRAL));
    String other = created(official016, form("Ekalakala CBO " + n(), "CBO", MASINGA_CENTRAL));
    String editorEmail = AccountFixtures.verifiedAccount("editor");
    AccountFixtures.grantFor(jdbc, editorEmail, "ORGANISATION_EDITOR", "016", mine);
    Browser editor = new Browser();
    AccountFixtures.signIn(editor, editorEmail, PASSWORD);

    assertThat(edit(editor, mine, Map.of("description", "Water projects in Kivaa")).statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select description from organisation where public_id = ?")
                .param(mine)
                .query(String.class)
                .single())
        .isEqualTo("Water projects in Kivaa");
    assertThat(edit(editor, other, Map.of("description", "hijacked")).statusCode()).isEqualTo(403);
    assertThat(editor.get("/organisations/" + other + "/edit").statusCode()).isEqualTo(403);
    assertThat(edit(official047, mine, Map.of("description", "hijacked")).statusCode())
        .isEqualTo(403);
    assertThat(edit(coordinator016, mine, Map.of("acronym", "KCBO")).statusCode()).isEqualTo(302);

    editor.get("/organisations/" + mine);
    assertThat(
            editor
                .post("/organisations/" + mine + "/verification", Map.of("verified", "true"))
                .statusCode())
        .isEqualTo(403);
    coordinator016.get("/organisations/" + mine);
    assertThat(
            coordinator016
                .post("/organisations/" + mine + "/verification", Map.of("verified", "true"))
                .statusCode())
        .isEqualTo(403);
    official016.get("/organisations/" + mine);
    assertThat(
            official016
                .post("/organisations/" + mine + "/verification", Map.of("verified", "true"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select verified from organisation where public_id = ?")
                .param(mine)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void identifiersFollowTheRegisterAndARegistrationIsUsedOnce() {
    String number = "OP.218/051/" + n();
    Map<String, String> registered = form("Machakos Budget Network " + n(), "NGO", MASINGA_CENTRAL);
    registered.put("registrationBody", "NGO_BOARD");
    registered.put("registrationNumber", number);
    String ngo = created(official016, registered);
    assertThat(identifier(ngo)).isEqualTo("KE-NCB-" + number.toUpperCase());
    String group =
        created(official016, form("Ndithini Self Help " + n(), "SELF_HELP_GROUP", MASINGA_CENTRAL));
    assertThat(identifier(group)).startsWith("KE-BARAZA-016-");

    Map<String, String> again = form("Another Name " + n(), "NGO", MATUU);
    again.put("registrationBody", "NGO_BOARD");
    again.put("registrationNumber", number);
    HttpResponse<String> taken = create(official016, "016", again);
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).contains("Another organisation has this registration already");
  }

  @Test
  void aSecondOrganisationOfTheSameNameInAWardIsFlaggedNotMerged() {
    String name = "Mwala Umoja Group " + n();
    created(official016, form(name, "SELF_HELP_GROUP", MASINGA_CENTRAL));
    HttpResponse<String> flagged =
        create(official016, "016", form(name.toUpperCase(), "SELF_HELP_GROUP", MASINGA_CENTRAL));
    assertThat(flagged.statusCode()).isEqualTo(400);
    assertThat(flagged.body()).contains("exists in this ward already", "confirmDuplicate");
    Map<String, String> confirmed = form(name, "SELF_HELP_GROUP", MASINGA_CENTRAL);
    confirmed.put("confirmDuplicate", "true");
    assertThat(create(official016, "016", confirmed).statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select count(*) from organisation where lower(name) = lower(?)")
                .param(name)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsStored() {
    long before = jdbc.sql("select count(*) from organisation").query(Long.class).single();
    Map<String, String> bad = form("X", "NOT_A_TYPE", "0001");
    bad.put("website", "javascript:alert(1)");
    bad.put("phone", "12345");
    bad.put("registrationDate", "2999-01-01");
    bad.put("themes", "047-health");
    HttpResponse<String> page = create(official016, "016", bad);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains(
            "Enter the name",
            "Choose the type",
            "Choose wards of this county",
            "https://",
            "Kenyan phone number",
            "not in the future",
            "thematic areas of this county");
    assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void groupsBelongToAWardCboWithoutLoops() {
    String cbo = created(official016, form("Masinga Ward CBO " + n(), "CBO", MASINGA_CENTRAL));
    Map<String, String> groupForm = form("Kivaa Women " + n(), "WOMENS_GROUP", MASINGA_CENTRAL);
    groupForm.put("affiliatedTo", cbo);
    String group = created(official016, groupForm);
    assertThat(new Browser().get("/organisations/" + cbo).body())
        .contains("Member groups (1)", "/organisations/" + group);
    assertThat(new Browser().get("/organisations/" + group).body())
        .contains("Member group of", "/organisations/" + cbo);
    assertThat(edit(official016, cbo, Map.of("affiliatedTo", group)).statusCode())
        .as("a loop")
        .isEqualTo(400);
  }

  @Test
  void anOrganisationsPageCostsTheSameQueriesWhateverItsGroupsAndPeople() {
    Assumptions.assumeTrue("h2".equals(TestEnvironment.database()), "H2 counts statements");
    String small = created(official016, form("Ekalakala Ward CBO " + n(), "CBO", MASINGA_CENTRAL));
    String large = created(official016, form("Kithyoko Ward CBO " + n(), "CBO", MASINGA_CENTRAL));
    for (int i = 0; i < 4; i++) {
      String cbo = i == 0 ? small : large;
      Map<String, String> group = form("Kithyoko Group " + n(), "WOMENS_GROUP", MASINGA_CENTRAL);
      group.put("affiliatedTo", cbo);
      created(official016, group);
      PeopleFixtures.person(official016, cbo, Map.of("name", "Mutua Member " + n()));
    }
    Browser anyone = new Browser();
    anyone.get("/organisations/" + small); // warm up
    jdbc.sql("set query_statistics true").update();
    long one = Selects.count(jdbc, () -> anyone.get("/organisations/" + small));
    long three = Selects.count(jdbc, () -> anyone.get("/organisations/" + large));
    jdbc.sql("set query_statistics false").update();
    assertThat(one)
        .as(
            "the organisation, its wards, themes, theme names, groups (their wards and themes),"
                + " people and networks")
        .isLessThanOrEqualTo(9);
    assertThat(three).isEqualTo(one);
  }

  @Test
  void thePublicFindsOrganisationsButNeverTheirContacts() {
    Map<String, String> f = form("Yatta Climate Champions " + n(), "CBO", MATUU);
    f.put("email", "chair@yatta.example.org");
    f.put("phone", "0722 000 111");
    f.put("themes", "016-climate-change");
    String id = created(official016, f);
    Browser anyone = new Browser();
    String page = anyone.get("/organisations/" + id).body();
    assertThat(page)
        .contains("Yatta Climate Champions", "Matuu", "Climate change")
        .doesNotContain("chair@yatta", "+254722000111");
    assertThat(official016.get("/organisations/" + id).body()).contains("chair@yatta.example.org");

    assertThat(anyone.get("/directory?county=016&q=climate+champ").body())
        .contains("Yatta Climate Champions");
    assertThat(anyone.get("/directory?county=016&theme=016-climate-change").body())
        .contains("Yatta Climate Champions");
    String yatta =
        jdbc.sql("select code from subcounty where name = 'Yatta'").query(String.class).single();
    // with the name too: other tests (the demo data) fill Yatta beyond one page
    assertThat(anyone.get("/directory?county=016&q=climate&subcounty=" + yatta).body())
        .contains("Yatta Climate Champions");
    assertThat(anyone.get("/directory?county=016&q=climate&subcounty=" + masinga()).body())
        .doesNotContain("Yatta Climate Champions");
    assertThat(anyone.get("/directory?county=047&q=climate+champ").body())
        .doesNotContain("Yatta Climate Champions");

    HttpResponse<String> api =
        anyone.get("/api/v1/organisations?county=016&q=climate%20champions", "application/json");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .contains("\"publicId\":\"" + id + "\"", "\"homeWardName\":\"Matuu\"")
        .doesNotContain("chair@yatta", "722000111");
    assertThat(anyone.get("/api/v1/organisations?county=999", "application/json").statusCode())
        .isEqualTo(404);
    assertThat(anyone.get("/api/v1/organisations?type=BANK", "application/json").statusCode())
        .isEqualTo(400);
  }

  private String masinga() {
    return jdbc.sql("select code from subcounty where name = 'Masinga'")
        .query(String.class)
        .single();
  }

  @Test
  void countyStaffKeepTheThematicAreasCoordinatorsCannot() {
    assertThat(new Browser().get("/directory/themes/016").body())
        .contains("Climate change", "Water and sanitation");
    official016.get("/directory/themes/016");
    String name = "Disability inclusion " + n();
    assertThat(
            official016
                .post(
                    "/directory/themes/016",
                    Map.of("nameEn", name, "nameSw", "Ujumuishaji wa walemavu"))
                .statusCode())
        .isEqualTo(302);
    assertThat(new Browser().acceptLanguage("sw").get("/directory/themes/016").body())
        .contains("Ujumuishaji wa walemavu");
    coordinator016.get("/directory/themes/016");
    assertThat(
            coordinator016
                .post(
                    "/directory/themes/016", Map.of("nameEn", "Other " + n(), "nameSw", "Nyingine"))
                .statusCode())
        .isEqualTo(403);
    official047.get("/directory/themes/016");
    assertThat(
            official047
                .post("/directory/themes/016/016-health", Map.of("active", "false"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void anAdministratorMakesSomeoneTheEditorOfAnOrganisationOfTheirCounty() {
    String org =
        created(official016, form("Kathiani Youth " + n(), "YOUTH_GROUP", MASINGA_CENTRAL));
    String adminEmail = AccountFixtures.verifiedAccount("admin-dir");
    AccountFixtures.grant(jdbc, adminEmail, "ADMINISTRATOR", "016");
    Browser admin = new Browser();
    AccountFixtures.signInWithSecondFactor(admin, adminEmail, null);
    String person = AccountFixtures.verifiedAccount("future-editor");
    String personId =
        jdbc.sql("select public_id from account where email = ?")
            .param(person)
            .query(String.class)
            .single();
    admin.get("/admin/users/" + personId);
    assertThat(
            admin
                .post(
                    "/admin/users/" + personId + "/grants",
                    Map.of("role", "ORGANISATION_EDITOR", "county", "016", "scope", ""))
                .statusCode())
        .isEqualTo(400);
    admin.get("/admin/users/" + personId);
    assertThat(
            admin
                .post(
                    "/admin/users/" + personId + "/grants",
                    Map.of("role", "ORGANISATION_EDITOR", "county", "016", "scope", "nosuchorg123"))
                .statusCode())
        .isEqualTo(400);
    admin.get("/admin/users/" + personId);
    assertThat(
            admin
                .post(
                    "/admin/users/" + personId + "/grants",
                    Map.of("role", "ORGANISATION_EDITOR", "county", "016", "scope", org))
                .statusCode())
        .isEqualTo(302);
    Browser editor = new Browser();
    AccountFixtures.signIn(editor, person, PASSWORD);
    assertThat(editor.get("/organisations/" + org + "/edit").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> create(Browser browser, String county, Map<String, String> fields) {
    browser.get("/directory");
    Map<String, String> all = new HashMap<>(fields);
    all.put("county", county);
    return browser.post("/organisations", all);
  }

  private String created(Browser browser, Map<String, String> fields) {
    HttpResponse<String> response = create(browser, "016", fields);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    Matcher m =
        Pattern.compile("/organisations/([a-z0-9]{12})")
            .matcher(response.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> edit(Browser browser, String id, Map<String, String> changes) {
    HttpResponse<String> page = browser.get("/organisations/" + id + "/edit");
    if (page.statusCode() != 200) {
      browser.get("/directory");
      return browser.post(
          "/organisations/" + id, Map.of("name", "x", "type", "CBO", "version", "0"));
    }
    Map<String, String> fields = new HashMap<>();
    for (String name :
        List.of(
            "name",
            "acronym",
            "type",
            "homeWard",
            "description",
            "affiliatedTo",
            "version",
            "status")) {
      fields.put(name, value(page.body(), name));
    }
    fields.putAll(changes);
    return browser.post("/organisations/" + id, fields);
  }

  private static String value(String html, String name) {
    Matcher input = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    if (input.find()) {
      return input.group(1).replace("&amp;", "&");
    }
    Matcher select =
        Pattern.compile("name=\"" + name + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
    if (select.find()) {
      Matcher chosen =
          Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(1));
      return chosen.find() ? chosen.group(1) : "";
    }
    Matcher area = Pattern.compile("name=\"" + name + "\"[^>]*>([^<]*)</textarea>").matcher(html);
    return area.find() ? area.group(1) : "";
  }

  private static Map<String, String> form(String name, String type, String homeWard) {
    Map<String, String> form = new HashMap<>();
    form.put("name", name);
    form.put("type", type);
    form.put("homeWard", homeWard);
    form.put("status", "ACTIVE");
    return form;
  }

  private String identifier(String publicId) {
    return jdbc.sql("select identifier from organisation where public_id = ?")
        .param(publicId)
        .query(String.class)
        .single();
  }

  private static String n() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }
}
