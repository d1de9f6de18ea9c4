package ke.baraza.plans.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.plans.PlanKind;
import ke.baraza.plans.PlanSummary;
import ke.baraza.plans.internal.PlanService.Commitment;
import ke.baraza.plans.internal.PlanService.Plan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of plans: a county's list, a plan's dashboard and a commitment's page, each in a
 * fixed number of queries whatever the number of commitments, milestones or values. Names of
 * organisations and bodies come from the directory in one call per page.
 */
@Component
public class PlanQueries {

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final PlanService plans;
  private final ReportService reports;
  private final PlanPermissions permissions;

  PlanQueries(
      JdbcClient jdbc,
      DirectoryApi directory,
      PlanService plans,
      ReportService reports,
      PlanPermissions permissions) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.plans = plans;
    this.reports = reports;
    this.permissions = permissions;
  }

  /** Someone behind a plan or a commitment, with their name (their id when unknown). */
  public record Party(PartyRole role, String ref, String name) {}

  /** A programme of the CIDP/ADP. */
  public record Programme(String code, String name) {}

  /** A commitment as the dashboard shows it. */
  public record CommitmentLine(
      long id,
      String publicId,
      String area,
      String title,
      String leadRef,
      String leadName,
      CommitmentStatus status,
      Completion completion,
      String completionPeriod,
      int milestones,
      int milestonesDone) {}

  /**
   * The completion of an ambition area: how many of its commitments reached each level, and a score
   * (not started 0, limited 1/3, substantial 2/3, complete 1) as a percentage.
   */
  public record AreaLine(
      String area, int commitments, Map<Completion, Integer> counts, int percent) {}

  /** A milestone. */
  public record MilestoneLine(
      long id,
      String publicId,
      String commitmentId,
      String commitmentTitle,
      String title,
      LocalDate dueOn,
      MilestoneStatus status,
      LocalDate doneOn,
      boolean overdue,
      List<Evidence> evidence) {}

  /** A file (by its store id) or a link. */
  public record Evidence(boolean file, String ref, String label) {}

  /** An indicator with its values (the whole, then each category), by period. */
  public record IndicatorLine(
      long id,
      String publicId,
      String commitmentId,
      String name,
      String unit,
      BigDecimal baseline,
      BigDecimal target,
      Frequency frequency,
      Set<Dimension> disaggregation,
      List<ValueLine> values) {

    /** The values for the whole (no category), by period. */
    public List<ValueLine> totals() {
      return values.stream().filter(v -> "TOTAL".equals(v.dimension())).toList();
    }
  }

  /** A value of an indicator. */
  public record ValueLine(
      String period, String dimension, String category, BigDecimal amount, String source) {}

  /** A report as lists show it. */
  public record ReportLine(
      String publicId,
      String commitmentId,
      String commitmentTitle,
      String period,
      ReportStatus status,
      String activities,
      Instant submittedAt) {}

  /** An independent review of a commitment for a period. */
  public record AssessmentLine(
      String period,
      boolean verifiable,
      PotentialResults potentialResults,
      Completion completion,
      OpenedGovernment openedGovernment,
      String comment,
      Instant assessedAt) {}

  /** A plan's public dashboard. */
  public record Dashboard(
      Plan plan,
      List<Party> parties,
      List<Programme> programmes,
      List<CommitmentLine> commitments,
      List<AreaLine> areas,
      List<MilestoneLine> overdue,
      List<IndicatorLine> indicators,
      List<ReportLine> latestReports,
      List<ReportLine> awaitingReview,
      boolean mayCoordinate) {

    /** The parties of one role. */
    public List<Party> parties(PartyRole role) {
      return parties.stream().filter(p -> p.role() == role).toList();
    }
  }

  /** A commitment's page. */
  public record CommitmentPage(
      Commitment commitment,
      String leadName,
      List<Party> supporters,
      List<Programme> programmes,
      List<MilestoneLine> milestones,
      List<IndicatorLine> indicators,
      List<ReportLine> reports,
      List<AssessmentLine> assessments,
      boolean mayCoordinate,
      boolean mayReport,
      boolean mayAssess) {}

  /** The plans of a county, newest period first; two queries. */
  public List<PlanSummary> ofCounty(String countyCode) {
    record Row(
        long id,
        String publicId,
        String countyCode,
        String kind,
        String title,
        LocalDate startsOn,
        LocalDate endsOn,
        int commitments) {}
    List<Row> rows =
        jdbc.sql(
                "select p.id, p.public_id, p.county_code, p.kind, p.title, p.starts_on, p.ends_on,"
                    + " (select count(*) from plan_commitment c where c.plan_id = p.id) as"
                    + " commitments from plan p where p.county_code = ?"
                    + " order by p.starts_on desc, p.title")
            .param(countyCode)
            .query(Row.class)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    record Lead(long planId, String ref) {}
    Map<Long, List<String>> leads = new LinkedHashMap<>();
    jdbc.sql(
            "select plan_id, ref from plan_party where role = 'LEAD' and plan_id in (:ids)"
                + " order by ref")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(Lead.class)
        .list()
        .forEach(l -> leads.computeIfAbsent(l.planId(), k -> new ArrayList<>()).add(l.ref()));
    return rows.stream()
        .map(
            r ->
                new PlanSummary(
                    r.publicId(),
                    r.countyCode(),
                    PlanKind.valueOf(r.kind()),
                    r.title(),
                    r.startsOn(),
                    r.endsOn(),
                    List.copyOf(leads.getOrDefault(r.id(), List.of())),
                    r.commitments()))
        .toList();
  }

  /**
   * A plan's dashboard: public figures only (values of accepted reports, accepted reports), and for
   * its coordinators the reports awaiting their review.
   */
  public Dashboard dashboard(String planId) {
    Plan plan = plans.plan(planId);
    List<Party> parties = parties(plan.id());
    List<CommitmentLine> commitments = commitmentLines(plan);
    List<Long> ids = commitments.stream().map(CommitmentLine::id).toList();
    LocalDate today = plans.today();
    List<MilestoneLine> overdue =
        ids.isEmpty()
            ? List.of()
            : milestones(ids, today).stream().filter(MilestoneLine::overdue).toList();
    List<ReportLine> latest =
        ids.isEmpty() ? List.of() : reportLines(ids, true).stream().limit(10).toList();
    boolean coordinate = plans.mayCoordinate(plan);
    List<ReportLine> awaiting =
        !coordinate || ids.isEmpty()
            ? List.of()
            : reportLines(ids, false).stream()
                .filter(r -> r.status() == ReportStatus.SUBMITTED)
                .toList();
    return new Dashboard(
        plan,
        parties,
        programmes(plan.id()),
        commitments,
        areas(commitments),
        overdue,
        ids.isEmpty() ? List.of() : indicators(ids, true),
        latest,
        awaiting,
        coordinate);
  }

  /** A commitment's page; unaccepted reports and their values only for those who may see them. */
  public CommitmentPage commitmentPage(String commitmentId) {
    Commitment c = plans.commitment(commitmentId);
    boolean coordinate = plans.mayCoordinate(c.plan());
    boolean report = reports.mayReport(c);
    boolean insider = coordinate || report;
    List<String> supporterRefs =
        jdbc.sql("select ref from plan_commitment_supporter where commitment_id = ? order by ref")
            .param(c.id())
            .query(String.class)
            .list();
    Set<String> refs = new HashSet<>(supporterRefs);
    refs.add(c.leadRef());
    Map<String, String> names = directory.names(refs);
    record Row(
        String period,
        boolean verifiable,
        String potentialResults,
        String completion,
        String openedGovernment,
        String comment,
        Timestamp assessedAt) {}
    List<AssessmentLine> assessments =
        jdbc
            .sql(
                "select period, verifiable, potential_results, completion, opened_government,"
                    + " comment, assessed_at from plan_assessment where commitment_id = ?"
                    + " order by assessed_at desc")
            .param(c.id())
            .query(Row.class)
            .list()
            .stream()
            .map(
                r ->
                    new AssessmentLine(
                        r.period(),
                        r.verifiable(),
                        PotentialResults.valueOf(r.potentialResults()),
                        Completion.valueOf(r.completion()),
                        OpenedGovernment.valueOf(r.openedGovernment()),
                        r.comment(),
                        r.assessedAt().toInstant()))
            .toList();
    return new CommitmentPage(
        c,
        names.getOrDefault(c.leadRef(), c.leadRef()),
        supporterRefs.stream()
            .map(r -> new Party(PartyRole.LEAD, r, names.getOrDefault(r, r)))
            .toList(),
        programmes(c.plan().id()),
        milestones(List.of(c.id()), plans.today()),
        indicators(List.of(c.id()), !insider),
        reportLines(List.of(c.id()), !insider),
        assessments,
        coordinate,
        report,
        permissions.mayAssess(c.plan().countyCode()));
  }

  /** The first 200 organisations of a county by name, to choose institutions from. */
  public List<ke.baraza.directory.OrganisationSummary> organisations(String countyCode) {
    return directory
        .search(
            ke.baraza.directory.DirectorySearch.county(countyCode),
            new ke.baraza.shared.PageRequest(0, 200))
        .items();
  }

  private List<Party> parties(long planId) {
    record Row(String role, String ref) {}
    List<Row> rows =
        jdbc.sql("select role, ref from plan_party where plan_id = ? order by role, ref")
            .param(planId)
            .query(Row.class)
            .list();
    Map<String, String> names =
        rows.isEmpty() ? Map.of() : directory.names(rows.stream().map(Row::ref).toList());
    return rows.stream()
        .map(
            r ->
                new Party(
                    PartyRole.valueOf(r.role()), r.ref(), names.getOrDefault(r.ref(), r.ref())))
        .sorted(java.util.Comparator.comparing(Party::role).thenComparing(Party::name))
        .toList();
  }

  /** The CIDP/ADP programmes of a plan, by code. */
  public List<Programme> programmes(long planId) {
    return jdbc.sql("select code, name from plan_programme where plan_id = ? order by code")
        .param(planId)
        .query(Programme.class)
        .list();
  }

  /**
   * Commitments with their latest review and milestone counts; three queries and one names call.
   */
  List<CommitmentLine> commitmentLines(Plan plan) {
    record Row(
        long id,
        String publicId,
        String ambitionArea,
        String title,
        String leadRef,
        String status,
        int milestones,
        int milestonesDone) {}
    List<Row> rows =
        jdbc.sql(
                "select c.id, c.public_id, c.ambition_area, c.title, c.lead_ref, c.status,"
                    + " (select count(*) from plan_milestone m where m.commitment_id = c.id)"
                    + " as milestones, (select count(*) from plan_milestone m where"
                    + " m.commitment_id = c.id and m.status = 'DONE') as milestones_done"
                    + " from plan_commitment c where c.plan_id = ? order by c.ambition_area, c.id")
            .param(plan.id())
            .query(Row.class)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    record Review(long commitmentId, String period, String completion) {}
    Map<Long, Review> latest = new LinkedHashMap<>();
    jdbc.sql(
            "select commitment_id, period, completion from plan_assessment"
                + " where commitment_id in (:ids) order by assessed_at, id")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(Review.class)
        .list()
        .forEach(r -> latest.put(r.commitmentId(), r));
    Map<String, String> names = directory.names(rows.stream().map(Row::leadRef).toList());
    return rows.stream()
        .map(
            r -> {
              Review review = latest.get(r.id());
              return new CommitmentLine(
                  r.id(),
                  r.publicId(),
                  r.ambitionArea(),
                  r.title(),
                  r.leadRef(),
                  names.getOrDefault(r.leadRef(), r.leadRef()),
                  CommitmentStatus.valueOf(r.status()),
                  review == null ? Completion.NOT_STARTED : Completion.valueOf(review.completion()),
                  review == null ? null : review.period(),
                  r.milestones(),
                  r.milestonesDone());
            })
        .toList();
  }

  static List<AreaLine> areas(List<CommitmentLine> commitments) {
    Map<String, List<CommitmentLine>> byArea = new LinkedHashMap<>();
    commitments.forEach(c -> byArea.computeIfAbsent(c.area(), a -> new ArrayList<>()).add(c));
    List<AreaLine> areas = new ArrayList<>();
    byArea.forEach(
        (area, list) -> {
          Map<Completion, Integer> counts = new EnumMap<>(Completion.class);
          int score = 0;
          for (CommitmentLine c : list) {
            counts.merge(c.completion(), 1, Integer::sum);
            score += c.completion().ordinal();
          }
          areas.add(
              new AreaLine(
                  area, list.size(), counts, Math.round(100f * score / (3 * list.size()))));
        });
    return areas;
  }

  /** The milestones of these commitments by due date, with their evidence; two queries. */
  List<MilestoneLine> milestones(Collection<Long> commitmentIds, LocalDate today) {
    record Row(
        long id,
        String publicId,
        String commitmentId,
        String commitmentTitle,
        String title,
        LocalDate dueOn,
        String status,
        LocalDate doneOn) {}
    List<Row> rows =
        jdbc.sql(
                "select m.id, m.public_id, c.public_id as commitment_id, c.title as"
                    + " commitment_title, m.title, m.due_on, m.status, m.done_on"
                    + " from plan_milestone m join plan_commitment c on c.id = m.commitment_id"
                    + " where m.commitment_id in (:ids) order by m.due_on, m.id")
            .param("ids", commitmentIds)
            .query(Row.class)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    record Ev(long milestoneId, String kind, String ref, String label) {}
    Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
    jdbc.sql(
            "select milestone_id, kind, ref, label from plan_evidence where milestone_id in (:ids)"
                + " order by id")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(Ev.class)
        .list()
        .forEach(
            e ->
                evidence
                    .computeIfAbsent(e.milestoneId(), k -> new ArrayList<>())
                    .add(new Evidence("FILE".equals(e.kind()), e.ref(), e.label())));
    return rows.stream()
        .map(
            r -> {
              MilestoneStatus status = MilestoneStatus.valueOf(r.status());
              return new MilestoneLine(
                  r.id(),
                  r.publicId(),
                  r.commitmentId(),
                  r.commitmentTitle(),
                  r.title(),
                  r.dueOn(),
                  status,
                  r.doneOn(),
                  status != MilestoneStatus.DONE && r.dueOn().isBefore(today),
                  evidence.getOrDefault(r.id(), List.of()));
            })
        .toList();
  }

  /**
   * The indicators of these commitments with their values; two queries.
   *
   * @param publicOnly leave out values brought by reports not (yet) accepted
   */
  List<IndicatorLine> indicators(Collection<Long> commitmentIds, boolean publicOnly) {
    record Row(
        long id,
        String publicId,
        String commitmentId,
        String name,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        String frequency,
        String disaggregation) {}
    List<Row> rows =
        jdbc.sql(
                "select i.id, i.public_id, c.public_id as commitment_id, i.name, i.unit,"
                    + " i.baseline, i.target, i.frequency, i.disaggregation from plan_indicator i"
                    + " join plan_commitment c on c.id = i.commitment_id"
                    + " where i.commitment_id in (:ids) order by c.id, i.id")
            .param("ids", commitmentIds)
            .query(Row.class)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    record Val(
        long indicatorId,
        String period,
        String dimension,
        String category,
        BigDecimal amount,
        String source) {}
    Map<Long, List<ValueLine>> values = new LinkedHashMap<>();
    jdbc.sql(
            "select v.indicator_id, v.period, v.dimension, v.category, v.amount, v.source"
                + " from plan_indicator_value v left join plan_report r on r.id = v.report_id"
                + " where v.indicator_id in (:ids)"
                + (publicOnly ? " and (v.report_id is null or r.status = 'ACCEPTED')" : "")
                + " order by v.period, v.dimension, v.category")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(Val.class)
        .list()
        .forEach(
            v ->
                values
                    .computeIfAbsent(v.indicatorId(), k -> new ArrayList<>())
                    .add(
                        new ValueLine(
                            v.period(), v.dimension(), v.category(), v.amount(), v.source())));
    return rows.stream()
        .map(
            r ->
                new IndicatorLine(
                    r.id(),
                    r.publicId(),
                    r.commitmentId(),
                    r.name(),
                    r.unit(),
                    r.baseline(),
                    r.target(),
                    Frequency.valueOf(r.frequency()),
                    PlanService.dimensions(r.disaggregation()),
                    values.getOrDefault(r.id(), List.of())))
        .toList();
  }

  /**
   * The reports on these commitments, latest period first; one query.
   *
   * @param acceptedOnly only accepted reports (what the public sees)
   */
  List<ReportLine> reportLines(Collection<Long> commitmentIds, boolean acceptedOnly) {
    record Row(
        String publicId,
        String commitmentId,
        String commitmentTitle,
        String period,
        String status,
        String activities,
        Timestamp submittedAt) {}
    return jdbc
        .sql(
            "select r.public_id, c.public_id as commitment_id, c.title as commitment_title,"
                + " r.period, r.status, r.activities, r.submitted_at from plan_report r"
                + " join plan_commitment c on c.id = r.commitment_id"
                + " where r.commitment_id in (:ids)"
                + (acceptedOnly ? " and r.status = 'ACCEPTED'" : "")
                + " order by r.period desc, r.id desc")
        .param("ids", commitmentIds)
        .query(Row.class)
        .list()
        .stream()
        .map(
            r ->
                new ReportLine(
                    r.publicId(),
                    r.commitmentId(),
                    r.commitmentTitle(),
                    r.period(),
                    ReportStatus.valueOf(r.status()),
                    r.activities(),
                    r.submittedAt() == null ? null : r.submittedAt().toInstant()))
        .toList();
  }
}
