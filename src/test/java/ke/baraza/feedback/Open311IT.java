package ke.baraza.feedback;

import static ke.baraza.feedback.FeedbackFixtures.KATHIANI_CENTRAL;
import static ke.baraza.feedback.FeedbackFixtures.MACHAKOS;
import static ke.baraza.feedback.FeedbackFixtures.cases;
import static ke.baraza.feedback.FeedbackFixtures.find;
import static ke.baraza.feedback.FeedbackFixtures.uniquePhone;
import static ke.baraza.feedback.Open311Schemas.assertJson;
import static ke.baraza.feedback.Open311Schemas.assertXml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open311 GeoReport v2 at /open311/v2/: every response shape, in XML and JSON, validates against
 * the schemas (upstream JSON Schemas, Baraza's XSDs); a POST needs a county's key, is idempotent,
 * and no answer carries a reporter's contact or an unpublished description.
 */
@BarazaIntegrationTest
class Open311IT {

  static final String XSD = "baraza/georeport-v2.xsd";
  static final String CREATED_XSD = "baraza/georeport-v2-created.xsd";
  static final Pattern KEY = Pattern.compile("(?<=<code id=\"issued-key\">)[A-Z0-9]+");
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired JdbcClient jdbc;

  static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path)).GET());
  }

  static HttpResponse<String> post(String path, Map<String, String> fields, String idempotency) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotency != null) {
      request.header("Idempotency-Key", idempotency);
    }
    return send(request);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A key issued on the county's page by one of its officials. */
  String issueKey(String county) {
    Browser staff = FeedbackFixtures.staff(jdbc, "open311-" + county, "COUNTY_OFFICIAL", county);
    assertThat(staff.get("/feedback/" + county + "/open311-keys").statusCode()).isEqualTo(200);
    HttpResponse<String> issued =
        staff.post("/feedback/" + county + "/open311-keys", Map.of("label", "Ward app " + county));
    assertThat(issued.statusCode()).isEqualTo(200);
    return find(KEY, issued.body());
  }

  static Map<String, String> request(String key, String description) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("api_key", key);
    fields.put("jurisdiction_id", MACHAKOS);
    fields.put("service_code", "016-water");
    fields.put("attribute[ward]", KATHIANI_CENTRAL);
    fields.put("description", description);
    return fields;
  }

  static void assertXmlType(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .isEqualToIgnoringCase("text/xml;charset=UTF-8");
    assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }

  static void assertJsonType(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .isEqualToIgnoringCase("application/json;charset=UTF-8");
  }

  @Test
  void discoveryAndServicesValidateInXmlAndJson() {
    HttpResponse<String> xml = get("/open311/v2/discovery.xml");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertXmlType(xml);
    assertXml(XSD, xml.body());
    assertThat(xml.body()).contains("http://wiki.open311.org/GeoReport_v2", "/open311/v2</url>");
    HttpResponse<String> json = get("/open311/v2/discovery.json");
    assertJsonType(json);
    assertJson("baraza/discovery.json", json.body());

    HttpResponse<String> services = get("/open311/v2/services.json?jurisdiction_id=016");
    assertThat(services.statusCode()).isEqualTo(200);
    assertJsonType(services);
    assertJson("schemas/services.json", services.body());
    assertThat(services.body())
        .contains("\"service_code\":\"016-water\"", "\"type\":\"realtime\"", "MAJI");
    HttpResponse<String> servicesXml = get("/open311/v2/services.xml?jurisdiction_id=016");
    assertXmlType(servicesXml);
    assertXml(XSD, servicesXml.body());
    assertThat(servicesXml.body()).contains("<service_code>016-water</service_code>");

    HttpResponse<String> definition =
        get("/open311/v2/services/016-water.json?jurisdiction_id=016");
    assertThat(definition.statusCode()).isEqualTo(200);
    assertJson("schemas/service-definition.json", definition.body());
    assertThat(definition.body()).contains("\"code\":\"ward\"", "\"key\":\"" + KATHIANI_CENTRAL);
    HttpResponse<String> definitionXml =
        get("/open311/v2/services/016-water.xml?jurisdiction_id=016");
    assertXml(XSD, definitionXml.body());
  }

  @Test
  void badReadsAreOpen311ErrorDocumentsWith4xx() {
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("/open311/v2/services.%s", 400);
    expected.put("/open311/v2/services.%s?jurisdiction_id=999", 404);
    expected.put("/open311/v2/services/016-nothing.%s?jurisdiction_id=016", 404);
    expected.put("/open311/v2/requests.%s?jurisdiction_id=016&status=pending", 400);
    expected.put(
        "/open311/v2/requests.%s?jurisdiction_id=016&start_date=2026-01-01T00:00:00Z"
            + "&end_date=2026-06-01T00:00:00Z",
        400);
    expected.put("/open311/v2/requests.%s?jurisdiction_id=016&start_date=yesterday", 400);
    expected.put("/open311/v2/requests/MKS-22222.%s?jurisdiction_id=016", 404);
    expected.put("/open311/v2/tokens/nothing.%s?jurisdiction_id=016", 404);
    expected.forEach(
        (path, status) -> {
          HttpResponse<String> json = get(path.formatted("json"));
          assertThat(json.statusCode()).as(path).isEqualTo(status);
          assertJsonType(json);
          assertJson("baraza/errors.json", json.body());
          HttpResponse<String> xml = get(path.formatted("xml"));
          assertThat(xml.statusCode()).as(path).isEqualTo(status);
          assertXmlType(xml);
          assertXml(XSD, xml.body());
          assertThat(xml.body()).contains("<code>" + status + "</code>");
        });
  }

  @Test
  void aPostNeedsAValidKeyOfTheCountyAndStoresNothingWithout() {
    long before = cases(jdbc);
    String description = "Burst pipe at Kathiani market, water wasted " + UUID.randomUUID();
    Map<String, String> noKey = request("", description);
    noKey.remove("api_key");
    for (Map<String, String> fields : java.util.List.of(noKey, request("NOT-A-KEY", description))) {
      HttpResponse<String> xml = post("/open311/v2/requests.xml", fields, null);
      assertThat(xml.statusCode()).isEqualTo(403);
      assertXml(XSD, xml.body());
      HttpResponse<String> json = post("/open311/v2/requests.json", fields, null);
      assertThat(json.statusCode()).isEqualTo(403);
      assertJson("baraza/errors.json", json.body());
      assertThat(json.body()).contains("api_key");
    }
    String otherCounty = issueKey("017");
    assertThat(
            post("/open311/v2/requests.json", request(otherCounty, description), null).statusCode())
        .isEqualTo(403);

    String key = issueKey(MACHAKOS);
    Map<String, String> wrong = request(key, "short");
    wrong.put("attribute[ward]", "9999");
    HttpResponse<String> refused = post("/open311/v2/requests.json", wrong, null);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertJson("baraza/errors.json", refused.body());
    assertThat(refused.body()).contains("attribute[ward]", "description");
    assertXml(XSD, post("/open311/v2/requests.xml", wrong, null).body());
    assertThat(cases(jdbc)).isEqualTo(before);
  }

  @Test
  void aPostFilesOneCaseThroughIntakeEvenWhenTheClientRetries() {
    String key = issueKey(MACHAKOS);
    long before = cases(jdbc);
    String phone = uniquePhone();
    Map<String, String> fields =
        request(key, "No water at Kathiani dispensary tap " + UUID.randomUUID());
    fields.put("phone", phone);

    HttpResponse<String> created = post("/open311/v2/requests.json", fields, null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertJsonType(created);
    assertJson("baraza/created.json", created.body());
    String id = find(FeedbackFixtures.REFERENCE, created.body());
    HttpResponse<String> retried = post("/open311/v2/requests.json", fields, null);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(find(FeedbackFixtures.REFERENCE, retried.body())).isEqualTo(id);
    assertThat(cases(jdbc)).isEqualTo(before + 1);
    assertThat(FeedbackFixtures.column(jdbc, id, "channel", String.class)).isEqualTo("OPEN311");

    Map<String, String> other = request(key, "Another report, same words " + UUID.randomUUID());
    HttpResponse<String> xml = post("/open311/v2/requests.xml", other, "retry-token-1");
    assertThat(xml.statusCode()).isEqualTo(201);
    assertXmlType(xml);
    assertXml(CREATED_XSD, xml.body());
    other.put("description", other.get("description") + " (sent again)");
    HttpResponse<String> sameToken = post("/open311/v2/requests.xml", other, "retry-token-1");
    assertThat(find(FeedbackFixtures.REFERENCE, sameToken.body()))
        .isEqualTo(find(FeedbackFixtures.REFERENCE, xml.body()));
    assertThat(cases(jdbc)).isEqualTo(before + 2);

    HttpResponse<String> one = get("/open311/v2/requests/" + id + ".json?jurisdiction_id=016");
    assertThat(one.statusCode()).isEqualTo(200);
    assertJson("schemas/requests.json", one.body());
    assertThat(one.body())
        .contains("\"service_request_id\":\"" + id + "\"", "\"status\":\"open\"")
        .contains("\"address_id\":\"" + KATHIANI_CENTRAL + "\"")
        .doesNotContain(phone, phone.substring(4), "dispensary", "description");
    HttpResponse<String> oneXml = get("/open311/v2/requests/" + id + ".xml?jurisdiction_id=016");
    assertXml(XSD, oneXml.body());
    assertThat(oneXml.body()).doesNotContain(phone.substring(4), "dispensary");

    HttpResponse<String> token = get("/open311/v2/tokens/" + id + ".xml?jurisdiction_id=016");
    assertThat(token.statusCode()).isEqualTo(200);
    assertXml(CREATED_XSD, token.body());
    assertJson(
        "baraza/created.json",
        get("/open311/v2/tokens/" + id + ".json?jurisdiction_id=016").body());
  }

  @Test
  void requestsFilterByIdServiceDateAndStatus() {
    String key = issueKey(MACHAKOS);
    String id =
        find(
            FeedbackFixtures.REFERENCE,
            post(
                    "/open311/v2/requests.json",
                    request(key, "Leaking tank " + UUID.randomUUID()),
                    null)
                .body());

    HttpResponse<String> all = get("/open311/v2/requests.json?jurisdiction_id=016");
    assertThat(all.statusCode()).isEqualTo(200);
    assertJson("schemas/requests.json", all.body());
    assertThat(all.body()).contains(id);
    HttpResponse<String> allXml = get("/open311/v2/requests.xml?jurisdiction_id=016");
    assertXml(XSD, allXml.body());
    assertThat(allXml.body()).contains("<service_request_id>" + id + "</service_request_id>");

    assertThat(get("/open311/v2/requests.json?jurisdiction_id=016&status=open").body())
        .contains(id);
    assertThat(get("/open311/v2/requests.json?jurisdiction_id=016&status=closed").body())
        .doesNotContain(id);
    assertThat(get("/open311/v2/requests.json?jurisdiction_id=016&service_code=016-roads").body())
        .doesNotContain(id);
    assertThat(get("/open311/v2/requests.json?jurisdiction_id=016&service_code=016-water").body())
        .contains(id);
    assertThat(
            get("/open311/v2/requests.json?jurisdiction_id=016&start_date=2020-01-01T00:00:00Z"
                    + "&end_date=2020-02-01T00:00:00Z")
                .body())
        .isEqualTo("[]");
    HttpResponse<String> byIds =
        get(
            "/open311/v2/requests.json?jurisdiction_id=016&service_request_id="
                + id
                + ",XYZ-22222");
    assertJson("schemas/requests.json", byIds.body());
    assertThat(byIds.body()).contains(id);
    assertThat(get("/open311/v2/requests.json?jurisdiction_id=017").body()).doesNotContain(id);
  }

  @Test
  void countyStaffIssueAndRevokeKeysThatAreShownOnceAndKeptHashed() {
    Browser staff = FeedbackFixtures.staff(jdbc, "open311-keys", "COUNTY_OFFICIAL", MACHAKOS);
    staff.get("/feedback/016/open311-keys");
    HttpResponse<String> empty = staff.post("/feedback/016/open311-keys", Map.of("label", " "));
    assertThat(empty.statusCode()).isEqualTo(400);
    HttpResponse<String> issued =
        staff.post("/feedback/016/open311-keys", Map.of("label", "Revoked app"));
    String key = find(KEY, issued.body());
    assertThat(
            jdbc.sql("select count(*) from feedback_api_key where key_hash = ?")
                .param(key)
                .query(Long.class)
                .single())
        .isZero();
    HttpResponse<String> page = staff.get("/feedback/016/open311-keys");
    assertThat(page.body()).contains("Revoked app").doesNotContain(key);
    String publicId =
        jdbc.sql(
                "select public_id from feedback_api_key where label = 'Revoked app'"
                    + " order by id desc limit 1")
            .query(String.class)
            .single();
    assertThat(
            post(
                    "/open311/v2/requests.json",
                    request(key, "Pipe burst near the chief's camp"),
                    null)
                .statusCode())
        .isEqualTo(201);
    staff.post("/feedback/016/open311-keys/" + publicId + "/revoke", Map.of());
    assertThat(
            post("/open311/v2/requests.json", request(key, "Pipe burst again near the camp"), null)
                .statusCode())
        .isEqualTo(403);

    assertThat(new Browser().get("/feedback/016/open311-keys").statusCode()).isEqualTo(302);
    Browser otherCounty =
        FeedbackFixtures.staff(jdbc, "open311-keys-017", "COUNTY_OFFICIAL", "017");
    assertThat(otherCounty.get("/feedback/016/open311-keys").statusCode()).isEqualTo(403);
  }
}
