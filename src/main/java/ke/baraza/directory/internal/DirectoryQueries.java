package ke.baraza.directory.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.baraza.directory.BodyKind;
import ke.baraza.directory.Demographics;
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
import org.springframework.transaction.annotation.Propagation;
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
        .query(DirectoryQueries::row)
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
        .query(DirectoryQueries::row)
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

  @Override
  public Optional<BodyRef> body(String publicId) {
    return jdbc.sql(BODY + " where public_id = ?")
        .param(publicId == null ? "" : publicId)
        .query(DirectoryQueries::bodyRef)
        .optional();
  }

  @Override
  public List<BodyRef> bodies(String countyCode) {
    return jdbc.sql(BODY + " where county_code = ? order by name")
        .param(countyCode == null ? "" : countyCode)
        .query(DirectoryQueries::bodyRef)
        .list();
  }

  @Override
  // one query: joins a caller's transaction but opens none (a JPA transaction for it cost a
  // session, BEGIN and COMMIT on every list of activities)
  @Transactional(propagation = Propagation.SUPPORTS)
  public Map<String, String> names(Collection<String> publicIds) {
    Map<String, String> names = new LinkedHashMap<>();
    if (publicIds.isEmpty()) {
      return names;
    }
    jdbc.sql(
            "select public_id, name from body where public_id in (:ids)"
                + " union all select public_id, name from organisation where public_id in (:ids)")
        .param("ids", publicIds)
        .query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
        .list();
    return names;
  }

  @Override
  public List<Contact> activeMembers(String bodyPublicId) {
    return jdbc.sql(
            "select o.public_id, o.name, o.county_code, null as organisation_name, o.email, o.phone,"
                + " null as language from membership m join body b on b.id = m.body_id"
                + " join organisation o on o.id = m.organisation_id"
                + " where b.public_id = ? and m.status = 'ACTIVE' order by o.name_key, o.id")
        .param(bodyPublicId == null ? "" : bodyPublicId)
        .query(Contact.class)
        .list();
  }

  @Override
  public List<Contact> peopleOf(Collection<String> organisationPublicIds) {
    if (organisationPublicIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select pe.public_id, pe.name, pe.county_code, min(o.name) as organisation_name,"
                + " pe.email, pe.phone, pe.language from person pe"
                + " join person_organisation po on po.person_id = pe.id"
                + " join organisation o on o.id = po.organisation_id"
                + " where o.public_id in (:ids) and pe.merged_into_id is null"
                + " group by pe.id, pe.public_id, pe.name, pe.name_key, pe.county_code, pe.email,"
                + " pe.phone, pe.language order by pe.name_key, pe.id")
        .param("ids", organisationPublicIds)
        .query(Contact.class)
        .list();
  }

  @Override
  public List<Contact> contacts(Collection<String> publicIds) {
    if (publicIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select public_id, name, county_code, null as organisation_name, email, phone,"
                + " null as language from organisation where public_id in (:ids)"
                + " union all select pe.public_id, pe.name, pe.county_code,"
                + " (select min(o.name) from person_organisation po join organisation o"
                + " on o.id = po.organisation_id where po.person_id = pe.id),"
                + " pe.email, pe.phone, pe.language from person pe"
                + " where pe.public_id in (:ids) and pe.merged_into_id is null")
        .param("ids", publicIds)
        .query(Contact.class)
        .list();
  }

  @Override
  public Demographics demographics(String personPublicId) {
    record Told(String gender, String ageBand, Boolean disability) {}
    return jdbc.sql(
            "select gender, age_band, disability from person where public_id = ?"
                + " and merged_into_id is null and consent_at is not null")
        .param(personPublicId == null ? "" : personPublicId)
        .query(Told.class)
        .optional()
        .map(
            t ->
                new Demographics(
                    t.gender() == null ? null : Demographics.Gender.valueOf(t.gender()),
                    t.ageBand() == null ? null : Demographics.AgeBand.valueOf(t.ageBand()),
                    t.disability()))
        .orElse(Demographics.NONE);
  }

  private static final String BODY = "select public_id, name, acronym, county_code, kind from body";

  private static BodyRef bodyRef(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new BodyRef(
        rs.getString("public_id"),
        rs.getString("name"),
        rs.getString("acronym"),
        rs.getString("county_code"),
        BodyKind.valueOf(rs.getString("kind")));
  }

  private static final String SELECT =
      "select o.id, o.public_id, o.identifier, o.name, o.acronym, o.org_type, o.status, o.verified,"
          + " o.county_code, o.home_ward_code from organisation o";

  /** A row of {@link #SELECT}, by position: a page of search results maps 25 to 200 of them. */
  private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    long id = rs.getLong(1);
    return new Row(
        rs.wasNull() ? null : id,
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getBoolean(8),
        rs.getString(9),
        rs.getString(10));
  }

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
