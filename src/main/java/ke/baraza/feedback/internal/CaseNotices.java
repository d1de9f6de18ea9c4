package ke.baraza.feedback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells reporters of a change to their case, in the case's language, by SMS to a phone number or
 * else by e-mail: the case's own reporter and the reporters of every duplicate merged into it. Sent
 * after the change is committed; a failed message is logged (masked) and never undoes the change.
 */
@Component
class CaseNotices {

  private static final Logger log = LoggerFactory.getLogger(CaseNotices.class);
  private static final int MAX_TEXT = 300;

  /** Who is told: a reporter's own reference, language and contact. */
  record Reporter(String reference, String language, String reporterPhone, String reporterEmail) {}

  /**
   * A change to tell of.
   *
   * @param change the last part of the message key: {@code casework.sms.<change>}
   * @param detail the message's third argument (a reply, a reason, a name), or null
   * @param detailSw the same for a reporter in Kiswahili (a rung's Kiswahili name)
   */
  record Notice(Long caseId, String change, String detail, String detailSw) {

    Notice(Long caseId, String change, String detail) {
      this(caseId, change, detail, detail);
    }
  }

  private final JdbcClient jdbc;
  private final Notifier notifier;
  private final MessageSource messages;
  private final String baseUrl;
  private final int reopenDays;

  CaseNotices(
      JdbcClient jdbc,
      Notifier notifier,
      MessageSource messages,
      @Value("${baraza.base-url:http://localhost:8080}") String baseUrl,
      @Value("${baraza.feedback.reopen-days:14}") int reopenDays) {
    this.jdbc = jdbc;
    this.notifier = notifier;
    this.messages = messages;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.reopenDays = reopenDays;
  }

  /** Sends each notice to its case's reporters (two queries a notice); never throws. */
  void send(List<Notice> notices) {
    for (Notice notice : notices) {
      List<Reporter> reporters;
      try {
        reporters = reporters(notice.caseId());
      } catch (RuntimeException e) {
        log.warn("Notices of case {} not sent: {}", notice.caseId(), e.toString());
        continue;
      }
      for (Reporter to : reporters) {
        send(to, notice);
      }
    }
  }

  private void send(Reporter to, Notice notice) {
    Locale language = Locale.forLanguageTag(to.language());
    String detail = "sw".equals(to.language()) ? notice.detailSw() : notice.detail();
    detail = detail == null ? "" : detail;
    if (detail.length() > MAX_TEXT) {
      detail = detail.substring(0, MAX_TEXT - 1) + "…";
    }
    Object[] args = {to.reference(), baseUrl + "/track/" + to.reference(), detail, reopenDays};
    String text = messages.getMessage("casework.sms." + notice.change(), args, language);
    try {
      if (to.reporterPhone() != null) {
        notifier.sms(to.reporterPhone(), text);
      } else if (to.reporterEmail() != null) {
        notifier.email(
            to.reporterEmail(),
            messages.getMessage("casework.mail.subject", args, language),
            text + "\n\n" + messages.getMessage("casework.mail.footer", args, language));
      }
    } catch (RuntimeException e) {
      log.warn(
          "Notice of {} to {} not sent: {}",
          to.reference(),
          Notifier.mask(to.reporterPhone() != null ? to.reporterPhone() : to.reporterEmail()),
          e.getClass().getSimpleName());
    }
  }

  private List<Reporter> reporters(Long caseId) {
    List<Reporter> all = new ArrayList<>();
    String columns =
        "select reference, language, reporter_phone, reporter_email from feedback_case";
    all.addAll(jdbc.sql(columns + " where id = ?").param(caseId).query(Reporter.class).list());
    all.addAll(
        jdbc.sql(columns + " where merged_into_id = ? order by id")
            .param(caseId)
            .query(Reporter.class)
            .list());
    return all;
  }
}
