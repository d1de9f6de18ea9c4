package ke.baraza.directory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ke.baraza.directory.MembershipStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A body's members as MCCN draws them: per sub-county and ward, each member (a ward CBO) with the
 * groups affiliated to it. Three queries whatever the size: members, their groups, ward names.
 */
@Component
public class NetworkTree {

  /** A group affiliated to a member. */
  public record Group(String publicId, String name, OrganisationType type) {}

  /** One member of the body. */
  public record Member(
      Long membershipId,
      MembershipStatus status,
      LocalDate since,
      String reason,
      LocalDate mouSignedOn,
      String publicId,
      String name,
      String acronym,
      OrganisationType type,
      String wardName,
      String subCountyName,
      List<Group> groups) {}

  private record MemberRow(
      Long membershipId,
      String status,
      LocalDate since,
      String reason,
      LocalDate mouSignedOn,
      Long orgId,
      String publicId,
      String name,
      String acronym,
      String orgType,
      String homeWardCode) {}

  private record GroupRow(Long parentId, String publicId, String name, String orgType) {}

  private final JdbcClient jdbc;
  private final GeographyApi geography;

  NetworkTree(JdbcClient jdbc, GeographyApi geography) {
    this.jdbc = jdbc;
    this.geography = geography;
  }

  /** A body an organisation is an active member of. */
  public record BodyMembership(String publicId, String name, String acronym, LocalDate since) {}

  /** The bodies the organisation is an active member of, by name: one query. */
  @Transactional(readOnly = true)
  public List<BodyMembership> bodiesOf(Organisation organisation) {
    return jdbc.sql(
            """
            select b.public_id, b.name, b.acronym, m.since
            from membership m join body b on b.id = m.body_id
            where m.organisation_id = ? and m.status = 'ACTIVE' order by b.name""")
        .param(organisation.id())
        .query(BodyMembership.class)
        .list();
  }

  /** Every membership of the body (any status), ordered by name. */
  @Transactional(readOnly = true)
  public List<Member> members(Body body) {
    List<MemberRow> rows =
        jdbc.sql(
                """
                select m.id as membership_id, m.status, m.since, m.reason, m.mou_signed_on,
                       o.id as org_id, o.public_id, o.name, o.acronym, o.org_type, o.home_ward_code
                from membership m join organisation o on o.id = m.organisation_id
                where m.body_id = ? order by o.name_key""")
            .param(body.id())
            .query(MemberRow.class)
            .list();
    Map<Long, List<Group>> groups = new LinkedHashMap<>();
    if (!rows.isEmpty()) {
      jdbc.sql(
              """
              select affiliated_to_id as parent_id, public_id, name, org_type from organisation
              where affiliated_to_id in (:ids) order by name_key""")
          .param("ids", rows.stream().map(MemberRow::orgId).toList())
          .query(GroupRow.class)
          .list()
          .forEach(
              g ->
                  groups
                      .computeIfAbsent(g.parentId(), k -> new ArrayList<>())
                      .add(
                          new Group(
                              g.publicId(), g.name(), OrganisationType.valueOf(g.orgType()))));
    }
    Map<String, Ward> wards =
        geography.wards(rows.stream().map(MemberRow::homeWardCode).filter(c -> c != null).toList());
    return rows.stream()
        .map(
            r -> {
              Ward w = r.homeWardCode() == null ? null : wards.get(r.homeWardCode());
              return new Member(
                  r.membershipId(),
                  MembershipStatus.valueOf(r.status()),
                  r.since(),
                  r.reason(),
                  r.mouSignedOn(),
                  r.publicId(),
                  r.name(),
                  r.acronym(),
                  OrganisationType.valueOf(r.orgType()),
                  w == null ? null : w.name(),
                  w == null ? null : w.subCountyName(),
                  groups.getOrDefault(r.orgId(), List.of()));
            })
        .toList();
  }

  /** Active members by sub-county, then ward; members without a home ward come last. */
  public static Map<String, Map<String, List<Member>>> byArea(List<Member> members) {
    Comparator<String> lastIfDash =
        Comparator.comparing((String s) -> "—".equals(s)).thenComparing(s -> s);
    Map<String, Map<String, List<Member>>> tree = new TreeMap<>(lastIfDash);
    for (Member m : members) {
      if (m.status() != MembershipStatus.ACTIVE) {
        continue;
      }
      String sub = m.subCountyName() == null ? "—" : m.subCountyName();
      String ward = m.wardName() == null ? "—" : m.wardName();
      tree.computeIfAbsent(sub, k -> new TreeMap<>(lastIfDash))
          .computeIfAbsent(ward, k -> new ArrayList<>())
          .add(m);
    }
    return tree;
  }
}
