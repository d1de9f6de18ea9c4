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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trainings: topic and trainers, pre- and post-test scores, a PDF certificate per participant in
 * their language with a code that a public page confirms, and the public reach of each topic per
 * county and per network.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingsIT {

  @Autowired JdbcClient jdbc;

  Browser official;
  Browser coordinator;
  String network;
  String member;

  @BeforeAll
  void setUp() {
    official = staff(jdbc, "training-official", "COUNTY_OFFICIAL", "016");
    network = body(official, "016", "Masinga CSO Network " + n());
    member = organisation(official, "016", "Ekalakala Ward CBO " + n(), null);
    admit(official, network, member);
    coordinator = holderFor(jdbc, "NETWORK_COORDINATOR", "016", network);
  }

  @Test
  void scoresAreWholeNumbersFrom0To100OrBlankAndABadOneStoresNothing() {
    String id = training(coordinator, network, "Scores " + n(), "2031-08-01");
    walkIn(coordinator, id, Map.of("name", "Amina Hassan"));
    String entry = entry(id, "Amina Hassan");

    for (String bad : new String[] {"101", "-1", "abc", "4.5"}) {
      HttpResponse<String> refused = scores(coordinator, id, entry, bad, "80");
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.body())
          .contains("Write each score as a whole number from 0 to 100, or leave it blank.");
    }
    assertThat(score(entry)).as("nothing stored").isNull();

    HttpResponse<String> saved = scores(coordinator, id, entry, "40", "85");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(coordinator.follow(saved).body()).contains("The scores are saved.");
    assertThat(score(entry)).isEqualTo(Map.of("pre", 40, "post", 85));
    scores(coordinator, id, entry, "0", "");
    Map<String, Integer> changed = score(entry);
    assertThat(changed.get("pre")).isZero();
    assertThat(changed.get("post")).as("blank: no post-test").isNull();
  }

  @Test
  void aTrainingHasATopicAndTrainersAndOnlyATrainingHasThem() {
    String id = training(official, network, "PBO Act induction " + n(), "2031-08-02");
    official.get("/meetings/" + id + "/training");
    HttpResponse<String> noText =
        official.post("/meetings/" + id + "/training/topic", Map.of("topic", "OTHER"));
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(noText.body()).contains("Write the topic (2 to 200 characters).");
    assertThat(official.post("/meetings/" + id + "/training/topic", Map.of("topic", "NOPE")).body())
        .contains("Choose the topic from the list.");
    official.post("/meetings/" + id + "/training/topic", Map.of("topic", "PBO_ACT"));
    official.post(
        "/meetings/" + id + "/training/trainers",
        Map.of("trainer", "Dr. Njeri Kamau", "trainerOrganisation", "HERAF"));
    HttpResponse<String> badTrainer =
        official.post("/meetings/" + id + "/training/trainers", Map.of("trainer", "X"));
    assertThat(badTrainer.statusCode()).isEqualTo(400);
    String page = official.get("/meetings/" + id + "/training").body();
    assertThat(page)
        .contains("<option value=\"PBO_ACT\" selected>PBO Act</option>")
        .contains("Dr. Njeri Kamau", "(HERAF)", "Trainer (1)");
    assertThat(official.get("/meetings/" + id).body()).contains("/meetings/" + id + "/training");

    String other = meeting(official, network, form("Not a training " + n(), "2031-08-03"));
    assertThat(official.get("/meetings/" + other + "/training").statusCode()).isEqualTo(404);
    assertThat(official.get("/meetings/" + other).body()).doesNotContain("/training\"");
  }

  @Test
  void aCertificateNamesTheParticipantAndCarriesACodeThatThePublicPageConfirms()
      throws IOException {
    String title = "Budget audit clinic " + n();
    String id = training(coordinator, network, title, "2031-08-04");
    walkIn(coordinator, id, Map.of("name", "Wanjirũ Kĩmani", "organisationId", member));
    String entry = entry(id, "Wanjirũ Kĩmani");
    String certificate = "/meetings/" + id + "/training/participants/" + entry + "/certificate";
    assertThat(coordinator.download(certificate).statusCode())
        .as("no certificate before the topic is chosen")
        .isEqualTo(409);

    coordinator.get("/meetings/" + id + "/training");
    coordinator.post(
        "/meetings/" + id + "/training/topic", Map.of("topic", "BUDGET_ANALYSIS_AND_AUDIT"));
    HttpResponse<byte[]> pdf = coordinator.download(certificate);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    String code =
        jdbc.sql(
                "select c.code from certificate c join attendance a on a.id = c.attendance_id"
                    + " where a.public_id = ?")
            .param(entry)
            .query(String.class)
            .single();
    assertThat(code).hasSize(16).matches("[2-9A-HJ-NP-Z]{16}");
    String text = text(pdf.body());
    assertThat(text)
        .contains("Certificate of participation", "Wanjirũ Kĩmani", title, code)
        .contains("Budget analysis and audit", "Machakos", "/certificates/" + code);
    assertThat(text(coordinator.download(certificate).body()))
        .as("issued once: the same code again")
        .contains(code);

    Browser anyone = new Browser();
    HttpResponse<String> check = anyone.get("/certificates/" + code);
    assertThat(check.statusCode()).isEqualTo(200);
    assertThat(check.body())
        .contains("This certificate is genuine", "Wanjirũ Kĩmani", title, "Machakos");
    assertThat(
            anyone
                .get(
                    "/certificates/"
                        + code.toLowerCase().substring(0, 8)
                        + "-"
                        + code.toLowerCase().substring(8))
                .statusCode())
        .as("case and a dash are forgiven")
        .isEqualTo(200);
    HttpResponse<String> unknown = anyone.get("/certificates/ABCDEFGHJKLMNPQR");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No certificate has the code").doesNotContain(title);
    assertThat(anyone.get("/certificates?code=" + code).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/certificates/" + code));

    coordinator.get("/meetings/" + id + "/attendance");
    coordinator.post("/meetings/" + id + "/attendance/" + entry + "/remove", Map.of());
    assertThat(anyone.get("/certificates/" + code).body())
        .as("still confirmed after the register changes")
        .contains("Wanjirũ Kĩmani");
  }

  @Test
  void aParticipantWhoChoseKiswahiliGetsTheCertificateInKiswahili() throws IOException {
    String name = "Mwende Mutua " + n();
    String person = person(official, member, name, "mwende" + n() + "@example.org", "sw");
    String id = training(official, network, "Mafunzo ya ODSS " + n(), "2031-08-05");
    official.get("/meetings/" + id + "/attendance");
    official.post("/meetings/" + id + "/attendance/people", Map.of("person", person));
    official.get("/meetings/" + id + "/training");
    official.post("/meetings/" + id + "/training/topic", Map.of("topic", "ODSS"));
    String entry = entry(id, name);
    HttpResponse<byte[]> pdf =
        official.download("/meetings/" + id + "/training/participants/" + entry + "/certificate");
    assertThat(text(pdf.body()))
        .contains("Cheti cha Ushiriki", name, "Nambari ya uthibitisho")
        .doesNotContain("Certificate of participation");
  }

  @Test
  void onlyThoseWhoMayEditTheTrainingSeeItsScoresAndCertificates() {
    String id = training(official, network, "Closed door " + n(), "2031-08-06");
    walkIn(official, id, Map.of("name", "Kept Private"));
    String entry = entry(id, "Kept Private");
    Browser citizen = MeetingFixtures.citizen();
    Browser editor = holderFor(jdbc, "ORGANISATION_EDITOR", "016", member);
    for (Browser b : new Browser[] {citizen, editor}) {
      assertThat(b.get("/meetings/" + id + "/training").statusCode()).isEqualTo(403);
      b.get("/meetings/" + id);
      assertThat(scores(b, id, entry, "50", "60").statusCode()).isEqualTo(403);
      assertThat(
              b.download("/meetings/" + id + "/training/participants/" + entry + "/certificate")
                  .statusCode())
          .isEqualTo(403);
    }
    HttpResponse<String> anonymous = new Browser().get("/meetings/" + id + "/training");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(score(entry)).isNull();
  }

  @Test
  void reachCountsPeopleOncePerTopicAndDistinctOrganisationsPerCountyAndPerNetwork() {
    Browser narok = staff(jdbc, "training-narok", "COUNTY_OFFICIAL", "033");
    String net = body(narok, "033", "Narok CSO Forum " + n());
    String a = organisation(narok, "033", "Olkiramatian Women Group " + n(), null);
    String b = organisation(narok, "033", "Ewaso Youth Group " + n(), null);
    String c = organisation(narok, "033", "Mara Pastoralists CBO " + n(), null);
    String d = organisation(narok, "033", "Not A Member Trust " + n(), null);
    admit(narok, net, a);
    admit(narok, net, b);
    admit(narok, net, c);

    String first = trainingOn(narok, net, "PBO_ACT", "2031-09-01");
    walkIn(narok, first, Map.of("name", "P One", "phone", "0711 000 001", "organisationId", a));
    walkIn(narok, first, Map.of("name", "P Two", "organisationId", a));
    walkIn(narok, first, Map.of("name", "P Three", "phone", "0711 000 003", "organisationId", b));
    walkIn(narok, first, Map.of("name", "P Four", "organisationId", d));
    walkIn(narok, first, Map.of("name", "P Five", "organisation", "Unlisted Group"));
    walkIn(narok, first, Map.of("name", "P Six"));
    String second = trainingOn(narok, net, "PBO_ACT", "2031-09-02");
    walkIn(narok, second, Map.of("name", "P One", "phone", "+254711000001", "organisationId", a));
    walkIn(narok, second, Map.of("name", "P Seven", "organisationId", c));
    String odss = trainingOn(narok, net, "ODSS", "2031-09-03");
    walkIn(narok, odss, Map.of("name", "P Three", "phone", "0711 000 003", "organisationId", b));
    String cancelled = trainingOn(narok, net, "PBO_ACT", "2031-09-04");
    walkIn(narok, cancelled, Map.of("name", "P Eight", "organisationId", a));
    narok.get("/meetings/" + cancelled);
    narok.post("/meetings/" + cancelled + "/cancel", Map.of());

    Browser anyone = new Browser();
    String county = flat(anyone.get("/meetings/trainings?county=033").body());
    assertThat(county)
        .contains(row("PBO Act", 7, 4))
        .contains(row("ODSS", 1, 1))
        .contains("PBOAct:7peopletrained,4organisations")
        .doesNotContain("P One", "Fundraising");
    String members = flat(anyone.get("/meetings/trainings?county=033&network=" + net).body());
    assertThat(members)
        .contains(row("PBO Act", 4, 3))
        .contains(row("ODSS", 1, 1))
        .contains("3memberorganisationstrained");
  }

  private String training(Browser b, String organiser, String title, String date) {
    Map<String, String> f = new HashMap<>(form(title, date));
    f.put("kind", "TRAINING");
    return meeting(b, organiser, f);
  }

  private String trainingOn(Browser b, String organiser, String topic, String date) {
    String id = training(b, organiser, "Training " + n(), date);
    b.get("/meetings/" + id + "/training");
    assertThat(b.post("/meetings/" + id + "/training/topic", Map.of("topic", topic)).statusCode())
        .isEqualTo(302);
    return id;
  }

  private HttpResponse<String> walkIn(Browser b, String meeting, Map<String, String> fields) {
    b.get("/meetings/" + meeting);
    HttpResponse<String> r = b.post("/meetings/" + meeting + "/attendance/walk-ins", fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return r;
  }

  private HttpResponse<String> scores(
      Browser b, String meeting, String entry, String pre, String post) {
    b.get("/meetings/" + meeting);
    return b.post(
        "/meetings/" + meeting + "/training/participants/" + entry + "/scores",
        Map.of("pre", pre, "post", post));
  }

  private String entry(String meeting, String name) {
    return jdbc.sql(
            "select a.public_id from attendance a join meeting m on m.id = a.meeting_id"
                + " where m.public_id = ? and a.name = ?")
        .params(meeting, name)
        .query(String.class)
        .single();
  }

  private Map<String, Integer> score(String entry) {
    return jdbc.sql(
            "select s.pre_score, s.post_score from training_score s"
                + " join attendance a on a.id = s.attendance_id where a.public_id = ?")
        .param(entry)
        .query(
            (rs, i) -> {
              Map<String, Integer> m = new HashMap<>();
              m.put("pre", (Integer) rs.getObject(1));
              m.put("post", (Integer) rs.getObject(2));
              return m;
            })
        .optional()
        .orElse(null);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static String flat(String html) {
    return html.replaceAll("\\s+", "");
  }

  private static String row(String topic, int people, int organisations) {
    return flat(
        "<tr><th scope=\"row\">"
            + topic
            + "</th><td>"
            + people
            + "</td><td>"
            + organisations
            + "</td></tr>");
  }
}
