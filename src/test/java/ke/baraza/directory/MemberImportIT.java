package ke.baraza.directory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static ke.baraza.directory.PeopleFixtures.after;
import static ke.baraza.directory.PeopleFixtures.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.platform.TabularFiles.Table;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing member and participant lists into a network: preview, per-row problems, the invalid
 * rows as a file to fix, re-importing that changes nothing, undo, bad files and who may.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberImportIT {

  static final String HEADER = "First Name,Last Name,Email,Organization,Job Title,Ward\r\n";

  @Autowired JdbcClient jdbc;

  Browser official;

  @BeforeAll
  void setUp() {
    official = PeopleFixtures.staff(jdbc, "import-official", "COUNTY_OFFICIAL", "016");
  }

  @Test
  void aParticipantListGoesInRowByRowAndTheSameFileAgainChangesNothing() throws IOException {
    String suffix = n();
    String network = PeopleFixtures.body(official, "016", "Masinga CSO Forum " + suffix, "NETWORK");
    String cbo = PeopleFixtures.organisation(official, "016", "Ekalakala Ward CBO " + suffix);
    String knownEmail = AccountFixtures.uniqueEmail("mutua");
    PeopleFixtures.person(
        official, cbo, Map.of("name", "Mary Mutua", "email", knownEmail, "language", "en"));
    String csv =
        HEADER
            + "Mary,Mutua,"
            + knownEmail
            + ",Ekalakala Ward CBO "
            + suffix
            + ",Chair,\r\n"
            + "John,Kioko,,Ekalakala Ward CBO "
            + suffix
            + ",Secretary,\r\n"
            + "Faith,Mwende,,Kivaa Youth Group "
            + suffix
            + ",Member,Masinga Central\r\n"
            + "Peter,Musyoka,peter(at)example,Kithyoko Women Group "
            + suffix
            + ",Treasurer,\r\n"
            + "Ann,Ndunge,ann-"
            + suffix
            + "@example.org,,Member,\r\n"
            + "Paul,Mutiso,,Ndithini Self Help "
            + suffix
            + ",Member,Atlantis\r\n"
            + "Faith,Mwende,,Kivaa Youth Group "
            + suffix
            + ",Member,Masinga Central\r\n";
    Map<String, Long> before = counts();

    String first = upload(official, network, "annex.csv", csv.getBytes(UTF_8));
    HttpResponse<String> preview = official.get("/bodies/" + network + "/imports/" + first);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("Rows ready to import: 4")
        .contains("Rows with problems, left out: 3")
        .contains("New organisations: 1")
        .contains("New people: 2")
        .contains("New members of the body: 2")
        .contains("The e-mail address \"peter(at)example\" is not valid.")
        .contains("No organisation: every row needs the organisation")
        .contains("There is no ward \"Atlantis\" in this county.");
    assertThat(counts()).as("a preview changes nothing").isEqualTo(before);

    assertThat(apply(official, network, first)).isEqualTo(302);
    Map<String, Long> afterFirst = counts();
    assertThat(afterFirst.get("organisation") - before.get("organisation")).isEqualTo(1);
    assertThat(afterFirst.get("person") - before.get("person")).isEqualTo(2);
    assertThat(afterFirst.get("membership") - before.get("membership")).isEqualTo(2);
    assertThat(memberNames(network))
        .containsExactlyInAnyOrder("Ekalakala Ward CBO " + suffix, "Kivaa Youth Group " + suffix);
    assertThat(peopleOf(cbo)).containsExactlyInAnyOrder("Mary Mutua", "John Kioko");
    assertThat(
            jdbc.sql("select home_ward_code from organisation where name = ?")
                .param("Kivaa Youth Group " + suffix)
                .query(String.class)
                .single())
        .isEqualTo("0372");

    HttpResponse<byte[]> invalid =
        official.download("/bodies/" + network + "/imports/" + first + "/invalid.csv");
    assertThat(invalid.statusCode()).isEqualTo(200);
    assertThat(invalid.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment");
    Table rejected =
        TabularFiles.read(new ByteArrayInputStream(invalid.body()), "invalid.csv", Limits.DEFAULTS);
    assertThat(rejected.header()).endsWith("Ward", "Problems");
    assertThat(rejected.rows()).hasSize(3);
    assertThat(rejected.rows().getFirst().cell(0)).isEqualTo("Peter");
    assertThat(rejected.rows().getFirst().cell(6)).contains("is not valid");

    // The coordinator fixes the three rows in the downloaded file and uploads it again.
    List<List<String>> fixed = new ArrayList<>();
    for (TabularFiles.Row row : rejected.rows()) {
      List<String> cells = new ArrayList<>(row.cells().subList(0, 6));
      switch (cells.get(0)) {
        case "Peter" -> cells.set(2, "peter-" + suffix + "@example.org");
        case "Ann" -> cells.set(3, "Ekalakala Ward CBO " + suffix);
        default -> cells.set(5, "Masinga Central");
      }
      fixed.add(cells);
    }
    ByteArrayOutputStream fixedFile = new ByteArrayOutputStream();
    TabularExport.xlsx(rejected.header(), fixed, fixedFile);
    String second = upload(official, network, "fixed.xlsx", fixedFile.toByteArray());
    assertThat(official.get("/bodies/" + network + "/imports/" + second).body())
        .contains("Rows ready to import: 3")
        .contains("Rows with problems, left out: 0");
    assertThat(apply(official, network, second)).isEqualTo(302);
    assertThat(memberNames(network)).hasSize(4);

    // The original file once more: recognised, and nothing changes.
    Map<String, Long> beforeAgain = counts();
    String third = upload(official, network, "annex.csv", csv.getBytes(UTF_8));
    assertThat(official.get("/bodies/" + network + "/imports/" + third).body())
        .contains("This file was imported on")
        .contains("New organisations: 0")
        .contains("New people: 0")
        .contains("New members of the body: 0")
        .contains("Rows already in Baraza, no change: 4");
    assertThat(apply(official, network, third)).isEqualTo(302);
    assertThat(counts()).isEqualTo(beforeAgain);
    assertThat(apply(official, network, third)).as("carried out once only").isEqualTo(409);
  }

  @Test
  void undoRemovesWhatTheImportAddedAndKeepsWhatWasThere() throws IOException {
    String suffix = n();
    String network = PeopleFixtures.body(official, "016", "Yatta Network " + suffix, "NETWORK");
    String existing = PeopleFixtures.organisation(official, "016", "Kinyaata CBO " + suffix);
    PeopleFixtures.admit(official, network, existing);
    Map<String, Long> before = counts();
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    TabularExport.xlsx(
        List.of("Jina", "Barua pepe", "Simu", "Shirika", "Cheo"),
        List.of(
            List.of("Grace Wambua", "", "0712 345 678", "Kinyaata CBO " + suffix, "Katibu"),
            List.of("Joseph Kyalo", "", "", "Matuu Youth " + suffix, "")),
        xlsx);
    String imported = upload(official, network, "wanachama.xlsx", xlsx.toByteArray());
    assertThat(official.get("/bodies/" + network + "/imports/" + imported).body())
        .as("Kiswahili headers are recognised")
        .contains("Rows ready to import: 2")
        .contains("New organisations: 1");
    assertThat(apply(official, network, imported)).isEqualTo(302);
    assertThat(counts().get("person") - before.get("person")).isEqualTo(2);
    assertThat(
            jdbc.sql("select phone from person where name = 'Grace Wambua' and county_code = '016'")
                .query(String.class)
                .list())
        .contains("+254712345678");

    official.get("/bodies/" + network + "/imports/" + imported);
    HttpResponse<String> undone =
        official.post("/bodies/" + network + "/imports/" + imported + "/undo", Map.of());
    assertThat(undone.statusCode()).isEqualTo(302);
    assertThat(official.follow(undone).body()).contains("The import was undone.");
    assertThat(counts()).isEqualTo(before);
    assertThat(memberNames(network)).containsExactly("Kinyaata CBO " + suffix);
    official.get("/bodies/" + network + "/imports/" + imported);
    assertThat(
            official
                .post("/bodies/" + network + "/imports/" + imported + "/undo", Map.of())
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void undoKeepsAPersonWhomAnotherOrganisationNowCountsIn() {
    String suffix = n();
    String network = PeopleFixtures.body(official, "016", "Kangundo Network " + suffix);
    String other = PeopleFixtures.organisation(official, "016", "Kangundo Youth " + suffix);
    String csv = "Name,Organisation\r\nRose Nduku " + suffix + ",Tala Women " + suffix + "\r\n";
    String imported = upload(official, network, "one.csv", csv.getBytes(UTF_8));
    assertThat(apply(official, network, imported)).isEqualTo(302);
    // Meanwhile the person is added to another organisation, outside the import.
    jdbc.sql(
            "insert into person_organisation (person_id, organisation_id, title)"
                + " select p.id, o.id, '' from person p, organisation o"
                + " where p.name = ? and o.public_id = ?")
        .params("Rose Nduku " + suffix, other)
        .update();

    official.get("/bodies/" + network + "/imports/" + imported);
    HttpResponse<String> undone =
        official.post("/bodies/" + network + "/imports/" + imported + "/undo", Map.of());
    assertThat(official.follow(undone).body())
        .contains("The import was undone.")
        .contains("1 records were kept");
    assertThat(peopleOf(other)).containsExactly("Rose Nduku " + suffix);
    assertThat(
            jdbc.sql("select count(*) from organisation where name = ?")
                .param("Tala Women " + suffix)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(memberNames(network)).isEmpty();
  }

  @Test
  void sameNamedOrganisationsAreFlaggedUnlessTheWardSaysWhich() throws IOException {
    String suffix = n();
    String network = PeopleFixtures.body(official, "016", "Kathiani Forum " + suffix, "NETWORK");
    String name = "Upendo Women Group " + suffix;
    for (String ward : List.of("0372", "0373")) {
      official.get("/directory");
      HttpResponse<String> created =
          official.post(
              "/organisations",
              Map.of("county", "016", "name", name, "type", "WOMENS_GROUP", "homeWard", ward));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    }
    String ward0373 =
        jdbc.sql("select name from ward where code = '0373'").query(String.class).single();
    String csv = "Organisation,Ward\r\n" + name + ",\r\n" + name + "," + ward0373 + "\r\n";
    String id = upload(official, network, "groups.csv", csv.getBytes(UTF_8));
    assertThat(official.get("/bodies/" + network + "/imports/" + id).body())
        .contains("Several organisations in this county are called")
        .contains("Rows ready to import: 1")
        .contains("New organisations: 0");
  }

  @Test
  void unknownColumnsAreMappedByTheCoordinatorBeforeAnythingIsImported() {
    String suffix = n();
    String network = PeopleFixtures.body(official, "016", "Mwala Network " + suffix, "NETWORK");
    String csv = "Participant Org;Cellphone\r\nMbiuni CBO " + suffix + ";0722000111\r\n";
    String id = upload(official, network, "list.csv", csv.getBytes(UTF_8));
    String page = official.get("/bodies/" + network + "/imports/" + id).body();
    assertThat(page).contains("Choose the column that holds the organisation's name.");
    assertThat(page).doesNotContain("Import 1 rows");
    assertThat(
            official
                .post(
                    "/bodies/" + network + "/imports/" + id + "/mapping",
                    Map.of("column", "ORGANISATION"))
                .statusCode())
        .isEqualTo(302);
    assertThat(official.get("/bodies/" + network + "/imports/" + id).body())
        .contains("Rows ready to import: 1");
  }

  @Test
  void filesThatAreNotTablesAreRefusedAndNothingIsKept() {
    String network = PeopleFixtures.body(official, "016", "Refusals Network " + n(), "NETWORK");
    long before = imports();
    official.get("/bodies/" + network + "/imports");
    HttpResponse<String> pdf =
        official.upload(
            "/bodies/" + network + "/imports",
            "file",
            "members.csv",
            "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(UTF_8));
    assertThat(pdf.statusCode()).isEqualTo(415);
    assertThat(pdf.body()).contains("is not a CSV or Excel");
    official.get("/bodies/" + network + "/imports");
    HttpResponse<String> headerOnly =
        official.upload(
            "/bodies/" + network + "/imports", "file", "empty.csv", HEADER.getBytes(UTF_8));
    assertThat(headerOnly.statusCode()).isEqualTo(400);
    assertThat(headerOnly.body()).contains("no rows below it");
    assertThat(imports()).isEqualTo(before);
  }

  @Test
  void onlyThoseWhoRunTheBodyMayImport() {
    String network = PeopleFixtures.body(official, "016", "Guarded Network " + n(), "NETWORK");
    String member = PeopleFixtures.organisation(official, "016", "Member CBO " + n());
    PeopleFixtures.admit(official, network, member);
    String id = upload(official, network, "a.csv", ("Organisation\r\nX " + n()).getBytes(UTF_8));

    Browser otherCounty = PeopleFixtures.staff(jdbc, "import-nairobi", "COUNTY_OFFICIAL", "047");
    Browser editor = PeopleFixtures.editorOf(jdbc, member, "016");
    for (Browser outsider : List.of(otherCounty, editor)) {
      assertThat(outsider.get("/bodies/" + network + "/imports").statusCode()).isEqualTo(403);
      assertThat(outsider.get("/bodies/" + network + "/imports/" + id).statusCode()).isEqualTo(403);
      assertThat(
              outsider
                  .download("/bodies/" + network + "/imports/" + id + "/invalid.csv")
                  .statusCode())
          .isEqualTo(403);
      outsider.get("/directory");
      assertThat(
              outsider
                  .upload(
                      "/bodies/" + network + "/imports",
                      "file",
                      "b.csv",
                      "Organisation\r\nY".getBytes(UTF_8))
                  .statusCode())
          .isEqualTo(403);
      assertThat(apply(outsider, network, id)).isEqualTo(403);
    }
    assertThat(new Browser().get("/bodies/" + network + "/imports/" + id).statusCode())
        .isIn(302, 401);

    String coordinatorEmail = AccountFixtures.verifiedAccount("import-coordinator");
    AccountFixtures.grantFor(jdbc, coordinatorEmail, "NETWORK_COORDINATOR", "016", network);
    Browser coordinator = new Browser();
    AccountFixtures.signInWithSecondFactor(coordinator, coordinatorEmail, null);
    assertThat(apply(coordinator, network, id)).isEqualTo(302);
  }

  private String upload(Browser browser, String network, String fileName, byte[] content) {
    browser.get("/bodies/" + network + "/imports");
    HttpResponse<String> uploaded =
        browser.upload("/bodies/" + network + "/imports", "file", fileName, content);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    return after(uploaded, "/imports/");
  }

  private int apply(Browser browser, String network, String id) {
    browser.get("/bodies/" + network + "/imports/" + id);
    return browser.post("/bodies/" + network + "/imports/" + id + "/apply", Map.of()).statusCode();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : List.of("organisation", "person", "membership", "person_organisation")) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  private long imports() {
    return jdbc.sql("select count(*) from member_import").query(Long.class).single();
  }

  private List<String> memberNames(String network) {
    return jdbc.sql(
            "select o.name from membership m join body b on b.id = m.body_id"
                + " join organisation o on o.id = m.organisation_id"
                + " where b.public_id = ? and m.status = 'ACTIVE'")
        .param(network)
        .query(String.class)
        .list();
  }

  private List<String> peopleOf(String organisation) {
    return jdbc.sql(
            "select p.name from person p join person_organisation po on po.person_id = p.id"
                + " join organisation o on o.id = po.organisation_id where o.public_id = ?")
        .param(organisation)
        .query(String.class)
        .list();
  }
}
