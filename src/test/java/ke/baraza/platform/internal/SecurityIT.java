package ke.baraza.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@BarazaIntegrationTest
class SecurityIT {

  @Autowired List<SecurityRules> modules;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointHasAnExplicitRuleAndNothingFallsToDenyAll() {
    List<AccessRule> rules = SecurityConfig.allRules(modules);
    List<String> uncovered = new ArrayList<>();
    int checked = 0;
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (methods.isEmpty()) {
        methods = Set.of(RequestMethod.GET, RequestMethod.POST);
      }
      for (String pattern : info.getPatternValues()) {
        String path = pattern.replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
        for (RequestMethod method : methods) {
          MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
          request.setServletPath(path);
          boolean covered =
              rules.stream()
                  .anyMatch(
                      rule ->
                          java.util.Arrays.stream(SecurityConfig.matchers(rule))
                              .anyMatch(m -> m.matches(request)));
          checked++;
          if (!covered) {
            uncovered.add(method + " " + pattern);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(30);
    assertThat(uncovered).as("endpoints without an explicit access rule").isEmpty();
  }

  @Test
  void aPathNoRuleNamesIsDenied() {
    Browser anonymous = new Browser();
    assertThat(anonymous.get("/secret-thing", "application/json").statusCode()).isEqualTo(401);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/counties", "/api/v1/counties", "/signin", "/nowhere")) {
      HttpResponse<String> response = new Browser().get(path);
      var headers = response.headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("frame-ancestors 'none'", "default-src 'self'"));
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    }
  }

  @Test
  void signedInPagesAreNeverCached() {
    HttpResponse<String> response = new Browser().get("/signin");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }

  @Test
  void aStateChangeWithoutCsrfTokenIsRefused() {
    Browser browser = new Browser();
    HttpResponse<String> response =
        browser.post(
            "/signup",
            Map.of(
                "_csrf",
                "forged",
                "name",
                "Mallory",
                "contact",
                "mallory@example.org",
                "password",
                "korongo-mvua-2026"));
    assertThat(response.statusCode()).isEqualTo(403);
    HttpResponse<String> api =
        browser.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        ke.baraza.testing.TestEnvironment.baseUrl() + "/api/v1/accounts"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
  }

  @Test
  void errorsAreFriendlyPagesAndProblemDetailsWithoutStackTraces() {
    HttpResponse<String> page = new Browser().get("/counties/999");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body())
        .contains("There is no county with code")
        .doesNotContain("Exception", "at ke.baraza");
    HttpResponse<String> problem = new Browser().get("/api/v1/counties/999", "application/json");
    assertThat(problem.statusCode()).isEqualTo(404);
    assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(problem.body()).contains("\"status\":404", "\"title\":", "\"detail\":");
  }

  @Test
  void healthIsOpenToOperatorsWithoutDetails() {
    HttpResponse<String> health = new Browser().get("/actuator/health", "application/json");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"status\":\"UP\"")
        .doesNotContain("components", "diskSpace");
    assertThat(new Browser().get("/actuator/env", "application/json").statusCode())
        .isIn(401, 403, 404);
  }

  @Test
  void apiDocumentationIsServed() {
    HttpResponse<String> docs = new Browser().get("/api/docs", "application/json");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body())
        .contains("\"openapi\"", "/api/v1/counties/{code}/wards", "/api/v1/accounts");
  }
}
