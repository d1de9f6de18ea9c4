package ke.baraza.plans.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds implementing agencies of overdue progress reports: a commitment's report for a period is
 * due {@code baraza.plans.report-grace-days} (15) days after the period ends; once that passed
 * without a submitted or accepted report, the lead organisation is e-mailed once (in English and
 * Kiswahili, as organisations have no language), for the latest period due only. Each reminder is
 * claimed by inserting its row, so that several nodes send it once.
 */
@Component
public class PlanReminders {

  private static final Logger log = LoggerFactory.getLogger(PlanReminders.class);

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final Notifier notifier;
  private final MessageSource messages;
  private final Clock clock;
  private final String baseUrl;
  private final int graceDays;

  PlanReminders(
      JdbcClient jdbc,
      DirectoryApi directory,
      Notifier notifier,
      MessageSource messages,
      Clock clock,
      @Value("${baraza.base-url:http://localhost:8080}") String baseUrl,
      @Value("${baraza.plans.report-grace-days:15}") int graceDays) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.notifier = notifier;
    this.messages = messages;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.graceDays = graceDays;
  }

  @Scheduled(
      initialDelayString = "${baraza.plans.remind-interval-ms:3600000}",
      fixedDelayString = "${baraza.plans.remind-interval-ms:3600000}")
  void hourly() {
    try {
      remindOverdue();
    } catch (RuntimeException e) {
      log.warn("Progress report reminders stopped for now: {}", e.toString());
    }
  }

  private record Candidate(
      long id,
      String publicId,
      String title,
      String leadRef,
      String reportFrequency,
      LocalDate startsOn,
      LocalDate endsOn) {}

  /**
   * Sends the reminders due now.
   *
   * @return how many reminders this call claimed (sent, or found without an address)
   */
  public int remindOverdue() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Africa/Nairobi"));
    LocalDate dueBy = today.minusDays(graceDays);
    List<Candidate> candidates =
        jdbc.sql(
                "select c.id, c.public_id, c.title, c.lead_ref, c.report_frequency, p.starts_on,"
                    + " p.ends_on from plan_commitment c join plan p on p.id = c.plan_id"
                    + " where c.status in ('NOT_STARTED', 'ONGOING') and p.starts_on <= ?"
                    + " and p.ends_on >= ? order by c.id")
            .params(Date.valueOf(dueBy), Date.valueOf(dueBy.minusYears(1)))
            .query(Candidate.class)
            .list();
    int claimed = 0;
    for (Candidate c : candidates) {
      PlanPeriod period =
          PlanPeriod.containing(dueBy, Frequency.valueOf(c.reportFrequency())).previous();
      if (!period.overlaps(c.startsOn(), c.endsOn())) {
        continue;
      }
      int reported =
          jdbc.sql(
                  "select count(*) from plan_report where commitment_id = ? and period = ?"
                      + " and status in ('SUBMITTED', 'ACCEPTED')")
              .params(c.id(), period.code())
              .query(Integer.class)
              .single();
      if (reported > 0 || !claim(c.id(), period.code())) {
        continue;
      }
      claimed++;
      String email =
          directory.contacts(List.of(c.leadRef())).stream()
              .map(Contact::email)
              .filter(e -> e != null && !e.isBlank())
              .findFirst()
              .orElse(null);
      if (email == null) {
        log.info("No address to remind of report {} of commitment {}", period.code(), c.publicId());
        continue;
      }
      try {
        notifier.email(email, text("plan.reminder.subject", c, period), body(c, period));
      } catch (RuntimeException e) {
        log.warn("Report reminder to {} not sent: {}", Notifier.mask(email), e.toString());
      }
    }
    return claimed;
  }

  private boolean claim(long commitmentId, String period) {
    try {
      jdbc.sql("insert into plan_report_reminder (commitment_id, period, sent_at) values (?, ?, ?)")
          .params(commitmentId, period, Timestamp.from(clock.instant()))
          .update();
      return true;
    } catch (DuplicateKeyException sentAlready) {
      return false;
    }
  }

  private String text(String key, Candidate c, PlanPeriod period) {
    return messages.getMessage(key, new Object[] {c.title(), period.code()}, Locale.ENGLISH)
        + " / "
        + messages.getMessage(key, new Object[] {c.title(), period.code()}, Locale.of("sw"));
  }

  private String body(Candidate c, PlanPeriod period) {
    String link = baseUrl + "/commitments/" + c.publicId() + "/reports/new?period=" + period.code();
    Object[] args = {c.title(), period.code(), link};
    return messages.getMessage("plan.reminder.body", args, Locale.ENGLISH)
        + "\n\n"
        + messages.getMessage("plan.reminder.body", args, Locale.of("sw"));
  }
}
