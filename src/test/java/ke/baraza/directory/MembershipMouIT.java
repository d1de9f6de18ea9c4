package ke.baraza.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signed MoU of a membership: uploaded by whoever runs the body, read by them, the county's
 * staff and the member's editors only, typed by its content, never kept when refused.
 */
@BarazaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipMouIT {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final byte[] PDF = pdf();
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1
  };

  @Autowired JdbcClient jdbc;

  Browser official;
  Browser coordinator;
  String network;
  String memberOrganisation;
  long membership;

  @BeforeAll
  void setUp() {
    official = PeopleFixtures.staff(jdbc, "mou-official", "COUNTY_OFFICIAL", "016");
    network = PeopleFixtures.body(official, "016", "Masinga CSO Network " + n(), "NETWORK");
    memberOrganisation = PeopleFixtures.organisation(official, "016", "Ekalakala Youth CBO " + n());
    PeopleFixtures.admit(official, network, memberOrganisation);
    membership = membershipOf(network, memberOrganisation);

    String coordinatorEmail = AccountFixtures.verifiedAccount("mou-coordinator");
    AccountFixtures.grantFor(jdbc, coordinatorEmail, "NETWORK_COORDINATOR", "016", network);
    coordinator = new Browser();
    AccountFixtures.signInWithSecondFactor(coordinator, coordinatorEmail, null);
  }

  @Test
  void theCoordinatorUploadsTheSignedMouAndTheMembersEditorDownloadsTheSameBytes() {
    HttpResponse<String> uploaded =
        upload(
            coordinator,
            membership,
            "2024-05-02",
            "MoU Ekalakala (signed).pdf",
            "application/pdf",
            PDF);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    assertThat(coordinator.follow(uploaded).body()).contains("The signed MoU is kept.");
    assertThat(
            jdbc.sql("select mou_signed_on from membership where id = ?")
                .param(membership)
                .query(String.class)
                .single())
        .startsWith("2024-05-02");
    assertThat(
            jdbc.sql("select count(*) from audit_event where action = ? and target = ?")
                .params("directory:mou-uploaded", network)
                .query(Long.class)
                .single())
        .isPositive();

    Browser editor = PeopleFixtures.editorOf(jdbc, memberOrganisation, "016");
    assertThat(editor.get("/bodies/" + network).body())
        .contains("MoU signed on 2024-05-02", "/bodies/" + network + "/mou/" + membership);
    HttpResponse<byte[]> download = editor.download("/bodies/" + network + "/mou/" + membership);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    var headers = download.headers();
    assertThat(headers.firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(headers.firstValue("Content-Disposition"))
        .hasValueSatisfying(
            v -> assertThat(v).startsWith("attachment").contains("MoU Ekalakala (signed).pdf"));
    assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(headers.firstValue("Content-Length")).hasValue(Integer.toString(PDF.length));
  }

  @Test
  void nobodyElseCanDownloadIt() {
    assertThat(
            upload(coordinator, membership, "2024-05-02", "mou.pdf", "application/pdf", PDF)
                .statusCode())
        .isEqualTo(302);
    String address = "/bodies/" + network + "/mou/" + membership;

    HttpResponse<String> visitor = new Browser().get(address);
    assertThat(visitor.statusCode()).as("a public visitor is sent to sign in").isEqualTo(302);
    assertThat(visitor.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
    assertThat(new Browser().get("/bodies/" + network).body())
        .as("the public page does not offer it")
        .doesNotContain("Signed MoUs", address);

    Browser otherCounty = PeopleFixtures.staff(jdbc, "mou-official017", "COUNTY_OFFICIAL", "017");
    HttpResponse<String> refused = otherCounty.get(address);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("%PDF");
    assertThat(
            upload(otherCounty, membership, "2024-05-03", "mou.pdf", "application/pdf", PDF)
                .statusCode())
        .as("nor upload one")
        .isEqualTo(403);

    Browser citizen = new Browser();
    AccountFixtures.signIn(
        citizen, AccountFixtures.verifiedAccount("mou-citizen"), AccountFixtures.PASSWORD);
    assertThat(citizen.get(address).statusCode()).isEqualTo(403);
    Browser otherEditor =
        PeopleFixtures.editorOf(
            jdbc, PeopleFixtures.organisation(official, "016", "Other CBO " + n()), "016");
    assertThat(otherEditor.get(address).statusCode())
        .as("an editor of another organisation")
        .isEqualTo(403);

    assertThat(official.get(address).statusCode()).as("the county's staff").isEqualTo(200);
    assertThat(coordinator.get(address).statusCode()).as("the coordinator").isEqualTo(200);
  }

  @Test
  void aPngRenamedPdfIsKeptAsAPng() {
    HttpResponse<String> uploaded =
        upload(coordinator, membership, "2024-06-01", "mou.pdf", "application/pdf", PNG);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);

    String fileId = fileOf(membership);
    assertThat(
            jdbc.sql("select media_type from stored_file where public_id = ?")
                .param(fileId)
                .query(String.class)
                .single())
        .isEqualTo("image/png");
    HttpResponse<String> download = coordinator.get("/bodies/" + network + "/mou/" + membership);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).contains("mou.png"));
  }

  @Test
  void aProgramOrAWebPageRenamedPdfIsRefusedAndNothingIsKept() {
    assertThat(
            upload(coordinator, membership, "2024-05-02", "mou.pdf", "application/pdf", PDF)
                .statusCode())
        .isEqualTo(302);
    String before = fileOf(membership);
    long rows = storedRows();
    List<Path> files = storedFiles();

    byte[] program =
        "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode."
            .getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> exe =
        upload(coordinator, membership, "2024-07-01", "mou.pdf", "application/pdf", program);
    assertThat(exe.statusCode()).isEqualTo(415);
    assertThat(exe.body()).contains("Only PDF, PNG, JPEG files are accepted");

    byte[] page =
        "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> html =
        upload(coordinator, "?lang=sw", membership, "2024-07-01", "mou.pdf", "text/html", page);
    coordinator.get("/bodies/" + network + "?lang=en");
    assertThat(html.statusCode()).isEqualTo(415);
    assertThat(html.body()).contains("Faili za PDF, PNG, JPEG pekee ndizo zinazokubaliwa");

    HttpResponse<String> empty =
        upload(coordinator, membership, "2024-07-01", "mou.pdf", "application/pdf", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("the file is empty");

    HttpResponse<String> future =
        upload(coordinator, membership, "2999-01-01", "mou.pdf", "application/pdf", PDF);
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("cannot be in the future");

    assertThat(storedRows()).isEqualTo(rows);
    assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(files);
    assertThat(fileOf(membership)).isEqualTo(before);
    assertThat(
            jdbc.sql("select mou_signed_on from membership where id = ?")
                .param(membership)
                .query(String.class)
                .single())
        .startsWith("2024-05-02");
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413AndNothingIsKept() {
    long rows = storedRows();
    List<Path> files = storedFiles();
    for (int size : new int[] {20 * 1024 * 1024 + 1, 50 * 1024 * 1024 + 100 * 1024}) {
      byte[] big = new byte[size];
      System.arraycopy(PDF, 0, big, 0, PDF.length);

      HttpResponse<String> refused =
          upload(coordinator, membership, "2024-05-02", "big.pdf", "application/pdf", big);

      assertThat(refused.statusCode()).as("%d bytes", size).isEqualTo(413);
      assertThat(refused.body()).as("%d bytes", size).contains("The file is larger than 20 MB");
    }
    assertThat(storedRows()).isEqualTo(rows);
    assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void anUploadOverWhatTheServerTakesAtAllIsRefusedWith413InTheUsersLanguage() {
    byte[] huge = new byte[52 * 1024 * 1024];
    System.arraycopy(PDF, 0, huge, 0, PDF.length);

    HttpResponse<String> refused =
        upload(
            new Browser().acceptLanguage("sw"),
            membership,
            "2024-05-02",
            "huge.pdf",
            "application/pdf",
            huge);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("<html lang=\"sw\">", "Faili au ombi ni kubwa mno.");
    assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void replacingTheMouDeletesTheOldFile() {
    assertThat(
            upload(coordinator, membership, "2024-05-02", "first.pdf", "application/pdf", PDF)
                .statusCode())
        .isEqualTo(302);
    String first = fileOf(membership);
    Path firstBytes = pathOf(first);
    assertThat(firstBytes).exists();

    assertThat(
            upload(official, membership, "2025-01-15", "second.png", "image/png", PNG).statusCode())
        .as("county staff may upload too")
        .isEqualTo(302);

    String second = fileOf(membership);
    assertThat(second).isNotEqualTo(first);
    assertThat(firstBytes).doesNotExist();
    assertThat(
            jdbc.sql("select count(*) from stored_file where public_id = ?")
                .param(first)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(pathOf(second)).exists();
    assertThat(coordinator.get("/bodies/" + network).body()).contains("MoU signed on 2025-01-15");
  }

  @Test
  void onlyAnActiveMembershipGetsAnMou() {
    String applicant = PeopleFixtures.organisation(official, "016", "Applicant CBO " + n());
    Browser editor = PeopleFixtures.editorOf(jdbc, applicant, "016");
    editor.get("/bodies/" + network);
    assertThat(
            editor
                .post("/bodies/" + network + "/applications", Map.of("organisation", applicant))
                .statusCode())
        .isEqualTo(302);

    HttpResponse<String> refused =
        upload(
            coordinator,
            membershipOf(network, applicant),
            "2024-05-02",
            "mou.pdf",
            "application/pdf",
            PDF);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("only be kept for an active member");
  }

  private HttpResponse<String> upload(
      Browser browser,
      long membershipId,
      String signedOn,
      String fileName,
      String contentType,
      byte[] content) {
    return upload(browser, "", membershipId, signedOn, fileName, contentType, content);
  }

  /** Posts the body page's MoU form as a browser does: multipart, with the page's CSRF token. */
  private HttpResponse<String> upload(
      Browser browser,
      String query,
      long membershipId,
      String signedOn,
      String fileName,
      String contentType,
      byte[] content) {
    Matcher token = CSRF.matcher(browser.get("/bodies/" + network).body());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", token.find() ? token.group(1) : "none");
    fields.put("membership", Long.toString(membershipId));
    fields.put("signedOn", signedOn);
    String boundary = "----baraza" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.send(
        HttpRequest.newBuilder(
                URI.create(TestEnvironment.baseUrl() + "/bodies/" + network + "/mou" + query))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private long membershipOf(String body, String organisation) {
    return jdbc.sql(
            "select m.id from membership m join body b on b.id = m.body_id"
                + " join organisation o on o.id = m.organisation_id"
                + " where b.public_id = ? and o.public_id = ?")
        .params(body, organisation)
        .query(Long.class)
        .single();
  }

  private String fileOf(long membershipId) {
    return jdbc.sql("select mou_file_id from membership where id = ?")
        .param(membershipId)
        .query(String.class)
        .single();
  }

  private long storedRows() {
    return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
  }

  private static Path filesRoot() {
    return Path.of("target/test-data-" + TestEnvironment.database(), "files");
  }

  private static Path pathOf(String publicId) {
    return filesRoot().resolve(publicId.substring(0, 2)).resolve(publicId);
  }

  private static List<Path> storedFiles() {
    if (!Files.exists(filesRoot())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(filesRoot())) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] pdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {(byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
    out.writeBytes(
        "1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static String n() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }
}
