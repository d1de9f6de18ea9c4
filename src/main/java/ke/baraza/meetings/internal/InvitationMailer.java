package ke.baraza.meetings.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.Visibility;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails invitations and, a day before a meeting (by default), reminders to those who have not said
 * no, each with its own answer link. Safe with several application nodes: each message is claimed
 * first by an update that succeeds on one node only ({@code ... where mailed_at is null}), then
 * sent. A message that fails is released to be tried again, five times at most; a node that stops
 * between a claim and its sending loses that one message rather than sending it twice. Invitees
 * with a phone number also get the reminder by SMS (once, not retried).
 */
@Component
public class InvitationMailer {

  private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);
  private static final int BATCH = 100;
  private static final int MAX_ATTEMPTS = 5;
  private static final Locale SWAHILI = Locale.forLanguageTag("sw");

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final Notifier notifier;
  private final MessageSource messages;
  private final Clock clock;
  private final ObjectProvider<TaskScheduler> scheduler;
  private final String baseUrl;
  private final Duration remindBefore;

  InvitationMailer(
      JdbcClient jdbc,
      DirectoryApi directory,
      GeographyApi geography,
      Notifier notifier,
      MessageSource messages,
      Clock clock,
      ObjectProvider<TaskScheduler> scheduler,
      @Value("${baraza.base-url}") String baseUrl,
      @Value("${baraza.meetings.remind-before:PT24H}") String remindBefore) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.geography = geography;
    this.notifier = notifier;
    this.messages = messages;
    this.clock = clock;
    this.scheduler = scheduler;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.remindBefore = Duration.parse(remindBefore);
  }

  /** How many messages one run sent. */
  public record Sent(int invitations, int reminders) {}

  @Scheduled(
      initialDelayString = "${baraza.meetings.mail-interval-ms:60000}",
      fixedDelayString = "${baraza.meetings.mail-interval-ms:60000}")
  void everyMinute() {
    sendDue();
  }

  /** Runs {@link #sendDue()} in the background now: after invitations were made. */
  void soon() {
    TaskScheduler tasks = scheduler.getIfAvailable();
    if (tasks != null) {
      tasks.schedule(this::sendDue, clock.instant());
    }
  }

  /**
   * Sends the invitations not yet mailed and the reminders now due, in batches of 100; may run on
   * several nodes at once.
   */
  public Sent sendDue() {
    int invitations = 0;
    int reminders = 0;
    try {
      for (int n = send(false); n > 0; n = send(false)) {
        invitations += n;
      }
      for (int n = send(true); n > 0; n = send(true)) {
        reminders += n;
      }
    } catch (RuntimeException e) {
      log.warn("Meeting mail stopped for now: {}", e.toString());
    }
    return new Sent(invitations, reminders);
  }

  private record Due(
      Long id,
      Long meetingId,
      String inviteeRef,
      String publicId,
      String title,
      String kind,
      String visibility,
      String venue,
      String onlineUrl,
      String subCountyCode,
      String wardCode,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String organiserRef,
      OffsetDateTime mailedAt) {}

  private record Item(Long meetingId, String title, String presenter) {}

  private static final String DUE =
      "select i.id, i.meeting_id, i.invitee_ref, m.public_id, m.title, m.kind, m.visibility,"
          + " m.venue, m.online_url, m.sub_county_code, m.ward_code, m.starts_at, m.ends_at,"
          + " m.organiser_ref, i.mailed_at from invitation i join meeting m on m.id = i.meeting_id";

  /** One batch; returns how many invitations it claimed (0 when nothing is due). */
  private int send(boolean reminders) {
    Instant now = clock.instant();
    List<Due> due =
        reminders
            ? jdbc.sql(
                    DUE
                        + " where i.reminded_at is null and i.mailed_at is not null"
                        + " and (i.answer is null or i.answer <> 'NO') and m.status = 'SCHEDULED'"
                        + " and m.starts_at > :now and m.starts_at <= :horizon"
                        + " and i.mail_attempts < :attempts order by m.starts_at, i.id limit :batch")
                .param("now", utc(now))
                .param("horizon", utc(now.plus(remindBefore)))
                .param("attempts", MAX_ATTEMPTS)
                .param("batch", BATCH)
                .query(Due.class)
                .list()
            : jdbc.sql(
                    DUE
                        + " where i.mailed_at is null and m.status = 'SCHEDULED' and m.ends_at > :now"
                        + " and i.mail_attempts < :attempts order by i.id limit :batch")
                .param("now", utc(now))
                .param("attempts", MAX_ATTEMPTS)
                .param("batch", BATCH)
                .query(Due.class)
                .list();
    if (due.isEmpty()) {
      return 0;
    }
    Map<Long, String> tokens = new LinkedHashMap<>();
    List<Due> claimed = new ArrayList<>();
    for (Due d : due) {
      String token = Tokens.next();
      if (claim(d.id(), reminders, Tokens.hash(token), now)) {
        tokens.put(d.id(), token);
        claimed.add(d);
      }
    }
    if (claimed.isEmpty()) {
      return due.size(); // another node took them; look again
    }
    Map<String, Contact> contacts = new HashMap<>();
    directory
        .contacts(claimed.stream().map(Due::inviteeRef).distinct().toList())
        .forEach(c -> contacts.put(c.publicId(), c));
    Map<String, String> organisers =
        directory.names(claimed.stream().map(Due::organiserRef).distinct().toList());
    Map<String, Ward> wards =
        geography.wards(
            claimed.stream().map(Due::wardCode).filter(java.util.Objects::nonNull).toList());
    Map<Long, List<Item>> agendas = agendas(claimed);
    for (Due d : claimed) {
      Contact to = contacts.get(d.inviteeRef());
      boolean late =
          reminders
              && d.mailedAt().toInstant().isAfter(d.startsAt().toInstant().minus(remindBefore));
      boolean bySms = reminders && to != null && to.phone() != null;
      if (to == null || (to.email() == null && !bySms) || late) {
        continue; // nobody to write to, or the invitation itself came within the reminder's time
      }
      if (bySms) {
        try {
          sms(d, to, tokens.get(d.id()), wards);
        } catch (RuntimeException e) {
          // not retried: the e-mail below may already carry the reminder, and SMS cost money
          log.warn("Meeting {} reminder by SMS failed: {}", d.publicId(), e.toString());
        }
      }
      if (to.email() == null) {
        continue;
      }
      try {
        mail(d, to, tokens.get(d.id()), reminders, organisers, wards, agendas);
      } catch (RuntimeException e) {
        release(d.id(), reminders);
        log.warn(
            "Meeting {} {} to invitation {} failed: {}",
            d.publicId(),
            reminders ? "reminder" : "invitation",
            d.id(),
            e.toString());
      }
    }
    return claimed.size();
  }

  /** Takes one message for this node: true for one caller only, until released. */
  boolean claim(Long id, boolean reminder, String hash, Instant now) {
    String sql =
        reminder
            ? "update invitation set reminded_at = :now, reminder_token_hash = :hash"
                + " where id = :id and reminded_at is null"
            : "update invitation set mailed_at = :now, token_hash = :hash"
                + " where id = :id and mailed_at is null";
    return jdbc.sql(sql).param("now", utc(now)).param("hash", hash).param("id", id).update() == 1;
  }

  /** Gives a claimed message back, counting the failed attempt. */
  void release(Long id, boolean reminder) {
    String sql =
        reminder
            ? "update invitation set reminded_at = null, reminder_token_hash = null,"
                + " mail_attempts = mail_attempts + 1 where id = :id"
            : "update invitation set mailed_at = null, token_hash = null,"
                + " mail_attempts = mail_attempts + 1 where id = :id";
    jdbc.sql(sql).param("id", id).update();
  }

  private Map<Long, List<Item>> agendas(List<Due> claimed) {
    Map<Long, List<Item>> byMeeting = new HashMap<>();
    jdbc.sql(
            "select meeting_id, title, presenter from agenda_item where meeting_id in (:ids)"
                + " order by meeting_id, seq")
        .param("ids", claimed.stream().map(Due::meetingId).distinct().toList())
        .query(Item.class)
        .list()
        .forEach(i -> byMeeting.computeIfAbsent(i.meetingId(), k -> new ArrayList<>()).add(i));
    return byMeeting;
  }

  private void mail(
      Due d,
      Contact to,
      String token,
      boolean reminder,
      Map<String, String> organisers,
      Map<String, Ward> wards,
      Map<Long, List<Item>> agendas) {
    List<Locale> languages =
        "sw".equals(to.language())
            ? List.of(SWAHILI)
            : "en".equals(to.language())
                ? List.of(Locale.ENGLISH)
                : List.of(Locale.ENGLISH, SWAHILI);
    String prefix = reminder ? "reminder.mail." : "invitation.mail.";
    StringBuilder text = new StringBuilder();
    List<String> subjects = new ArrayList<>();
    for (Locale locale : languages) {
      String when = MeetingTimes.when(d.startsAt().toInstant(), d.endsAt().toInstant(), locale);
      subjects.add(t(prefix + "subject", locale, d.title(), when));
      if (!text.isEmpty()) {
        text.append("\n\n----\n\n");
      }
      String organiser = organisers.getOrDefault(d.organiserRef(), "?");
      String kind = t(MeetingKind.valueOf(d.kind()).messageKey(), locale);
      text.append(t(prefix + "intro", locale, organiser, to.name(), kind)).append("\n\n");
      text.append(d.title()).append("\n");
      text.append(t("meeting.mail.when", locale, when)).append("\n");
      if (d.venue() != null) {
        Ward ward = d.wardCode() == null ? null : wards.get(d.wardCode());
        String where = d.venue() + (ward == null ? "" : ", " + ward.name());
        text.append(t("meeting.mail.where", locale, where)).append("\n");
      }
      if (d.onlineUrl() != null) {
        text.append(t("meeting.mail.online", locale, d.onlineUrl())).append("\n");
      }
      List<Item> items = agendas.getOrDefault(d.meetingId(), List.of());
      if (!items.isEmpty()) {
        text.append("\n").append(t("meeting.mail.agenda", locale)).append("\n");
        for (int i = 0; i < items.size(); i++) {
          Item item = items.get(i);
          text.append(i + 1).append(". ").append(item.title());
          if (item.presenter() != null) {
            text.append(" (").append(item.presenter()).append(")");
          }
          text.append("\n");
        }
      }
      text.append("\n").append(t("meeting.mail.answer", locale)).append("\n");
      text.append(baseUrl)
          .append("/rsvp/")
          .append(token)
          .append("?lang=")
          .append(locale.getLanguage());
      if (Visibility.valueOf(d.visibility()) == Visibility.PUBLIC) {
        text.append("\n\n")
            .append(t("meeting.mail.page", locale, baseUrl + "/meetings/" + d.publicId()));
      }
    }
    notifier.email(to.email(), String.join(" / ", subjects), text.toString());
  }

  /** A reminder short enough for a feature phone, in the invitee's language (else English). */
  private void sms(Due d, Contact to, String token, Map<String, Ward> wards) {
    Locale locale = "sw".equals(to.language()) ? SWAHILI : Locale.ENGLISH;
    String when = MeetingTimes.when(d.startsAt().toInstant(), d.endsAt().toInstant(), locale);
    String where = "";
    if (d.venue() != null) {
      Ward ward = d.wardCode() == null ? null : wards.get(d.wardCode());
      where = ", " + d.venue() + (ward == null ? "" : ", " + ward.name());
    }
    String link = baseUrl + "/rsvp/" + token + "?lang=" + locale.getLanguage();
    notifier.sms(to.phone(), t("reminder.sms", locale, d.title(), when, where, link));
  }

  private String t(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
