package ke.baraza.activities.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ke.baraza.activities.Theme;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.RefreshingCache;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists of activities and the who-does-what-where figures. Each costs a fixed number of queries: a
 * count, the page, the wards of the page's activities and the organisations' names. Internal
 * activities are counted and listed only for those {@link ActivityPermissions} lets see them.
 */
@Component
public class ActivityQueries {

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final ActivityPermissions permissions;

  private final RefreshingCache<String, Matrix> publicMatrices;

  ActivityQueries(
      JdbcClient jdbc,
      DirectoryApi directory,
      GeographyApi geography,
      ActivityPermissions permissions,
      Clock clock,
      @Value("${baraza.public-figures.max-age:PT1M}") Duration maxAge) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.geography = geography;
    this.permissions = permissions;
    this.publicMatrices = new RefreshingCache<>(maxAge, clock);
  }

  /** One activity in a list, with its organisation's name and its wards' names. */
  public record ActivityRow(
      String publicId,
      String title,
      String theme,
      String organisationRef,
      String organisationName,
      LocalDate startsOn,
      LocalDate endsOn,
      String status,
      boolean publicRecord,
      List<String> wardNames) {}

  /**
   * What to list; nulls mean "any".
   *
   * @param organisationRef an organisation's public id
   */
  public record Filter(
      String countyCode, String organisationRef, String theme, String wardCode, String status) {}

  /**
   * A page of activities by start date, latest first. A ward's list is read from {@code
   * activity_ward}, which repeats the activity's county, organisation, theme, dates, status and
   * visibility for each of its wards: the ward's public rows are counted and paged in the order of
   * the index {@code activity_ward_listing} instead of testing every activity of the county for the
   * ward (15 and 7 ms against 0.3 and 0.3 ms at scale S on PostgreSQL).
   */
  public PageResult<ActivityRow> list(Filter filter, boolean includeInternal, PageRequest page) {
    boolean byWard = filter.wardCode() != null;
    String t = byWard ? "w" : "a"; // the table filtered: both have these columns
    StringBuilder where = new StringBuilder();
    Map<String, Object> params = new HashMap<>();
    if (byWard) {
      where.append(" and w.ward_code = :ward");
      params.put("ward", filter.wardCode());
    }
    if (byWard && filter.countyCode() != null) {
      // a ward lies in one county: answer a ward of another county here, and leave the county out
      // of the query so that the ward's index alone answers it
      if (geography
          .ward(filter.wardCode())
          .filter(w -> w.countyCode().equals(filter.countyCode()))
          .isEmpty()) {
        return new PageResult<>(List.of(), page.page(), page.size(), 0);
      }
    } else if (filter.countyCode() != null) {
      where.append(" and " + t + ".county_code = :county");
      params.put("county", filter.countyCode());
    }
    if (filter.organisationRef() != null) {
      where.append(" and " + t + ".organisation_ref = :organisation");
      params.put("organisation", filter.organisationRef());
    }
    if (filter.theme() != null) {
      where.append(" and " + t + ".theme = :theme");
      params.put("theme", filter.theme());
    }
    if (filter.status() != null) {
      where.append(" and " + t + ".status = :status");
      params.put("status", filter.status());
    }
    if (!includeInternal) {
      where.append(" and " + t + ".public_record = true");
    }
    long total =
        jdbc.sql(
                (byWard
                        ? "select count(*) from activity_ward w"
                        : "select count(*) from activity a")
                    + " where 1 = 1"
                    + where)
            .params(params)
            .query(Long.class)
            .single();
    if (total <= page.offset()) {
      return new PageResult<>(List.of(), page.page(), page.size(), total);
    }
    record Row(
        long id,
        String publicId,
        String title,
        String theme,
        String organisationRef,
        LocalDate startsOn,
        LocalDate endsOn,
        String status,
        boolean publicRecord) {}
    Map<String, Object> paged = new HashMap<>(params);
    paged.put("offset", page.offset());
    paged.put("size", page.size());
    List<Row> rows =
        jdbc.sql(
                "select a.id, a.public_id, a.title, a.theme, a.organisation_ref, a.starts_on,"
                    + " a.ends_on, a.status, a.public_record"
                    + (byWard
                        ? " from activity_ward w join activity a on a.id = w.activity_id"
                        : " from activity a")
                    + " where 1 = 1"
                    + where
                    + (byWard
                        ? " order by w.starts_on desc, w.activity_id desc"
                        : " order by a.starts_on desc, a.id desc")
                    + " offset :offset rows fetch next :size rows only")
            .params(paged)
            .query(
                (rs, i) ->
                    new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8),
                        rs.getBoolean(9)))
            .list();
    Map<Long, List<String>> wards = wardNames(rows.stream().map(Row::id).toList());
    Set<String> orgs = rows.stream().map(Row::organisationRef).collect(Collectors.toSet());
    Map<String, String> names = orgs.isEmpty() ? Map.of() : directory.names(orgs);
    return new PageResult<>(
        rows.stream()
            .map(
                r ->
                    new ActivityRow(
                        r.publicId(),
                        r.title(),
                        r.theme(),
                        r.organisationRef(),
                        names.getOrDefault(r.organisationRef(), r.organisationRef()),
                        r.startsOn(),
                        r.endsOn(),
                        r.status(),
                        r.publicRecord(),
                        wards.getOrDefault(r.id(), List.of())))
            .toList(),
        page.page(),
        page.size(),
        total);
  }

  /** The names of the wards of these activities, by activity id, each list in name order. */
  Map<Long, List<String>> wardNames(List<Long> activityIds) {
    if (activityIds.isEmpty()) {
      return Map.of();
    }
    record ActivityWard(long activityId, String wardCode) {}
    List<ActivityWard> rows =
        jdbc.sql("select activity_id, ward_code from activity_ward where activity_id in (:ids)")
            .param("ids", activityIds)
            .query(ActivityWard.class)
            .list();
    Map<String, Ward> wards =
        rows.isEmpty()
            ? Map.of()
            : geography.wards(rows.stream().map(ActivityWard::wardCode).distinct().toList());
    Map<Long, List<String>> result = new HashMap<>();
    for (ActivityWard row : rows) {
      Ward ward = wards.get(row.wardCode());
      result
          .computeIfAbsent(row.activityId(), k -> new ArrayList<>())
          .add(ward == null ? row.wardCode() : ward.name());
    }
    result.values().forEach(list -> list.sort(String::compareTo));
    return result;
  }

  /**
   * Who does what where in a county: activities not cancelled, counted per theme and ward. The
   * counts, totals and gaps are worked out once when the matrix is made, so that writing the page
   * (wards × themes cells) only looks them up.
   */
  public static final class Matrix {

    private final List<Ward> wards;
    private final Map<String, Integer> rowOf;
    private final int[][] counts; // [ward row][theme ordinal]
    private final int[] totals;
    private final Map<Theme, List<Ward>> gaps;

    /**
     * @param wards the county's wards, by sub-county and name
     * @param counts theme → ward code → number of activities (wards without any left out)
     */
    Matrix(List<Ward> wards, Map<Theme, Map<String, Integer>> counts) {
      this.wards = List.copyOf(wards);
      Theme[] themes = Theme.values();
      this.rowOf = new HashMap<>();
      this.counts = new int[wards.size()][themes.length];
      this.totals = new int[wards.size()];
      for (int i = 0; i < wards.size(); i++) {
        rowOf.put(wards.get(i).code(), i);
      }
      counts.forEach(
          (theme, byWard) ->
              byWard.forEach(
                  (ward, n) -> {
                    Integer row = rowOf.get(ward);
                    if (row != null) {
                      this.counts[row][theme.ordinal()] = n;
                      totals[row] += n;
                    }
                  }));
      Map<Theme, List<Ward>> gapsByTheme = new EnumMap<>(Theme.class);
      for (Theme theme : themes) {
        List<Ward> none = new ArrayList<>();
        for (int i = 0; i < wards.size(); i++) {
          if (this.counts[i][theme.ordinal()] == 0) {
            none.add(wards.get(i));
          }
        }
        gapsByTheme.put(theme, List.copyOf(none));
      }
      this.gaps = gapsByTheme;
    }

    /** The county's wards, by sub-county and name. */
    public List<Ward> wards() {
      return wards;
    }

    /** The number of activities on a theme in a ward. */
    public int count(Theme theme, String wardCode) {
      Integer row = rowOf.get(wardCode);
      return row == null ? 0 : counts[row][theme.ordinal()];
    }

    /** The wards where no one works on the theme: the gaps. */
    public List<Ward> gaps(Theme theme) {
      return gaps.get(theme);
    }

    /** Activities in a ward across all themes. */
    public int total(String wardCode) {
      Integer row = rowOf.get(wardCode);
      return row == null ? 0 : totals[row];
    }
  }

  /**
   * The county's matrix. Internal activities count only for its coordinators, who get it afresh
   * (their own edits show at once); everyone else gets the public matrix, an aggregate of public
   * activities kept for {@code baraza.public-figures.max-age} like the other public figures ({@link
   * RefreshingCache}): it groups every activity of the county.
   */
  public Matrix matrix(String countyCode) {
    return permissions.mayCoordinate(countyCode)
        ? computeMatrix(countyCode, true)
        : publicMatrices.get(countyCode, code -> computeMatrix(code, false));
  }

  private Matrix computeMatrix(String countyCode, boolean includeInternal) {
    List<Ward> wards =
        geography.wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE)).items();
    Map<Theme, Map<String, Integer>> counts = new EnumMap<>(Theme.class);
    jdbc.sql(
            "select theme, ward_code, count(*) as n from activity_ward where county_code = :county"
                + " and status <> 'CANCELLED'"
                + (includeInternal ? "" : " and public_record = true")
                + " group by theme, ward_code")
        .param("county", countyCode)
        .query(
            (rs, i) ->
                counts
                    .computeIfAbsent(Theme.valueOf(rs.getString(1)), k -> new HashMap<>())
                    .put(rs.getString(2), rs.getInt(3)))
        .list();
    return new Matrix(wards, counts);
  }

  /** Activities not cancelled per ward of the county, on one theme or (null) all. */
  public Map<String, Integer> wardCounts(String countyCode, Theme theme) {
    record Count(String wardCode, int n) {}
    Map<String, Integer> result = new LinkedHashMap<>();
    jdbc.sql(
            "select ward_code, count(*) as n from activity_ward where county_code = :county"
                + " and status <> 'CANCELLED'"
                + (theme == null ? " and theme <> :theme" : " and theme = :theme")
                + (permissions.mayCoordinate(countyCode) ? "" : " and public_record = true")
                + " group by ward_code order by ward_code")
        .param("county", countyCode)
        .param("theme", theme == null ? "-" : theme.name())
        .query(Count.class)
        .list()
        .forEach(c -> result.put(c.wardCode(), c.n()));
    return result;
  }
}
