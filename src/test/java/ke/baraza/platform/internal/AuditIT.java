package ke.baraza.platform.internal;

import static ke.baraza.accounts.AccountFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ke.baraza.accounts.AccountFixtures;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log records every write without the personal data; logs never carry secrets. */
@BarazaIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuditIT {

  @Autowired JdbcClient jdbc;
  @Autowired RequestAudit requests;

  @Test
  void everyWriteIsAuditedWithWhoWhatWhenButNoPersonalData() {
    String email = AccountFixtures.uniqueEmail("audited");
    long before = count();
    Browser browser = new Browser();
    browser.get("/signup");
    browser.post(
        "/signup", Map.of("name", "Wanjiku Audited", "contact", email, "password", PASSWORD));
    // the request's own record is written with the next batch; the domain event is already in
    requests.flush();
    List<String> actions =
        jdbc.sql("select action from audit_event order by id desc fetch first 5 rows only")
            .query(String.class)
            .list();
    assertThat(actions).contains("POST /signup", "accounts:signed-up");
    assertThat(count()).isGreaterThan(before);
    String everything =
        String.join(
            "|",
            jdbc.sql(
                    "select coalesce(actor,'') || coalesce(action,'') || coalesce(target,'') || coalesce(outcome,'') from audit_event")
                .query(String.class)
                .list());
    assertThat(everything).doesNotContain(email, "Wanjiku", PASSWORD);
  }

  @Test
  void logsNeverCarryPasswordsContactsOrTokens(CapturedOutput output) {
    String canaryEmail = AccountFixtures.uniqueEmail("canary");
    String canaryPassword = "canary-password-" + System.nanoTime();
    String canaryPhone = "0799" + String.format("%06d", System.nanoTime() % 1_000_000);
    Browser browser = new Browser();
    browser.postJson(
        "/api/v1/accounts",
        "{\"name\":\"Canary\",\"contact\":"
            + Browser.json(canaryEmail)
            + ",\"password\":"
            + Browser.json(canaryPassword)
            + "}");
    browser.postJson(
        "/api/v1/accounts",
        "{\"name\":\"Canary\",\"contact\":"
            + Browser.json(canaryPhone)
            + ",\"password\":"
            + Browser.json(canaryPassword)
            + "}");
    AccountFixtures.signIn(new Browser(), canaryEmail, canaryPassword + "-wrong");
    Browser forgot = new Browser();
    forgot.get("/password/forgot");
    forgot.post("/password/forgot", Map.of("contact", canaryEmail));
    String verifyLink = ke.baraza.testing.Mailbox.lastLink(canaryEmail, "/account/verify-email");
    String resetLink = ke.baraza.testing.Mailbox.lastLink(canaryEmail, "/password/reset");
    String log =
        output
            .getAll()
            .lines()
            .filter(line -> !line.contains("c.icegreen.greenmail")) // the test's mail server
            .collect(java.util.stream.Collectors.joining("\n"));
    assertThat(log).contains("E-mail sent to c***@example.org");
    assertThat(log)
        .doesNotContain(
            canaryEmail,
            canaryPassword,
            canaryPhone.substring(1),
            "+254" + canaryPhone.substring(1))
        .doesNotContain(verifyLink.substring(verifyLink.indexOf("token=") + 6))
        .doesNotContain(resetLink.substring(resetLink.indexOf("token=") + 6));
  }

  private long count() {
    return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
  }
}
