package ke.baraza.plans.internal;

import static ke.baraza.plans.internal.PlanPermissions.actor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.geography.GeographyApi;
import ke.baraza.plans.PlanKind;
import ke.baraza.plans.internal.PlanForms.AssessmentForm;
import ke.baraza.plans.internal.PlanForms.CommitmentForm;
import ke.baraza.plans.internal.PlanForms.EvidenceLinkForm;
import ke.baraza.plans.internal.PlanForms.IndicatorForm;
import ke.baraza.plans.internal.PlanForms.MilestoneForm;
import ke.baraza.plans.internal.PlanForms.MilestoneStatusForm;
import ke.baraza.plans.internal.PlanForms.PartyForm;
import ke.baraza.plans.internal.PlanForms.PlanForm;
import ke.baraza.plans.internal.PlanForms.ProgrammeForm;
import ke.baraza.plans.internal.PlanForms.ValueForm;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.StoredFile;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up and keeps plans: their basics, the institutions and committees behind them, their
 * programmes, commitments, milestones with evidence, indicators with their values, and the
 * independent assessments of commitments. Every method checks {@link PlanPermissions} and refuses
 * bad input with a {@link UserError} naming what is wrong, before anything is written.
 */
@Service
public class PlanService {

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final FileStore files;
  private final PlanPermissions permissions;
  private final Clock clock;

  PlanService(
      JdbcClient jdbc,
      DirectoryApi directory,
      GeographyApi geography,
      FileStore files,
      PlanPermissions permissions,
      Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.geography = geography;
    this.files = files;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** A plan as the services see it; {@code steeringRef} is null when it has no steering body. */
  public record Plan(
      long id,
      String publicId,
      String countyCode,
      PlanKind kind,
      String title,
      String summary,
      LocalDate startsOn,
      LocalDate endsOn,
      String steeringRef) {}

  /** A commitment with what its checks need of its plan. */
  public record Commitment(
      long id,
      String publicId,
      String ambitionArea,
      String title,
      String problem,
      String description,
      String leadRef,
      String programmeCode,
      CommitmentStatus status,
      Frequency reportFrequency,
      Plan plan) {}

  /** An indicator with its commitment. */
  public record Indicator(
      long id,
      String publicId,
      String name,
      String unit,
      BigDecimal baseline,
      BigDecimal target,
      Frequency frequency,
      Set<Dimension> disaggregation,
      Commitment commitment) {}

  // ---- reading one ---------------------------------------------------------------------------

  /**
   * The plan with this public id.
   *
   * @throws UserError 404 when there is none
   */
  public Plan plan(String publicId) {
    return findPlan("p.public_id = ?", publicId)
        .orElseThrow(() -> UserError.notFound("plan.unknown"));
  }

  /**
   * The commitment with this public id, with its plan.
   *
   * @throws UserError 404 when there is none
   */
  public Commitment commitment(String publicId) {
    return findCommitment(publicId)
        .orElseThrow(() -> UserError.notFound("plan.commitment.unknown"));
  }

  /** The commitment with this public id, or empty. */
  public Optional<Commitment> findCommitment(String publicId) {
    record Row(
        long id,
        String publicId,
        long planId,
        String ambitionArea,
        String title,
        String problem,
        String description,
        String leadRef,
        String programmeCode,
        String status,
        String reportFrequency) {}
    return jdbc.sql(
            "select id, public_id, plan_id, ambition_area, title, problem, description, lead_ref,"
                + " programme_code, status, report_frequency from plan_commitment where public_id = ?")
        .param(publicId == null ? "" : publicId)
        .query(Row.class)
        .optional()
        .map(
            r ->
                new Commitment(
                    r.id(),
                    r.publicId(),
                    r.ambitionArea(),
                    r.title(),
                    r.problem(),
                    r.description(),
                    r.leadRef(),
                    r.programmeCode(),
                    CommitmentStatus.valueOf(r.status()),
                    Frequency.valueOf(r.reportFrequency()),
                    findPlan("p.id = ?", r.planId()).orElseThrow()));
  }

  /**
   * The indicator with this public id.
   *
   * @throws UserError 404 when there is none
   */
  public Indicator indicator(String publicId) {
    record Row(
        long id,
        String publicId,
        String commitment,
        String name,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        String frequency,
        String disaggregation) {}
    Row r =
        jdbc.sql(
                "select i.id, i.public_id, c.public_id as commitment, i.name, i.unit, i.baseline,"
                    + " i.target, i.frequency, i.disaggregation from plan_indicator i"
                    + " join plan_commitment c on c.id = i.commitment_id where i.public_id = ?")
            .param(publicId == null ? "" : publicId)
            .query(Row.class)
            .optional()
            .orElseThrow(() -> UserError.notFound("plan.indicator.unknown"));
    return new Indicator(
        r.id(),
        r.publicId(),
        r.name(),
        r.unit(),
        r.baseline(),
        r.target(),
        Frequency.valueOf(r.frequency()),
        dimensions(r.disaggregation()),
        commitment(r.commitment()));
  }

  static Set<Dimension> dimensions(String text) {
    Set<Dimension> set = EnumSet.noneOf(Dimension.class);
    for (String d : text.split(",")) {
      if (!d.isBlank()) {
        set.add(Dimension.valueOf(d));
      }
    }
    return set;
  }

  private Optional<Plan> findPlan(String where, Object key) {
    record Row(
        long id,
        String publicId,
        String countyCode,
        String kind,
        String title,
        String summary,
        LocalDate startsOn,
        LocalDate endsOn,
        String steeringRef) {}
    return jdbc.sql(
            "select p.id, p.public_id, p.county_code, p.kind, p.title, p.summary, p.starts_on,"
                + " p.ends_on, (select min(s.ref) from plan_party s where s.plan_id = p.id"
                + " and s.role = 'STEERING') as steering_ref from plan p where "
                + where)
        .param(key == null ? "" : key)
        .query(Row.class)
        .optional()
        .map(
            r ->
                new Plan(
                    r.id(),
                    r.publicId(),
                    r.countyCode(),
                    PlanKind.valueOf(r.kind()),
                    r.title(),
                    r.summary(),
                    r.startsOn(),
                    r.endsOn(),
                    r.steeringRef()));
  }

  /** Whether the current user coordinates this plan. */
  public boolean mayCoordinate(Plan plan) {
    return permissions.mayCoordinate(plan.countyCode(), plan.steeringRef());
  }

  private void requireCoordinator(Plan plan) {
    if (!mayCoordinate(plan)) {
      throw UserError.forbidden();
    }
  }

  // ---- plans ---------------------------------------------------------------------------------

  /**
   * Creates a plan in the form's county.
   *
   * @return the new plan's public id
   * @throws UserError 404 for an unknown county, 403 for someone who does not coordinate there, 400
   *     for a missing title, an unknown kind, or dates that are not dates or end before the start
   */
  @Transactional
  public String create(PlanForm form) {
    String county = clean(form.county());
    if (!geography.isCounty(county)) {
      throw UserError.notFound("geography.county.unknown", county.replaceAll("[^0-9A-Za-z]", ""));
    }
    if (!permissions.mayCreateIn(county)) {
      throw UserError.forbidden();
    }
    Basics b = basics(form);
    String publicId = PublicId.next();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            "insert into plan (public_id, county_code, kind, title, summary, starts_on, ends_on,"
                + " created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            publicId,
            county,
            b.kind().name(),
            b.title(),
            b.summary(),
            Date.valueOf(b.starts()),
            Date.valueOf(b.ends()),
            actor(),
            now,
            now)
        .update();
    return publicId;
  }

  /**
   * Changes a plan's basics (its county stays).
   *
   * @throws UserError as {@link #create}; 409 when a milestone would fall outside the new period
   */
  @Transactional
  public void update(String planId, PlanForm form) {
    Plan plan = plan(planId);
    requireCoordinator(plan);
    Basics b = basics(form);
    int outside =
        jdbc.sql(
                "select count(*) from plan_milestone m join plan_commitment c on c.id ="
                    + " m.commitment_id where c.plan_id = ? and (m.due_on < ? or m.due_on > ?)")
            .params(plan.id(), Date.valueOf(b.starts()), Date.valueOf(b.ends()))
            .query(Integer.class)
            .single();
    if (outside > 0) {
      throw UserError.conflict("plan.error.milestones-outside", outside);
    }
    jdbc.sql(
            "update plan set kind = ?, title = ?, summary = ?, starts_on = ?, ends_on = ?,"
                + " updated_at = ? where id = ?")
        .params(
            b.kind().name(),
            b.title(),
            b.summary(),
            Date.valueOf(b.starts()),
            Date.valueOf(b.ends()),
            Timestamp.from(clock.instant()),
            plan.id())
        .update();
  }

  private record Basics(
      PlanKind kind, String title, String summary, LocalDate starts, LocalDate ends) {}

  private static Basics basics(PlanForm form) {
    PlanKind kind = null;
    for (PlanKind k : PlanKind.values()) {
      if (k.name().equals(clean(form.kind()))) {
        kind = k;
      }
    }
    if (kind == null) {
      throw UserError.badRequest("plan.error.kind");
    }
    String title = required(form.title(), 300, "plan.error.title");
    String summary = optional(form.summary(), 4000);
    LocalDate starts = date(form.startsOn(), "plan.error.dates");
    LocalDate ends = date(form.endsOn(), "plan.error.dates");
    if (ends.isBefore(starts)) {
      throw UserError.badRequest("plan.error.period-order");
    }
    return new Basics(kind, title, summary, starts, ends);
  }

  /**
   * Adds a lead institution or an endorsing organisation, or the steering or a technical committee
   * (a body): each of the plan's county. The steering committee is one: a new one replaces it.
   *
   * @throws UserError 400 for an unknown role or a reference that is not an organisation (or body)
   *     of the county; 409 when it is there already
   */
  @Transactional
  public void addParty(String planId, PartyForm form) {
    Plan plan = plan(planId);
    requireCoordinator(plan);
    PartyRole role = PartyRole.parse(form.role());
    if (role == null) {
      throw UserError.badRequest("plan.error.party-role");
    }
    String ref = clean(form.ref());
    boolean body = role == PartyRole.STEERING || role == PartyRole.TECHNICAL;
    boolean known =
        body
            ? directory.body(ref).filter(b -> b.countyCode().equals(plan.countyCode())).isPresent()
            : organisationOf(plan, ref).isPresent();
    if (!known) {
      throw UserError.badRequest(body ? "plan.error.party-body" : "plan.error.party-organisation");
    }
    if (role == PartyRole.STEERING) {
      jdbc.sql("delete from plan_party where plan_id = ? and role = 'STEERING'")
          .param(plan.id())
          .update();
    }
    try {
      jdbc.sql("insert into plan_party (plan_id, role, ref) values (?, ?, ?)")
          .params(plan.id(), role.name(), ref)
          .update();
    } catch (DuplicateKeyException taken) {
      throw UserError.conflict("plan.error.party-taken");
    }
  }

  /** Removes someone from behind a plan; nothing happens when they are not there. */
  @Transactional
  public void removeParty(String planId, PartyForm form) {
    Plan plan = plan(planId);
    requireCoordinator(plan);
    PartyRole role = PartyRole.parse(form.role());
    if (role != null) {
      jdbc.sql("delete from plan_party where plan_id = ? and role = ? and ref = ?")
          .params(plan.id(), role.name(), clean(form.ref()))
          .update();
    }
  }

  /**
   * Adds a CIDP/ADP programme the plan aligns to.
   *
   * @throws UserError 400 without code or name, 409 when the code is there already
   */
  @Transactional
  public void addProgramme(String planId, ProgrammeForm form) {
    Plan plan = plan(planId);
    requireCoordinator(plan);
    String code = required(form.code(), 40, "plan.error.programme");
    String name = required(form.name(), 300, "plan.error.programme");
    try {
      jdbc.sql("insert into plan_programme (plan_id, code, name) values (?, ?, ?)")
          .params(plan.id(), code, name)
          .update();
    } catch (DuplicateKeyException taken) {
      throw UserError.conflict("plan.error.programme-taken", code);
    }
  }

  // ---- commitments ---------------------------------------------------------------------------

  /**
   * Adds a commitment to a plan.
   *
   * @return its public id
   * @throws UserError 400 naming the first bad field (see {@link #update(String, CommitmentForm)})
   */
  @Transactional
  public String addCommitment(String planId, CommitmentForm form) {
    Plan plan = plan(planId);
    requireCoordinator(plan);
    CommitmentFields f = commitmentFields(plan, form);
    String publicId = PublicId.next();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            "insert into plan_commitment (public_id, plan_id, ambition_area, title, problem,"
                + " description, lead_ref, programme_code, status, report_frequency, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            publicId,
            plan.id(),
            f.area(),
            f.title(),
            f.problem(),
            f.description(),
            f.lead(),
            f.programme(),
            f.status().name(),
            f.frequency().name(),
            now,
            now)
        .update();
    long id =
        jdbc.sql("select id from plan_commitment where public_id = ?")
            .param(publicId)
            .query(Long.class)
            .single();
    supporters(id, f.supporting());
    return publicId;
  }

  /**
   * Changes a commitment.
   *
   * @throws UserError 400 without ambition area or title, for a lead or supporting institution that
   *     is not an organisation of the plan's county, a programme the plan does not list, an unknown
   *     status or a reporting frequency other than monthly or quarterly
   */
  @Transactional
  public void update(String commitmentId, CommitmentForm form) {
    Commitment c = commitment(commitmentId);
    requireCoordinator(c.plan());
    CommitmentFields f = commitmentFields(c.plan(), form);
    jdbc.sql(
            "update plan_commitment set ambition_area = ?, title = ?, problem = ?, description = ?,"
                + " lead_ref = ?, programme_code = ?, status = ?, report_frequency = ?,"
                + " updated_at = ? where id = ?")
        .params(
            f.area(),
            f.title(),
            f.problem(),
            f.description(),
            f.lead(),
            f.programme(),
            f.status().name(),
            f.frequency().name(),
            Timestamp.from(clock.instant()),
            c.id())
        .update();
    jdbc.sql("delete from plan_commitment_supporter where commitment_id = ?")
        .param(c.id())
        .update();
    supporters(c.id(), f.supporting());
  }

  private void supporters(long commitmentId, Set<String> refs) {
    for (String ref : refs) {
      jdbc.sql("insert into plan_commitment_supporter (commitment_id, ref) values (?, ?)")
          .params(commitmentId, ref)
          .update();
    }
  }

  private record CommitmentFields(
      String area,
      String title,
      String problem,
      String description,
      String lead,
      Set<String> supporting,
      String programme,
      CommitmentStatus status,
      Frequency frequency) {}

  private CommitmentFields commitmentFields(Plan plan, CommitmentForm form) {
    String area = required(form.ambitionArea(), 200, "plan.error.area");
    String title = required(form.title(), 300, "plan.error.commitment-title");
    String lead = clean(form.lead());
    if (organisationOf(plan, lead).isEmpty()) {
      throw UserError.badRequest("plan.error.lead");
    }
    Set<String> supporting = new LinkedHashSet<>();
    for (String ref : form.supporting() == null ? List.<String>of() : form.supporting()) {
      String r = clean(ref);
      if (r.isEmpty() || r.equals(lead)) {
        continue;
      }
      if (organisationOf(plan, r).isEmpty()) {
        throw UserError.badRequest("plan.error.supporting");
      }
      supporting.add(r);
    }
    String programme = clean(form.programme());
    if (!programme.isEmpty()
        && jdbc.sql("select count(*) from plan_programme where plan_id = ? and code = ?")
                .params(plan.id(), programme)
                .query(Integer.class)
                .single()
            == 0) {
      throw UserError.badRequest("plan.error.programme-unknown");
    }
    CommitmentStatus status =
        clean(form.status()).isEmpty()
            ? CommitmentStatus.NOT_STARTED
            : CommitmentStatus.parse(form.status());
    if (status == null) {
      throw UserError.badRequest("plan.error.status");
    }
    Frequency frequency = Frequency.parse(form.reportFrequency());
    if (frequency != Frequency.MONTHLY && frequency != Frequency.QUARTERLY) {
      throw UserError.badRequest("plan.error.report-frequency");
    }
    return new CommitmentFields(
        area,
        title,
        optional(form.problem(), 4000),
        optional(form.description(), 4000),
        lead,
        supporting,
        programme.isEmpty() ? null : programme,
        status,
        frequency);
  }

  private Optional<OrganisationSummary> organisationOf(Plan plan, String ref) {
    return ref == null || ref.isEmpty()
        ? Optional.empty()
        : directory.organisation(ref).filter(o -> o.countyCode().equals(plan.countyCode()));
  }

  // ---- milestones ----------------------------------------------------------------------------

  /**
   * Adds a milestone to a commitment.
   *
   * @return its public id
   * @throws UserError 400 without a title, for a due date that is not a date or falls outside the
   *     plan's period, or an unknown status
   */
  @Transactional
  public String addMilestone(String commitmentId, MilestoneForm form) {
    Commitment c = commitment(commitmentId);
    requireCoordinator(c.plan());
    String title = required(form.title(), 300, "plan.error.milestone-title");
    LocalDate due = dueDate(c.plan(), form.dueOn());
    MilestoneStatus status =
        clean(form.status()).isEmpty()
            ? MilestoneStatus.NOT_STARTED
            : MilestoneStatus.parse(form.status());
    if (status == null) {
      throw UserError.badRequest("plan.error.status");
    }
    String publicId = PublicId.next();
    jdbc.sql(
            "insert into plan_milestone (public_id, commitment_id, title, due_on, status, done_on,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            publicId,
            c.id(),
            title,
            Date.valueOf(due),
            status.name(),
            status == MilestoneStatus.DONE ? Date.valueOf(today()) : null,
            Timestamp.from(clock.instant()))
        .update();
    return publicId;
  }

  /**
   * Changes a milestone's title and due date (coordinators only); its status and evidence stay.
   *
   * @return the commitment's public id
   * @throws UserError as {@link #addMilestone}
   */
  @Transactional
  public String updateMilestone(String milestoneId, MilestoneForm form) {
    Commitment c = milestoneCommitment(milestoneId, false);
    String title = required(form.title(), 300, "plan.error.milestone-title");
    LocalDate due = dueDate(c.plan(), form.dueOn());
    jdbc.sql("update plan_milestone set title = ?, due_on = ? where public_id = ?")
        .params(title, Date.valueOf(due), milestoneId)
        .update();
    return c.publicId();
  }

  private static LocalDate dueDate(Plan p, String text) {
    LocalDate due = date(text, "plan.error.due-date");
    if (due.isBefore(p.startsOn()) || due.isAfter(p.endsOn())) {
      throw UserError.badRequest(
          "plan.error.due-outside", due.toString(), p.startsOn().toString(), p.endsOn().toString());
    }
    return due;
  }

  /** The public id of the commitment of a milestone, after checking who may change it. */
  private Commitment milestoneCommitment(String milestoneId, boolean reporterToo) {
    String commitmentId =
        jdbc.sql(
                "select c.public_id from plan_milestone m join plan_commitment c on c.id ="
                    + " m.commitment_id where m.public_id = ?")
            .param(milestoneId == null ? "" : milestoneId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> UserError.notFound("plan.milestone.unknown"));
    Commitment c = commitment(commitmentId);
    boolean may =
        mayCoordinate(c.plan())
            || (reporterToo && permissions.mayReport(c.plan().countyCode(), c.leadRef()));
    if (!may) {
      throw UserError.forbidden();
    }
    return c;
  }

  /**
   * Sets a milestone's status: coordinators and the commitment's implementing agency.
   *
   * @return the commitment's public id
   * @throws UserError 400 for an unknown status or a day reached that is not a date, in the future
   */
  @Transactional
  public String setMilestoneStatus(String milestoneId, MilestoneStatusForm form) {
    Commitment c = milestoneCommitment(milestoneId, true);
    MilestoneStatus status = MilestoneStatus.parse(form.status());
    if (status == null) {
      throw UserError.badRequest("plan.error.status");
    }
    LocalDate done = null;
    if (status == MilestoneStatus.DONE) {
      done = clean(form.doneOn()).isEmpty() ? today() : date(form.doneOn(), "plan.error.done-on");
      if (done.isAfter(today())) {
        throw UserError.badRequest("plan.error.done-on");
      }
    }
    jdbc.sql("update plan_milestone set status = ?, done_on = ? where public_id = ?")
        .params(status.name(), done == null ? null : Date.valueOf(done), milestoneId)
        .update();
    return c.publicId();
  }

  /**
   * Adds a link as evidence of a milestone.
   *
   * @return the commitment's public id
   * @throws UserError 400 for a link that is not an https address
   */
  @Transactional
  public String addEvidenceLink(String milestoneId, EvidenceLinkForm form) {
    Commitment c = milestoneCommitment(milestoneId, true);
    String url = clean(form.url());
    if (!url.matches("https://[^\\s<>\"]{3,490}")) {
      throw UserError.badRequest("plan.error.link");
    }
    String label = clean(form.label()).isEmpty() ? url : optional(form.label(), 200);
    evidence(milestoneId, "LINK", url, label);
    return c.publicId();
  }

  /**
   * Keeps a file (PDF, PNG, JPEG, WebP, checked by content) as evidence of a milestone.
   *
   * @return the commitment's public id
   * @throws ke.baraza.platform.FileRejected for an empty, too large or unsupported file
   */
  @Transactional
  public String addEvidenceFile(String milestoneId, InputStream content, String name) {
    Commitment c = milestoneCommitment(milestoneId, true);
    try {
      StoredFile file =
          files.store(
              content,
              name,
              EnumSet.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG, FileKind.WEBP),
              "plans");
      evidence(milestoneId, "FILE", file.publicId(), file.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c.publicId();
  }

  /**
   * A file kept as evidence of this milestone: public, as the milestones are.
   *
   * @throws UserError 404 when the file is not evidence of that milestone
   */
  public StoredFile evidenceFile(String milestoneId, String fileId) {
    int known =
        jdbc.sql(
                "select count(*) from plan_evidence e join plan_milestone m on m.id ="
                    + " e.milestone_id where m.public_id = ? and e.kind = 'FILE' and e.ref = ?")
            .params(milestoneId == null ? "" : milestoneId, fileId == null ? "" : fileId)
            .query(Integer.class)
            .single();
    return (known == 0 ? Optional.<StoredFile>empty() : files.find(fileId))
        .orElseThrow(() -> UserError.notFound("plan.evidence.unknown"));
  }

  private void evidence(String milestoneId, String kind, String ref, String label) {
    jdbc.sql(
            "insert into plan_evidence (milestone_id, kind, ref, label, added_by, added_at)"
                + " select id, ?, ?, ?, ?, ? from plan_milestone where public_id = ?")
        .params(kind, ref, label, actor(), Timestamp.from(clock.instant()), milestoneId)
        .update();
  }

  // ---- indicators ----------------------------------------------------------------------------

  /**
   * Adds an indicator to a commitment.
   *
   * @return its public id
   * @throws UserError 400 without a name or unit, for a baseline or target that is not a number, an
   *     unknown frequency or disaggregation
   */
  @Transactional
  public String addIndicator(String commitmentId, IndicatorForm form) {
    Commitment c = commitment(commitmentId);
    requireCoordinator(c.plan());
    String name = required(form.name(), 300, "plan.error.indicator-name");
    String unit = required(form.unit(), 60, "plan.error.unit");
    BigDecimal baseline = number(form.baseline(), "plan.error.number");
    BigDecimal target = number(form.target(), "plan.error.number");
    Frequency frequency = Frequency.parse(form.frequency());
    if (frequency == null) {
      throw UserError.badRequest("plan.error.frequency");
    }
    Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
    for (String d : form.disaggregation() == null ? List.<String>of() : form.disaggregation()) {
      Dimension dim = Dimension.parse(d);
      if (dim == null) {
        throw UserError.badRequest("plan.error.dimension");
      }
      dims.add(dim);
    }
    String publicId = PublicId.next();
    jdbc.sql(
            "insert into plan_indicator (public_id, commitment_id, name, unit, baseline, target,"
                + " frequency, disaggregation, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            publicId,
            c.id(),
            name,
            unit,
            baseline,
            target,
            frequency.name(),
            dims.stream().map(Dimension::name).collect(Collectors.joining(",")),
            Timestamp.from(clock.instant()))
        .update();
    return publicId;
  }

  /**
   * Changes an indicator's name, unit, baseline and target (coordinators only); its frequency and
   * breakdowns stay, as its values were recorded by them.
   *
   * @return the commitment's public id
   * @throws UserError as {@link #addIndicator}
   */
  @Transactional
  public String updateIndicator(String indicatorId, IndicatorForm form) {
    Indicator indicator = indicator(indicatorId);
    requireCoordinator(indicator.commitment().plan());
    jdbc.sql("update plan_indicator set name = ?, unit = ?, baseline = ?, target = ? where id = ?")
        .params(
            required(form.name(), 300, "plan.error.indicator-name"),
            required(form.unit(), 60, "plan.error.unit"),
            number(form.baseline(), "plan.error.number"),
            number(form.target(), "plan.error.number"),
            indicator.id())
        .update();
    return indicator.commitment().publicId();
  }

  /**
   * Records a value of an indicator for a period, as coordinators or the implementing agency do.
   *
   * @return the commitment's public id
   * @throws UserError 400 for a period that is not one, does not match the indicator's frequency or
   *     lies outside the plan; an amount that is not a number; no source; a dimension the indicator
   *     is not broken down by, or one without its category; 409 when the indicator has a value for
   *     that period (and category) already
   */
  @Transactional
  public String recordValue(String indicatorId, ValueForm form) {
    Indicator indicator = indicator(indicatorId);
    Commitment c = indicator.commitment();
    if (!mayCoordinate(c.plan()) && !permissions.mayReport(c.plan().countyCode(), c.leadRef())) {
      throw UserError.forbidden();
    }
    recordValue(indicator, form, null);
    return c.publicId();
  }

  /** Records a value after the caller checked who may; {@code reportId} null when none. */
  void recordValue(Indicator indicator, ValueForm form, Long reportId) {
    PlanPeriod period = period(indicator.commitment().plan(), form.period(), indicator.frequency());
    BigDecimal amount = number(form.amount(), "plan.error.amount");
    String source = required(form.source(), 300, "plan.error.source");
    String dimension = "TOTAL";
    String category = "";
    if (!clean(form.dimension()).isEmpty()) {
      Dimension d = Dimension.parse(form.dimension());
      if (d == null || !indicator.disaggregation().contains(d)) {
        throw UserError.badRequest("plan.error.dimension");
      }
      dimension = d.name();
      category = required(form.category(), 60, "plan.error.category");
    }
    try {
      jdbc.sql(
              "insert into plan_indicator_value (indicator_id, period, dimension, category,"
                  + " amount, source, report_id, recorded_by, recorded_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              indicator.id(),
              period.code(),
              dimension,
              category,
              amount,
              source,
              reportId,
              actor(),
              Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException taken) {
      throw UserError.conflict("plan.error.value-taken", indicator.name(), period.code());
    }
  }

  /**
   * The period written as {@code text}, checked against the plan and the frequency expected.
   *
   * @throws UserError 400 when it is not a period, is of another frequency or lies outside the plan
   */
  static PlanPeriod period(Plan plan, String text, Frequency expected) {
    PlanPeriod period =
        PlanPeriod.parse(text).orElseThrow(() -> UserError.badRequest("plan.error.period"));
    if (expected != null && period.frequency() != expected) {
      throw UserError.badRequest(
          "plan.error.period-frequency",
          period.code(),
          new org.springframework.context.support.DefaultMessageSourceResolvable(
              expected.messageKey()),
          PlanPeriod.containing(plan.startsOn(), expected).code());
    }
    if (!period.overlaps(plan.startsOn(), plan.endsOn())) {
      throw UserError.badRequest(
          "plan.error.period-outside",
          period.code(),
          plan.startsOn().toString(),
          plan.endsOn().toString());
    }
    return period;
  }

  // ---- assessments ---------------------------------------------------------------------------

  /**
   * Records the oversight body's independent review of a commitment for a review period.
   *
   * @return the commitment's public id
   * @throws UserError 403 for anyone but the county's oversight body; 400 for a bad period or an
   *     unanswered question; 409 when the commitment was assessed for that period already
   */
  @Transactional
  public String assess(String commitmentId, AssessmentForm form) {
    Commitment c = commitment(commitmentId);
    if (!permissions.mayAssess(c.plan().countyCode())) {
      throw UserError.forbidden();
    }
    PlanPeriod period = period(c.plan(), form.period(), null);
    PotentialResults potential = PotentialResults.parse(form.potentialResults());
    Completion completion = Completion.parse(form.completion());
    OpenedGovernment opened = OpenedGovernment.parse(form.openedGovernment());
    String verifiable = clean(form.verifiable());
    if (potential == null
        || completion == null
        || opened == null
        || !(verifiable.equals("true") || verifiable.equals("false"))) {
      throw UserError.badRequest("plan.error.assessment-fields");
    }
    try {
      jdbc.sql(
              "insert into plan_assessment (commitment_id, period, verifiable, potential_results,"
                  + " completion, opened_government, comment, assessed_by, assessed_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              c.id(),
              period.code(),
              Boolean.parseBoolean(verifiable),
              potential.name(),
              completion.name(),
              opened.name(),
              optional(form.comment(), 4000),
              actor(),
              Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException taken) {
      throw UserError.conflict("plan.error.assessment-taken", period.code());
    }
    return c.publicId();
  }

  // ---- helpers -------------------------------------------------------------------------------

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Africa/Nairobi"));
  }

  static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  static String required(String value, int max, String key) {
    String v = clean(value);
    if (v.isEmpty() || v.length() > max) {
      throw UserError.badRequest(key);
    }
    return v;
  }

  static String optional(String value, int max) {
    String v = clean(value);
    if (v.length() > max) {
      throw UserError.badRequest("plan.error.too-long", max);
    }
    return v.isEmpty() ? null : v;
  }

  static LocalDate date(String value, String key) {
    try {
      return LocalDate.parse(clean(value));
    } catch (DateTimeParseException e) {
      throw UserError.badRequest(key);
    }
  }

  static BigDecimal number(String value, String key) {
    try {
      BigDecimal n = new BigDecimal(clean(value).replace(",", ""));
      if (n.abs().compareTo(new BigDecimal("1e13")) >= 0) {
        throw UserError.badRequest(key);
      }
      return n;
    } catch (NumberFormatException e) {
      throw UserError.badRequest(key);
    }
  }
}
