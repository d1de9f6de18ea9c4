package ke.baraza.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.feedback.Channel;
import ke.baraza.feedback.FeedbackApi;
import ke.baraza.feedback.PublicCase;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Notifier;
import ke.baraza.platform.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Following a case: anyone with its reference sees its status timeline and the county's public
 * replies; the reporter, with the private code in a POST body, also sees the details and replies.
 */
@Service
public class Tracking implements FeedbackApi {

  static final int MAX_REPLY = 2000;

  static final int MAX_COMMENT = 1000;

  /**
   * A case as its reporter sees it, after giving the private code.
   *
   * @param contact the reporter's contact, masked ({@code +2547***78}), or null
   * @param timeline every line the reporter may read (never officers' notes), oldest first
   * @param mergedInto the reference of the case this one was merged into, or null
   * @param reopenUntil until when the reporter may reopen the case, or null when they may not
   * @param mayRate whether the reporter may rate the resolution now
   */
  public record ReporterView(
      PublicCase summary,
      String description,
      Channel channel,
      String contact,
      int photoCount,
      List<TimelineLine> timeline,
      String mergedInto,
      Instant reopenUntil,
      boolean mayRate,
      Integer rating) {}

  /**
   * A case as anyone with its reference sees it.
   *
   * @param timeline the public lines, oldest first
   * @param mergedInto the reference of the case this one was merged into, or null
   */
  public record PublicView(PublicCase summary, List<TimelineLine> timeline, String mergedInto) {}

  private record CaseRow(
      Long id,
      String reference,
      String countyCode,
      String nameEn,
      String nameSw,
      String wardCode,
      String status,
      OffsetDateTime createdAt) {}

  private record EventRow(OffsetDateTime happenedAt, String kind, String status, String body) {}

  private final JdbcClient jdbc;
  private final FeedbackCases cases;
  private final CaseEvents events;
  private final IntakeLimits limits;
  private final Timelines timelines;
  private final CaseNotices notices;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration reopenWindow;

  Tracking(
      JdbcClient jdbc,
      FeedbackCases cases,
      CaseEvents events,
      IntakeLimits limits,
      Timelines timelines,
      CaseNotices notices,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock,
      @Value("${baraza.feedback.reopen-days:14}") int reopenDays) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.events = events;
    this.limits = limits;
    this.timelines = timelines;
    this.notices = notices;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.reopenWindow = Duration.ofDays(reopenDays);
  }

  /** {@inheritDoc} Two queries: the case, then its public timeline. */
  @Override
  @Transactional(readOnly = true)
  public Optional<PublicCase> publicCase(String reference) {
    return Codes.reference(reference)
        .flatMap(this::row)
        .map(row -> summary(row, timeline(row.id(), false)));
  }

  /**
   * The public view of a case, its timeline with escalations and merges, or empty for an unknown
   * reference. Three queries.
   */
  @Transactional(readOnly = true)
  public Optional<PublicView> publicView(String reference) {
    return Codes.reference(reference)
        .flatMap(this::row)
        .map(
            row ->
                new PublicView(
                    summary(row, timeline(row.id(), false)),
                    timelines.of(row.id(), row.countyCode(), Timelines.Audience.PUBLIC),
                    mergedInto(row.id())));
  }

  /**
   * The case as its reporter sees it.
   *
   * @throws UserError 404 for an unknown reference, 429 after too many wrong codes for the case
   *     this hour, 403 when the code is not the case's
   */
  @Transactional(readOnly = true)
  public ReporterView reporterView(String reference, String privateCode) {
    FeedbackCase filed = open(reference, privateCode);
    CaseRow row = row(filed.reference()).orElseThrow();
    String contact = filed.reporterPhone() != null ? filed.reporterPhone() : filed.reporterEmail();
    return new ReporterView(
        summary(row, timeline(filed.id(), false)),
        filed.description(),
        filed.channel(),
        contact == null ? null : Notifier.mask(contact),
        filed.photoIds().size(),
        timelines.of(filed.id(), filed.countyCode(), Timelines.Audience.REPORTER),
        mergedInto(filed.id()),
        mayReopen(filed) ? filed.resolvedAt().plus(reopenWindow) : null,
        filed.rating() == null
            && filed.mergedIntoId() == null
            && (filed.status() == CaseStatus.RESOLVED || filed.status() == CaseStatus.CLOSED),
        filed.rating());
  }

  /**
   * Reopens a resolved (or closed) case within the window after its resolution, back to in
   * progress, with the reporter's reason (never public); the reporters are told. Audited as {@code
   * feedback:case-reopened}.
   *
   * @throws UserError as {@link #reporterView}; 409 after the window, or when the case was not
   *     resolved
   * @throws InvalidInput 400 when the reason is empty or too long
   */
  public void reopen(String reference, String privateCode, String reason) {
    FeedbackCase checked = open(reference, privateCode);
    String why = Text.description(reason);
    if (why.length() < 2 || why.length() > MAX_REPLY) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("reason", "casework.text.invalid"));
    }
    Long id =
        tx.execute(
            status -> {
              FeedbackCase filed = cases.findById(checked.id()).orElseThrow();
              if (!mayReopen(filed)) {
                throw UserError.conflict("casework.reopen.closed");
              }
              Instant now = clock.instant();
              filed.move(CaseStatus.IN_PROGRESS, now, CaseStatus.RESOLVED, CaseStatus.CLOSED);
              events.save(
                  CaseEvent.of(
                      filed.id(), CaseEvent.Kind.REOPENED, CaseStatus.IN_PROGRESS, why, null, now));
              cases.flush();
              return filed.id();
            });
    audit.record(null, "feedback:case-reopened", checked.reference(), checked.countyCode());
    notices.send(List.of(new CaseNotices.Notice(id, "reopened", null)));
  }

  /**
   * Keeps the reporter's rating of the resolution (1 to 5, with an optional comment), once.
   *
   * @throws UserError as {@link #reporterView}; 409 when the case is not resolved or closed, or is
   *     rated already
   * @throws InvalidInput 400 for stars outside 1 to 5 or a comment over {@value #MAX_COMMENT}
   *     characters
   */
  public void rate(String reference, String privateCode, String stars, String comment) {
    FeedbackCase checked = open(reference, privateCode);
    String said = Text.description(comment);
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    if (stars == null || !stars.strip().matches("[1-5]")) {
      errors.put("stars", "casework.rate.stars.invalid");
    }
    if (said.length() > MAX_COMMENT) {
      errors.put("comment", "casework.text.invalid");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    int n = Integer.parseInt(stars.strip());
    tx.executeWithoutResult(
        status -> {
          FeedbackCase filed = cases.findById(checked.id()).orElseThrow();
          if (filed.mergedIntoId() != null) {
            throw UserError.conflict("casework.rate.not-now");
          }
          Instant now = clock.instant();
          filed.rate(n, said, now);
          events.save(
              CaseEvent.of(
                  filed.id(),
                  CaseEvent.Kind.RATED,
                  null,
                  n + (said.isEmpty() ? "" : " " + said),
                  null,
                  now));
          cases.flush();
        });
    audit.record(null, "feedback:case-rated", checked.reference(), checked.countyCode());
  }

  private boolean mayReopen(FeedbackCase filed) {
    return filed.mergedIntoId() == null
        && filed.resolvedAt() != null
        && (filed.status() == CaseStatus.RESOLVED || filed.status() == CaseStatus.CLOSED)
        && clock.instant().isBefore(filed.resolvedAt().plus(reopenWindow));
  }

  private String mergedInto(Long caseId) {
    return jdbc.sql(
            "select p.reference from feedback_case c join feedback_case p on p.id = c.merged_into_id"
                + " where c.id = ?")
        .param(caseId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * Adds the reporter's reply to the case's timeline (never public). The same submission token
   * twice adds it once.
   *
   * @param submission the form's submission token
   * @throws UserError as {@link #reporterView}
   * @throws InvalidInput 400 when the text is empty or longer than {@value #MAX_REPLY} characters
   */
  public void reply(String reference, String privateCode, String text, String submission) {
    FeedbackCase filed = open(reference, privateCode);
    String body = Text.description(text);
    if (body.length() < 2 || body.length() > MAX_REPLY) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("reply", "feedback.reply.invalid"));
    }
    String key =
        submission != null && submission.matches("[A-Z0-9]{10,40}")
            ? "REPLY:" + submission
            : "REPLY:" + Codes.submissionToken();
    if (events.existsBySubmissionKey(key)) {
      return;
    }
    try {
      tx.executeWithoutResult(
          status ->
              events.saveAndFlush(CaseEvent.reporterReply(filed.id(), body, key, clock.instant())));
    } catch (DataIntegrityViolationException sameSubmission) {
      // a double click: the first one is kept
    }
  }

  /** A fresh token for a reply form, so that sending it twice adds one reply. */
  public static String submissionToken() {
    return Codes.submissionToken();
  }

  private FeedbackCase open(String reference, String privateCode) {
    FeedbackCase filed =
        Codes.reference(reference)
            .flatMap(cases::findByReference)
            .orElseThrow(() -> UserError.notFound("feedback.track.unknown"));
    if (!limits.mayTryCode(filed.reference())) {
      throw new UserError(HttpStatus.TOO_MANY_REQUESTS, "feedback.track.code.too-many");
    }
    boolean matches =
        Codes.secretHash(privateCode)
            .map(
                hash ->
                    MessageDigest.isEqual(
                        hash.getBytes(StandardCharsets.US_ASCII),
                        filed.reporterSecretHash().getBytes(StandardCharsets.US_ASCII)))
            .orElse(false);
    if (!matches) {
      limits.wrongCode(filed.reference());
      throw new UserError(HttpStatus.FORBIDDEN, "feedback.track.code.wrong");
    }
    return filed;
  }

  private Optional<CaseRow> row(String reference) {
    return jdbc.sql(
            """
            select c.id, c.reference, c.county_code, a.name_en, a.name_sw, c.ward_code, c.status,
                   c.created_at
            from feedback_case c join feedback_service_area a on a.id = c.service_area_id
            where c.reference = ?""")
        .param(reference)
        .query(CaseRow.class)
        .optional();
  }

  private List<EventRow> timeline(Long caseId, boolean withReporter) {
    return jdbc.sql(
            "select happened_at, kind, status, body from feedback_case_event where case_id = ?"
                + (withReporter ? "" : " and kind in ('STATUS', 'PUBLIC_REPLY', 'ASSIGNED')")
                + " order by happened_at, id")
        .param(caseId)
        .query(EventRow.class)
        .list();
  }

  private static PublicCase summary(CaseRow row, List<EventRow> publicEvents) {
    return new PublicCase(
        row.reference(),
        row.countyCode(),
        row.nameEn(),
        row.nameSw(),
        row.wardCode(),
        CaseStatus.valueOf(row.status()),
        at(row.createdAt()),
        publicEvents.stream()
            .map(
                e ->
                    new PublicCase.Entry(
                        at(e.happenedAt()),
                        status(e.status()),
                        "PUBLIC_REPLY".equals(e.kind()) ? e.body() : null))
            .toList());
  }

  private static CaseStatus status(String value) {
    return value == null ? null : CaseStatus.valueOf(value);
  }

  private static Instant at(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
