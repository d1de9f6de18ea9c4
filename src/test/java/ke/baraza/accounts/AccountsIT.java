package ke.baraza.accounts;

import static ke.baraza.accounts.AccountFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BarazaIntegrationTest
class AccountsIT {

  @Autowired JdbcClient jdbc;

  @Test
  void signsUpByEmailVerifiesWithTheMailedLinkAndSignsInAndOut() {
    String email = AccountFixtures.uniqueEmail("amina");
    Browser browser = new Browser();
    browser.get("/signup");
    HttpResponse<String> signedUp =
        browser.post(
            "/signup",
            Map.of("name", "Amina Wanjiru", "contact", email.toUpperCase(), "password", PASSWORD));
    assertThat(signedUp.statusCode()).isEqualTo(302);
    assertThat(signedUp.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signin?registered"));
    assertThat(contactVerified(email)).isFalse();

    String link = Mailbox.lastLink(email, "/account/verify-email");
    HttpResponse<String> confirmPage = browser.get(link);
    assertThat(confirmPage.body()).contains("confirm-email");
    assertThat(contactVerified(email)).as("a GET changes nothing").isFalse();
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(browser.post("/account/verify-email", Map.of("token", token)).statusCode())
        .isEqualTo(302);
    assertThat(contactVerified(email)).isTrue();
    browser.get(link);
    assertThat(browser.post("/account/verify-email", Map.of("token", token)).statusCode())
        .as("a verification link works once")
        .isEqualTo(400);

    HttpResponse<String> signedIn = AccountFixtures.signIn(browser, email, PASSWORD);
    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    HttpResponse<String> account = browser.get("/account");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains("Amina Wanjiru", email);
    assertThat(account.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));

    browser.post("/signout", Map.of());
    assertThat(browser.get("/account").statusCode()).as("signed out").isEqualTo(302);
  }

  @Test
  void signsUpByPhoneInAnyKenyanFormatAndVerifiesWithTheSmsCode() {
    String local = "07" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    String e164 = "+254" + local.substring(1);
    Browser browser = new Browser();
    browser.get("/signup");
    HttpResponse<String> signedUp =
        browser.post(
            "/signup",
            Map.of(
                "name",
                "Otieno",
                "contact",
                local.substring(0, 4) + " " + local.substring(4),
                "password",
                PASSWORD));
    assertThat(signedUp.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account/verify-phone"));
    assertThat(
            jdbc.sql("select count(*) from account where phone = ?")
                .param(e164)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Matcher code = Pattern.compile("code is (\\d{6})").matcher(AccountFixtures.lastSms(e164));
    assertThat(code.find()).isTrue();
    browser.get("/account/verify-phone");
    assertThat(
            browser
                .post("/account/verify-phone", Map.of("phone", local, "code", "000000"))
                .statusCode())
        .isEqualTo(400);
    browser.get("/account/verify-phone");
    assertThat(
            browser
                .post("/account/verify-phone", Map.of("phone", local, "code", code.group(1)))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select phone_verified_at is not null from account where phone = ?")
                .param(e164)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            AccountFixtures.signIn(new Browser(), "+254 " + local.substring(1), PASSWORD)
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
  }

  @Test
  void badInputGetsAClearMessageInTheUsersLanguageAndStoresNothing() {
    long before = accounts();
    String taken = AccountFixtures.verifiedAccount("taken");
    before++;
    record Case(String contact, String password, int status, String english, String kiswahili) {}
    List<Case> cases =
        List.of(
            new Case(
                "amina@",
                PASSWORD,
                400,
                "Enter a valid e-mail address",
                "Andika anwani sahihi ya barua pepe"),
            new Case(
                "0712 34",
                PASSWORD,
                400,
                "Enter a valid Kenyan phone number",
                "Andika nambari sahihi ya simu ya Kenya"),
            new Case(
                "+255712345678",
                PASSWORD,
                400,
                "Enter a valid Kenyan phone number",
                "nambari sahihi ya simu"),
            new Case(
                AccountFixtures.uniqueEmail("weak"),
                "short1",
                400,
                "at least 8 characters",
                "angalau herufi 8"),
            new Case(
                AccountFixtures.uniqueEmail("common"),
                "password123",
                400,
                "too common",
                "la kawaida mno"),
            new Case(taken, PASSWORD, 409, "exists already", "ipo tayari"));
    for (Case c : cases) {
      for (String lang : List.of("en", "sw")) {
        Browser browser = new Browser().acceptLanguage(lang);
        browser.get("/signup");
        HttpResponse<String> page =
            browser.post(
                "/signup",
                Map.of("name", "Test", "contact", c.contact(), "password", c.password()));
        assertThat(page.statusCode()).as(c.contact() + " " + lang).isEqualTo(c.status());
        assertThat(page.body()).contains("en".equals(lang) ? c.english() : c.kiswahili());
        assertThat(page.body())
            .as("the password is never echoed")
            .doesNotContain("value=\"" + c.password() + "\"");

        HttpResponse<String> api =
            new Browser()
                .acceptLanguage(lang)
                .postJson(
                    "/api/v1/accounts",
                    "{\"name\":\"Test\",\"contact\":"
                        + Browser.json(c.contact())
                        + ",\"password\":"
                        + Browser.json(c.password())
                        + "}");
        assertThat(api.statusCode()).isEqualTo(c.status());
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("en".equals(lang) ? c.english() : c.kiswahili());
      }
    }
    assertThat(accounts()).as("nothing stored").isEqualTo(before);
    HttpResponse<String> garbage = new Browser().postJson("/api/v1/accounts", "{not json");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void fiftyParallelIdenticalSignUpsMakeOneAccount() throws Exception {
    String email = AccountFixtures.uniqueEmail("rush");
    String body =
        "{\"name\":\"Rush\",\"contact\":"
            + Browser.json(email)
            + ",\"password\":"
            + Browser.json(PASSWORD)
            + "}";
    List<Browser> clients = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Browser b = new Browser();
      b.get("/api/v1/csrf", "application/json");
      clients.add(b);
    }
    List<Callable<Integer>> calls = new ArrayList<>();
    for (Browser b : clients) {
      calls.add(() -> b.postJson("/api/v1/accounts", body).statusCode());
    }
    List<Integer> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
    }
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
    assertThat(
            jdbc.sql("select count(*) from account where email = ?")
                .param(email)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void passwordResetNeverRevealsAccountsAndItsLinkWorksOnceAndEndsSessions() {
    String email = AccountFixtures.verifiedAccount("reset");
    Browser elsewhere = new Browser();
    AccountFixtures.signIn(elsewhere, email, PASSWORD);
    assertThat(elsewhere.get("/account").statusCode()).isEqualTo(200);

    Browser unknown = new Browser();
    unknown.get("/password/forgot");
    String forUnknown =
        unknown
            .post("/password/forgot", Map.of("contact", AccountFixtures.uniqueEmail("nobody")))
            .body();
    Browser known = new Browser();
    known.get("/password/forgot");
    String forKnown = known.post("/password/forgot", Map.of("contact", email)).body();
    assertThat(strip(forKnown)).isEqualTo(strip(forUnknown));

    String link = Mailbox.lastLink(email, "/password/reset");
    String token = link.substring(link.indexOf("token=") + 6);
    Browser owner = new Browser();
    assertThat(owner.get(link).statusCode()).isEqualTo(200);
    assertThat(
            owner
                .post("/password/reset", Map.of("token", token, "password", "password123"))
                .statusCode())
        .isEqualTo(400);
    owner.get(link);
    String newPassword = "kahawa-chungu-asubuhi-7";
    assertThat(
            owner
                .post("/password/reset", Map.of("token", token, "password", newPassword))
                .statusCode())
        .isEqualTo(302);
    assertThat(owner.get(link).statusCode()).as("the link works once").isEqualTo(400);

    assertThat(elsewhere.get("/account").statusCode()).as("the other session ended").isEqualTo(302);
    assertThat(
            AccountFixtures.signIn(new Browser(), email, PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/signin?error"));
    assertThat(
            AccountFixtures.signIn(new Browser(), email, newPassword)
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
  }

  @Test
  void repeatedFailedSignInsSlowDown() {
    String email = AccountFixtures.verifiedAccount("slow");
    Browser attacker = new Browser();
    for (int i = 0; i < 6; i++) {
      AccountFixtures.signIn(attacker, email, "wrong-password-" + i);
    }
    HttpResponse<String> next = AccountFixtures.signIn(attacker, email, PASSWORD);
    assertThat(next.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/signin?wait="));
    HttpResponse<String> page = attacker.follow(next);
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.body()).contains("Too many failed attempts");
  }

  @Test
  void fieldsARequestSmugglesInAreIgnored() {
    String email = AccountFixtures.uniqueEmail("smuggler");
    Browser browser = new Browser();
    browser.get("/signup");
    browser.post(
        "/signup",
        Map.of(
            "name",
            "Smuggler",
            "contact",
            email,
            "password",
            PASSWORD,
            "role",
            "ADMINISTRATOR",
            "countyCode",
            "016",
            "emailVerifiedAt",
            "2020-01-01T00:00:00Z"));
    assertThat(
            jdbc.sql(
                    "select count(*) from role_grant g join account a on a.id = g.account_id where a.email = ?")
                .param(email)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(contactVerified(email)).isFalse();
  }

  private boolean contactVerified(String email) {
    return jdbc.sql("select email_verified_at is not null from account where email = ?")
        .param(email.toLowerCase())
        .query(Boolean.class)
        .single();
  }

  private long accounts() {
    return jdbc.sql("select count(*) from account").query(Long.class).single();
  }

  private static String strip(String html) {
    return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
        .replaceAll("\"X-CSRF-TOKEN\": \"[^\"]+\"", "");
  }
}
