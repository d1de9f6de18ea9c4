package ke.baraza.geography.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.SubCounty;
import ke.baraza.geography.Village;
import ke.baraza.geography.Ward;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import ke.baraza.shared.PublicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the administrative units with plain SQL (they are reference data, written once by migration
 * 3) and keeps the 47 counties, their sub-counties and the 1,450 wards in memory: every page names
 * its county and most name wards, and reading them from the database each time cost a transaction
 * per page. Villages, which residents add, are always read from the database. Every query is bound
 * and paginated.
 */
@Service
@Transactional(readOnly = true)
class GeographyStore implements GeographyApi {

  private static final Pattern COUNTY_CODE = Pattern.compile("\\d{3}");
  private static final Pattern WARD_CODE = Pattern.compile("\\d{4}");

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile List<County> counties;
  private volatile Wards wards;
  private volatile Map<String, List<SubCounty>> subCounties;

  /** Every ward, by code, and by county and sub-county in the order pages list them. */
  private record Wards(
      Map<String, Ward> byCode, Map<String, List<Ward>> byCounty, Map<String, List<Ward>> bySub) {}

  GeographyStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.SUPPORTS)
  public List<County> counties() {
    List<County> loaded = counties;
    if (loaded == null) {
      loaded =
          jdbc.sql("select code, name, name_first_schedule from county order by code")
              .query(County.class)
              .list();
      counties = List.copyOf(loaded);
    }
    return loaded;
  }

  @Override
  @Transactional(propagation = Propagation.SUPPORTS)
  public Optional<County> county(String code) {
    if (code == null || !COUNTY_CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    return counties().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** Kept in memory like the wards: each USSD session lists a county's sub-counties. */
  @Override
  @Transactional(propagation = Propagation.SUPPORTS)
  public List<SubCounty> subCounties(String countyCode) {
    Map<String, List<SubCounty>> loaded = subCounties;
    if (loaded == null) {
      loaded =
          jdbc
              .sql("select code, county_code, name from subcounty order by name")
              .query(SubCounty.class)
              .list()
              .stream()
              .collect(
                  Collectors.groupingBy(
                      SubCounty::countyCode,
                      Collectors.collectingAndThen(Collectors.toList(), List::copyOf)));
      subCounties = Map.copyOf(loaded);
    }
    return loaded.getOrDefault(countyCode, List.of());
  }

  @Override
  @Transactional(propagation = Propagation.SUPPORTS)
  public PageResult<Ward> wards(String countyCode, PageRequest page) {
    List<Ward> all = wards().byCounty().getOrDefault(countyCode, List.of());
    int from = (int) Math.min(all.size(), page.offset());
    int to = (int) Math.min(all.size(), (long) from + page.size());
    return new PageResult<>(all.subList(from, to), page.page(), page.size(), all.size());
  }

  /** The wards, loaded once in one query: ordered by sub-county name, then ward name. */
  private Wards wards() {
    Wards loaded = wards;
    if (loaded == null) {
      List<Ward> all =
          jdbc.sql(
                  """
                  select w.code, w.name, w.subcounty_code as sub_county_code,
                         s.name as sub_county_name, w.county_code
                  from ward w join subcounty s on s.code = w.subcounty_code
                  order by s.name, w.name, w.code""")
              .query(Ward.class)
              .list();
      Map<String, Ward> byCode = new HashMap<>();
      Map<String, List<Ward>> byCounty = new HashMap<>();
      Map<String, List<Ward>> bySub = new HashMap<>();
      for (Ward w : all) {
        byCode.put(w.code(), w);
        byCounty.computeIfAbsent(w.countyCode(), k -> new ArrayList<>()).add(w);
        bySub.computeIfAbsent(w.subCountyCode(), k -> new ArrayList<>()).add(w);
      }
      byCounty.replaceAll((k, v) -> List.copyOf(v));
      bySub.replaceAll((k, v) -> List.copyOf(v));
      loaded = new Wards(Map.copyOf(byCode), Map.copyOf(byCounty), Map.copyOf(bySub));
      wards = loaded;
    }
    return loaded;
  }

  /** Every ward of a county in one query, for the county page. */
  List<Ward> allWards(String countyCode) {
    return wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE)).items();
  }

  @Override
  @Transactional(propagation = Propagation.SUPPORTS)
  public Optional<Ward> ward(String code) {
    if (code == null || !WARD_CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(wards().byCode().get(code));
  }

  @Override
  @Transactional(propagation = Propagation.SUPPORTS)
  public Map<String, Ward> wards(java.util.Collection<String> codes) {
    Map<String, Ward> byCode = wards().byCode();
    Map<String, Ward> result = new HashMap<>();
    for (String code : codes) {
      Ward ward = code == null ? null : byCode.get(code);
      if (ward != null) {
        result.put(code, ward);
      }
    }
    return result;
  }

  @Override
  @Transactional(propagation = Propagation.SUPPORTS)
  public List<Ward> wardsOfSubCounty(String subCountyCode) {
    return wards().bySub().getOrDefault(subCountyCode, List.of());
  }

  @Override
  public PageResult<Village> villages(String wardCode, PageRequest page) {
    long total =
        jdbc.sql("select count(*) from village where ward_code = ?")
            .param(wardCode)
            .query(Long.class)
            .single();
    List<Village> items =
        jdbc.sql(
                """
                select public_id, ward_code, name from village where ward_code = ?
                order by name_key limit ? offset ?""")
            .params(wardCode, page.size(), page.offset())
            .query(Village.class)
            .list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** Inserts a village; a second one of the same (ward, name key) breaks the unique constraint. */
  @Transactional
  Village insertVillage(String wardCode, String name, String key, String createdBy) {
    String publicId = PublicId.next();
    jdbc.sql(
            """
            insert into village (public_id, ward_code, name, name_key, created_by, created_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(publicId, wardCode, name, key, createdBy, java.sql.Timestamp.from(clock.instant()))
        .update();
    return new Village(publicId, wardCode, name);
  }

  Optional<Village> villageByKey(String wardCode, String key) {
    return jdbc.sql(
            "select public_id, ward_code, name from village where ward_code = ? and name_key = ?")
        .params(wardCode, key)
        .query(Village.class)
        .optional();
  }
}
