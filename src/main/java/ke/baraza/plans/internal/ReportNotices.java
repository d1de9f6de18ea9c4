package ke.baraza.plans.internal;

import java.util.List;
import java.util.Locale;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the implementing agency (the e-mail address of the commitment's lead organisation) that its
 * report was returned with comments or accepted, in English and Kiswahili. Called after the review
 * was committed; a failed message is logged, masked, and never undoes the review.
 */
@Component
public class ReportNotices {

  private static final Logger log = LoggerFactory.getLogger(ReportNotices.class);

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final Notifier notifier;
  private final MessageSource messages;
  private final String baseUrl;

  ReportNotices(
      JdbcClient jdbc,
      DirectoryApi directory,
      Notifier notifier,
      MessageSource messages,
      @Value("${baraza.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.notifier = notifier;
    this.messages = messages;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Mails the lead organisation of the report's commitment about its review; unknown ids ignored.
   */
  public void reviewed(String reportId) {
    record Row(String title, String period, String status, String comment, String leadRef) {}
    Row r =
        jdbc.sql(
                "select c.title, r.period, r.status, r.review_comment as comment, c.lead_ref"
                    + " from plan_report r join plan_commitment c on c.id = r.commitment_id"
                    + " where r.public_id = ?")
            .param(reportId)
            .query(Row.class)
            .optional()
            .orElse(null);
    if (r == null || !(r.status().equals("RETURNED") || r.status().equals("ACCEPTED"))) {
      return;
    }
    String email =
        directory.contacts(List.of(r.leadRef())).stream()
            .map(Contact::email)
            .filter(e -> e != null && !e.isBlank())
            .findFirst()
            .orElse(null);
    if (email == null) {
      return;
    }
    boolean returned = r.status().equals("RETURNED");
    String subject = returned ? "plan.notice.returned.subject" : "plan.notice.accepted.subject";
    String body = returned ? "plan.notice.returned.body" : "plan.notice.accepted.body";
    Object[] args = {
      r.title(),
      r.period(),
      r.comment() == null ? "—" : r.comment(),
      baseUrl + "/reports/" + reportId
    };
    Locale sw = Locale.forLanguageTag("sw");
    try {
      notifier.email(
          email,
          messages.getMessage(subject, args, Locale.ENGLISH)
              + " / "
              + messages.getMessage(subject, args, sw),
          messages.getMessage(body, args, Locale.ENGLISH)
              + "\n\n"
              + messages.getMessage(body, args, sw));
    } catch (RuntimeException e) {
      log.warn("Report review notice to {} not sent: {}", Notifier.mask(email), e.toString());
    }
  }
}
