package ke.baraza.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.OrganisationStatus;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.GrantScopes;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's lists: one count and one page query whatever the filters, ward names fetched for
 * the whole page at once. Text matching is on the normalised name and acronym.
 */
@Service
@Transactional(readOnly = true)
class DirectoryQueries implements DirectoryApi, GrantScopes {

  private static final Pattern CODE = Pattern.compile("\\d{3,4}");

  private final JdbcClient jdbc;
  private final GeographyApi geography;

  DirectoryQueries(JdbcClient jdbc, GeographyApi geography) {
    this.jdbc = jdbc;
    this.geography = geography;
  }

  private record Row(
      String publicId,
      String identifier,
      String name,
      String acronym,
      String orgType,
      String status,
      boolean verified,
      String countyCode,
      String homeWardCode) {}

  @Override
  public Optional<OrganisationSummary> organisation(String publicId) {
    return jdbc.sql(SELECT + " where o.public_id = :id")
        .param("id", publicId)
        .query(Row.class)
        .optional()
        .map(r -> summary(r, geography.wards(java.util.Set.of(nz(r.homeWardCode())))));
  }

  @Override
  public PageResult<OrganisationSummary> search(DirectorySearch search, PageRequest page) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new java.util.HashMap<>();
    if (notBlank(search.countyCode()) && CODE.matcher(search.countyCode()).matches()) {
      where.append(" and o.county_code = :county");
      params.put("county", search.countyCode());
    }
    if (notBlank(search.text())) {
      String key = OrganisationDetails.key(search.text());
      where.append(" and (o.name_key like :text or lower(o.acronym) like :text)");
      params.put("text", "%" + key + "%");
    }
    if (search.type() != null) {
      where.append(" and o.org_type = :type");
      params.put("type", search.type().name());
    }
    List<String> wardCodes = new ArrayList<>();
    if (notBlank(search.wardCode())) {
      wardCodes.add(search.wardCode());
    } else if (notBlank(search.subCountyCode())) {
      geography.wardsOfSubCounty(search.subCountyCode()).forEach(w -> wardCodes.add(w.code()));
      if (wardCodes.isEmpty()) {
        wardCodes.add("none");
      }
    }
    if (!wardCodes.isEmpty()) {
      where.append(
          " and (o.home_ward_code in (:wards) or exists (select 1 from organisation_ward ow"
              + " where ow.organisation_id = o.id and ow.ward_code in (:wards)))");
      params.put("wards", wardCodes);
    }
    if (notBlank(search.theme())) {
      where.append(
          " and exists (select 1 from organisation_theme ot join thematic_area t on t.id ="
              + " ot.thematic_area_id where ot.organisation_id = o.id and t.public_id = :theme)");
      params.put("theme", search.theme());
    }
    long total =
        jdbc.sql("select count(*) from organisation o" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", page.size());
    params.put("offset", page.offset());
    List<Row> rows =
        jdbc.sql(SELECT + where + " order by o.name_key, o.id limit :limit offset :offset")
            .params(params)
            .query(Row.class)
            .list();
    Map<String, Ward> wards =
        geography.wards(rows.stream().map(Row::homeWardCode).filter(c -> c != null).toList());
    return new PageResult<>(
        rows.stream().map(r -> summary(r, wards)).toList(), page.page(), page.size(), total);
  }

  @Override
  public Optional<String> countyOf(String publicId) {
    return jdbc
        .sql(
            "select county_code from organisation where public_id = ?"
                + " union all select county_code from body where public_id = ?")
        .params(publicId, publicId)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  private static final String SELECT =
      "select o.public_id, o.identifier, o.name, o.acronym, o.org_type, o.status, o.verified,"
          + " o.county_code, o.home_ward_code from organisation o";

  private static OrganisationSummary summary(Row r, Map<String, Ward> wards) {
    Ward ward = r.homeWardCode() == null ? null : wards.get(r.homeWardCode());
    return new OrganisationSummary(
        r.publicId(),
        r.identifier(),
        r.name(),
        r.acronym(),
        OrganisationType.valueOf(r.orgType()),
        OrganisationStatus.valueOf(r.status()),
        r.verified(),
        r.countyCode(),
        r.homeWardCode(),
        ward == null ? null : ward.name());
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
