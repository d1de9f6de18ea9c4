package ke.baraza.plans.internal;

import static ke.baraza.plans.internal.PlanPermissions.actor;
import static ke.baraza.plans.internal.PlanService.clean;
import static ke.baraza.plans.internal.PlanService.optional;
import static ke.baraza.plans.internal.PlanService.required;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ke.baraza.plans.internal.PlanForms.ReportForm;
import ke.baraza.plans.internal.PlanForms.ValueForm;
import ke.baraza.plans.internal.PlanService.Commitment;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports of implementing agencies, one per commitment and period (a month or a quarter,
 * as the commitment is reported): written as a draft, submitted, then returned with comments
 * (editable and submitted again) or accepted by a coordinator who did not write it. Only accepted
 * reports are public; drafts and reports under review are seen by those who report on the
 * commitment and its coordinators.
 */
@Service
public class ReportService {

  private final JdbcClient jdbc;
  private final PlanService plans;
  private final PlanPermissions permissions;
  private final Clock clock;

  ReportService(JdbcClient jdbc, PlanService plans, PlanPermissions permissions, Clock clock) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** One report with its commitment. */
  public record Report(
      long id,
      String publicId,
      Commitment commitment,
      String period,
      ReportStatus status,
      String activities,
      String milestonesReached,
      String challenges,
      String nextSteps,
      String reviewComment,
      String authorRef,
      Instant submittedAt,
      Instant reviewedAt) {}

  /** What the current user may do with a report. */
  public record Rights(boolean edit, boolean review) {}

  /** Whether the current user reports on the commitment. */
  public boolean mayReport(Commitment c) {
    return permissions.mayReport(c.plan().countyCode(), c.leadRef());
  }

  /**
   * The report with this public id, as the current user may see it.
   *
   * @throws UserError 404 when there is none, or when it is not accepted and the user neither
   *     reports on its commitment nor coordinates its plan (its existence is not confirmed)
   */
  public Report report(String publicId) {
    record Row(
        long id,
        String publicId,
        String commitment,
        String period,
        String status,
        String activities,
        String milestonesReached,
        String challenges,
        String nextSteps,
        String reviewComment,
        String authorRef,
        Timestamp submittedAt,
        Timestamp reviewedAt) {}
    Row r =
        jdbc.sql(
                "select r.id, r.public_id, c.public_id as commitment, r.period, r.status,"
                    + " r.activities, r.milestones_reached, r.challenges, r.next_steps,"
                    + " r.review_comment, r.author_ref, r.submitted_at, r.reviewed_at"
                    + " from plan_report r join plan_commitment c on c.id = r.commitment_id"
                    + " where r.public_id = ?")
            .param(publicId == null ? "" : publicId)
            .query(Row.class)
            .optional()
            .orElseThrow(() -> UserError.notFound("plan.report.unknown"));
    Commitment c = plans.commitment(r.commitment());
    ReportStatus status = ReportStatus.valueOf(r.status());
    if (status != ReportStatus.ACCEPTED && !mayReport(c) && !plans.mayCoordinate(c.plan())) {
      throw UserError.notFound("plan.report.unknown");
    }
    return new Report(
        r.id(),
        r.publicId(),
        c,
        r.period(),
        status,
        r.activities(),
        r.milestonesReached(),
        r.challenges(),
        r.nextSteps(),
        r.reviewComment(),
        r.authorRef(),
        r.submittedAt() == null ? null : r.submittedAt().toInstant(),
        r.reviewedAt() == null ? null : r.reviewedAt().toInstant());
  }

  /** What the current user may do with the report. */
  public Rights rights(Report report) {
    boolean editable =
        report.status() == ReportStatus.DRAFT || report.status() == ReportStatus.RETURNED;
    boolean reviewable =
        report.status() == ReportStatus.SUBMITTED
            && plans.mayCoordinate(report.commitment().plan())
            && !report.authorRef().equals(actor());
    return new Rights(editable && mayReport(report.commitment()), reviewable);
  }

  /**
   * Starts a report on a commitment as a draft, with the values of the commitment's indicators for
   * the period (indicator public id to value; blank values left out).
   *
   * @return the report's public id
   * @throws UserError 403 for anyone who does not report on the commitment; 400 for a period that
   *     does not match the commitment's reporting frequency or lies outside the plan, no
   *     activities, or a bad indicator value; 409 when the commitment has a report for that period
   *     already
   */
  @Transactional
  public String start(String commitmentId, ReportForm form, Map<String, ValueForm> values) {
    Commitment c = plans.commitment(commitmentId);
    if (!mayReport(c)) {
      throw UserError.forbidden();
    }
    PlanPeriod period = PlanService.period(c.plan(), form.period(), c.reportFrequency());
    Text text = text(form);
    String publicId = PublicId.next();
    try {
      jdbc.sql(
              "insert into plan_report (public_id, commitment_id, period, status, activities,"
                  + " milestones_reached, challenges, next_steps, author_ref, created_at)"
                  + " values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)")
          .params(
              publicId,
              c.id(),
              period.code(),
              text.activities(),
              text.milestones(),
              text.challenges(),
              text.next(),
              actor(),
              Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException taken) {
      throw UserError.conflict("plan.error.report-taken", period.code());
    }
    long id =
        jdbc.sql("select id from plan_report where public_id = ?")
            .param(publicId)
            .query(Long.class)
            .single();
    values(c, id, period, values);
    return publicId;
  }

  /**
   * Changes a draft or returned report's text and indicator values (its period stays).
   *
   * @throws UserError 409 once it is submitted or accepted; otherwise as {@link #start}
   */
  @Transactional
  public void update(String reportId, ReportForm form, Map<String, ValueForm> values) {
    Report report = report(reportId);
    if (!mayReport(report.commitment())) {
      throw UserError.forbidden();
    }
    Text text = text(form);
    int changed =
        jdbc.sql(
                "update plan_report set activities = ?, milestones_reached = ?, challenges = ?,"
                    + " next_steps = ? where id = ? and status in ('DRAFT', 'RETURNED')")
            .params(
                text.activities(), text.milestones(), text.challenges(), text.next(), report.id())
            .update();
    if (changed == 0) {
      throw UserError.conflict("plan.error.report-submitted");
    }
    jdbc.sql("delete from plan_indicator_value where report_id = ?").param(report.id()).update();
    values(
        report.commitment(), report.id(), PlanPeriod.parse(report.period()).orElseThrow(), values);
  }

  /**
   * Submits a draft or returned report for review.
   *
   * @throws UserError 403 for anyone who does not report on the commitment; 409 when it was
   *     submitted already (a second click, a second tab) or accepted
   */
  @Transactional
  public void submit(String reportId) {
    Report report = report(reportId);
    if (!mayReport(report.commitment())) {
      throw UserError.forbidden();
    }
    int changed =
        jdbc.sql(
                "update plan_report set status = 'SUBMITTED', submitted_at = ?"
                    + " where id = ? and status in ('DRAFT', 'RETURNED')")
            .params(Timestamp.from(clock.instant()), report.id())
            .update();
    if (changed == 0) {
      throw UserError.conflict("plan.error.report-submitted");
    }
  }

  /**
   * Returns a submitted report to its agency with comments, or accepts it.
   *
   * @param accept true to accept, false to return
   * @param comment what must change (required to return), or a note on acceptance
   * @throws UserError 403 for anyone who does not coordinate the plan, and for the report's own
   *     author; 400 to return without a comment; 409 when it is not (or no longer) submitted
   */
  @Transactional
  public void review(String reportId, boolean accept, String comment) {
    Report report = report(reportId);
    if (!plans.mayCoordinate(report.commitment().plan())) {
      throw UserError.forbidden();
    }
    if (report.authorRef().equals(actor())) {
      throw new UserError(org.springframework.http.HttpStatus.FORBIDDEN, "plan.error.own-report");
    }
    String note =
        accept ? optional(comment, 4000) : required(comment, 4000, "plan.error.return-comment");
    int changed =
        jdbc.sql(
                "update plan_report set status = ?, review_comment = ?, reviewed_by = ?,"
                    + " reviewed_at = ? where id = ? and status = 'SUBMITTED'")
            .params(
                accept ? "ACCEPTED" : "RETURNED",
                note,
                actor(),
                Timestamp.from(clock.instant()),
                report.id())
            .update();
    if (changed == 0) {
      throw UserError.conflict("plan.error.report-not-submitted");
    }
  }

  private void values(
      Commitment c, long reportId, PlanPeriod period, Map<String, ValueForm> values) {
    for (Map.Entry<String, ValueForm> e : values.entrySet()) {
      ValueForm v = e.getValue();
      if (clean(v.amount()).isEmpty()) {
        continue;
      }
      PlanService.Indicator indicator = plans.indicator(e.getKey());
      if (indicator.commitment().id() != c.id()) {
        throw UserError.notFound("plan.indicator.unknown");
      }
      plans.recordValue(
          indicator, new ValueForm(period.code(), v.amount(), v.source(), null, null), reportId);
    }
  }

  private record Text(String activities, String milestones, String challenges, String next) {}

  private static Text text(ReportForm form) {
    return new Text(
        required(form.activities(), 4000, "plan.error.activities"),
        optional(form.milestonesReached(), 4000),
        optional(form.challenges(), 4000),
        optional(form.nextSteps(), 4000));
  }

  /**
   * The public ids of the commitment's indicators measured at the commitment's reporting rhythm.
   */
  public List<String> reportableIndicators(Commitment c) {
    return jdbc.sql(
            "select public_id from plan_indicator where commitment_id = ? and frequency = ?"
                + " order by id")
        .params(c.id(), c.reportFrequency().name())
        .query(String.class)
        .list();
  }
}
