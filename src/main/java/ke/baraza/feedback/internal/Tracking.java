package ke.baraza.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.feedback.Channel;
import ke.baraza.feedback.FeedbackApi;
import ke.baraza.feedback.PublicCase;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Notifier;
import ke.baraza.platform.UserError;
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

  /**
   * A case as its reporter sees it, after giving the private code.
   *
   * @param contact the reporter's contact, masked ({@code +2547***78}), or null
   * @param timeline every line, the reporter's own replies included, oldest first
   */
  public record ReporterView(
      PublicCase summary,
      String description,
      Channel channel,
      String contact,
      int photoCount,
      List<Line> timeline) {}

  /**
   * One line of the reporter's timeline.
   *
   * @param fromReporter whether the reporter wrote it (else a status change or a public reply)
   */
  public record Line(Instant at, CaseStatus status, String text, boolean fromReporter) {}

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
  private final TransactionTemplate tx;
  private final Clock clock;

  Tracking(
      JdbcClient jdbc,
      FeedbackCases cases,
      CaseEvents events,
      IntakeLimits limits,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.events = events;
    this.limits = limits;
    this.tx = tx;
    this.clock = clock;
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
   * The case as its reporter sees it.
   *
   * @throws UserError 404 for an unknown reference, 429 after too many wrong codes for the case
   *     this hour, 403 when the code is not the case's
   */
  @Transactional(readOnly = true)
  public ReporterView reporterView(String reference, String privateCode) {
    FeedbackCase filed = open(reference, privateCode);
    CaseRow row = row(filed.reference()).orElseThrow();
    List<Line> lines =
        timeline(filed.id(), true).stream()
            .map(e -> new Line(at(e.happenedAt()), status(e.status()), e.body(), isReporter(e)))
            .toList();
    String contact = filed.reporterPhone() != null ? filed.reporterPhone() : filed.reporterEmail();
    return new ReporterView(
        summary(row, timeline(filed.id(), false)),
        filed.description(),
        filed.channel(),
        contact == null ? null : Notifier.mask(contact),
        filed.photoIds().size(),
        lines);
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
                + (withReporter ? "" : " and kind <> 'REPORTER_REPLY'")
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

  private static boolean isReporter(EventRow e) {
    return CaseEvent.Kind.REPORTER_REPLY.name().equals(e.kind());
  }

  private static CaseStatus status(String value) {
    return value == null ? null : CaseStatus.valueOf(value);
  }

  private static Instant at(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
