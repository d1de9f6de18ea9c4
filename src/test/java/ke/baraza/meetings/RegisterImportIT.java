package ke.baraza.meetings;

import static ke.baraza.directory.PeopleFixtures.admit;
import static ke.baraza.directory.PeopleFixtures.body;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static ke.baraza.meetings.MeetingFixtures.form;
import static ke.baraza.meetings.MeetingFixtures.holderFor;
import static ke.baraza.meetings.MeetingFixtures.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import ke.baraza.platform.TabularExport;
import ke.baraza.platform.TabularFiles;
import ke.baraza.platform.TabularFiles.Limits;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A paper register typed into a spreadsheet: good rows go in by the door's rules, a person is
 * counted once across the door and the file, bad rows come back to correct, the same file twice
 * adds nobody, and nothing goes in once the meeting is closed.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterImportIT {

  @Autowired JdbcClient jdbc;

  Browser official;
  Browser coordinator;
  String network;
  String member;
  String memberName;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "register-official", "COUNTY_OFFICIAL", "016");
    network = body(official, "016", "Kathiani CSO Forum " + n());
    memberName = "Mitaboni Women Group " + n();
    member = organisation(official, "016", memberName, null);
    admit(official, network, member);
    coordinator = holderFor(jdbc, "NETWORK_COORDINATOR", "016", network);
  }

  @Test
  void goodRowsGoInBadRowsComeBackAndTheSameFileTwiceAddsNobody() throws IOException {
    String id = meeting(coordinator, network, form("Paper register " + n(), "2031-08-01"));
    coordinator.get("/meetings/" + id + "/attendance");
    coordinator.post(
        "/meetings/" + id + "/attendance/walk-ins",
        Map.of("name", "Jane Wambui", "phone", "0712 345 678"));
    String csv =
        """
        Jina,Shirika,Simu,Wadi,Jinsia,Umri,Ulemavu,Ridhaa,Notes
        Jane W.,,+254712345678,,,,,,came late
        Peter Kioko,%s,0722 000 111,Mitaboni,M,29,no,ndiyo,
        Mary Ndinda,Kivaa Youth,,kathiani central ward,Mwanamke,60+,yes,yes,
        ,,,,,,,,
        X,,12345,Nowhere,F,,,,
        Ann Mwende,,,,F,40,,,
        Mary  ndinda,KIVAA youth,,,,,,,
        """
            .formatted(memberName.toUpperCase());
    HttpResponse<String> uploaded = upload(coordinator, id, "register.csv", csv);
    assertThat(uploaded.statusCode()).isEqualTo(302);
    String report = coordinator.follow(uploaded).body();
    assertThat(report)
        .contains("These columns were left out: Notes")
        .contains("<dd id=\"signed-in\">2</dd>", "<dd id=\"already\">2</dd>")
        .contains("<dd id=\"problem-count\">2</dd>")
        .contains("Write the name (2 to 200 characters).", "Choose a ward of this county.")
        .contains("Tick the consent box, or leave gender, age and disability as not said.");

    record Line(
        String name,
        String organisationRef,
        String organisationType,
        String wardCode,
        String gender,
        String ageBand,
        Boolean disability) {}
    List<Line> lines =
        jdbc.sql(
                "select a.name, a.organisation_ref, a.organisation_type, a.ward_code, a.gender,"
                    + " a.age_band, a.disability from attendance a join meeting m"
                    + " on m.id = a.meeting_id where m.public_id = ? order by a.name")
            .param(id)
            .query(Line.class)
            .list();
    assertThat(lines)
        .containsExactly(
            new Line("Jane Wambui", null, null, null, null, null, null),
            new Line("Mary Ndinda", null, null, "0391", "FEMALE", "AGE_60_PLUS", true),
            new Line("Peter Kioko", member, "CBO", "0390", "MALE", "AGE_25_35", false));

    HttpResponse<byte[]> problems =
        coordinator.download(
            "/meetings/" + id + "/attendance/imports/" + importId(uploaded) + "/problems.csv");
    assertThat(problems.statusCode()).isEqualTo(200);
    TabularFiles.Table table =
        TabularFiles.read(
            new ByteArrayInputStream(problems.body()), "problems.csv", Limits.DEFAULTS);
    assertThat(table.header()).endsWith("Notes", "Problems");
    assertThat(table.rows()).hasSize(2);
    assertThat(table.rows().getFirst().cells().subList(0, 4))
        .containsExactly("X", "", "12345", "Nowhere");
    assertThat(table.rows().getFirst().cells().getLast())
        .contains("Write a Kenyan phone number", "Choose a ward of this county.");

    HttpResponse<String> again = upload(coordinator, id, "register.csv", csv);
    assertThat(coordinator.follow(again).body())
        .contains("<dd id=\"signed-in\">0</dd>", "<dd id=\"already\">4</dd>");
    assertThat(lines(id)).isEqualTo(3);
    assertThat(coordinator.get("/meetings/" + id + "/attendance").body())
        .contains("Registers uploaded", "register.csv");
  }

  @Test
  void anXlsxRegisterWithEnglishHeadersAndSplitNamesIsRead() throws IOException {
    String id = meeting(official, network, form("XLSX register " + n(), "2031-08-02"));
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    TabularExport.xlsx(
        List.of("First Name", "Last Name", "Organization", "Job Title", "Gender", "Consent"),
        List.of(
            List.of("Grace", "Mutua", "Machakos Budget Forum", "Chair", "Female", "Yes"),
            List.of("Tom", "Nzioka", "", "", "", "")),
        xlsx);
    official.get("/meetings/" + id + "/attendance");
    HttpResponse<String> uploaded =
        official.upload(
            "/meetings/" + id + "/attendance/imports", "file", "register.xlsx", xlsx.toByteArray());
    assertThat(official.follow(uploaded).body()).contains("<dd id=\"signed-in\">2</dd>");
    String figures = official.get("/meetings/" + id + "/attendance").body();
    assertThat(figures).contains("Grace Mutua", "Chair", "Tom Nzioka");
  }

  @Test
  void filesThatAreNotRegistersAreRefusedAndNothingIsKept() {
    String id = meeting(official, network, form("Refused registers " + n(), "2031-08-03"));
    official.get("/meetings/" + id + "/attendance");
    HttpResponse<String> noNames = upload(official, id, "r.csv", "Phone,Ward\n0712345678,\n");
    assertThat(noNames.statusCode()).isEqualTo(400);
    assertThat(noNames.body()).contains("No column of names was found");
    HttpResponse<String> headerOnly = upload(official, id, "r.csv", "Name,Phone\n");
    assertThat(headerOnly.statusCode()).isEqualTo(400);
    assertThat(headerOnly.body()).contains("The file has a header row but no rows under it.");
    HttpResponse<String> picture =
        official.upload(
            "/meetings/" + id + "/attendance/imports",
            "file",
            "register.xlsx",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
    assertThat(picture.statusCode()).as("a picture named .xlsx").isEqualTo(415);
    assertThat(imports(id)).isZero();
    assertThat(lines(id)).isZero();
  }

  @Test
  void aClosedMeetingTakesNoRegisterAndKeepsWhatItHas() {
    String id = meeting(official, network, form("Closed register " + n(), "2031-08-04"));
    upload(official, id, "r.csv", "Name\nFirst Person\n");
    official.get("/meetings/" + id + "/attendance");
    official.post("/meetings/" + id + "/close", Map.of());
    HttpResponse<String> late = upload(official, id, "r.csv", "Name\nLate Person\n");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(lines(id)).isEqualTo(1);
    assertThat(imports(id)).isEqualTo(1);
  }

  @Test
  void onlyThoseWhoKeepTheRegisterUploadOrReadTheProblems() {
    String id = meeting(official, network, form("Register rights " + n(), "2031-08-05"));
    HttpResponse<String> done = upload(official, id, "r.csv", "Name,Phone\nAbel Mutiso,999\n");
    String importId = importId(done);
    for (Browser outsider :
        List.of(
            staff(jdbc, "register-official-047", "COUNTY_OFFICIAL", "047"),
            holderFor(jdbc, "ORGANISATION_EDITOR", "016", member),
            MeetingFixtures.citizen())) {
      outsider.get("/meetings/" + id);
      assertThat(upload(outsider, id, "r.csv", "Name\nIntruder Person\n").statusCode())
          .isEqualTo(403);
      assertThat(
              outsider
                  .download("/meetings/" + id + "/attendance/imports/" + importId + "/problems.csv")
                  .statusCode())
          .isEqualTo(403);
      assertThat(outsider.get("/meetings/" + id + "/attendance/imports/" + importId).statusCode())
          .isEqualTo(403);
    }
    String other = meeting(official, network, form("Other meeting " + n(), "2031-08-06"));
    assertThat(official.get("/meetings/" + other + "/attendance/imports/" + importId).statusCode())
        .as("an upload is read only under its own meeting")
        .isEqualTo(404);
    assertThat(lines(id)).isZero();
  }

  private HttpResponse<String> upload(Browser b, String meeting, String name, String csv) {
    b.get("/meetings/" + meeting);
    return b.upload(
        "/meetings/" + meeting + "/attendance/imports",
        "file",
        name,
        csv.getBytes(StandardCharsets.UTF_8));
  }

  /** The upload's id, from the redirect to its report. */
  private static String importId(HttpResponse<String> uploaded) {
    String location = uploaded.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private int lines(String meeting) {
    return count("attendance", meeting);
  }

  private int imports(String meeting) {
    return count("attendance_import", meeting);
  }

  private int count(String table, String meeting) {
    return jdbc.sql(
            "select count(*) from "
                + table
                + " t join meeting m on m.id = t.meeting_id where m.public_id = ?")
        .param(meeting)
        .query(Integer.class)
        .single();
  }
}
