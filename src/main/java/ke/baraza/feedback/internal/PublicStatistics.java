package ke.baraza.feedback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.RefreshingCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A county's feedback in figures, for anyone: cases by ward, service area and status, how long the
 * county takes to acknowledge and to resolve, and how often it keeps its service charter. Counts
 * only, never a case's content. Four queries, however many cases.
 */
@Service
public class PublicStatistics {

  /**
   * One bar of a chart.
   *
   * @param key a ward code, a service area's public id or a status name
   * @param nameEn the label in English; for a status, its message key (the page translates it)
   * @param nameSw the label in Kiswahili (the same as English for a ward and for a status)
   */
  public record Count(String key, String nameEn, String nameSw, long count) {

    public String name(Locale locale) {
      return "sw".equals(locale.getLanguage()) ? nameSw : nameEn;
    }
  }

  /**
   * The figures of one county.
   *
   * @param medianAcknowledge from filing to the first status past received, over cases that got
   *     one; null when none did
   * @param medianResolve from filing to resolved (or closed), over resolved cases; null when none
   * @param charterDue cases resolved, or open past their service charter's resolve days (rejected
   *     cases are left out)
   * @param charterKept of those, the cases resolved within the charter
   */
  public record Figures(
      long total,
      List<Count> byWard,
      List<Count> byArea,
      List<Count> byStatus,
      Duration medianAcknowledge,
      Duration medianResolve,
      long charterDue,
      long charterKept) {

    /** The share of due cases resolved within the charter, in whole percent; null when none due. */
    public Integer charterPercent() {
      return charterDue == 0 ? null : (int) Math.round(100.0 * charterKept / charterDue);
    }

    /** The largest count of a list, at least 1, to scale its bars. */
    public static long max(List<Count> counts) {
      return Math.max(1, counts.stream().mapToLong(Count::count).max().orElse(1));
    }
  }

  private record WardStatus(String wardCode, String status, long n) {}

  private record AreaCount(String publicId, String nameEn, String nameSw, boolean active, long n) {}

  private record Timing(
      String status,
      OffsetDateTime createdAt,
      int resolveDays,
      OffsetDateTime acknowledgedAt,
      OffsetDateTime resolvedAt) {}

  private static final String PAST_RECEIVED =
      "'ACKNOWLEDGED','ASSIGNED','IN_PROGRESS','RESOLVED','CLOSED'";
  private static final String RESOLVED = "'RESOLVED','CLOSED'";

  private final JdbcClient jdbc;
  private final GeographyApi geography;
  private final ServiceAreaCatalogue areas;
  private final Clock clock;
  private final RefreshingCache<String, Figures> figures;
  private final RefreshingCache<String, Map<String, Long>> wardCounts;

  PublicStatistics(
      JdbcClient jdbc,
      GeographyApi geography,
      ServiceAreaCatalogue areas,
      Clock clock,
      @Value("${baraza.public-figures.max-age:PT1M}") Duration maxAge) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.areas = areas;
    this.clock = clock;
    this.figures = new RefreshingCache<>(maxAge, clock);
    this.wardCounts = new RefreshingCache<>(maxAge, clock);
  }

  /**
   * The county's figures; all zero for a county without cases. Computed from every case of the
   * county, so kept for {@code baraza.public-figures.max-age} (a minute by default; see {@link
   * RefreshingCache}).
   */
  public Figures of(String countyCode) {
    return figures.get(countyCode, this::compute);
  }

  private Figures compute(String countyCode) {
    areas.of(countyCode); // the default areas exist from the first look
    List<WardStatus> wardStatus =
        jdbc.sql(
                "select ward_code, status, count(*) as n from feedback_case where county_code = ?"
                    + " group by ward_code, status")
            .param(countyCode)
            .query(WardStatus.class)
            .list();
    List<AreaCount> areaCounts =
        jdbc.sql(
                """
                select a.public_id, a.name_en, a.name_sw, a.active, count(c.id) as n
                from feedback_service_area a left join feedback_case c on c.service_area_id = a.id
                where a.county_code = ?
                group by a.public_id, a.name_en, a.name_sw, a.active, a.position
                order by a.position, a.public_id""")
            .param(countyCode)
            .query(AreaCount.class)
            .list();
    List<Timing> timings =
        jdbc.sql(
                "select c.status, c.created_at, a.resolve_days,"
                    + " min(case when e.status in ("
                    + PAST_RECEIVED
                    + ") then e.happened_at end) as acknowledged_at,"
                    + " min(case when e.status in ("
                    + RESOLVED
                    + ") then e.happened_at end) as resolved_at"
                    + " from feedback_case c"
                    + " join feedback_service_area a on a.id = c.service_area_id"
                    + " left join feedback_case_event e on e.case_id = c.id"
                    + " and e.kind in ('STATUS', 'ASSIGNED', 'REOPENED')"
                    + " where c.county_code = ?"
                    + " group by c.id, c.status, c.created_at, a.resolve_days")
            .param(countyCode)
            .query(Timing.class)
            .list();
    Map<String, Long> wardTotals = new LinkedHashMap<>();
    Map<CaseStatus, Long> statusTotals = new EnumMap<>(CaseStatus.class);
    long total = 0;
    for (WardStatus row : wardStatus) {
      wardTotals.merge(row.wardCode(), row.n(), Long::sum);
      statusTotals.merge(CaseStatus.valueOf(row.status()), row.n(), Long::sum);
      total += row.n();
    }
    Map<String, Ward> wards = geography.wards(wardTotals.keySet());
    List<Count> byWard =
        wardTotals.entrySet().stream()
            .map(
                e -> {
                  String name =
                      wards.containsKey(e.getKey()) ? wards.get(e.getKey()).name() : e.getKey();
                  return new Count(e.getKey(), name, name, e.getValue());
                })
            .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::nameEn))
            .toList();
    List<Count> byArea =
        areaCounts.stream()
            .filter(a -> a.active() || a.n() > 0)
            .map(a -> new Count(a.publicId(), a.nameEn(), a.nameSw(), a.n()))
            .toList();
    List<Count> byStatus = new ArrayList<>();
    for (CaseStatus status : CaseStatus.values()) {
      byStatus.add(
          new Count(
              status.name(),
              status.messageKey(),
              status.messageKey(),
              statusTotals.getOrDefault(status, 0L)));
    }
    Instant now = clock.instant();
    List<Duration> acknowledge = new ArrayList<>();
    List<Duration> resolve = new ArrayList<>();
    long due = 0;
    long kept = 0;
    for (Timing t : timings) {
      Instant created = t.createdAt().toInstant();
      if (t.acknowledgedAt() != null) {
        acknowledge.add(Duration.between(created, t.acknowledgedAt().toInstant()));
      }
      if (CaseStatus.REJECTED.name().equals(t.status())) {
        continue;
      }
      Instant deadline = created.plus(Duration.ofDays(t.resolveDays()));
      if (t.resolvedAt() != null) {
        Instant resolved = t.resolvedAt().toInstant();
        resolve.add(Duration.between(created, resolved));
        due++;
        if (!resolved.isAfter(deadline)) {
          kept++;
        }
      } else if (now.isAfter(deadline)) {
        due++;
      }
    }
    return new Figures(
        total, byWard, byArea, byStatus, median(acknowledge), median(resolve), due, kept);
  }

  /** Cases per ward, for the map (one query, kept as {@link #of} is). */
  public Map<String, Long> perWard(String countyCode) {
    return wardCounts.get(countyCode, this::countPerWard);
  }

  private Map<String, Long> countPerWard(String countyCode) {
    return jdbc
        .sql(
            "select ward_code, count(*) as n from feedback_case where county_code = ?"
                + " group by ward_code")
        .param(countyCode)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  static Duration median(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(mid)
        : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
  }
}
