package ke.baraza.meetings.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mails the owners of overdue actions (pending after their due date, Kenya time, with approved or
 * published minutes) once per overdue period (a week by default, {@code
 * baraza.meetings.actions.remind-every}). Safe with several nodes: an item is claimed by an update
 * of its {@code reminded_at} that succeeds on one node only; a failed message is released to be
 * tried again. Changing an item's status starts its periods afresh.
 */
@Component
public class ActionItemReminders {

  private static final Logger log = LoggerFactory.getLogger(ActionItemReminders.class);
  private static final int BATCH = 100;
  private static final Locale SWAHILI = Locale.forLanguageTag("sw");

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final Notifier notifier;
  private final MessageSource messages;
  private final Clock clock;
  private final String baseUrl;
  private final Duration period;

  ActionItemReminders(
      JdbcClient jdbc,
      DirectoryApi directory,
      Notifier notifier,
      MessageSource messages,
      Clock clock,
      @Value("${baraza.base-url}") String baseUrl,
      @Value("${baraza.meetings.actions.remind-every:P7D}") String period) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.notifier = notifier;
    this.messages = messages;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.period = Duration.parse(period);
  }

  @Scheduled(
      initialDelayString = "${baraza.meetings.actions.remind-interval-ms:3600000}",
      fixedDelayString = "${baraza.meetings.actions.remind-interval-ms:3600000}")
  void everyHour() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      log.warn("Action item reminders stopped for now: {}", e.toString());
    }
  }

  private record Due(
      Long id,
      String text,
      String ownerRef,
      LocalDate dueOn,
      String meetingTitle,
      String meetingPublicId,
      OffsetDateTime remindedAt) {}

  private static final String OVERDUE =
      " a.kind = 'ACTION' and a.status in ('OPEN', 'IN_PROGRESS') and a.due_on < :today"
          + " and (a.reminded_at is null or a.reminded_at <= :since)";

  /**
   * Reminds the owners of the overdue actions not reminded within the period, in batches of 100.
   *
   * @return how many items this node claimed (reminded, or found without an address)
   */
  public int sendDue() {
    int sent = 0;
    for (int n = batch(); n > 0; n = batch()) {
      sent += n;
    }
    return sent;
  }

  private int batch() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, MeetingTimes.NAIROBI);
    List<Due> due =
        jdbc.sql(
                "select a.id, a.text, a.owner_ref, a.due_on, m.title as meeting_title,"
                    + " m.public_id as meeting_public_id, a.reminded_at from action_item a"
                    + " join meeting m on m.id = a.meeting_id"
                    + " join minutes n on n.meeting_id = a.meeting_id"
                    + " where n.status in ('APPROVED', 'PUBLISHED') and"
                    + OVERDUE
                    + " order by a.due_on, a.id limit :batch")
            .param("today", today)
            .param("since", MinutesService.utc(now.minus(period)))
            .param("batch", BATCH)
            .query(Due.class)
            .list();
    if (due.isEmpty()) {
      return 0;
    }
    List<Due> claimed = new ArrayList<>();
    for (Due d : due) {
      if (claim(d.id(), now)) {
        claimed.add(d);
      }
    }
    if (claimed.isEmpty()) {
      return due.size(); // another node took them; look again
    }
    Map<String, Contact> owners = new HashMap<>();
    directory
        .contacts(claimed.stream().map(Due::ownerRef).distinct().toList())
        .forEach(c -> owners.put(c.publicId(), c));
    for (Due d : claimed) {
      Contact to = owners.get(d.ownerRef());
      if (to == null || to.email() == null) {
        continue; // nobody to write to; the tracker still shows the item as overdue
      }
      try {
        mail(d, to);
      } catch (RuntimeException e) {
        jdbc.sql("update action_item set reminded_at = :before where id = :id")
            .param("before", d.remindedAt())
            .param("id", d.id())
            .update();
        log.warn("Reminder of action item {} failed: {}", d.id(), e.toString());
      }
    }
    return claimed.size();
  }

  /** Takes one item's reminder for this period: true for one caller only. */
  boolean claim(Long id, Instant now) {
    return jdbc.sql("update action_item a set reminded_at = :now where id = :id and" + OVERDUE)
            .param("now", MinutesService.utc(now))
            .param("id", id)
            .param("today", LocalDate.ofInstant(now, MeetingTimes.NAIROBI))
            .param("since", MinutesService.utc(now.minus(period)))
            .update()
        == 1;
  }

  private void mail(Due d, Contact to) {
    List<Locale> languages =
        "sw".equals(to.language())
            ? List.of(SWAHILI)
            : "en".equals(to.language())
                ? List.of(Locale.ENGLISH)
                : List.of(Locale.ENGLISH, SWAHILI);
    List<String> subjects = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Locale locale : languages) {
      subjects.add(t("action.mail.subject", locale, d.dueOn().toString()));
      if (!text.isEmpty()) {
        text.append("\n\n----\n\n");
      }
      text.append(t("action.mail.intro", locale, to.name(), d.meetingTitle()))
          .append("\n\n")
          .append(d.text())
          .append("\n")
          .append(t("action.mail.due", locale, d.dueOn().toString()))
          .append("\n\n")
          .append(t("action.mail.tracker", locale))
          .append("\n")
          .append(baseUrl)
          .append("/meetings/")
          .append(d.meetingPublicId())
          .append("/minutes?lang=")
          .append(locale.getLanguage());
    }
    notifier.email(to.email(), String.join(" / ", subjects), text.toString());
  }

  private String t(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
