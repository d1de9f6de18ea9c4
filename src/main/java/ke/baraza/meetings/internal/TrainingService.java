package ke.baraza.meetings.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectoryApi.BodyRef;
import ke.baraza.directory.DirectoryApi.Contact;
import ke.baraza.meetings.MeetingKind;
import ke.baraza.meetings.internal.MeetingService.MeetingPage;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trainings: a meeting of kind {@link MeetingKind#TRAINING} gets a topic, trainers and, for each
 * participant of its attendance register, pre- and post-test scores and a certificate whose code a
 * public page confirms. Kept by those who may edit the meeting; the reach of each topic is public,
 * as counts only.
 */
@Service
public class TrainingService {

  /** Certificate codes: 16 characters of 32 (80 random bits), no 0, 1, I or O. */
  private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private static final SecureRandom RANDOM = new SecureRandom();
  static final int MAX_TRAINERS = 20;

  private final MeetingService meetings;
  private final DirectoryApi directory;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  TrainingService(
      MeetingService meetings,
      DirectoryApi directory,
      JdbcClient jdbc,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.meetings = meetings;
    this.directory = directory;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * A training's topic.
   *
   * @param text the free text of an {@code OTHER} topic, else {@code null}
   */
  public record Topic(TrainingTopic topic, String text) {}

  /** A trainer; {@code organisation} is {@code null} when not given. */
  public record Trainer(String publicId, String name, String organisation) {}

  /**
   * A participant (a line of the attendance register) with their scores, {@code null} when not
   * entered, and their certificate's code, {@code null} until issued.
   */
  public record Participant(
      String publicId,
      String name,
      String organisation,
      Integer preScore,
      Integer postScore,
      String certificate) {}

  /** The training as its organisers see it; {@code topic} is {@code null} until chosen. */
  public record TrainingPage(
      MeetingPage meeting, Topic topic, List<Trainer> trainers, List<Participant> participants) {}

  /**
   * How many people and distinct directory organisations a topic has reached.
   *
   * @param text the free text of an {@code OTHER} topic, else {@code null}
   */
  public record Reach(TrainingTopic topic, String text, int people, int organisations) {}

  /**
   * A training's page for its organisers.
   *
   * @throws UserError 404 when the meeting is unknown, not visible or not a training; 403 when the
   *     user may not edit it
   */
  public TrainingPage page(String meetingId) {
    MeetingPage page = training(meetingId);
    long id = page.meeting().id();
    return new TrainingPage(page, topic(id).orElse(null), trainers(id), participants(id));
  }

  /**
   * Sets the topic: one of {@link TrainingTopic}, with 2 to 200 characters of text for {@code
   * OTHER}.
   *
   * @throws InvalidInput 400 for an unknown topic or a missing or too long free text
   */
  public void saveTopic(String meetingId, String topic, String text) {
    MeetingPage page = training(meetingId);
    TrainingTopic chosen = MeetingService.parse(TrainingTopic.class, topic, null);
    String t = MeetingService.clean(text);
    Map<String, String> errors = new LinkedHashMap<>();
    if (chosen == null) {
      errors.put("topic", "training.topic.invalid");
    } else if (chosen == TrainingTopic.OTHER && (t.length() < 2 || t.length() > 200)) {
      errors.put("topicText", "training.topic-text.invalid");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    String free = chosen == TrainingTopic.OTHER ? t : null;
    long id = page.meeting().id();
    Timestamp now = Timestamp.from(clock.instant());
    tx.executeWithoutResult(
        status -> {
          int changed =
              jdbc.sql(
                      "update training set topic = ?, topic_text = ?, updated_at = ?"
                          + " where meeting_id = ?")
                  .params(chosen.name(), free, now, id)
                  .update();
          if (changed == 0) {
            jdbc.sql(
                    "insert into training (meeting_id, topic, topic_text, updated_at)"
                        + " values (?, ?, ?, ?)")
                .params(id, chosen.name(), free, now)
                .update();
          }
        });
    audit(page, "meetings:training-topic-set");
  }

  /**
   * Adds a trainer.
   *
   * @throws InvalidInput 400 for a name of fewer than 2 or more than 200 characters, an
   *     organisation over 200, or a 21st trainer
   */
  public void addTrainer(String meetingId, String name, String organisation) {
    MeetingPage page = training(meetingId);
    String n = MeetingService.clean(name);
    String o = MeetingService.clean(organisation);
    Map<String, String> errors = new LinkedHashMap<>();
    if (n.length() < 2 || n.length() > 200) {
      errors.put("trainer", "training.trainer.invalid");
    }
    if (o.length() > 200) {
      errors.put("trainerOrganisation", "training.trainer-organisation.invalid");
    }
    long id = page.meeting().id();
    if (errors.isEmpty() && trainers(id).size() >= MAX_TRAINERS) {
      errors.put("trainer", "training.trainer.too-many");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    jdbc.sql("insert into trainer (public_id, meeting_id, name, organisation) values (?, ?, ?, ?)")
        .params(PublicId.next(), id, n, o.isEmpty() ? null : o)
        .update();
    audit(page, "meetings:trainer-added");
  }

  /** Removes a trainer; an unknown one is a 404. */
  public void removeTrainer(String meetingId, String trainerId) {
    MeetingPage page = training(meetingId);
    int removed =
        jdbc.sql("delete from trainer where meeting_id = ? and public_id = ?")
            .params(page.meeting().id(), trainerId)
            .update();
    if (removed == 0) {
      throw UserError.notFound("training.trainer.unknown");
    }
    audit(page, "meetings:trainer-removed");
  }

  /**
   * Sets a participant's pre- and post-test scores: whole numbers from 0 to 100, or blank for none.
   *
   * @throws InvalidInput 400 naming each score that is not such a number
   * @throws UserError 404 for someone not on the meeting's register
   */
  public void saveScores(String meetingId, String participantId, String pre, String post) {
    MeetingPage page = training(meetingId);
    long attendance = attendanceId(page, participantId);
    Map<String, String> errors = new LinkedHashMap<>();
    Integer preScore = score(pre, "pre", errors);
    Integer postScore = score(post, "post", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    tx.executeWithoutResult(
        status -> {
          int changed =
              jdbc.sql(
                      "update training_score set pre_score = ?, post_score = ?"
                          + " where attendance_id = ?")
                  .params(preScore, postScore, attendance)
                  .update();
          if (changed == 0) {
            jdbc.sql(
                    "insert into training_score (attendance_id, pre_score, post_score)"
                        + " values (?, ?, ?)")
                .params(attendance, preScore, postScore)
                .update();
          }
        });
    audit(page, "meetings:training-scores-set");
  }

  /**
   * The certificate of a participant, issued the first time it is asked for (once: a second
   * request, even at the same moment, gets the same code).
   *
   * @throws UserError 404 for someone not on the register; 409 while the training has no topic or
   *     when it was cancelled
   */
  public Certificate certificate(String meetingId, String participantId) {
    MeetingPage page = training(meetingId);
    long attendance = attendanceId(page, participantId);
    Meeting m = page.meeting();
    if (m.cancelled()) {
      throw UserError.conflict("training.cancelled");
    }
    Topic topic = topic(m.id()).orElseThrow(() -> UserError.conflict("training.topic.missing"));
    Certificate issued =
        issued(attendance)
            .orElseGet(
                () -> {
                  try {
                    jdbc.sql(
                            "insert into certificate (code, attendance_id, meeting_id, name,"
                                + " training_title, topic, topic_text, held_on, county_code,"
                                + " organiser_name, issued_at) select ?, a.id, a.meeting_id,"
                                + " a.name, ?, ?, ?, ?, ?, ?, ? from attendance a where a.id = ?")
                        .params(
                            newCode(),
                            m.title(),
                            topic.topic().name(),
                            topic.text(),
                            Date.valueOf(m.startsAt().atZone(MeetingTimes.NAIROBI).toLocalDate()),
                            m.countyCode(),
                            page.organiser().name(),
                            Timestamp.from(clock.instant()),
                            attendance)
                        .update();
                    audit(page, "meetings:certificate-issued");
                  } catch (DuplicateKeyException alreadyIssued) {
                    // another request issued it first: use theirs
                  }
                  return issued(attendance).orElseThrow();
                });
    String person =
        jdbc.sql("select person_ref from attendance where id = ?")
            .param(attendance)
            .query(String.class)
            .optional()
            .orElse(null);
    String language =
        person == null
            ? "en"
            : directory.contacts(List.of(person)).stream()
                .map(Contact::language)
                .filter("sw"::equals)
                .findFirst()
                .orElse("en");
    return withLanguage(issued, language);
  }

  /**
   * The certificate with this code, for its public verification page; spaces, dashes and case in
   * the typed code are forgiven.
   */
  public Optional<Certificate> verify(String code) {
    String c = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (c.length() != 16) {
      return Optional.empty();
    }
    return jdbc.sql(CERTIFICATE + " where code = ?").param(c).query(this::certificate).optional();
  }

  /**
   * The reach of each topic in a county: people counted once per topic (the register's key), and
   * distinct organisations of the directory. With a body, only its active member organisations and
   * the people who came from them count ("30 member organisations trained"). Cancelled trainings do
   * not count. Two queries whatever the size, plus the body's members.
   *
   * @param body a body of the county, or {@code null} for all participants
   * @return by topic in {@link TrainingTopic} order, free-text topics by name; topics nobody was
   *     trained on left out
   */
  public List<Reach> reach(String countyCode, BodyRef body) {
    String sql =
        "select t.topic, lower(t.topic_text) as topic_key, min(t.topic_text) as text,"
            + " count(distinct a.attendee_key) as people,"
            + " count(distinct a.organisation_ref) as organisations"
            + " from training t join meeting m on m.id = t.meeting_id"
            + " join attendance a on a.meeting_id = m.id"
            + " where m.county_code = :county and m.kind = 'TRAINING' and m.status <> 'CANCELLED'";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("county", countyCode);
    if (body != null) {
      Set<String> members =
          directory.activeMembers(body.publicId()).stream()
              .map(Contact::publicId)
              .collect(Collectors.toSet());
      if (members.isEmpty()) {
        return List.of();
      }
      sql += " and a.organisation_ref in (:members)";
      params.put("members", members);
    }
    sql += " group by t.topic, lower(t.topic_text)";
    List<Reach> reach = new ArrayList<>();
    jdbc.sql(sql)
        .params(params)
        .query(
            (rs, i) ->
                new Reach(
                    TrainingTopic.valueOf(rs.getString("topic")),
                    rs.getString("text"),
                    rs.getInt("people"),
                    rs.getInt("organisations")))
        .list()
        .forEach(reach::add);
    reach.sort(
        Comparator.comparing(Reach::topic)
            .thenComparing(r -> r.text() == null ? "" : r.text().toLowerCase(Locale.ROOT)));
    return reach;
  }

  private static final String CERTIFICATE =
      "select code, name, training_title, topic, topic_text, held_on, county_code,"
          + " organiser_name from certificate";

  private Optional<Certificate> issued(long attendance) {
    return jdbc.sql(CERTIFICATE + " where attendance_id = ?")
        .param(attendance)
        .query(this::certificate)
        .optional();
  }

  private Certificate certificate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Certificate(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("training_title"),
        TrainingTopic.valueOf(rs.getString("topic")),
        rs.getString("topic_text"),
        rs.getDate("held_on").toLocalDate(),
        rs.getString("county_code"),
        rs.getString("organiser_name"),
        "en");
  }

  private static Certificate withLanguage(Certificate c, String language) {
    return new Certificate(
        c.code(),
        c.name(),
        c.trainingTitle(),
        c.topic(),
        c.topicText(),
        c.heldOn(),
        c.countyCode(),
        c.organiserName(),
        language);
  }

  /** The meeting, when it is a training the user may edit. */
  private MeetingPage training(String meetingId) {
    MeetingPage page = meetings.forEditing(meetingId);
    if (page.meeting().kind() != MeetingKind.TRAINING) {
      throw UserError.notFound("training.not-a-training");
    }
    return page;
  }

  private Optional<Topic> topic(long meetingId) {
    return jdbc.sql("select topic, topic_text from training where meeting_id = ?")
        .param(meetingId)
        .query((rs, i) -> new Topic(TrainingTopic.valueOf(rs.getString(1)), rs.getString(2)))
        .optional();
  }

  private List<Trainer> trainers(long meetingId) {
    return jdbc.sql(
            "select public_id, name, organisation from trainer where meeting_id = ? order by id")
        .param(meetingId)
        .query(Trainer.class)
        .list();
  }

  private List<Participant> participants(long meetingId) {
    return jdbc.sql(
            "select a.public_id, a.name, a.organisation_name as organisation,"
                + " s.pre_score, s.post_score, c.code as certificate from attendance a"
                + " left join training_score s on s.attendance_id = a.id"
                + " left join certificate c on c.attendance_id = a.id"
                + " where a.meeting_id = ? order by lower(a.name), a.id")
        .param(meetingId)
        .query(Participant.class)
        .list();
  }

  private long attendanceId(MeetingPage page, String participantId) {
    return jdbc.sql("select id from attendance where meeting_id = ? and public_id = ?")
        .params(page.meeting().id(), participantId == null ? "" : participantId)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> UserError.notFound("training.participant.unknown"));
  }

  private static Integer score(String value, String field, Map<String, String> errors) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return null;
    }
    if (v.matches("\\d{1,3}")) {
      int n = Integer.parseInt(v);
      if (n <= 100) {
        return n;
      }
    }
    errors.put(field, "training.score.invalid");
    return null;
  }

  private static String newCode() {
    char[] chars = new char[16];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
    }
    return new String(chars);
  }

  private void audit(MeetingPage page, String action) {
    audit.record(
        MeetingService.actor(), action, page.meeting().publicId(), page.meeting().countyCode());
  }

  /** The date a certificate names, for pages. */
  public static String date(LocalDate date, Locale locale) {
    return date.format(
        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
            .withLocale(locale));
  }
}
