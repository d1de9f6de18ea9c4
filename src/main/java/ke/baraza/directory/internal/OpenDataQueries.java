package ke.baraza.directory.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import ke.baraza.directory.BodyKind;
import ke.baraza.directory.BodyLevel;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.MembershipStatus;
import ke.baraza.directory.OrganisationStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's open data: public fields of organisations, bodies and memberships for the Popolo
 * API (pages: a count and a page query, ward names for the whole page at once) and for the CSV and
 * XLSX downloads (read lazily in chunks of {@value #CHUNK} rows, so that a download of 200,000
 * organisations never holds more than one chunk of rows: members keyset-paged on name and id,
 * organisations in the search index's order).
 *
 * <p>Never returns e-mail addresses, phone numbers, MoU details or decision reasons.
 */
@Component
public class OpenDataQueries {

  /** Rows fetched per query while a download is written. */
  public static final int CHUNK = 500;

  /** Memberships that are public: applications and declined ones stay with the coordinator. */
  static final List<String> PUBLIC_MEMBERSHIPS =
      List.of(
          MembershipStatus.ACTIVE.name(),
          MembershipStatus.SUSPENDED.name(),
          MembershipStatus.LEFT.name());

  private static final ZoneId KENYA = ZoneId.of("Africa/Nairobi");

  /** An organisation or a body: what a county's Popolo organization list holds. */
  public sealed interface Party permits OrganisationRow, BodyRow {}

  /**
   * An organisation's public fields.
   *
   * @param homeWardCode four digits, or {@code null}
   * @param homeWardName {@code null} without a home ward
   * @param subCountyName the home ward's sub-county, or {@code null}
   * @param parentId the public id of the organisation it is affiliated to, or {@code null}
   * @param parentName that organisation's name, or {@code null}
   */
  public record OrganisationRow(
      String publicId,
      String identifier,
      String name,
      String acronym,
      OrganisationType type,
      OrganisationStatus status,
      boolean verified,
      String countyCode,
      String homeWardCode,
      String homeWardName,
      String subCountyName,
      LocalDate registrationDate,
      String website,
      String description,
      String parentId,
      String parentName)
      implements Party {}

  /**
   * A network or body.
   *
   * @param areaCode the sub-county or ward code of a body below county level, else {@code null}
   * @param areaName that sub-county's or ward's name, or {@code null}
   * @param activeMembers organisations whose membership is active
   */
  public record BodyRow(
      String publicId,
      String countyCode,
      String name,
      String acronym,
      BodyKind kind,
      BodyLevel level,
      String areaCode,
      String areaName,
      String description,
      long activeMembers)
      implements Party {}

  /**
   * A public membership of an organisation in a body.
   *
   * @param since the date it became active, or {@code null}
   * @param endedOn the day (Kenya time) it was ended, for {@code LEFT} only; else {@code null}
   */
  public record MembershipRow(
      String bodyId,
      String bodyName,
      String organisationId,
      String organisationName,
      MembershipStatus status,
      LocalDate since,
      LocalDate endedOn) {}

  /**
   * An active member of a body, with the names of the groups affiliated to it.
   *
   * @param groups names of the organisations affiliated to this member, in name order
   */
  public record MemberRow(
      String publicId,
      String identifier,
      String name,
      String acronym,
      OrganisationType type,
      String homeWardName,
      String subCountyName,
      LocalDate since,
      List<String> groups) {}

  private record OrgDb(
      Long rowId,
      String nameKey,
      String publicId,
      String identifier,
      String name,
      String acronym,
      String orgType,
      String status,
      boolean verified,
      String countyCode,
      String homeWardCode,
      LocalDate registrationDate,
      String website,
      String description,
      String parentId,
      String parentName) {}

  private record BodyDb(
      Long rowId,
      String publicId,
      String countyCode,
      String name,
      String acronym,
      String kind,
      String bodyLevel,
      String areaCode,
      String description) {}

  private record MembershipDb(
      String bodyId,
      String bodyName,
      String organisationId,
      String organisationName,
      String status,
      LocalDate since,
      OffsetDateTime decidedAt) {}

  private record MemberDb(
      Long rowId,
      String nameKey,
      String publicId,
      String identifier,
      String name,
      String acronym,
      String orgType,
      String homeWardCode,
      LocalDate since) {}

  private record GroupDb(Long parentId, String name) {}

  private record CountDb(Long bodyId, long members) {}

  /** A row with the keys it is ordered by, for keyset paging. */
  private record Keyed<T>(String nameKey, long id, T row) {}

  private final JdbcClient jdbc;
  private final GeographyApi geography;
  private final OrganisationIndex index;

  OpenDataQueries(JdbcClient jdbc, GeographyApi geography, OrganisationIndex index) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.index = index;
  }

  /**
   * One page of a county's bodies and organisations: the bodies first (in name order), then the
   * organisations (in name order). At most eight queries whatever the page.
   *
   * @param countyCode a known county code; an unknown one gives an empty page
   */
  @Transactional(readOnly = true)
  public PageResult<Party> parties(String countyCode, PageRequest page) {
    long bodyCount =
        jdbc.sql("select count(*) from body where county_code = ?")
            .param(countyCode)
            .query(Long.class)
            .single();
    long orgCount =
        jdbc.sql("select count(*) from organisation where county_code = ?")
            .param(countyCode)
            .query(Long.class)
            .single();
    List<Party> items = new ArrayList<>();
    if (page.offset() < bodyCount) {
      items.addAll(bodies(countyCode, page.offset(), page.size()));
    }
    int room = page.size() - items.size();
    if (room > 0 && page.offset() + items.size() < bodyCount + orgCount) {
      long skip = Math.max(0, page.offset() - bodyCount);
      List<OrgDb> rows =
          jdbc.sql(
                  ORG_SELECT + " where o.county_code = :county" + ORG_ORDER + " limit :l offset :o")
              .param("county", countyCode)
              .param("l", room)
              .param("o", skip)
              .query(OrgDb.class)
              .list();
      items.addAll(organisations(rows));
    }
    return new PageResult<>(items, page.page(), page.size(), bodyCount + orgCount);
  }

  /**
   * A county's bodies in name order with their area names and active member counts: three queries
   * (bodies, counts, ward names) and the county's sub-counties.
   */
  @Transactional(readOnly = true)
  public List<BodyRow> bodies(String countyCode, long offset, int limit) {
    List<BodyDb> rows =
        jdbc.sql(
                """
                select b.id as row_id, b.public_id, b.county_code, b.name, b.acronym, b.kind,
                       b.body_level, b.area_code, b.description
                from body b where b.county_code = :county
                order by b.name, b.id limit :l offset :o""")
            .param("county", countyCode)
            .param("l", limit)
            .param("o", offset)
            .query(BodyDb.class)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Long> counts = new HashMap<>();
    jdbc.sql(
            """
            select body_id, count(*) as members from membership
            where status = 'ACTIVE' and body_id in (:ids) group by body_id""")
        .param("ids", rows.stream().map(BodyDb::rowId).toList())
        .query(CountDb.class)
        .list()
        .forEach(c -> counts.put(c.bodyId(), c.members()));
    Map<String, String> areaNames = new HashMap<>();
    geography.subCounties(countyCode).forEach(s -> areaNames.put(s.code(), s.name()));
    geography
        .wards(
            rows.stream()
                .filter(b -> BodyLevel.WARD.name().equals(b.bodyLevel()))
                .map(BodyDb::areaCode)
                .toList())
        .forEach((code, ward) -> areaNames.put(code, ward.name()));
    return rows.stream()
        .map(
            b -> {
              BodyLevel level = BodyLevel.valueOf(b.bodyLevel());
              return new BodyRow(
                  b.publicId(),
                  b.countyCode(),
                  b.name(),
                  b.acronym(),
                  BodyKind.valueOf(b.kind()),
                  level,
                  level == BodyLevel.COUNTY ? null : b.areaCode(),
                  level == BodyLevel.COUNTY ? null : areaNames.get(b.areaCode()),
                  b.description(),
                  counts.getOrDefault(b.rowId(), 0L));
            })
        .toList();
  }

  /**
   * One page of a county's public memberships (active, suspended, left), by body name and then
   * organisation name. Two queries.
   */
  @Transactional(readOnly = true)
  public PageResult<MembershipRow> memberships(String countyCode, PageRequest page) {
    String from =
        " from membership m join body b on b.id = m.body_id"
            + " join organisation o on o.id = m.organisation_id"
            + " where b.county_code = :county and m.status in (:statuses)";
    long total =
        jdbc.sql("select count(*)" + from)
            .param("county", countyCode)
            .param("statuses", PUBLIC_MEMBERSHIPS)
            .query(Long.class)
            .single();
    List<MembershipRow> items =
        jdbc
            .sql(
                """
                select b.public_id as body_id, b.name as body_name,
                       o.public_id as organisation_id, o.name as organisation_name,
                       m.status, m.since, m.decided_at"""
                    + from
                    + " order by b.name, b.id, o.name_key, o.id limit :l offset :o")
            .param("county", countyCode)
            .param("statuses", PUBLIC_MEMBERSHIPS)
            .param("l", page.size())
            .param("o", page.offset())
            .query(MembershipDb.class)
            .list()
            .stream()
            .map(
                m -> {
                  MembershipStatus status = MembershipStatus.valueOf(m.status());
                  LocalDate ended =
                      status == MembershipStatus.LEFT && m.decidedAt() != null
                          ? m.decidedAt().atZoneSameInstant(KENYA).toLocalDate()
                          : null;
                  return new MembershipRow(
                      m.bodyId(),
                      m.bodyName(),
                      m.organisationId(),
                      m.organisationName(),
                      status,
                      m.since(),
                      ended);
                })
            .toList();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /**
   * Every organisation matching the search, in the order of {@link
   * ke.baraza.directory.DirectoryApi#search}: the search index gives the ids of all matches at once
   * (about 8 bytes each), and the rows are read {@value #CHUNK} at a time as the result is
   * iterated, two queries a chunk. So a download is exactly what the search found.
   */
  public Iterable<OrganisationRow> organisations(DirectorySearch search) {
    List<Long> ids = index.allIds(search);
    return () ->
        IntStream.iterate(0, from -> from < ids.size(), from -> from + CHUNK)
            .mapToObj(
                from -> organisationsById(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
            .flatMap(List::stream)
            .iterator();
  }

  /** The organisations with these ids, in this order. */
  private List<OrganisationRow> organisationsById(List<Long> ids) {
    Map<Long, OrgDb> byId = new HashMap<>();
    jdbc.sql(ORG_SELECT + " where o.id in (:ids)")
        .param("ids", ids)
        .query(OrgDb.class)
        .list()
        .forEach(r -> byId.put(r.rowId(), r));
    return organisations(ids.stream().map(byId::get).filter(r -> r != null).toList());
  }

  /**
   * A body's active members in name order with their affiliated groups, fetched a chunk at a time
   * as the result is iterated: three queries per {@value #CHUNK} members.
   */
  public Iterable<MemberRow> activeMembers(Body body) {
    return chunked(
        (afterKey, afterId) -> {
          Map<String, Object> p = new HashMap<>();
          p.put("body", body.id());
          p.put("l", CHUNK);
          List<MemberDb> rows =
              jdbc.sql(
                      """
                      select o.id as row_id, o.name_key, o.public_id, o.identifier, o.name,
                             o.acronym, o.org_type, o.home_ward_code, m.since
                      from membership m join organisation o on o.id = m.organisation_id
                      where m.body_id = :body and m.status = 'ACTIVE'"""
                          + after("o", afterKey, afterId, p)
                          + ORG_ORDER
                          + " limit :l")
                  .params(p)
                  .query(MemberDb.class)
                  .list();
          if (rows.isEmpty()) {
            return List.of();
          }
          Map<Long, List<String>> groups = new LinkedHashMap<>();
          jdbc.sql(
                  """
                  select affiliated_to_id as parent_id, name from organisation
                  where affiliated_to_id in (:ids) order by name_key, id""")
              .param("ids", rows.stream().map(MemberDb::rowId).toList())
              .query(GroupDb.class)
              .list()
              .forEach(
                  g -> groups.computeIfAbsent(g.parentId(), k -> new ArrayList<>()).add(g.name()));
          Map<String, Ward> wards =
              geography.wards(
                  rows.stream().map(MemberDb::homeWardCode).filter(c -> c != null).toList());
          return rows.stream()
              .map(
                  r -> {
                    Ward w = r.homeWardCode() == null ? null : wards.get(r.homeWardCode());
                    return new Keyed<>(
                        r.nameKey(),
                        r.rowId(),
                        new MemberRow(
                            r.publicId(),
                            r.identifier(),
                            r.name(),
                            r.acronym(),
                            OrganisationType.valueOf(r.orgType()),
                            w == null ? null : w.name(),
                            w == null ? null : w.subCountyName(),
                            r.since(),
                            List.copyOf(groups.getOrDefault(r.rowId(), List.of()))));
                  })
              .toList();
        });
  }

  private static final String ORG_SELECT =
      """
      select o.id as row_id, o.name_key, o.public_id, o.identifier, o.name, o.acronym, o.org_type,
             o.status, o.verified, o.county_code, o.home_ward_code, o.registration_date,
             o.website, o.description, p.public_id as parent_id, p.name as parent_name
      from organisation o left join organisation p on p.id = o.affiliated_to_id""";

  private static final String ORG_ORDER = " order by o.name_key, o.id";

  /** The keyset condition: rows after ({@code afterKey}, {@code afterId}) in name-key order. */
  private static String after(String alias, String afterKey, Long afterId, Map<String, Object> p) {
    if (afterId == null) {
      return "";
    }
    p.put("afterKey", afterKey);
    p.put("afterId", afterId);
    return " and ("
        + alias
        + ".name_key > :afterKey or ("
        + alias
        + ".name_key = :afterKey and "
        + alias
        + ".id > :afterId))";
  }

  private List<OrganisationRow> organisations(List<OrgDb> rows) {
    Map<String, Ward> wards =
        geography.wards(rows.stream().map(OrgDb::homeWardCode).filter(c -> c != null).toList());
    return rows.stream()
        .map(
            r -> {
              Ward w = r.homeWardCode() == null ? null : wards.get(r.homeWardCode());
              return new OrganisationRow(
                  r.publicId(),
                  r.identifier(),
                  r.name(),
                  r.acronym(),
                  OrganisationType.valueOf(r.orgType()),
                  OrganisationStatus.valueOf(r.status()),
                  r.verified(),
                  r.countyCode(),
                  r.homeWardCode(),
                  w == null ? null : w.name(),
                  w == null ? null : w.subCountyName(),
                  r.registrationDate(),
                  r.website(),
                  r.description(),
                  r.parentId(),
                  r.parentName());
            })
        .toList();
  }

  /**
   * Rows read a chunk at a time: {@code fetch} gets the keys of the last row read ({@code null}s
   * for the first chunk) and returns the next at most {@value #CHUNK} rows.
   */
  private static <T> Iterable<T> chunked(BiFunction<String, Long, List<Keyed<T>>> fetch) {
    return () ->
        new Iterator<>() {
          private List<Keyed<T>> chunk;
          private int next;

          @Override
          public boolean hasNext() {
            if (chunk == null) {
              chunk = fetch.apply(null, null);
            } else if (next == chunk.size() && chunk.size() == CHUNK) {
              Keyed<T> last = chunk.get(chunk.size() - 1);
              chunk = fetch.apply(last.nameKey(), last.id());
              next = 0;
            }
            return next < chunk.size();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return chunk.get(next++).row();
          }
        };
  }
}
