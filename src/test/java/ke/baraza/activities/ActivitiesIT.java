package ke.baraza.activities;

import static ke.baraza.activities.ActivityFixtures.flagsBetween;
import static ke.baraza.activities.ActivityFixtures.form;
import static ke.baraza.activities.ActivityFixtures.record;
import static ke.baraza.activities.ActivityFixtures.submit;
import static ke.baraza.activities.ActivityFixtures.wards;
import static ke.baraza.activities.ActivityFixtures.with;
import static ke.baraza.directory.PeopleFixtures.editorOf;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import ke.baraza.testing.Selects;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who does what where: recording and editing activities, who may, the matrix and the gaps, and the
 * overlap flags for the county's coordinators.
 */
@BarazaIntegrationTest
class ActivitiesIT {

  @Autowired JdbcClient jdbc;

  @Test
  void anEditorRecordsAnActivityAndFindsItInItsOrganisationsAndCountysLists() {
    Browser official = staff(jdbc, "act-official", "COUNTY_OFFICIAL", "016");
    String org = organisation(official, "016", "Masinga Water Users " + n());
    Browser editor = editorOf(jdbc, org, "016");
    List<String> wards = wards(jdbc, "016");
    String title = "Borehole committees training " + n();
    String id =
        record(
            editor,
            org,
            form(
                title,
                "WATER_SANITATION",
                wards.get(0) + "," + wards.get(1),
                "2026-01-05",
                "2026-06-30"));

    HttpResponse<String> page = editor.get("/activities/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(title, "Water and sanitation", "2026-01-05", "KES 250,000", "edit-activity");
    assertThat(new Browser().get("/activities/" + id).body())
        .as("a public activity is public, without the edit link")
        .contains(title)
        .doesNotContain("edit-activity");
    assertThat(new Browser().get("/activities/organisations/" + org).body()).contains(title);
    assertThat(
            new Browser()
                .get("/activities/counties/016?theme=WATER_SANITATION&ward=" + wards.get(1))
                .body())
        .contains(title);
    assertThat(new Browser().get("/activities/counties/016?theme=HEALTH").body())
        .doesNotContain(title);

    editor.get("/activities/" + id + "/edit");
    HttpResponse<String> edited =
        editor.post(
            "/activities/" + id,
            with(
                form(
                    title + " (phase 2)",
                    "WATER_SANITATION",
                    wards.get(0),
                    "2026-01-05",
                    "2026-09-30"),
                "status",
                "COMPLETED",
                "reachedFemale",
                "118",
                "version",
                "0"));
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
    assertThat(editor.get("/activities/" + id).body())
        .contains(title + " (phase 2)", "Completed", "118", "2026-09-30");
    HttpResponse<String> stale =
        editor.post(
            "/activities/" + id,
            with(
                form(title, "WATER_SANITATION", wards.get(0), "2026-01-05", "2026-09-30"),
                "version",
                "0"));
    assertThat(stale.statusCode()).as("an edit of an older version is refused").isEqualTo(409);
  }

  @Test
  void badInputIsNamedAndWhatWasTypedIsKept() {
    Browser official = staff(jdbc, "act-bad", "COUNTY_OFFICIAL", "016");
    String org = organisation(official, "016", "Yatta Farmers " + n());
    Browser editor = editorOf(jdbc, org, "016");
    String own = wards(jdbc, "016").get(0);
    String elsewhere = wards(jdbc, "047").get(0);

    HttpResponse<String> otherCounty =
        submit(
            editor,
            org,
            form(
                "Seed fair " + n(),
                "AGRICULTURE_FOOD_SECURITY",
                own + "," + elsewhere,
                "2026-02-01",
                "2026-03-01"));
    assertThat(otherCounty.statusCode()).isEqualTo(400);
    assertThat(otherCounty.body())
        .contains("A ward you chose is in another county", "value=\"Seed fair ");

    HttpResponse<String> wrong =
        submit(
            editor,
            org,
            with(
                form("", "NOT_A_THEME", "", "2026-13-01", "2026-01-01"),
                "targetedMale",
                "many",
                "fundingSource",
                "Typed funder"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .contains(
            "Write a title of 3 to 300 characters.",
            "Choose the thematic area.",
            "Choose at least one ward.",
            "Write the date as 2026-03-14.",
            "Write a whole number (digits only).",
            "value=\"Typed funder\"",
            "value=\"many\"");
    HttpResponse<String> backwards =
        submit(
            editor,
            org,
            form("Seed fair " + n(), "AGRICULTURE_FOOD_SECURITY", own, "2026-03-01", "2026-02-01"));
    assertThat(backwards.body()).contains("The end date cannot be before the start date.");
    assertThat(editor.get("/activities/new?lang=sw&organisation=" + org).body())
        .contains("Rekodi shughuli");
  }

  @Test
  void onlyTheOrganisationsEditorsAndTheCountysStaffRecordAndEdit() {
    Browser official = staff(jdbc, "act-perm", "COUNTY_OFFICIAL", "016");
    String mine = organisation(official, "016", "Kithimani CBO " + n());
    String theirs = organisation(official, "016", "Ekalakala Youth " + n());
    Browser editor = editorOf(jdbc, mine, "016");
    Browser otherEditor = editorOf(jdbc, theirs, "016");
    String ward = wards(jdbc, "016").get(2);
    String id =
        record(editor, mine, form("Youth forum " + n(), "YOUTH", ward, "2026-04-01", "2026-04-30"));

    assertThat(otherEditor.get("/activities/" + id + "/edit").statusCode()).isEqualTo(403);
    otherEditor.get("/activities/" + id);
    assertThat(
            otherEditor
                .post(
                    "/activities/" + id,
                    with(
                        form("Taken over", "YOUTH", ward, "2026-04-01", "2026-04-30"),
                        "version",
                        "0"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            submit(
                    otherEditor,
                    mine,
                    form("For them " + n(), "YOUTH", ward, "2026-04-01", "2026-04-30"))
                .statusCode())
        .isEqualTo(403);
    Browser coordinator = staff(jdbc, "act-coord", "NETWORK_COORDINATOR", "016");
    assertThat(
            submit(
                    coordinator,
                    theirs,
                    form("By the coordinator " + n(), "YOUTH", ward, "2026-04-01", "2026-04-30"))
                .statusCode())
        .as("a county-wide coordinator records for any organisation of the county")
        .isEqualTo(302);
    Browser elsewhere = staff(jdbc, "act-047", "COUNTY_OFFICIAL", "047");
    assertThat(elsewhere.get("/activities/" + id + "/edit").statusCode()).isEqualTo(403);
    assertThat(new Browser().get("/activities/new?organisation=" + mine).statusCode())
        .as("an anonymous visitor is sent to sign in")
        .isEqualTo(302);

    String hidden =
        record(
            editor,
            mine,
            with(
                form("Internal planning " + n(), "YOUTH", ward, "2026-05-01", "2026-05-30"),
                "visibility",
                "INTERNAL"));
    assertThat(new Browser().get("/activities/" + hidden).statusCode()).isEqualTo(404);
    assertThat(otherEditor.get("/activities/" + hidden).statusCode()).isEqualTo(404);
    assertThat(editor.get("/activities/" + hidden).statusCode()).isEqualTo(200);
    assertThat(coordinator.get("/activities/" + hidden).statusCode()).isEqualTo(200);
    assertThat(new Browser().get("/activities/organisations/" + mine).body())
        .doesNotContain("Internal planning");
  }

  @Test
  void theMatrixCountsActivitiesByThemeAndWardAndTheGapsShrink() {
    String county = "044";
    Browser official = staff(jdbc, "act-matrix", "COUNTY_OFFICIAL", county);
    String org = organisation(official, county, "Migori Health Volunteers " + n());
    List<String> wards = wards(jdbc, county);
    String a = wards.get(3);
    String b = wards.get(4);
    int healthInA = wardCount(county, "HEALTH", a);
    int healthInB = wardCount(county, "HEALTH", b);
    int gapsBefore = gaps(county, "HEALTH");

    record(
        official,
        org,
        form("Community health days " + n(), "HEALTH", a + "," + b, "2026-01-01", "2026-12-31"));
    record(
        official,
        org,
        form("Immunisation outreach " + n(), "HEALTH", a, "2026-02-01", "2026-03-31"));
    record(
        official,
        org,
        with(
            form("Cancelled clinic " + n(), "HEALTH", b, "2026-02-01", "2026-03-31"),
            "status",
            "CANCELLED"));

    assertThat(wardCount(county, "HEALTH", a)).isEqualTo(healthInA + 2);
    assertThat(wardCount(county, "HEALTH", b))
        .as("cancelled ones do not count")
        .isEqualTo(healthInB + 1);
    String page = new Browser().get("/activities/counties/" + county + "/where").body();
    assertThat(cell(page, a, "HEALTH")).isEqualTo(healthInA + 2);
    assertThat(page)
        .contains("href=\"/activities/counties/" + county + "?theme=HEALTH&ward=" + a + "\"");
    int expectedGaps = gapsBefore - (healthInA == 0 ? 1 : 0) - (healthInB == 0 ? 1 : 0);
    assertThat(gaps(county, "HEALTH")).isEqualTo(expectedGaps);
    assertThat(gapList(page, "HEALTH")).doesNotContain("data-ward=\"" + a + "\"");
  }

  @Test
  void aWardsListIsNewestFirstAndItsInternalActivitiesCountOnlyForTheCountysCoordinators() {
    String county = "041";
    Browser official = staff(jdbc, "act-ward-list", "COUNTY_OFFICIAL", county);
    String org = organisation(official, county, "Siaya Health Partners " + n());
    String ward = wards(jdbc, county).get(5);
    String list = "/activities/counties/" + county + "?ward=" + ward;
    String where = "/activities/counties/" + county + "/where";
    int publicCell = cell(new Browser().get(where).body(), ward, "HEALTH");
    int coordinatorCell = cell(official.get(where).body(), ward, "HEALTH");
    String tag = n();
    String january = "January clinic " + tag;
    String march = "March clinic " + tag;
    String february = "February clinic " + tag;
    String hidden = "Internal clinic planning " + tag;
    record(official, org, form(january, "HEALTH", ward, "2031-01-01", "2031-01-30"));
    record(official, org, form(march, "HEALTH", ward, "2031-03-01", "2031-03-30"));
    record(official, org, form(february, "HEALTH", ward, "2031-02-01", "2031-02-27"));
    record(
        official,
        org,
        with(form(hidden, "HEALTH", ward, "2031-04-01", "2031-04-30"), "visibility", "INTERNAL"));

    String page = new Browser().get(list).body();
    assertThat(page).contains(january, february, march).doesNotContain(hidden);
    assertThat(page.indexOf(march))
        .as("newest first")
        .isLessThan(page.indexOf(february))
        .isLessThan(page.indexOf(january));
    assertThat(page.indexOf(february)).isLessThan(page.indexOf(january));
    assertThat(official.get(list).body())
        .as("the county's staff see internal activities")
        .contains(hidden, march);
    assertThat(new Browser().get("/activities/counties/047?ward=" + ward).body())
        .as("a ward of another county lists nothing there")
        .doesNotContain(march);
    assertThat(new Browser().get(list + "&page=50").body()).doesNotContain(march);

    assertThat(cell(new Browser().get(where).body(), ward, "HEALTH"))
        .as("the public matrix counts public activities")
        .isEqualTo(publicCell + 3);
    assertThat(cell(official.get(where).body(), ward, "HEALTH"))
        .as("the coordinators' matrix counts their internal ones too")
        .isEqualTo(coordinatorCell + 4);
  }

  @Test
  void aWardsListCostsTheSameQueriesWhateverItsLength() {
    Assumptions.assumeTrue("h2".equals(TestEnvironment.database()), "H2 counts statements");
    String county = "041";
    Browser official = staff(jdbc, "act-ward-queries", "COUNTY_OFFICIAL", county);
    String org = organisation(official, county, "Bondo Water Partners " + n());
    List<String> wards = wards(jdbc, county);
    String one = wards.get(7);
    String many = wards.get(8);
    record(
        official,
        org,
        form("Water kiosk " + n(), "WATER_SANITATION", one, "2031-01-01", "2031-01-30"));
    for (int i = 0; i < 3; i++) {
      record(
          official,
          org,
          form(
              "Borehole " + n(), "WATER_SANITATION", many + "," + one, "2031-02-01", "2031-02-27"));
    }
    Browser anyone = new Browser();
    String list = "/activities/counties/" + county + "?ward=";
    jdbc.sql("set query_statistics true").update();
    anyone.get(list + one); // warm up
    long few = Selects.count(jdbc, () -> anyone.get(list + many));
    long more = Selects.count(jdbc, () -> anyone.get(list + one));
    long none =
        Selects.count(
            jdbc, () -> anyone.get(list + wards.get(9) + "&theme=EDUCATION&status=CANCELLED"));
    jdbc.sql("set query_statistics false").update();
    assertThat(few).as("the count, the page, its wards, the organisations' names").isEqualTo(4);
    assertThat(more).isEqualTo(few);
    assertThat(none).as("an empty list stops at the count").isEqualTo(1);
  }

  @Test
  void overlappingActivitiesOfTwoPartnersAreFlaggedButNotOneOrganisationsOrOtherTimesOrPeople() {
    String county = "045";
    Browser official = staff(jdbc, "act-overlap", "COUNTY_OFFICIAL", county);
    String first = organisation(official, county, "Ogiek Women Group " + n());
    String second = organisation(official, county, "Narok GBV Network " + n());
    Browser firstEditor = editorOf(jdbc, first, county);
    Browser secondEditor = editorOf(jdbc, second, county);
    List<String> wards = wards(jdbc, county);
    String shared = wards.get(1);

    String mail = AccountFixtures.uniqueEmail("coordination");
    Browser coordinator = staff(jdbc, "act-flags", "NETWORK_COORDINATOR", county);
    coordinator.get("/activities/counties/" + county + "/flags");
    assertThat(
            coordinator
                .post(
                    "/activities/counties/" + county + "/flag-recipients",
                    Map.of("email", mail, "language", "en"))
                .statusCode())
        .isEqualTo(302);

    String a =
        record(
            firstEditor,
            first,
            form(
                "GBV survivors' support " + n(),
                "GENDER_GBV",
                wards.get(0) + "," + shared,
                "2026-01-01",
                "2026-06-30"));
    String b =
        record(
            secondEditor,
            second,
            form("Safe spaces for girls " + n(), "GENDER_GBV", shared, "2026-05-01", "2026-12-31"));
    String sameOrg =
        record(
            firstEditor,
            first,
            form("Second GBV drive " + n(), "GENDER_GBV", shared, "2026-05-01", "2026-07-31"));
    String later =
        record(
            secondEditor,
            second,
            form("Next year's drive " + n(), "GENDER_GBV", shared, "2027-01-01", "2027-06-30"));
    String men =
        record(
            secondEditor,
            second,
            with(
                form("Men's dialogue " + n(), "GENDER_GBV", shared, "2026-02-01", "2026-03-31"),
                "targetedFemale",
                "",
                "targetedMale",
                "60"));
    String otherTheme =
        record(
            secondEditor,
            second,
            form(
                "Water point repair " + n(),
                "WATER_SANITATION",
                shared,
                "2026-02-01",
                "2026-03-31"));

    assertThat(flagsBetween(jdbc, a, b))
        .as("two partners, one theme, one ward, one time")
        .isEqualTo(1);
    assertThat(flagsBetween(jdbc, b, sameOrg))
        .as("the other partner overlaps the second drive too")
        .isEqualTo(1);
    assertThat(flagsBetween(jdbc, a, sameOrg)).as("one organisation's own activities").isZero();
    assertThat(flagsBetween(jdbc, a, later)).as("periods that do not overlap").isZero();
    assertThat(flagsBetween(jdbc, a, men)).as("women and girls against men only").isZero();
    assertThat(flagsBetween(jdbc, a, otherTheme)).as("another theme").isZero();

    List<MimeMessage> mails = Mailbox.to(mail);
    assertThat(mails).isNotEmpty();
    assertThat(Mailbox.text(mails.get(0)))
        .contains("Safe spaces for girls", "/activities/counties/" + county + "/flags");

    // moving b to next year withdraws its open flags
    secondEditor.get("/activities/" + b + "/edit");
    assertThat(
            secondEditor
                .post(
                    "/activities/" + b,
                    with(
                        form(
                            "Safe spaces for girls",
                            "GENDER_GBV",
                            shared,
                            "2027-07-01",
                            "2027-12-31"),
                        "version",
                        "0"))
                .statusCode())
        .isEqualTo(302);
    assertThat(flagsBetween(jdbc, a, b)).isZero();
  }

  @Test
  void aCoordinatorMarksAFlagWithAReasonAndNoOneElseSeesFlags() {
    String county = "046";
    Browser official = staff(jdbc, "act-mark", "COUNTY_OFFICIAL", county);
    String first = organisation(official, county, "Nyamira Farmers " + n());
    String second = organisation(official, county, "Borabu Agri Partners " + n());
    String shared = wards(jdbc, county).get(0);
    String a =
        record(
            official,
            first,
            form("Kitchen gardens " + n(), "LIVELIHOODS", shared, "2026-01-01", "2026-06-30"));
    String b =
        record(
            official,
            second,
            form("Poultry for women " + n(), "LIVELIHOODS", shared, "2026-03-01", "2026-09-30"));
    assertThat(flagsBetween(jdbc, a, b)).isEqualTo(1);
    String flag =
        jdbc.sql(
                "select f.public_id from activity_flag f join activity x on x.id = f.activity_a_id"
                    + " join activity y on y.id = f.activity_b_id where x.public_id in (:ids) and y.public_id in (:ids)")
            .param("ids", List.of(a, b))
            .query(String.class)
            .single();

    Browser coordinator = staff(jdbc, "act-mark-coord", "NETWORK_COORDINATOR", county);
    HttpResponse<String> list =
        coordinator.get("/activities/counties/" + county + "/flags?status=OPEN");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("id=\"flag-" + flag + "\"", "Kitchen gardens", "Poultry for women");

    HttpResponse<String> noReason =
        coordinator.post(
            "/activities/counties/" + county + "/flags/" + flag,
            Map.of("resolution", "COORDINATED", "reason", ""));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Give the reason in 3 to 2,000 characters.");
    coordinator.get("/activities/counties/" + county + "/flags");
    HttpResponse<String> marked =
        coordinator.post(
            "/activities/counties/" + county + "/flags/" + flag,
            Map.of(
                "resolution",
                "COORDINATED",
                "reason",
                "Agreed at the March meeting: split by village."));
    assertThat(marked.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select status from activity_flag where public_id = ?")
                .param(flag)
                .query(String.class)
                .single())
        .isEqualTo("COORDINATED");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'activities:flag-resolved' and target = ?")
                .param(flag)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            coordinator.get("/activities/counties/" + county + "/flags?status=COORDINATED").body())
        .contains("Agreed at the March meeting");

    Browser citizen = new Browser();
    AccountFixtures.signIn(
        citizen, AccountFixtures.verifiedAccount("citizen"), AccountFixtures.PASSWORD);
    assertThat(citizen.get("/activities/counties/" + county + "/flags").statusCode())
        .isEqualTo(403);
    citizen.get("/activities/" + a);
    assertThat(
            citizen
                .post(
                    "/activities/counties/" + county + "/flags/" + flag,
                    Map.of("resolution", "NOT_DUPLICATE", "reason", "Mine now"))
                .statusCode())
        .isEqualTo(403);
    assertThat(citizen.get("/activities/" + a).body()).doesNotContain(flag);
    assertThat(
            editorOf(jdbc, first, county)
                .get("/activities/counties/" + county + "/flags")
                .statusCode())
        .as("an organisation's editor is no coordinator")
        .isEqualTo(403);
    assertThat(
            staff(jdbc, "act-mark-047", "NETWORK_COORDINATOR", "047")
                .get("/activities/counties/" + county + "/flags")
                .statusCode())
        .as("another county's coordinator")
        .isEqualTo(403);
    assertThat(new Browser().get("/activities/counties/" + county + "/flags").statusCode())
        .isEqualTo(302);
  }

  private int wardCount(String county, String theme, String ward) {
    String json =
        new Browser().get("/activities/counties/" + county + "/wards.json?theme=" + theme).body();
    Matcher m = Pattern.compile("\\{\"code\":\"" + ward + "\",\"count\":(\\d+)\\}").matcher(json);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static int cell(String page, String ward, String theme) {
    int row = page.indexOf("<tr data-ward=\"" + ward + "\"");
    int at = page.indexOf("data-theme=\"" + theme + "\">", row);
    String rest = page.substring(at, page.indexOf("</td>", at));
    Matcher m = Pattern.compile(">(\\d+)<").matcher(rest);
    assertThat(m.find()).as(rest).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private int gaps(String county, String theme) {
    return (int)
        Pattern.compile("<span data-ward=")
            .matcher(
                gapList(
                    new Browser().get("/activities/counties/" + county + "/where").body(), theme))
            .results()
            .count();
  }

  private static String gapList(String page, String theme) {
    int at = page.indexOf("<dd data-theme=\"" + theme + "\">");
    return page.substring(at, page.indexOf("</dd>", at));
  }
}
