package ke.baraza.activities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ke.baraza.activities.Theme;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
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

  ActivityQueries(
      JdbcClient jdbc,
      DirectoryApi directory,
      GeographyApi geography,
      ActivityPermissions permissions) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.geography = geography;
    this.permissions = permissions;
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

  /** A page of activities by start date, latest first. */
  public PageResult<ActivityRow> list(Filter filter, boolean includeInternal, PageRequest page) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.countyCode() != null) {
      where.append(" and a.county_code = :county");
      params.put("county", filter.countyCode());
    }
    if (filter.organisationRef() != null) {
      where.append(" and a.organisation_ref = :organisation");
      params.put("organisation", filter.organisationRef());
    }
    if (filter.theme() != null) {
      where.append(" and a.theme = :theme");
      params.put("theme", filter.theme());
    }
    if (filter.status() != null) {
      where.append(" and a.status = :status");
      params.put("status", filter.status());
    }
    if (filter.wardCode() != null) {
      where.append(
          " and exists (select 1 from activity_ward w where w.activity_id = a.id"
              + " and w.ward_code = :ward)");
      params.put("ward", filter.wardCode());
    }
    if (!includeInternal) {
      where.append(" and a.public_record = true");
    }
    long total =
        jdbc.sql("select count(*) from activity a" + where)
            .params(params)
            .query(Long.class)
            .single();
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
                    + " a.ends_on, a.status, a.public_record from activity a"
                    + where
                    + " order by a.starts_on desc, a.id desc"
                    + " offset :offset rows fetch next :size rows only")
            .params(paged)
            .query(Row.class)
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
   * Who does what where in a county: activities not cancelled, counted per theme and ward.
   *
   * @param wards the county's wards, by sub-county and name
   * @param counts theme → ward code → number of activities (wards without any left out)
   */
  public record Matrix(List<Ward> wards, Map<Theme, Map<String, Integer>> counts) {

    /** The number of activities on a theme in a ward. */
    public int count(Theme theme, String wardCode) {
      return counts.getOrDefault(theme, Map.of()).getOrDefault(wardCode, 0);
    }

    /** The wards where no one works on the theme: the gaps. */
    public List<Ward> gaps(Theme theme) {
      return wards.stream().filter(w -> count(theme, w.code()) == 0).toList();
    }

    /** Activities in a ward across all themes. */
    public int total(String wardCode) {
      return counts.values().stream().mapToInt(m -> m.getOrDefault(wardCode, 0)).sum();
    }
  }

  /** The county's matrix; internal activities count only for its coordinators. */
  public Matrix matrix(String countyCode) {
    List<Ward> wards =
        geography.wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE)).items();
    record Cell(String theme, String wardCode, int n) {}
    Map<Theme, Map<String, Integer>> counts = new EnumMap<>(Theme.class);
    jdbc.sql(
            "select theme, ward_code, count(*) as n from activity_ward where county_code = :county"
                + " and status <> 'CANCELLED'"
                + (permissions.mayCoordinate(countyCode) ? "" : " and public_record = true")
                + " group by theme, ward_code")
        .param("county", countyCode)
        .query(Cell.class)
        .list()
        .forEach(
            c ->
                counts
                    .computeIfAbsent(Theme.valueOf(c.theme()), k -> new TreeMap<>())
                    .put(c.wardCode(), c.n()));
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
