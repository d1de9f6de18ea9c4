package ke.baraza.feedback.internal;

import static ke.baraza.feedback.internal.FeedbackPermissions.actor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.feedback.internal.CaseEvent.Kind;
import ke.baraza.feedback.internal.CaseNotices.Notice;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The officers' workflow on a case: acknowledge, assign (department and officer), start, resolve,
 * close, reject with a reason, reply in public, note internally, merge a duplicate into a primary
 * case. Each change is one transaction with its timeline line; the reporters are told after the
 * commit, in their case's language. Officers act only on the cases {@link CaseAccess} lets them
 * see; any other case is not found.
 */
@Service
public class Casework {

  static final int MAX_TEXT = 2000;
  static final int MAX_BULK = 100;

  private final CaseAccess access;
  private final FeedbackCases cases;
  private final CaseEvents events;
  private final ServiceAreaCatalogue areas;
  private final Officers officers;
  private final CaseNotices notices;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  Casework(
      CaseAccess access,
      FeedbackCases cases,
      CaseEvents events,
      ServiceAreaCatalogue areas,
      Officers officers,
      CaseNotices notices,
      AuditLog audit,
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock) {
    this.access = access;
    this.cases = cases;
    this.events = events;
    this.areas = areas;
    this.officers = officers;
    this.notices = notices;
    this.audit = audit;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Carries out one action on one case and tells its reporters. Audited as {@code
   * feedback:case-<action>}.
   *
   * @param action acknowledge, assign, start, resolve, close, reject, reply, note or merge
   * @throws UserError 403 outside the officer's county, 404 for a case or action they cannot see,
   *     409 when the case's status does not allow the action now
   * @throws InvalidInput 400 for a missing or overlong text, an unknown department, officer or
   *     primary case
   */
  public void act(String countyCode, String reference, String action, CaseActionForm form) {
    CaseAccess.Scope scope = access.scope(countyCode);
    List<Notice> told = new ArrayList<>();
    FeedbackCase changed =
        tx.execute(status -> apply(scope, visible(scope, reference), action, form, told));
    audit.record(actor(), "feedback:case-" + action, changed.reference(), countyCode);
    notices.send(told);
  }

  /**
   * Assigns several cases at once to one department and, optionally, one officer; all or none.
   *
   * @return how many cases were assigned
   * @throws UserError as {@link #act}; 400 when no case or more than {@value #MAX_BULK} are chosen
   */
  public int assignAll(String countyCode, CaseActionForm form) {
    CaseAccess.Scope scope = access.scope(countyCode);
    if (form.cases().isEmpty() || form.cases().size() > MAX_BULK) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("cases", "casework.bulk.none"));
    }
    List<Notice> told = new ArrayList<>();
    List<FeedbackCase> changed =
        tx.execute(
            status ->
                form.cases().stream()
                    .distinct()
                    .map(ref -> apply(scope, visible(scope, ref), "assign", form, told))
                    .toList());
    changed.forEach(c -> audit.record(actor(), "feedback:case-assign", c.reference(), countyCode));
    notices.send(told);
    return changed.size();
  }

  /** The case with this reference when the officer may see it; else 404. */
  FeedbackCase visible(CaseAccess.Scope scope, String reference) {
    return Codes.reference(reference)
        .flatMap(cases::findByReference)
        .filter(c -> scope.sees(c.countyCode(), c.departmentRef()))
        .orElseThrow(() -> UserError.notFound("casework.case.unknown"));
  }

  private FeedbackCase apply(
      CaseAccess.Scope scope,
      FeedbackCase c,
      String action,
      CaseActionForm form,
      List<Notice> told) {
    Instant now = clock.instant();
    String me = actor();
    switch (action) {
      case "acknowledge" -> {
        c.move(CaseStatus.ACKNOWLEDGED, now, CaseStatus.RECEIVED);
        events.save(CaseEvent.status(c.id(), CaseStatus.ACKNOWLEDGED, me, now));
        told.add(new Notice(c.id(), "acknowledged", null));
      }
      case "assign" -> assign(scope, c, form, now, me, told);
      case "start" -> {
        c.move(CaseStatus.IN_PROGRESS, now, CaseStatus.ACKNOWLEDGED, CaseStatus.ASSIGNED);
        events.save(CaseEvent.status(c.id(), CaseStatus.IN_PROGRESS, me, now));
        told.add(new Notice(c.id(), "in-progress", null));
      }
      case "resolve" -> {
        String summary = text(form.text(), false);
        c.move(
            CaseStatus.RESOLVED,
            now,
            CaseStatus.ACKNOWLEDGED,
            CaseStatus.ASSIGNED,
            CaseStatus.IN_PROGRESS);
        events.save(
            CaseEvent.status(
                c.id(), CaseStatus.RESOLVED, summary.isEmpty() ? null : summary, me, now));
        told.add(new Notice(c.id(), "resolved", summary));
      }
      case "close" -> {
        c.move(CaseStatus.CLOSED, now, CaseStatus.RESOLVED);
        events.save(CaseEvent.status(c.id(), CaseStatus.CLOSED, me, now));
        told.add(new Notice(c.id(), "closed", null));
      }
      case "reject" -> {
        String reason = text(form.text(), true);
        c.move(CaseStatus.REJECTED, now, FeedbackCase.OPEN);
        events.save(CaseEvent.status(c.id(), CaseStatus.REJECTED, reason, me, now));
        told.add(new Notice(c.id(), "rejected", reason));
      }
      case "reply" -> {
        String reply = text(form.text(), true);
        events.save(CaseEvent.of(c.id(), Kind.PUBLIC_REPLY, null, reply, me, now));
        told.add(new Notice(c.id(), "reply", reply));
      }
      case "note" ->
          events.save(CaseEvent.of(c.id(), Kind.NOTE, null, text(form.text(), true), me, now));
      case "merge" -> merge(scope, c, form, now, me, told);
      default -> throw UserError.notFound("casework.case.unknown");
    }
    cases.flush();
    return c;
  }

  private void assign(
      CaseAccess.Scope scope,
      FeedbackCase c,
      CaseActionForm form,
      Instant now,
      String me,
      List<Notice> told) {
    String department = form.department().isEmpty() ? c.departmentRef() : form.department();
    OrganisationSummary known =
        areas.departments(scope.countyCode()).stream()
            .filter(d -> d.publicId().equals(department))
            .findFirst()
            .orElse(null);
    if (known == null || !scope.sees(scope.countyCode(), department)) {
      throw new InvalidInput(
          HttpStatus.BAD_REQUEST, Map.of("department", "casework.assign.department.invalid"));
    }
    Officers.Officer officer = null;
    if (!form.officer().isEmpty()) {
      officer =
          officers
              .find(scope.countyCode(), form.officer())
              .filter(o -> o.departmentRef() == null || o.departmentRef().equals(department))
              .orElseThrow(
                  () ->
                      new InvalidInput(
                          HttpStatus.BAD_REQUEST,
                          Map.of("officer", "casework.assign.officer.invalid")));
    }
    c.assign(
        department,
        officer == null ? null : officer.accountRef(),
        officer == null ? null : officer.name(),
        now);
    String body = department + (officer == null ? "" : " " + officer.name());
    events.save(CaseEvent.of(c.id(), Kind.ASSIGNED, CaseStatus.ASSIGNED, body, me, now));
    told.add(new Notice(c.id(), "assigned", known.name()));
  }

  private void merge(
      CaseAccess.Scope scope,
      FeedbackCase duplicate,
      CaseActionForm form,
      Instant now,
      String me,
      List<Notice> told) {
    FeedbackCase primary =
        Codes.reference(form.primary())
            .flatMap(cases::findByReference)
            .filter(p -> scope.sees(p.countyCode(), p.departmentRef()))
            .orElseThrow(
                () ->
                    new InvalidInput(
                        HttpStatus.BAD_REQUEST, Map.of("primary", "casework.merge.unknown")));
    duplicate.mergeInto(primary, now);
    // keep every chain one step long: duplicates of the duplicate now follow the primary
    jdbc.sql("update feedback_case set merged_into_id = ? where merged_into_id = ?")
        .params(primary.id(), duplicate.id())
        .update();
    events.save(
        CaseEvent.of(duplicate.id(), Kind.MERGED, CaseStatus.CLOSED, primary.reference(), me, now));
    events.save(CaseEvent.of(primary.id(), Kind.MERGED_IN, null, duplicate.reference(), me, now));
    told.add(new Notice(duplicate.id(), "merged", primary.reference()));
  }

  private static String text(String typed, boolean required) {
    String text = Text.description(typed);
    if ((required && text.length() < 2) || text.length() > MAX_TEXT) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("text", "casework.text.invalid"));
    }
    return text;
  }
}
