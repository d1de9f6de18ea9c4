package ke.baraza.feedback.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' lists: a county's queue with filters and paging (two queries a page), a case with
 * its full timeline, and the open cases that may be the same problem (same service area and ward).
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

  static final int SIMILAR = 5;

  /**
   * The queue's filters, each blank for "any".
   *
   * @param status a status name, {@code open} (the default: received to in progress) or {@code all}
   * @param officer an officer's account public id, or {@code me}
   */
  public record QueueFilter(
      String status, String area, String ward, String department, String officer) {

    public QueueFilter {
      status = status == null || status.isBlank() ? "open" : status.strip();
      area = area == null ? "" : area.strip();
      ward = ward == null ? "" : ward.strip();
      department = department == null ? "" : department.strip();
      officer = officer == null ? "" : officer.strip();
    }
  }

  /** One line of the queue; {@code due} is null when no clock runs. */
  public record QueueRow(
      String reference,
      CaseStatus status,
      String areaEn,
      String areaSw,
      String wardCode,
      String departmentRef,
      String officerName,
      Instant filedAt,
      int escalationLevel,
      Charter.Sla sla,
      Instant due) {

    public String area(Locale locale) {
      return "sw".equals(locale.getLanguage()) ? areaSw : areaEn;
    }
  }

  /** An open case that may be the same problem: public fields only. */
  public record Similar(String reference, CaseStatus status, Instant filedAt) {}

  /**
   * A case as its officers see it.
   *
   * @param mergedInto the reference of the case this one was merged into, or null
   * @param photoCount how many photos came with the case
   */
  public record CaseDetail(
      FeedbackCase filed,
      String areaEn,
      String areaSw,
      int acknowledgeDays,
      int resolveDays,
      Charter.Sla sla,
      Instant due,
      EscalationLadder.Rung rung,
      String mergedInto,
      int photoCount,
      List<TimelineLine> timeline,
      List<Similar> similar) {

    public String area(Locale locale) {
      return "sw".equals(locale.getLanguage()) ? areaSw : areaEn;
    }
  }

  private record Row(
      String reference,
      String status,
      String nameEn,
      String nameSw,
      String wardCode,
      String departmentRef,
      String officerName,
      OffsetDateTime createdAt,
      OffsetDateTime escalatedAt,
      int escalationLevel,
      int acknowledgeDays,
      int resolveDays) {}

  private record AreaRow(
      String nameEn, String nameSw, String publicId, int acknowledgeDays, int resolveDays) {}

  private final JdbcClient jdbc;
  private final Casework casework;
  private final Timelines timelines;
  private final EscalationLadder ladder;
  private final Clock clock;

  CaseQueries(
      JdbcClient jdbc,
      Casework casework,
      Timelines timelines,
      EscalationLadder ladder,
      Clock clock) {
    this.jdbc = jdbc;
    this.casework = casework;
    this.timelines = timelines;
    this.ladder = ladder;
    this.clock = clock;
  }

  /** One page of the queue, newest first; merged duplicates are left out. Two queries. */
  public PageResult<QueueRow> queue(CaseAccess.Scope scope, QueueFilter f, PageRequest page) {
    StringBuilder where =
        new StringBuilder(" where c.county_code = :county and c.merged_into_id is null");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("county", scope.countyCode());
    if (!scope.wholeCounty()) {
      where.append(" and c.department_ref in (:scoped)");
      params.put("scoped", List.copyOf(scope.departments()));
    }
    if ("open".equals(f.status())) {
      where.append(" and c.status in ('RECEIVED', 'ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS')");
    } else if (!"all".equals(f.status())) {
      where.append(" and c.status = :status");
      params.put("status", status(f.status()).name());
    }
    if (!f.area().isEmpty()) {
      where.append(" and a.public_id = :area");
      params.put("area", f.area());
    }
    if (!f.ward().isEmpty()) {
      where.append(" and c.ward_code = :ward");
      params.put("ward", f.ward());
    }
    if (!f.department().isEmpty()) {
      where.append(" and c.department_ref = :department");
      params.put("department", f.department());
    }
    if (!f.officer().isEmpty()) {
      where.append(" and c.officer_ref = :officer");
      params.put("officer", "me".equals(f.officer()) ? scope.officerRef() : f.officer());
    }
    String from =
        " from feedback_case c join feedback_service_area a on a.id = c.service_area_id" + where;
    long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
    Instant now = clock.instant();
    List<QueueRow> rows =
        jdbc
            .sql(
                "select c.reference, c.status, a.name_en, a.name_sw, c.ward_code, c.department_ref,"
                    + " c.officer_name, c.created_at, c.escalated_at, c.escalation_level,"
                    + " a.acknowledge_days, a.resolve_days"
                    + from
                    + " order by c.created_at desc, c.id desc offset "
                    + page.offset()
                    + " rows fetch next "
                    + page.size()
                    + " rows only")
            .params(params)
            .query(Row.class)
            .list()
            .stream()
            .map(r -> row(r, now))
            .toList();
    return new PageResult<>(rows, page.page(), page.size(), total);
  }

  /**
   * A case with its whole timeline (internal notes included) and its possible duplicates.
   *
   * @throws ke.baraza.platform.UserError 404 when the officer may not see it
   */
  public CaseDetail detail(CaseAccess.Scope scope, String reference) {
    FeedbackCase filed = casework.visible(scope, reference);
    AreaRow area =
        jdbc.sql(
                "select name_en, name_sw, public_id, acknowledge_days, resolve_days"
                    + " from feedback_service_area where id = ?")
            .param(filed.serviceAreaId())
            .query(AreaRow.class)
            .single();
    String mergedInto =
        filed.mergedIntoId() == null
            ? null
            : jdbc.sql("select reference from feedback_case where id = ?")
                .param(filed.mergedIntoId())
                .query(String.class)
                .single();
    Instant now = clock.instant();
    Instant escalatedAt = filed.escalatedAt();
    return new CaseDetail(
        filed,
        area.nameEn(),
        area.nameSw(),
        area.acknowledgeDays(),
        area.resolveDays(),
        Charter.sla(
            filed.status(),
            filed.createdAt(),
            escalatedAt,
            area.acknowledgeDays(),
            area.resolveDays(),
            now),
        Charter.due(
            filed.status(),
            filed.createdAt(),
            escalatedAt,
            area.acknowledgeDays(),
            area.resolveDays()),
        ladder.rung(filed.countyCode(), filed.escalationLevel()),
        mergedInto,
        filed.photoIds().size(),
        timelines.of(filed.id(), filed.countyCode(), Timelines.Audience.OFFICER),
        filed.mergedIntoId() == null
            ? similar(filed.countyCode(), area.publicId(), filed.wardCode(), filed.reference())
            : List.of());
  }

  /**
   * Open cases (not merged) of the same service area in the same ward, newest first, at most
   * {@value #SIMILAR}; empty for blank or unknown values.
   *
   * @param except a reference to leave out (the case being looked at), or null
   */
  public List<Similar> similar(
      String countyCode, String areaPublicId, String wardCode, String except) {
    if (areaPublicId == null || areaPublicId.isBlank() || wardCode == null || wardCode.isBlank()) {
      return List.of();
    }
    return jdbc.sql(
            "select c.reference, c.status, c.created_at from feedback_case c"
                + " join feedback_service_area a on a.id = c.service_area_id"
                + " where c.county_code = :county and a.public_id = :area and c.ward_code = :ward"
                + " and c.status in ('RECEIVED', 'ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS')"
                + " and c.merged_into_id is null and c.reference <> :except"
                + " order by c.created_at desc, c.id desc fetch first "
                + SIMILAR
                + " rows only")
        .param("county", countyCode)
        .param("area", areaPublicId.strip())
        .param("ward", wardCode.strip())
        .param("except", except == null ? "" : except)
        .query(
            (rs, n) ->
                new Similar(
                    rs.getString(1),
                    CaseStatus.valueOf(rs.getString(2)),
                    rs.getObject(3, OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The statuses an officer may filter on, with {@code open} and {@code all}. */
  public static List<String> statusFilters() {
    List<String> all = new ArrayList<>(List.of("open", "all"));
    for (CaseStatus s : CaseStatus.values()) {
      all.add(s.name());
    }
    return all;
  }

  private static CaseStatus status(String value) {
    for (CaseStatus s : CaseStatus.values()) {
      if (s.name().equals(value)) {
        return s;
      }
    }
    throw ke.baraza.platform.UserError.badRequest("error.400");
  }

  private static QueueRow row(Row r, Instant now) {
    CaseStatus status = CaseStatus.valueOf(r.status());
    Instant created = r.createdAt().toInstant();
    Instant escalated = r.escalatedAt() == null ? null : r.escalatedAt().toInstant();
    return new QueueRow(
        r.reference(),
        status,
        r.nameEn(),
        r.nameSw(),
        r.wardCode(),
        r.departmentRef(),
        r.officerName(),
        created,
        r.escalationLevel(),
        Charter.sla(status, created, escalated, r.acknowledgeDays(), r.resolveDays(), now),
        Charter.due(status, created, escalated, r.acknowledgeDays(), r.resolveDays()));
  }
}
