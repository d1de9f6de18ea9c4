package ke.baraza.directory.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * The directory's lists. A search asks the index ({@link OrganisationIndex}) for one page of ids
 * and the total, then reads those rows in one query and their ward names in another: a fixed number
 * of database queries per page, whatever the filters and the page size.
 */
@Service
@Transactional(readOnly = true)
class DirectoryQueries implements DirectoryApi, GrantScopes {

  private final JdbcClient jdbc;
  private final GeographyApi geography;
  private final OrganisationIndex index;

  DirectoryQueries(JdbcClient jdbc, GeographyApi geography, OrganisationIndex index) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.index = index;
  }

  private record Row(
      Long id,
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
    OrganisationIndex.Hits hits = index.search(search, page);
    if (hits.ids().isEmpty()) {
      return new PageResult<>(List.of(), page.page(), page.size(), hits.total());
    }
    Map<Long, Row> byId = new HashMap<>();
    jdbc.sql(SELECT + " where o.id in (:ids)")
        .param("ids", hits.ids())
        .query(Row.class)
        .list()
        .forEach(r -> byId.put(r.id(), r));
    // in the index's order; a row deleted behind the index's back is left out
    List<Row> rows = hits.ids().stream().map(byId::get).filter(Objects::nonNull).toList();
    Map<String, Ward> wards =
        geography.wards(rows.stream().map(Row::homeWardCode).filter(Objects::nonNull).toList());
    return new PageResult<>(
        rows.stream().map(r -> summary(r, wards)).toList(), page.page(), page.size(), hits.total());
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
      "select o.id, o.public_id, o.identifier, o.name, o.acronym, o.org_type, o.status, o.verified,"
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

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
