package ke.baraza.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ke.baraza.accounts.internal.AuthenticatorApp;
import ke.baraza.testing.Browser;
import ke.baraza.testing.Mailbox;
import ke.baraza.testing.TestEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts made the way people make them: through the HTTP API and the mailed link. */
public final class AccountFixtures {

  public static final String PASSWORD = "mvua-ya-masika-2026";

  private AccountFixtures() {}

  public static String uniqueEmail(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  /** Signs up over the API and follows the verification link; returns the e-mail address. */
  public static String verifiedAccount(String who) {
    String email = uniqueEmail(who);
    Browser api = new Browser();
    HttpResponse<String> created =
        api.postJson(
            "/api/v1/accounts",
            "{\"name\":"
                + Browser.json(who)
                + ",\"contact\":"
                + Browser.json(email)
                + ",\"password\":"
                + Browser.json(PASSWORD)
                + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String link = Mailbox.lastLink(email, "/account/verify-email");
    Browser browser = new Browser();
    browser.get(link);
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(browser.post("/account/verify-email", Map.of("token", token)).statusCode())
        .isEqualTo(302);
    return email;
  }

  /** Gives {@code role} in {@code county} (null: every county) as an administrator would. */
  public static void grant(JdbcClient jdbc, String email, String role, String county) {
    grantFor(jdbc, email, role, county, null);
  }

  /** Gives {@code role} in {@code county} for one organisation or body ({@code scopeRef}). */
  public static void grantFor(
      JdbcClient jdbc, String email, String role, String county, String scopeRef) {
    Long id =
        jdbc.sql("select id from account where email = ?").param(email).query(Long.class).single();
    String key = (county == null ? "*" : county) + (scopeRef == null ? "" : ":" + scopeRef);
    jdbc.sql(
            "insert into role_grant (account_id, role, county_code, scope_key, scope_ref, granted_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(id, role, county, key, scopeRef, OffsetDateTime.now())
        .update();
  }

  /** Posts the sign-in form; returns the redirect. */
  public static HttpResponse<String> signIn(Browser browser, String name, String password) {
    browser.get("/signin");
    return browser.post("/signin", Map.of("username", name, "password", password));
  }

  /**
   * Signs in an account holding a privileged role: enrols TOTP on first sign-in, or enters the
   * code; returns the secret.
   */
  public static String signInWithSecondFactor(Browser browser, String email, String secret) {
    HttpResponse<String> first = signIn(browser, email, PASSWORD);
    assertThat(first.statusCode()).isEqualTo(302);
    String location = first.headers().firstValue("Location").orElseThrow();
    if (secret == null) {
      assertThat(location).endsWith("/account/second-factor");
      HttpResponse<String> enrol = browser.get("/account/second-factor");
      Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(enrol.body());
      assertThat(m.find()).as(enrol.body()).isTrue();
      secret = m.group(1).replace(" ", "");
      HttpResponse<String> done =
          browser.post("/account/second-factor", Map.of("code", AuthenticatorApp.codeNow(secret)));
      assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    } else {
      assertThat(location).endsWith("/signin/second-factor");
      browser.get("/signin/second-factor");
      HttpResponse<String> done =
          browser.post("/signin/second-factor", Map.of("code", AuthenticatorApp.codeNow(secret)));
      assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    }
    return secret;
  }

  /** The text of the latest SMS sent to {@code phone}, from the outbox. */
  public static String lastSms(String phoneE164) {
    Path outbox = Path.of("target/test-data-" + TestEnvironment.database(), "outbox");
    try (Stream<Path> files = Files.list(outbox)) {
      return files
          .filter(p -> p.getFileName().toString().contains("-sms-"))
          .sorted(Comparator.comparing(AccountFixtures::modified).reversed())
          .map(AccountFixtures::read)
          .filter(text -> text.startsWith("To: " + phoneE164 + "\n"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no SMS to " + phoneE164));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
