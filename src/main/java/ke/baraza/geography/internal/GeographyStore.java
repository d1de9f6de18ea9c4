package ke.baraza.geography.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the administrative units with plain SQL (they are reference data, written once by migration
 * 3) and keeps the 47 counties in memory. Every query is bound and paginated.
 */
@Service
@Transactional(readOnly = true)
class GeographyStore implements GeographyApi {

  private static final Pattern COUNTY_CODE = Pattern.compile("\\d{3}");
  private static final Pattern WARD_CODE = Pattern.compile("\\d{4}");

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile List<County> counties;

  GeographyStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
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
  public Optional<County> county(String code) {
    if (code == null || !COUNTY_CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    return counties().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  @Override
  public List<SubCounty> subCounties(String countyCode) {
    return jdbc.sql(
            "select code, county_code, name from subcounty where county_code = ? order by name")
        .param(countyCode)
        .query(SubCounty.class)
        .list();
  }

  @Override
  public PageResult<Ward> wards(String countyCode, PageRequest page) {
    long total =
        jdbc.sql("select count(*) from ward where county_code = ?")
            .param(countyCode)
            .query(Long.class)
            .single();
    List<Ward> items =
        jdbc.sql(
                """
                select w.code, w.name, w.subcounty_code as sub_county_code, s.name as sub_county_name, w.county_code
                from ward w join subcounty s on s.code = w.subcounty_code
                where w.county_code = ?
                order by s.name, w.name
                limit ? offset ?""")
            .params(countyCode, page.size(), page.offset())
            .query(Ward.class)
            .list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** Every ward of a county in one query, for the county page. */
  List<Ward> allWards(String countyCode) {
    return wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE)).items();
  }

  @Override
  public Optional<Ward> ward(String code) {
    if (code == null || !WARD_CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select w.code, w.name, w.subcounty_code as sub_county_code, s.name as sub_county_name, w.county_code
            from ward w join subcounty s on s.code = w.subcounty_code
            where w.code = ?""")
        .param(code)
        .query(Ward.class)
        .optional();
  }

  @Override
  public java.util.Map<String, Ward> wards(java.util.Collection<String> codes) {
    List<String> valid =
        codes.stream().filter(c -> c != null && WARD_CODE.matcher(c).matches()).distinct().toList();
    if (valid.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, Ward> result = new java.util.HashMap<>();
    jdbc.sql(
            """
            select w.code, w.name, w.subcounty_code as sub_county_code, s.name as sub_county_name, w.county_code
            from ward w join subcounty s on s.code = w.subcounty_code
            where w.code in (:codes)""")
        .param("codes", valid)
        .query(Ward.class)
        .list()
        .forEach(w -> result.put(w.code(), w));
    return result;
  }

  @Override
  public List<Ward> wardsOfSubCounty(String subCountyCode) {
    return jdbc.sql(
            """
            select w.code, w.name, w.subcounty_code as sub_county_code, s.name as sub_county_name, w.county_code
            from ward w join subcounty s on s.code = w.subcounty_code
            where w.subcounty_code = ? order by w.name""")
        .param(subCountyCode)
        .query(Ward.class)
        .list();
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
