package ke.baraza.meetings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ke.baraza.meetings.internal.MeetingService.MeetingPage;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.StoredFile;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The minutes of a meeting: Markdown in English and/or Kiswahili, attachments in the platform's
 * {@link FileStore}, and the way from draft through approved to published. The meeting's organisers
 * ({@link MeetingPermissions#mayOrganise}) write, approve, publish and reopen them and see them at
 * every stage; everyone else who may see the meeting sees them once published, and nobody else.
 */
@Service
public class MinutesService {

  /** What may be attached: documents and photos of flip charts or paper registers. */
  static final Set<FileKind> KINDS = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG);

  static final int MAX_TEXT = 60000;
  static final int MAX_ATTACHMENTS = 20;

  private final MeetingService meetings;
  private final FileStore files;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  MinutesService(
      MeetingService meetings,
      FileStore files,
      JdbcClient jdbc,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.meetings = meetings;
    this.files = files;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /** A file attached to minutes. */
  public record Attachment(
      String publicId, String fileId, String name, String mediaType, long size) {
    /** The size for people: "340 KB", "2.1 MB". */
    public String sizeText() {
      return size >= 1024 * 1024
          ? String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024))
          : Math.max(1, size / 1024) + " KB";
    }
  }

  /**
   * The minutes as their page shows them.
   *
   * @param status null when nothing was written yet
   * @param htmlEn the English text as safe HTML (empty when none)
   * @param htmlSw the Kiswahili text as safe HTML (empty when none)
   */
  public record Minutes(
      MeetingPage page,
      MinutesStatus status,
      String textEn,
      String textSw,
      String htmlEn,
      String htmlSw,
      List<Attachment> attachments,
      long version) {

    public boolean editable() {
      return page.manage() && (status == null || status == MinutesStatus.DRAFT);
    }

    public boolean written() {
      return !htmlEn.isEmpty() || !htmlSw.isEmpty();
    }
  }

  private record Row(
      Long id,
      String status,
      String textEn,
      String textSw,
      long version,
      OffsetDateTime updatedAt) {}

  /**
   * The minutes of a meeting for the current user.
   *
   * @throws UserError 404 when the meeting may not be seen, or when the minutes are not published
   *     and the user is not among the organisers
   */
  public Minutes minutes(String meetingId) {
    MeetingPage page = meetings.page(meetingId);
    Optional<Row> row = row(page.meeting().id());
    MinutesStatus status = row.map(r -> MinutesStatus.valueOf(r.status())).orElse(null);
    if (!page.manage() && status != MinutesStatus.PUBLISHED) {
      throw UserError.notFound("minutes.none");
    }
    String en = row.map(Row::textEn).orElse(null);
    String sw = row.map(Row::textSw).orElse(null);
    return new Minutes(
        page,
        status,
        en == null ? "" : en,
        sw == null ? "" : sw,
        MinutesMarkdown.html(en),
        MinutesMarkdown.html(sw),
        attachments(page.meeting().id()),
        row.map(Row::version).orElse(0L));
  }

  /**
   * The status of a meeting's minutes as the meeting's page mentions them: any status for its
   * organisers, only {@code PUBLISHED} for others; empty when there is nothing they may read.
   */
  public Optional<MinutesStatus> statusFor(MeetingPage page) {
    return row(page.meeting().id())
        .map(r -> MinutesStatus.valueOf(r.status()))
        .filter(s -> page.manage() || s == MinutesStatus.PUBLISHED);
  }

  /**
   * Saves the draft's text; a language left blank has no text. Made on first save.
   *
   * @param version the version the writer started from (0 for new minutes)
   * @throws UserError 404/403 as for editing the meeting, 409 when the minutes are approved or
   *     published, or were changed meanwhile
   * @throws InvalidInput 400 when both texts are blank or one is longer than 60,000 characters
   */
  public void save(String meetingId, String textEn, String textSw, long version) {
    Meeting meeting = manage(meetingId);
    String en = textEn == null ? "" : textEn.strip();
    String sw = textSw == null ? "" : textSw.strip();
    Map<String, String> errors = new LinkedHashMap<>();
    if (en.length() > MAX_TEXT) {
      errors.put("textEn", "minutes.text.too-long");
    }
    if (sw.length() > MAX_TEXT) {
      errors.put("textSw", "minutes.text.too-long");
    }
    if (en.isEmpty() && sw.isEmpty()) {
      errors.put("textEn", "minutes.text.needed");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    tx.executeWithoutResult(
        status -> {
          Row row = lockedRow(meeting).orElse(null);
          Object now = utc(clock.instant());
          if (row == null) {
            jdbc.sql(
                    "insert into minutes (meeting_id, status, text_en, text_sw, updated_by,"
                        + " updated_at, version) values (?, ?, ?, ?, ?, ?, 1)")
                .params(
                    meeting.id(),
                    MinutesStatus.DRAFT.name(),
                    en.isEmpty() ? null : en,
                    sw.isEmpty() ? null : sw,
                    MeetingService.actor(),
                    now)
                .update();
            return;
          }
          requireDraft(row);
          if (row.version() != version) {
            throw UserError.conflict("minutes.changed-meanwhile");
          }
          jdbc.sql(
                  "update minutes set text_en = ?, text_sw = ?, updated_by = ?, updated_at = ?,"
                      + " version = version + 1 where id = ?")
              .params(
                  en.isEmpty() ? null : en,
                  sw.isEmpty() ? null : sw,
                  MeetingService.actor(),
                  now,
                  row.id())
              .update();
        });
    audit.record(
        MeetingService.actor(), "meetings:minutes-saved", meeting.publicId(), meeting.countyCode());
  }

  /**
   * Approves draft minutes: from now on they cannot be edited unless reopened.
   *
   * @throws UserError 409 unless they are a draft with some text
   */
  public void approve(String meetingId) {
    move(meetingId, MinutesStatus.DRAFT, MinutesStatus.APPROVED, "meetings:minutes-approved");
  }

  /**
   * Publishes approved minutes to whoever may see the meeting.
   *
   * @throws UserError 409 unless they are approved
   */
  public void publish(String meetingId) {
    move(meetingId, MinutesStatus.APPROVED, MinutesStatus.PUBLISHED, "meetings:minutes-published");
  }

  /**
   * Takes approved or published minutes back to draft (and off the public pages) to be corrected.
   *
   * @throws UserError 409 when they are a draft already
   */
  public void reopen(String meetingId) {
    move(meetingId, null, MinutesStatus.DRAFT, "meetings:minutes-reopened");
  }

  /**
   * Attaches a file to draft minutes (made, empty, when there are none yet).
   *
   * @throws UserError 404/403 as for editing the meeting, 409 unless a draft, 400 past 20 files
   * @throws ke.baraza.platform.FileRejected 400, 413 or 415 for an empty, too large or unsafe file
   *     (not a PDF, JPEG or PNG by its content, whatever its name says); nothing is kept then
   */
  public Attachment attach(String meetingId, InputStream content, String fileName) {
    Meeting meeting = manage(meetingId);
    Attachment added =
        tx.execute(
            status -> {
              Row row = lockedRow(meeting).orElse(null);
              if (row == null) {
                jdbc.sql(
                        "insert into minutes (meeting_id, status, updated_by, updated_at, version)"
                            + " values (?, ?, ?, ?, 1)")
                    .params(
                        meeting.id(),
                        MinutesStatus.DRAFT.name(),
                        MeetingService.actor(),
                        utc(clock.instant()))
                    .update();
              } else {
                requireDraft(row);
              }
              if (attachments(meeting.id()).size() >= MAX_ATTACHMENTS) {
                throw UserError.badRequest("minutes.attachments.too-many", MAX_ATTACHMENTS);
              }
              StoredFile file;
              try {
                file = files.store(content, fileName, KINDS, "meetings");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              Attachment a =
                  new Attachment(
                      PublicId.next(), file.publicId(), file.name(), file.mediaType(), file.size());
              jdbc.sql(
                      "insert into minutes_attachment (public_id, meeting_id, file_id, name,"
                          + " media_type, size_bytes, added_by, added_at)"
                          + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                  .params(
                      a.publicId(),
                      meeting.id(),
                      a.fileId(),
                      a.name(),
                      a.mediaType(),
                      a.size(),
                      MeetingService.actor(),
                      utc(clock.instant()))
                  .update();
              return a;
            });
    audit.record(
        MeetingService.actor(),
        "meetings:minutes-attached",
        meeting.publicId(),
        meeting.countyCode());
    return added;
  }

  /**
   * Removes an attachment of draft minutes, and its file.
   *
   * @throws UserError 404 unknown, 409 unless a draft
   */
  public void removeAttachment(String meetingId, String attachmentId) {
    Meeting meeting = manage(meetingId);
    tx.executeWithoutResult(
        status -> {
          lockedRow(meeting).ifPresent(MinutesService::requireDraft);
          Attachment a =
              attachments(meeting.id()).stream()
                  .filter(x -> x.publicId().equals(attachmentId))
                  .findFirst()
                  .orElseThrow(() -> UserError.notFound("minutes.attachment.unknown"));
          jdbc.sql("delete from minutes_attachment where public_id = ?")
              .params(a.publicId())
              .update();
          files.delete(a.fileId());
        });
  }

  /**
   * An attached file for download, to whoever may read the minutes.
   *
   * @throws UserError 404 when unknown or not to be read by the current user
   */
  public StoredFile file(String meetingId, String attachmentId) {
    Minutes minutes = minutes(meetingId);
    return minutes.attachments().stream()
        .filter(a -> a.publicId().equals(attachmentId))
        .findFirst()
        .flatMap(a -> files.find(a.fileId()))
        .orElseThrow(() -> UserError.notFound("minutes.attachment.unknown"));
  }

  /** The largest attachment accepted, in whole megabytes, for the form's hint. */
  public long maxMegabytes() {
    return Math.max(1, files.maxBytes() / (1024 * 1024));
  }

  /**
   * Whether the minutes of a meeting may still take decisions and action items: no minutes yet, or
   * a draft.
   */
  boolean draft(Meeting meeting) {
    return row(meeting.id()).map(r -> MinutesStatus.DRAFT.name().equals(r.status())).orElse(true);
  }

  private void move(String meetingId, MinutesStatus from, MinutesStatus to, String action) {
    Meeting meeting = manage(meetingId);
    tx.executeWithoutResult(
        status -> {
          Row row = lockedRow(meeting).orElseThrow(() -> UserError.conflict("minutes.none"));
          MinutesStatus now = MinutesStatus.valueOf(row.status());
          boolean allowed = from == null ? now != MinutesStatus.DRAFT : now == from;
          if (!allowed) {
            throw UserError.conflict("minutes.wrong-status");
          }
          if (to == MinutesStatus.APPROVED && row.textEn() == null && row.textSw() == null) {
            throw UserError.conflict("minutes.text.needed");
          }
          Instant at = clock.instant();
          String actor = MeetingService.actor();
          String sql =
              switch (to) {
                case APPROVED ->
                    "update minutes set status = ?, approved_by = ?, approved_at = ?,"
                        + " version = version + 1 where id = ?";
                case PUBLISHED ->
                    "update minutes set status = ?, published_at = ?, version = version + 1"
                        + " where id = ?";
                case DRAFT ->
                    "update minutes set status = ?, updated_by = ?, updated_at = ?,"
                        + " published_at = null, version = version + 1 where id = ?";
              };
          var statement = jdbc.sql(sql);
          if (to == MinutesStatus.PUBLISHED) {
            statement.params(to.name(), utc(at), row.id()).update();
          } else {
            statement.params(to.name(), actor, utc(at), row.id()).update();
          }
        });
    audit.record(MeetingService.actor(), action, meeting.publicId(), meeting.countyCode());
  }

  /** The meeting, when the current user is among its organisers: 404 unseen, 403 otherwise. */
  private Meeting manage(String meetingId) {
    MeetingPage page = meetings.page(meetingId);
    if (!page.manage()) {
      throw UserError.forbidden();
    }
    return page.meeting();
  }

  private static void requireDraft(Row row) {
    if (!MinutesStatus.DRAFT.name().equals(row.status())) {
      throw UserError.conflict("minutes.not-draft");
    }
  }

  private Optional<Row> row(Long meetingId) {
    return jdbc.sql(
            "select id, status, text_en, text_sw, version, updated_at from minutes"
                + " where meeting_id = ?")
        .params(meetingId)
        .query(Row.class)
        .optional();
  }

  private Optional<Row> lockedRow(Meeting meeting) {
    // the meeting's row is locked first, so that the first save of two makes the minutes' row
    jdbc.sql("select id from meeting where id = ? for update")
        .params(meeting.id())
        .query(Long.class)
        .single();
    return row(meeting.id());
  }

  private List<Attachment> attachments(Long meetingId) {
    return jdbc.sql(
            "select public_id, file_id, name, media_type, size_bytes as size"
                + " from minutes_attachment where meeting_id = ? order by id")
        .params(meetingId)
        .query(Attachment.class)
        .list();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
