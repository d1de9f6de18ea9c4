package ke.baraza.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.directory.internal.SearchIndexStartup;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.platform.TabularFormat;
import ke.baraza.shared.PublicId;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.PopoloSchemas;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open data: a small Kisumu directory made through the forms, then read back as Popolo JSON and as
 * CSV and XLSX downloads: valid, linked by id, paged, in the reader's language, without contacts.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataIT {

  static final String COUNTY = "042";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcClient jdbc;
  @Autowired SearchIndexStartup searchIndex;

  Browser official;
  String tag;
  String subCounty;
  String ward1;
  String ward2;
  String cbo;
  String cboName;
  String group;
  String groupName;
  String formula;
  String formulaName;
  String youth;
  String network;
  String committee;
  final List<String> contacts = new ArrayList<>();

  @BeforeAll
  void aSmallCountyDirectory() {
    String email = AccountFixtures.verifiedAccount("opendata-official");
    AccountFixtures.grant(jdbc, email, "COUNTY_OFFICIAL", COUNTY);
    official = new Browser();
    AccountFixtures.signInWithSecondFactor(official, email, null);
    tag = "od" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    subCounty =
        jdbc.sql("select code from subcounty where county_code = ? order by code")
            .param(COUNTY)
            .query(String.class)
            .list()
            .get(0);
    List<String> wards =
        jdbc.sql("select code from ward where subcounty_code = ? order by code")
            .param(subCounty)
            .query(String.class)
            .list();
    ward1 = wards.get(0);
    ward2 = wards.get(1);

    cboName = "Kisumu Ward CBO " + tag;
    cbo =
        organisation(
            Map.ofEntries(
                Map.entry("name", cboName),
                Map.entry("acronym", "KWC"),
                Map.entry("type", "CBO"),
                Map.entry("homeWard", ward1),
                Map.entry("registrationBody", "NGO_BOARD"),
                Map.entry("registrationNumber", "OP.218/051/" + tag),
                Map.entry("registrationDate", "2019-03-14"),
                Map.entry("website", "https://kwc.example.org/about"),
                Map.entry("description", "Budget work in " + tag),
                Map.entry("email", contact("cbo-" + tag + "@kwc.example.org")),
                Map.entry("phone", "0722 " + phoneDigits())));
    groupName = "Nyalenda Women Group " + tag;
    group =
        organisation(
            Map.of(
                "name", groupName,
                "type", "WOMENS_GROUP",
                "homeWard", ward1,
                "affiliatedTo", cbo,
                "email", contact("women-" + tag + "@example.org")));
    formulaName = "=HYPERLINK(\"http://evil.example\",\"x\") " + tag;
    formula = organisation(Map.of("name", formulaName, "type", "SELF_HELP_GROUP"));
    youth =
        organisation(
            Map.of("name", "Lakeside Youth " + tag, "type", "YOUTH_GROUP", "homeWard", ward2));

    network =
        body(
            Map.of(
                "name", "Kisumu CSO Network " + tag,
                "acronym", "KCN",
                "kind", "NETWORK",
                "level", "COUNTY"));
    committee =
        body(
            Map.of(
                "name",
                "Steering committee " + tag,
                "kind",
                "STEERING_COMMITTEE",
                "level",
                "SUB_COUNTY",
                "area",
                subCounty));

    admit(network, cbo, "2021-06-01");
    admit(network, youth, "2020-01-15");
    decide(network, youth, "LEAVE", "");
    admit(committee, formula, "2022-02-02");
    decide(committee, formula, "SUSPEND", "Reports overdue");
    admit(committee, group, "2022-02-02");
    decide(committee, group, "DECLINE", "Not a committee member");
    official.get("/bodies/" + network);
    assertThat(
            official
                .post("/bodies/" + network + "/applications", Map.of("organisation", group))
                .statusCode())
        .isEqualTo(302);
  }

  @Test
  void organizationsArePopoloWithPublicFieldsOnly() throws IOException {
    String json = get("/api/v1/popolo/organizations?county=" + COUNTY + "&size=200").body();
    PopoloSchemas.assertValidArray("organization", json, "/items");
    Map<String, JsonNode> items = byId(allItems("/api/v1/popolo/organizations?county=" + COUNTY));

    JsonNode o = items.get(cbo);
    assertThat(names(o))
        .containsExactly(
            "area_id",
            "classification",
            "description",
            "founding_date",
            "id",
            "identifiers",
            "links",
            "name",
            "other_names");
    assertThat(o.get("name").asText()).isEqualTo(cboName);
    assertThat(o.get("classification").asText()).isEqualTo("cbo");
    assertThat(o.get("area_id").asText()).isEqualTo("ke-ward-" + ward1);
    assertThat(o.get("founding_date").asText()).isEqualTo("2019-03-14");
    assertThat(o.get("other_names").toString())
        .isEqualTo("[{\"name\":\"KWC\",\"note\":\"acronym\"}]");
    assertThat(o.get("identifiers").toString())
        .isEqualTo(
            "[{\"identifier\":\"KE-NCB-OP.218/051/"
                + tag.toUpperCase()
                + "\",\"scheme\":\"org-id.guide\"}]");
    assertThat(o.get("links").toString())
        .isEqualTo("[{\"url\":\"https://kwc.example.org/about\",\"note\":\"website\"}]");

    JsonNode g = items.get(group);
    assertThat(names(g))
        .containsExactly("area_id", "classification", "id", "identifiers", "name", "parent_id");
    assertThat(g.get("parent_id").asText()).isEqualTo(cbo);
    assertThat(g.get("classification").asText()).isEqualTo("womens-group");
    assertThat(g.at("/identifiers/0/scheme").asText()).isEqualTo("baraza");
    assertThat(g.at("/identifiers/0/identifier").asText()).startsWith("KE-BARAZA-042-");
    assertThat(items.get(formula).get("area_id").asText())
        .as("no home ward: the county")
        .isEqualTo("ke-county-" + COUNTY);

    JsonNode n = items.get(network);
    assertThat(names(n)).containsExactly("area_id", "classification", "id", "name", "other_names");
    assertThat(n.get("classification").asText()).isEqualTo("network");
    assertThat(n.get("area_id").asText()).isEqualTo("ke-county-" + COUNTY);
    JsonNode c = items.get(committee);
    assertThat(c.get("classification").asText()).isEqualTo("steering-committee");
    assertThat(c.get("area_id").asText()).isEqualTo("ke-subcounty-" + subCounty);

    Set<String> areas = byId(allItems("/api/v1/popolo/areas?county=" + COUNTY)).keySet();
    for (JsonNode item : items.values()) {
      assertThat(areas).as(item.toString()).contains(item.get("area_id").asText());
      if (item.has("parent_id")) {
        assertThat(items).containsKey(item.get("parent_id").asText());
      }
    }
    assertThat(json).doesNotContain(":null", "email", "phone", "contact_details");
    assertNoContacts(json);
  }

  @Test
  void membershipsArePublicOnesLinkingOrganisationsToBodies() throws IOException {
    String json = get("/api/v1/popolo/memberships?county=" + COUNTY + "&size=200").body();
    PopoloSchemas.assertValidArray("membership", json, "/items");
    assertThat(json).doesNotContain(":null", "Reports overdue", "Not a committee member");
    assertNoContacts(json);
    Map<String, JsonNode> organisations =
        byId(allItems("/api/v1/popolo/organizations?county=" + COUNTY));
    Map<String, JsonNode> mine = new LinkedHashMap<>();
    for (JsonNode m : allItems("/api/v1/popolo/memberships?county=" + COUNTY)) {
      assertThat(organisations).containsKey(m.get("organization_id").asText());
      assertThat(m.at("/member/@type").asText()).isEqualTo("Organization");
      assertThat(organisations).containsKey(m.at("/member/id").asText());
      assertThat(m.get("id").asText())
          .isEqualTo(m.get("organization_id").asText() + "-" + m.at("/member/id").asText());
      if (Set.of(network, committee).contains(m.get("organization_id").asText())) {
        mine.put(m.get("id").asText(), m);
      }
    }
    assertThat(mine.keySet())
        .as("applied and declined memberships are not published")
        .containsExactlyInAnyOrder(
            network + "-" + cbo, network + "-" + youth, committee + "-" + formula);

    JsonNode active = mine.get(network + "-" + cbo);
    assertThat(names(active))
        .containsExactly("id", "label", "member", "organization_id", "role", "start_date");
    assertThat(names(active.get("member"))).containsExactly("@type", "id", "name");
    assertThat(active.get("start_date").asText()).isEqualTo("2021-06-01");
    assertThat(active.get("role").asText()).isEqualTo("member");
    assertThat(active.get("label").asText()).isEqualTo("active member");
    JsonNode left = mine.get(network + "-" + youth);
    assertThat(left.get("end_date").asText())
        .isEqualTo(LocalDate.now(ZoneId.of("Africa/Nairobi")).toString());
    assertThat(left.get("label").asText()).isEqualTo("former member");
    assertThat(mine.get(committee + "-" + formula).get("label").asText())
        .isEqualTo("suspended member");
    assertThat(mine.get(committee + "-" + formula).has("end_date")).isFalse();
  }

  @Test
  void areasAreTheCountiesOrACountyWithItsSubCountiesAndWards() throws IOException {
    String counties = get("/api/v1/popolo/areas").body();
    PopoloSchemas.assertValidArray("area", counties, "/items");
    JsonNode page = JSON.readTree(counties);
    assertThat(page.get("totalItems").asLong()).isEqualTo(47);
    assertThat(page.get("items")).hasSize(47);
    assertThat(page.at("/items/0").toString())
        .isEqualTo(
            "{\"id\":\"ke-county-001\",\"identifier\":\"001\",\"name\":\"Mombasa\","
                + "\"classification\":\"county\"}");

    String one = get("/api/v1/popolo/areas?county=" + COUNTY + "&size=200").body();
    PopoloSchemas.assertValidArray("area", one, "/items");
    assertThat(one).doesNotContain("geometry", ":null");
    List<JsonNode> areas = allItems("/api/v1/popolo/areas?county=" + COUNTY);
    long subCounties =
        jdbc.sql("select count(*) from subcounty where county_code = ?")
            .param(COUNTY)
            .query(Long.class)
            .single();
    long wards =
        jdbc.sql("select count(*) from ward where county_code = ?")
            .param(COUNTY)
            .query(Long.class)
            .single();
    assertThat(areas).hasSize((int) (1 + subCounties + wards));
    Map<String, JsonNode> byId = byId(areas);
    assertThat(byId.get("ke-county-" + COUNTY).has("parent_id")).isFalse();
    JsonNode sub = byId.get("ke-subcounty-" + subCounty);
    assertThat(names(sub))
        .containsExactly("classification", "id", "identifier", "name", "parent_id");
    assertThat(sub.get("classification").asText()).isEqualTo("subcounty");
    assertThat(sub.get("identifier").asText()).isEqualTo(subCounty);
    assertThat(sub.get("parent_id").asText()).isEqualTo("ke-county-" + COUNTY);
    JsonNode w = byId.get("ke-ward-" + ward1);
    assertThat(w.get("classification").asText()).isEqualTo("ward");
    assertThat(w.get("identifier").asText()).isEqualTo(ward1);
    assertThat(w.get("parent_id").asText()).isEqualTo("ke-subcounty-" + subCounty);
    for (JsonNode area : areas) {
      if (area.has("parent_id")) {
        assertThat(byId).containsKey(area.get("parent_id").asText());
      }
    }
  }

  @Test
  void pagesWalkTheWholeListOnceAndSizeIsCapped() throws IOException {
    Map<String, JsonNode> all = byId(allItems("/api/v1/popolo/organizations?county=" + COUNTY));
    List<String> walked = new ArrayList<>();
    JsonNode page;
    int n = 0;
    do {
      page =
          JSON.readTree(
              get("/api/v1/popolo/organizations?county=" + COUNTY + "&size=2&page=" + n++).body());
      assertThat(page.get("size").asInt()).isEqualTo(2);
      assertThat(page.get("totalItems").asLong()).isEqualTo(all.size());
      page.get("items").forEach(i -> walked.add(i.get("id").asText()));
    } while (page.get("hasNext").asBoolean());
    assertThat(n).isEqualTo(page.get("totalPages").asInt());
    assertThat(walked).doesNotHaveDuplicates().hasSameElementsAs(all.keySet());
    assertThat(walked.indexOf(network)).as("bodies first").isLessThan(walked.indexOf(cbo));

    JsonNode capped =
        JSON.readTree(get("/api/v1/popolo/areas?county=" + COUNTY + "&size=5000").body());
    assertThat(capped.get("size").asInt()).isEqualTo(200);
    JsonNode beyond =
        JSON.readTree(get("/api/v1/popolo/memberships?county=" + COUNTY + "&page=99").body());
    assertThat(beyond.get("items")).isEmpty();
    assertThat(beyond.get("hasNext").asBoolean()).isFalse();
  }

  @Test
  void anUnknownOrMissingCountyIsAProblem() {
    for (String path :
        List.of(
            "/api/v1/popolo/organizations?county=999",
            "/api/v1/popolo/memberships?county=999",
            "/api/v1/popolo/areas?county=999")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.body()).contains("There is no county with code \\\"999\\\"");
    }
    HttpResponse<String> missing =
        new Browser().acceptLanguage("sw").get("/api/v1/popolo/memberships", "application/json");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(missing.body()).contains("Chagua kaunti");
    assertThat(download("/bodies/export.csv?county=999", "en").statusCode()).isEqualTo(404);
    assertThat(download("/bodies/nosuchbody12/members.xlsx", "en").statusCode()).isEqualTo(404);
  }

  @Test
  void theDirectoryDownloadsAreTheSearchResults() throws IOException {
    JsonNode search =
        JSON.readTree(
            get("/api/v1/organisations?county=" + COUNTY + "&q=" + tag + "&size=200").body());
    List<List<String>> expected = new ArrayList<>();
    for (JsonNode o : search.get("items")) {
      expected.add(
          List.of(
              o.get("publicId").asText(),
              o.get("identifier").asText(),
              o.get("name").asText().startsWith("=")
                  ? "'" + o.get("name").asText()
                  : o.get("name").asText()));
    }
    assertThat(expected).hasSize(4);
    for (TabularFormat format : TabularFormat.values()) {
      HttpResponse<byte[]> response =
          download(
              "/directory/export." + format.extension() + "?county=" + COUNTY + "&q=" + tag, "en");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(format.contentType());
      assertThat(response.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"baraza-directory-042." + format.extension() + "\"");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      Table table = read(response, format);
      assertThat(table.format()).isEqualTo(format);
      assertThat(table.header())
          .containsExactly(
              "Baraza id",
              "Identifier",
              "Name",
              "Acronym",
              "Type",
              "Status",
              "Verified",
              "County code",
              "Sub-county",
              "Home ward",
              "Registration date",
              "Website",
              "Member group of");
      assertThat(table.rows().stream().map(r -> r.cells().subList(0, 3)).toList())
          .as(format + " rows are the search results, in their order")
          .isEqualTo(expected);
      List<String> cboRow = row(table, cbo);
      assertThat(cboRow.subList(3, 13))
          .containsExactly(
              "KWC",
              "Community-based organisation",
              "Active",
              "FALSE",
              COUNTY,
              subCountyName(),
              wardName(ward1),
              "2019-03-14",
              "https://kwc.example.org/about",
              "");
      assertThat(row(table, group).get(12)).isEqualTo(cboName);
      assertThat(row(table, formula).get(2))
          .as("a formula is shown as text")
          .isEqualTo("'" + formulaName);
      assertNoContacts(
          String.join(",", table.rows().stream().map(r -> r.cells().toString()).toList()));
    }
    Table cbos =
        read(
            download("/directory/export.csv?county=" + COUNTY + "&q=" + tag + "&type=CBO", "en"),
            TabularFormat.CSV);
    assertThat(cbos.rows()).hasSize(1);
    Table ward =
        read(
            download(
                "/directory/export.xlsx?county=" + COUNTY + "&q=" + tag + "&ward=" + ward2, "en"),
            TabularFormat.XLSX);
    assertThat(ward.rows()).extracting(r -> r.cell(0)).containsExactly(youth);
  }

  @Test
  void aDownloadLongerThanAChunkIsTheWholeSearchInItsOrder()
      throws IOException, InterruptedException {
    String county = "045";
    OffsetDateTime now = OffsetDateTime.now();
    for (int i = 0; i < 1_100; i++) {
      String id = PublicId.next();
      String name = i % 3 == 0 ? "Umoja Group " + tag : "Group %04d %s".formatted(i, tag);
      jdbc.sql(
              "insert into organisation (public_id, county_code, identifier, name, name_key,"
                  + " org_type, status, verified, created_at, updated_at, version)"
                  + " values (?, ?, ?, ?, ?, 'SELF_HELP_GROUP', 'ACTIVE', false, ?, ?, 0)")
          .params(
              id,
              county,
              "KE-BARAZA-" + county + "-" + id.toUpperCase(),
              name,
              name.toLowerCase(),
              now,
              now)
          .update();
    }
    searchIndex.rebuildIfOutOfDate(); // rows written by SQL reach the search index this way
    List<String> searched = new ArrayList<>();
    JsonNode page;
    int n = 0;
    do {
      page =
          JSON.readTree(
              get("/api/v1/organisations?county=" + county + "&q=" + tag + "&size=200&page=" + n++)
                  .body());
      page.get("items").forEach(o -> searched.add(o.get("publicId").asText()));
    } while (page.get("hasNext").asBoolean());
    assertThat(searched).hasSize(1_100);
    Table table =
        read(
            download("/directory/export.csv?county=" + county + "&q=" + tag, "en"),
            TabularFormat.CSV);
    assertThat(table.rows().stream().map(r -> r.cell(0)).toList())
        .as("chunks of 500 follow each other without gap or repeat, ties broken as the search does")
        .isEqualTo(searched);
  }

  @Test
  void downloadsSpeakKiswahiliWhenAsked() throws IOException {
    Table table =
        read(
            download("/directory/export.xlsx?county=" + COUNTY + "&q=" + tag + "&type=CBO", "sw"),
            TabularFormat.XLSX);
    assertThat(table.header()).startsWith("Kitambulisho cha Baraza", "Kitambulisho", "Jina");
    assertThat(table.rows().get(0).cells()).contains("Shirika la kijamii", "Hai");
    Table members = read(download("/bodies/" + network + "/members.csv", "sw"), TabularFormat.CSV);
    assertThat(members.header()).contains("Mwanachama tangu", "Vikundi wanachama");
  }

  @Test
  void aBodysDownloadListsItsActiveMembersWithTheirGroups() throws IOException {
    for (TabularFormat format : TabularFormat.values()) {
      HttpResponse<byte[]> response =
          download("/bodies/" + network + "/members." + format.extension(), "en");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Disposition"))
          .hasValue(
              "attachment; filename=\"baraza-members-" + network + "." + format.extension() + "\"");
      Table table = read(response, format);
      assertThat(table.header())
          .containsExactly(
              "Baraza id",
              "Identifier",
              "Name",
              "Acronym",
              "Type",
              "Sub-county",
              "Home ward",
              "Member since",
              "Member groups");
      assertThat(table.rows()).hasSize(1);
      assertThat(table.rows().get(0).cells())
          .containsExactly(
              cbo,
              identifier(cbo),
              cboName,
              "KWC",
              "Community-based organisation",
              subCountyName(),
              wardName(ward1),
              "2021-06-01",
              groupName);
      assertNoContacts(table.rows().toString());
    }
    Table suspended =
        read(download("/bodies/" + committee + "/members.csv", "en"), TabularFormat.CSV);
    assertThat(suspended.rows()).as("a suspended member is not active").isEmpty();
  }

  @Test
  void aCountysBodiesDownloadCountsActiveMembers() throws IOException {
    for (TabularFormat format : TabularFormat.values()) {
      HttpResponse<byte[]> response =
          download("/bodies/export." + format.extension() + "?county=" + COUNTY, "en");
      assertThat(response.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"baraza-bodies-042." + format.extension() + "\"");
      Table table = read(response, format);
      assertThat(table.header())
          .containsExactly(
              "Baraza id",
              "Name",
              "Acronym",
              "Kind",
              "Level",
              "Sub-county or ward",
              "Active members",
              "Description");
      assertThat(row(table, network))
          .containsExactly(
              network, "Kisumu CSO Network " + tag, "KCN", "Network", "County level", "", "1", "");
      assertThat(row(table, committee).subList(3, 7))
          .containsExactly("Steering committee", "Sub-county level", subCountyName(), "0");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private String organisation(Map<String, String> fields) {
    official.get("/directory");
    Map<String, String> all = new HashMap<>(fields);
    all.put("county", COUNTY);
    all.put("status", "ACTIVE");
    HttpResponse<String> created = official.post("/organisations", all);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return created
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceAll(".*/organisations/", "");
  }

  private String body(Map<String, String> fields) {
    official.get("/bodies/new?county=" + COUNTY);
    Map<String, String> all = new HashMap<>(fields);
    all.put("county", COUNTY);
    HttpResponse<String> created = official.post("/bodies", all);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return created.headers().firstValue("Location").orElseThrow().replaceAll(".*/bodies/", "");
  }

  private void admit(String body, String organisation, String since) {
    official.get("/bodies/" + body);
    assertThat(
            official
                .post(
                    "/bodies/" + body + "/members",
                    Map.of("organisation", organisation, "since", since))
                .statusCode())
        .isEqualTo(302);
  }

  private void decide(String body, String organisation, String decision, String reason) {
    long membership =
        jdbc.sql(
                "select m.id from membership m join body b on b.id = m.body_id"
                    + " join organisation o on o.id = m.organisation_id"
                    + " where b.public_id = ? and o.public_id = ?")
            .params(body, organisation)
            .query(Long.class)
            .single();
    official.get("/bodies/" + body);
    assertThat(
            official
                .post(
                    "/bodies/" + body + "/memberships/" + membership,
                    Map.of("decision", decision, "reason", reason))
                .statusCode())
        .isEqualTo(302);
  }

  private String contact(String email) {
    contacts.add(email);
    return email;
  }

  /** Nine random digits of a Safaricom number; remembered in E.164 and as typed. */
  private String phoneDigits() {
    String digits = Long.toString(100_000 + (System.nanoTime() % 900_000));
    contacts.add("722" + digits);
    contacts.add("0722 " + digits);
    return digits;
  }

  private void assertNoContacts(String text) {
    assertThat(contacts).isNotEmpty();
    for (String contact : contacts) {
      assertThat(text).as("contact " + contact).doesNotContain(contact);
    }
  }

  private HttpResponse<String> get(String path) {
    return new Browser().get(path, "application/json");
  }

  /** Every item of every page of a Popolo list (size 200). */
  private List<JsonNode> allItems(String path) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    JsonNode page;
    int n = 0;
    do {
      page = JSON.readTree(get(path + "&size=200&page=" + n++).body());
      page.get("items").forEach(items::add);
    } while (page.get("hasNext").asBoolean());
    return items;
  }

  private static Map<String, JsonNode> byId(List<JsonNode> items) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    items.forEach(i -> assertThat(byId.put(i.get("id").asText(), i)).as("unique id").isNull());
    return byId;
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static HttpResponse<byte[]> download(String path, String language) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
                  .header("Accept-Language", language)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Table read(HttpResponse<byte[]> response, TabularFormat format)
      throws IOException {
    assertThat(response.statusCode())
        .as(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    return TabularFiles.read(
        new ByteArrayInputStream(response.body()),
        "export." + format.extension(),
        TabularFiles.Limits.DEFAULTS);
  }

  private static List<String> row(Table table, String publicId) {
    return table.rows().stream()
        .filter(r -> r.cell(0).equals(publicId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(publicId + " not in " + table.rows()))
        .cells();
  }

  private String identifier(String publicId) {
    return jdbc.sql("select identifier from organisation where public_id = ?")
        .param(publicId)
        .query(String.class)
        .single();
  }

  private String subCountyName() {
    return jdbc.sql("select name from subcounty where code = ?")
        .param(subCounty)
        .query(String.class)
        .single();
  }

  private String wardName(String code) {
    return jdbc.sql("select name from ward where code = ?")
        .param(code)
        .query(String.class)
        .single();
  }
}
