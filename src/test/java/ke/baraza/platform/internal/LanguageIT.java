package ke.baraza.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;

@BarazaIntegrationTest
class LanguageIT {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aSignedInPersonsChoiceOfLanguageIsKeptForTheirMessages() {
    String email = ke.baraza.accounts.AccountFixtures.verifiedAccount("lugha");
    Browser browser = new Browser().acceptLanguage("en");
    ke.baraza.accounts.AccountFixtures.signIn(
        browser, email, ke.baraza.accounts.AccountFixtures.PASSWORD);
    assertThat(browser.get("/account?lang=sw").body()).contains("Akaunti yako");
    assertThat(
            jdbc.sql("select language from account where email = ?")
                .param(email)
                .query(String.class)
                .single())
        .isEqualTo("sw");
  }

  @Test
  void aFirstVisitFollowsTheBrowsersLanguage() {
    HttpResponse<String> swahili =
        new Browser().acceptLanguage("sw-KE,sw;q=0.9,en;q=0.5").get("/counties");
    assertThat(swahili.body()).contains("<html lang=\"sw\">", "Kaunti 47 za Kenya", "Ingia");
    HttpResponse<String> english = new Browser().acceptLanguage("en-GB").get("/counties");
    assertThat(english.body()).contains("<html lang=\"en\">", "Kenya's 47 counties", "Sign in");
    HttpResponse<String> french = new Browser().acceptLanguage("fr-FR").get("/counties");
    assertThat(french.body())
        .as("unsupported languages fall back to English")
        .contains("<html lang=\"en\">");
  }

  @Test
  void langParameterSwitchesAnyPageAndIsRemembered() {
    Browser browser = new Browser().acceptLanguage("en");
    HttpResponse<String> switched = browser.get("/counties/016?lang=sw");
    assertThat(switched.body()).contains("<html lang=\"sw\">", "Kaunti ya Machakos");
    assertThat(switched.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("lang=sw"));
    assertThat(browser.get("/signup").body()).as("remembered").contains("Jisajili", "Nenosiri");
    assertThat(browser.get("/signup?lang=en").body()).contains("Sign up", "Password");
    assertThat(browser.get("/").body()).contains("<html lang=\"en\">");
    assertThat(browser.get("/?lang=xx").body())
        .as("an unknown language changes nothing")
        .contains("<html lang=\"en\">");
  }

  @Test
  void theLanguageSwitchLinkKeepsThePageAndItsQuery() {
    HttpResponse<String> page = new Browser().acceptLanguage("en").get("/wards/0001?page=0");
    assertThat(page.body()).contains("href=\"/wards/0001?page=0&amp;lang=sw\"");
  }

  @Test
  void errorPagesAndProblemsSpeakTheUsersLanguage() {
    HttpResponse<String> page = new Browser().acceptLanguage("sw").get("/counties/123");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Hakuna kaunti yenye nambari", "Rudi ukurasa wa mwanzo");
    HttpResponse<String> problem =
        new Browser().acceptLanguage("sw").get("/api/v1/nothing-here", "application/json");
    assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(problem.body()).contains("Tafadhali ingia kwanza");
  }
}
