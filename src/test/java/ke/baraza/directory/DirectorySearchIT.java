package ke.baraza.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.directory.internal.SearchIndexStartup;
import ke.baraza.shared.PublicId;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public directory's search: typos, Kiswahili and accents, filters with text (the network
 * filter too), pages, the counts per ward and theme behind the map, and the county's ward
 * boundaries the map draws.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorySearchIT {

  static final String MASINGA_CENTRAL = "0372";
  static final String MATUU = "0377";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired JdbcClient jdbc;
  @Autowired SearchIndexStartup indexStartup;

  /** A word only this class's organisations have in their description. */
  final String tag = "tagi" + n();

  Browser official;
  final Browser anyone = new Browser();
  String women;
  String kikundi;
  String water;
  String cafe;

  @BeforeAll
  void organisations() {
    String email = AccountFixtures.verifiedAccount("search-official");
    AccountFixtures.grant(jdbc, email, "COUNTY_OFFICIAL", "016");
    official = new Browser();
    AccountFixtures.signInWithSecondFactor(official, email, null);

    women =
        created(
            form("Masinga Women Group " + n(), "WOMENS_GROUP", MASINGA_CENTRAL)
                .with("themes", "016-agriculture")
                .with("description", "Savings and farming together. " + tag));
    kikundi =
        created(
            form("Kikundi cha Wanawake Ekalakala " + n(), "WOMENS_GROUP", MATUU)
                .with("wards", MASINGA_CENTRAL)
                .with("themes", "016-gender-equality")
                .with("description", "Tunaweka akiba pamoja. " + tag));
    water =
        created(
            form("Yatta Youth Water Project " + n(), "YOUTH_GROUP", MATUU)
                .with("themes", "016-water-sanitation")
                .with("description", "Maji safi kwa vijiji vya Yatta. " + tag));
    cafe =
        created(
            form("Café Joséphine Traders " + n(), "CBO", MATUU)
                .with("acronym", "CJT")
                .with("description", tag));
  }

  @Test
  void wordsWithTyposStillFindTheOrganisation() {
    assertThat(page("/directory?county=016&q=masinga+womem")).contains(name(women));
    assertThat(page("/directory?county=016&q=yata+yuth+watr")).contains(name(water));
    assertThat(ids(api("/api/v1/organisations?county=016&q=Masinga%20Womn%20Grup")))
        .contains(women);
    assertThat(ids(api("/api/v1/organisations?county=016&q=yatta+youht+water+" + tag)))
        .as("a swap of two letters is one typo")
        .containsExactly(water);
  }

  @Test
  void kiswahiliWordsFindNamesDescriptionsAndThemes() {
    assertThat(ids(api("/api/v1/organisations?county=016&q=kikundi+cha+wanawake")))
        .contains(kikundi)
        .doesNotContain(water);
    assertThat(ids(api("/api/v1/organisations?county=016&q=kikundi+wanawke")))
        .as("a typo in Kiswahili")
        .contains(kikundi);
    assertThat(ids(api("/api/v1/organisations?county=016&q=maji+safi"))).contains(water);
    assertThat(ids(api("/api/v1/organisations?county=016&q=akiba+" + tag)))
        .containsExactly(kikundi);
    assertThat(ids(api("/api/v1/organisations?county=016&q=kilimo+" + tag)))
        .as("Kilimo is the Kiswahili name of the theme Agriculture")
        .containsExactly(women);
    assertThat(ids(api("/api/v1/organisations?county=016&q=gender+" + tag)))
        .as("the English name of a theme")
        .containsExactly(kikundi);
  }

  @Test
  void accentsAndCaseAreIgnoredBothWays() {
    assertThat(ids(api("/api/v1/organisations?county=016&q=cafe+josephine"))).contains(cafe);
    assertThat(ids(api("/api/v1/organisations?county=016&q=CAF%C3%89+JOS%C3%89PHINE")))
        .contains(cafe);
    assertThat(ids(api("/api/v1/organisations?county=016&q=cjt"))).contains(cafe);
    assertThat(page("/directory?county=016&q=cafe")).contains("Café Joséphine Traders");
  }

  @Test
  void filtersCombineWithTheText() {
    String q = "/api/v1/organisations?county=016&q=" + tag;
    assertThat(ids(api(q))).containsExactlyInAnyOrder(women, kikundi, water, cafe);
    assertThat(ids(api(q + "&type=WOMENS_GROUP"))).containsExactlyInAnyOrder(women, kikundi);
    assertThat(ids(api(q + "&ward=" + MASINGA_CENTRAL)))
        .as("home ward or ward of operation")
        .containsExactlyInAnyOrder(women, kikundi);
    assertThat(ids(api(q + "&subcounty=" + subCountyOf(MATUU))))
        .containsExactlyInAnyOrder(kikundi, water, cafe);
    assertThat(ids(api(q + "&theme=016-water-sanitation"))).containsExactly(water);
    assertThat(ids(api(q + "&type=YOUTH_GROUP&ward=" + MASINGA_CENTRAL))).isEmpty();
    assertThat(ids(api(q + "&theme=016-no-such-theme"))).isEmpty();
    assertThat(ids(api("/api/v1/organisations?county=047&q=" + tag))).isEmpty();
    assertThat(page("/directory?county=016&type=WOMENS_GROUP&q=" + tag))
        .contains(name(women), name(kikundi))
        .doesNotContain(name(water));
  }

  @Test
  void pagesSplitTheResultsWithoutGapsOrRepeats() {
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode result = api("/api/v1/organisations?county=016&size=2&page=" + page + "&q=" + tag);
      assertThat(result.get("totalItems").asLong()).isEqualTo(4);
      assertThat(result.get("totalPages").asInt()).isEqualTo(2);
      seen.addAll(ids(result));
    }
    assertThat(seen).containsExactlyInAnyOrder(women, kikundi, water, cafe);
    JsonNode farBeyond = api("/api/v1/organisations?county=016&size=200&page=50000000&q=" + tag);
    assertThat(farBeyond.get("items")).isEmpty();
    assertThat(farBeyond.get("totalItems").asLong()).isEqualTo(4);
    assertThat(ids(api("/api/v1/organisations?county=016&theme=016-water-sanitation&size=1")))
        .as("without words, in name order")
        .containsExactly(water);
  }

  @Test
  void eachPageCostsTheSameNumberOfDatabaseQueriesWhateverItsSize() {
    Assumptions.assumeTrue("h2".equals(TestEnvironment.database()), "H2 counts statements");
    jdbc.sql("set query_statistics true").update();
    api("/api/v1/organisations?county=016&size=1&q=" + tag); // warm up
    long one = Selects.count(jdbc, () -> api("/api/v1/organisations?county=016&size=1&q=" + tag));
    long four = Selects.count(jdbc, () -> api("/api/v1/organisations?county=016&size=4&q=" + tag));
    jdbc.sql("set query_statistics false").update();
    assertThat(one).as("rows and the county's themes; ward names are in memory").isEqualTo(2);
    assertThat(four).isEqualTo(one);
  }

  @Test
  void countsPerWardAndThemeMatchTheDatabase() {
    JsonNode counts = api("/api/v1/organisations/counts?county=016&q=" + tag);
    Map<String, Long> wards = byKey(counts.get("wards"), "code");
    assertThat(wards)
        .as("every ward of the county, zeros included")
        .hasSize(
            jdbc.sql("select count(*) from ward where county_code = '016'")
                .query(Integer.class)
                .single());
    Map<String, Long> expected = new HashMap<>();
    jdbc.sql(
            "select ow.ward_code, count(*) from organisation_ward ow join organisation o on o.id"
                + " = ow.organisation_id where o.description like ? group by ow.ward_code")
        .param("%" + tag)
        .query((rs, i) -> expected.put(rs.getString(1), rs.getLong(2)))
        .list();
    assertThat(expected).containsEntry(MASINGA_CENTRAL, 2L).containsEntry(MATUU, 3L);
    wards.forEach(
        (code, count) -> assertThat(count).as(code).isEqualTo(expected.getOrDefault(code, 0L)));
    assertThat(counts.get("wards").get(0).has("name")).isTrue();

    Map<String, Long> themes = byKey(counts.get("themes"), "id");
    assertThat(themes)
        .containsEntry("016-agriculture", 1L)
        .containsEntry("016-gender-equality", 1L)
        .containsEntry("016-water-sanitation", 1L)
        .containsEntry("016-health", 0L);
  }

  @Test
  void eachCountLeavesOutOnlyItsOwnFilter() {
    JsonNode inMatuu = api("/api/v1/organisations/counts?county=016&q=" + tag + "&ward=" + MATUU);
    assertThat(byKey(inMatuu.get("wards"), "code"))
        .as("the ward filter does not empty the map")
        .containsEntry(MASINGA_CENTRAL, 2L)
        .containsEntry(MATUU, 3L);
    assertThat(byKey(inMatuu.get("themes"), "id"))
        .containsEntry("016-agriculture", 0L)
        .containsEntry("016-water-sanitation", 1L);

    JsonNode farming =
        api("/api/v1/organisations/counts?county=016&q=" + tag + "&theme=016-agriculture");
    assertThat(byKey(farming.get("wards"), "code"))
        .containsEntry(MASINGA_CENTRAL, 1L)
        .containsEntry(MATUU, 0L);
    assertThat(byKey(farming.get("themes"), "id")).containsEntry("016-gender-equality", 1L);

    JsonNode youth = api("/api/v1/organisations/counts?county=016&type=YOUTH_GROUP&q=" + tag);
    assertThat(byKey(youth.get("wards"), "code"))
        .containsEntry(MATUU, 1L)
        .containsEntry(MASINGA_CENTRAL, 0L);
  }

  @Test
  void countsComeInTheReadersLanguageAndRefuseBadInput() {
    HttpResponse<String> sw =
        new Browser()
            .acceptLanguage("sw")
            .get("/api/v1/organisations/counts?county=016&q=" + tag, "application/json");
    assertThat(sw.statusCode()).isEqualTo(200);
    assertThat(sw.body()).contains("\"name\":\"Kilimo\"", "\"name\":\"Matuu\"");
    assertThat(anyone.get("/api/v1/organisations/counts?county=016", "application/json").body())
        .contains("\"name\":\"Agriculture\"");

    HttpResponse<String> noCounty =
        anyone.get("/api/v1/organisations/counts?q=water", "application/json");
    assertThat(noCounty.statusCode()).isEqualTo(400);
    assertThat(noCounty.body()).contains("Choose a county");
    assertThat(
            anyone.get("/api/v1/organisations/counts?county=999", "application/json").statusCode())
        .isEqualTo(404);
    assertThat(
            anyone
                .get("/api/v1/organisations/counts?county=016&type=BANK", "application/json")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void theDirectoryOfACountyHasItsMapAndTheCountsAsLinksWithoutJavaScript() {
    String html = page("/directory?county=016&q=" + tag);
    assertThat(html)
        .contains(
            "id=\"directory-map\"",
            "data-wards=\"/geo/counties/016/wards.geojson\"",
            "data-counts=\"/api/v1/organisations/counts?q=" + tag + "&amp;county=016\"",
            "data-link=\"/directory?q=" + tag + "&amp;county=016&amp;ward={code}\"",
            "data-many=\"{name}: {count} organisations\"",
            "<script src=\"/js/directory-map.js\" defer></script>",
            "The map needs JavaScript");
    assertThat(html).doesNotContainPattern("<script>|onclick=");
    String byWard = section(html, "counts-by-ward");
    assertThat(byWard)
        .contains("/directory?q=" + tag + "&amp;county=016&amp;ward=" + MATUU + "\">Matuu</a>")
        .containsPattern("Matuu</a></td><td>3<")
        .containsPattern("Masinga Central</a></td><td>2<")
        .doesNotContain("Ndithini");
    assertThat(section(html, "counts-by-theme"))
        .contains("/directory?q=" + tag + "&amp;county=016&amp;theme=016-agriculture")
        .containsPattern("Agriculture</a></td><td>1<")
        .doesNotContain("Health");
    assertThat(page("/directory?county=016&ward=" + MATUU + "&q=" + tag))
        .contains("data-selected=\"" + MATUU + "\"", "<option value=\"" + MATUU + "\" selected");

    assertThat(page("/directory?q=" + tag))
        .as("no county, no map")
        .doesNotContain("directory-map", "leaflet.js")
        .contains(name(women));
    assertThat(page("/directory?county=016&q=" + tag + "&lang=sw"))
        .contains("Mashirika kwa wadi", "{name}: mashirika {count}");
  }

  @Test
  void theWardBoundariesOfACountyComeAsOneCollection() {
    HttpResponse<String> response = anyone.get("/geo/counties/016/wards.geojson", "*/*");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
    JsonNode features = JSON.readTree(response.body()).get("features");
    List<String> codes = new ArrayList<>();
    features.forEach(
        f -> {
          assertThat(f.get("properties").get("county_code").asString()).isEqualTo("016");
          codes.add(f.get("properties").get("code").asString());
        });
    assertThat(codes)
        .contains(MASINGA_CENTRAL, MATUU)
        .hasSize(
            jdbc.sql("select count(*) from ward where county_code = '016'")
                .query(Integer.class)
                .single());
    assertThat(anyone.get("/geo/counties/999/wards.geojson", "*/*").statusCode()).isEqualTo(404);
  }

  @Test
  void aChangeIsSearchableAsSoonAsItIsSaved() {
    String name = "Kivaa Beekeepers " + n();
    String id = created(form(name, "SELF_HELP_GROUP", MASINGA_CENTRAL));
    assertThat(ids(api("/api/v1/organisations?county=016&q=kivaa+beekepers"))).contains(id);

    HttpResponse<String> edit = official.get("/organisations/" + id + "/edit");
    Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(edit.body());
    assertThat(version.find()).isTrue();
    String renamed = "Kivaa Honey Makers " + n();
    Form changed = form(renamed, "SELF_HELP_GROUP", MASINGA_CENTRAL);
    changed.with("version", version.group(1));
    assertThat(official.post("/organisations/" + id, changed.fields).statusCode()).isEqualTo(302);
    assertThat(ids(api("/api/v1/organisations?county=016&q=honey+makers"))).contains(id);
    assertThat(ids(api("/api/v1/organisations?county=016&q=beekeepers"))).doesNotContain(id);
  }

  @Test
  void rowsWrittenBySqlAreFoundOnceTheIndexIsRebuilt() throws InterruptedException {
    String id = ("sql" + n() + "000000000").substring(0, 12);
    String name = "Ndalani Sql Loaded Group " + id;
    jdbc.sql(
            "insert into organisation (public_id, county_code, identifier, name, name_key,"
                + " org_type, home_ward_code, status, verified, created_at, updated_at, version)"
                + " values (?, '016', ?, ?, ?, 'CBO', ?, 'ACTIVE', false, current_timestamp,"
                + " current_timestamp, 0)")
        .params(id, "KE-TEST-" + id, name, name.toLowerCase(), MATUU)
        .update();
    assertThat(ids(api("/api/v1/organisations?county=016&q=ndalani+sql"))).doesNotContain(id);

    assertThat(indexStartup.rebuildIfOutOfDate()).isTrue();
    assertThat(ids(api("/api/v1/organisations?county=016&q=ndalani+sql"))).contains(id);
    assertThat(indexStartup.rebuildIfOutOfDate()).as("now in step").isFalse();
  }

  @Test
  void aStaleIndexIsRebuiltOffTheStartPathWhileReadinessSaysNotYet() throws InterruptedException {
    // enough rows written past the index that the rebuild outlasts the first readiness request
    String word = "readiness" + n();
    for (int i = 0; i < 2_000; i++) {
      String id = PublicId.next();
      String name = "Readiness Group %04d %s".formatted(i, word);
      jdbc.sql(
              "insert into organisation (public_id, county_code, identifier, name, name_key,"
                  + " org_type, status, verified, created_at, updated_at, version)"
                  + " values (?, '029', ?, ?, ?, 'CBO', 'ACTIVE', false, current_timestamp,"
                  + " current_timestamp, 0)")
          .params(id, "KE-TEST-" + id, name, name.toLowerCase())
          .update();
    }

    indexStartup.checkInBackground(); // what the application does once it has started
    assertThat(anyone.get("/actuator/health/readiness", "application/json").statusCode())
        .as("not ready while the index is checked and rebuilt")
        .isEqualTo(503);
    assertThat(anyone.get("/actuator/health/liveness", "application/json").statusCode())
        .isEqualTo(200);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (anyone.get("/actuator/health/readiness", "application/json").statusCode() != 200) {
      assertThat(System.nanoTime()).as("ready within two minutes").isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(indexStartup.state()).isEqualTo(SearchIndexStartup.State.READY);
    assertThat(api("/api/v1/organisations?county=029&q=" + word).get("totalItems").asLong())
        .isEqualTo(2_000);
    assertThat(indexStartup.rebuildIfOutOfDate()).as("in step").isFalse();
  }

  @Test
  void theNetworkFilterFindsTheNetworksActiveMembersOnly() throws InterruptedException {
    String word = "netwk" + n();
    String network = body("Ekalakala Network " + n());
    String other = body("Matuu Thematic Group " + n());
    String admitted =
        created(form("Ekalakala Admitted CBO " + n(), "CBO", MATUU).with("description", word));
    String applied =
        created(
            form("Ekalakala Applicant Group " + n(), "YOUTH_GROUP", MATUU)
                .with("description", word));
    String declined =
        created(
            form("Ekalakala Declined Group " + n(), "WOMENS_GROUP", MATUU)
                .with("description", word));
    String leaver =
        created(
            form("Ekalakala Leaving Group " + n(), "SELF_HELP_GROUP", MASINGA_CENTRAL)
                .with("description", word));
    String elsewhere =
        created(form("Matuu Other Member " + n(), "CBO", MATUU).with("description", word));
    admit(network, admitted);
    admit(network, leaver);
    admit(other, elsewhere);
    apply(network, applied);
    apply(network, declined);
    decide(network, declined, "DECLINE", "Not in Ekalakala");

    String inNetwork = "/api/v1/organisations?county=016&network=" + network;
    assertThat(ids(api(inNetwork)))
        .as("applied and declined are not members")
        .containsExactlyInAnyOrder(admitted, leaver);
    assertThat(ids(api(inNetwork + "&q=" + word + "&type=CBO"))).containsExactly(admitted);
    assertThat(ids(api("/api/v1/organisations?county=016&q=" + word)))
        .as("without the filter")
        .containsExactlyInAnyOrder(admitted, applied, declined, leaver, elsewhere);
    assertThat(ids(api("/api/v1/organisations?county=016&network=nosuchbody22"))).isEmpty();
    assertThat(ids(api("/api/v1/organisations?county=047&network=" + network)))
        .as("another county")
        .isEmpty();

    decide(network, leaver, "LEAVE", "");
    decide(network, admitted, "SUSPEND", "Reports overdue");
    assertThat(ids(api(inNetwork))).as("left and suspended").isEmpty();
    decide(network, admitted, "REINSTATE", "");
    decide(network, applied, "APPROVE", "");
    assertThat(ids(api(inNetwork))).containsExactlyInAnyOrder(admitted, applied);

    JsonNode counts = api("/api/v1/organisations/counts?county=016&network=" + network);
    assertThat(byKey(counts.get("wards"), "code"))
        .containsEntry(MATUU, 2L)
        .containsEntry(MASINGA_CENTRAL, 0L);
    String html = page("/directory?county=016&network=" + network);
    assertThat(html)
        .contains(
            name(admitted),
            name(applied),
            "<option value=\"" + network + "\" selected>",
            "<option value=\"" + other + "\">",
            "data-counts=\"/api/v1/organisations/counts?county=016&amp;network=" + network + "\"")
        .doesNotContain(name(leaver), name(elsewhere));
    assertThat(page("/directory?q=" + word))
        .as("no county, no networks to choose")
        .doesNotContain("f-network");

    jdbc.sql(
            "update membership set status = 'ACTIVE' where organisation_id ="
                + " (select id from organisation where public_id = ?)")
        .param(declined)
        .update();
    assertThat(ids(api(inNetwork))).as("written by SQL").doesNotContain(declined);
    assertThat(indexStartup.rebuildIfOutOfDate()).isTrue();
    assertThat(ids(api(inNetwork))).containsExactlyInAnyOrder(admitted, applied, declined);
  }

  @Test
  void aSearchInANetworkCostsTheSameQueriesAsAnyOther() {
    Assumptions.assumeTrue("h2".equals(TestEnvironment.database()), "H2 counts statements");
    String network = body("Counted Network " + n());
    admit(network, water);
    admit(network, cafe);
    String path = "/api/v1/organisations?county=016&network=" + network + "&q=" + tag;
    assertThat(ids(api(path))).containsExactlyInAnyOrder(water, cafe);
    jdbc.sql("set query_statistics true").update();
    long one = Selects.count(jdbc, () -> api(path + "&size=1"));
    long two = Selects.count(jdbc, () -> api(path + "&size=2"));
    jdbc.sql("set query_statistics false").update();
    assertThat(one).as("rows and the county's themes; ward names are in memory").isEqualTo(2);
    assertThat(two).isEqualTo(one);
  }

  // ---

  private String page(String path) {
    HttpResponse<String> response = anyone.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private JsonNode api(String path) {
    HttpResponse<String> response = anyone.get(path, "application/json");
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("publicId").asString()));
    return ids;
  }

  private static Map<String, Long> byKey(JsonNode list, String key) {
    Map<String, Long> counts = new HashMap<>();
    list.forEach(entry -> counts.put(entry.get(key).asString(), entry.get("count").asLong()));
    return counts;
  }

  private static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as(id).isNotNegative();
    return html.substring(start, html.indexOf("</table>", start));
  }

  private String name(String publicId) {
    return jdbc.sql("select name from organisation where public_id = ?")
        .param(publicId)
        .query(String.class)
        .single();
  }

  private String subCountyOf(String ward) {
    return jdbc.sql("select subcounty_code from ward where code = ?")
        .param(ward)
        .query(String.class)
        .single();
  }

  private String created(Form form) {
    official.get("/directory");
    Map<String, String> fields = new HashMap<>(form.fields);
    fields.put("county", "016");
    HttpResponse<String> response = official.post("/organisations", fields);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    Matcher m =
        Pattern.compile("/organisations/([a-z0-9]{12})")
            .matcher(response.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private String body(String name) {
    official.get("/bodies/new?county=016");
    HttpResponse<String> response =
        official.post("/bodies", Map.of("county", "016", "name", name, "kind", "NETWORK"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow().replaceAll(".*/bodies/", "");
  }

  private void admit(String body, String organisation) {
    official.get("/bodies/" + body);
    HttpResponse<String> response =
        official.post("/bodies/" + body + "/members", Map.of("organisation", organisation));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
  }

  private void apply(String body, String organisation) {
    official.get("/bodies/" + body);
    HttpResponse<String> response =
        official.post("/bodies/" + body + "/applications", Map.of("organisation", organisation));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
  }

  private void decide(String body, String organisation, String decision, String reason) {
    long membership =
        jdbc.sql(
                "select m.id from membership m join body b on b.id = m.body_id join organisation o"
                    + " on o.id = m.organisation_id where b.public_id = ? and o.public_id = ?")
            .params(body, organisation)
            .query(Long.class)
            .single();
    official.get("/bodies/" + body);
    HttpResponse<String> response =
        official.post(
            "/bodies/" + body + "/memberships/" + membership,
            Map.of("decision", decision, "reason", reason));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
  }

  /** The fields of the organisation form. */
  private record Form(Map<String, String> fields) {
    Form with(String field, String value) {
      fields.put(field, value);
      return this;
    }
  }

  private static Form form(String name, String type, String homeWard) {
    Form form = new Form(new HashMap<>());
    return form.with("name", name)
        .with("type", type)
        .with("homeWard", homeWard)
        .with("status", "ACTIVE");
  }

  private static String n() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }
}
