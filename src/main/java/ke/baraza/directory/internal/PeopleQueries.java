package ke.baraza.directory.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ke.baraza.directory.PostRole;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of people and posts, each in a fixed number of queries, and the rule on who sees a
 * person's e-mail and phone.
 */
@Component
@Transactional(readOnly = true)
public class PeopleQueries {

  /** A person as an organisation's page lists them; contacts are {@code null} unless visible. */
  public record Member(String publicId, String name, String title, String email, String phone) {}

  /** One of a person's organisations, with their title there ("" for none). */
  public record Affiliation(String publicId, String name, String acronym, String title) {}

  /** A post with its holder, organisation and body. */
  public record PostLine(
      String publicId,
      PostRole role,
      String personPublicId,
      String personName,
      String organisationPublicId,
      String organisationName,
      String bodyPublicId,
      String bodyName,
      LocalDate startDate,
      LocalDate endDate) {}

  /** A person who may be given a post in a body: linked to one of its active members. */
  public record Holder(
      String personPublicId, String personName, String organisationPublicId, String organisation) {}

  /** A person as the public API shows them: name and organisations, no contacts. */
  public record PublicPerson(String publicId, String name, List<Affiliation> organisations) {}

  private record MemberRow(
      Long id, String publicId, String name, String title, String email, String phone) {}

  private record PersonRow(Long id, String publicId, String name) {}

  private record LinkRow(
      Long personId, String publicId, String name, String acronym, String title) {}

  private record PostRow(
      String publicId,
      String role,
      String personPublicId,
      String personName,
      String organisationPublicId,
      String organisationName,
      String bodyPublicId,
      String bodyName,
      LocalDate startDate,
      LocalDate endDate) {
    PostLine line() {
      return new PostLine(
          publicId,
          PostRole.valueOf(role),
          personPublicId,
          personName,
          organisationPublicId,
          organisationName,
          bodyPublicId,
          bodyName,
          startDate,
          endDate);
    }
  }

  private record Ref(Long personId, String kind, String ref) {}

  private static final String POSTS =
      """
      select p.public_id, p.role, pe.public_id as person_public_id, pe.name as person_name,
             o.public_id as organisation_public_id, o.name as organisation_name,
             b.public_id as body_public_id, b.name as body_name, p.start_date, p.end_date
      from post p join person pe on pe.id = p.person_id join body b on b.id = p.body_id
      left join organisation o on o.id = p.organisation_id
      """;

  private final JdbcClient jdbc;
  private final DirectoryPermissions permissions;

  PeopleQueries(JdbcClient jdbc, DirectoryPermissions permissions) {
    this.jdbc = jdbc;
    this.permissions = permissions;
  }

  /**
   * The people whose e-mail and phone the current user may see, among {@code personIds}: nobody's
   * for a visitor; for a signed-in user, those of people of a county where the user is staff or a
   * coordinator, of an organisation the user edits, or of an organisation that is an active member
   * of a body in which an organisation the user edits is an active member too (the same network),
   * or whose body the user coordinates. One query whatever the number of people.
   */
  public Set<Long> contactsVisible(Collection<Long> personIds) {
    Optional<SignedInUser> user = CurrentUser.get();
    if (user.isEmpty() || personIds.isEmpty()) {
      return Set.of();
    }
    List<Ref> refs =
        jdbc.sql(
                """
                select p.id as person_id, 'C' as kind, p.county_code as ref
                from person p where p.id in (:ids)
                union all
                select po.person_id, 'O', o.public_id
                from person_organisation po join organisation o on o.id = po.organisation_id
                where po.person_id in (:ids)
                union all
                select po.person_id, 'O', o.public_id
                from person_organisation po
                join membership mine on mine.organisation_id = po.organisation_id
                join membership fellow on fellow.body_id = mine.body_id
                join organisation o on o.id = fellow.organisation_id
                where po.person_id in (:ids) and mine.status = 'ACTIVE' and fellow.status = 'ACTIVE'
                union all
                select po.person_id, 'B', b.public_id
                from person_organisation po
                join membership m on m.organisation_id = po.organisation_id
                join body b on b.id = m.body_id
                where po.person_id in (:ids) and m.status = 'ACTIVE'
                """)
            .param("ids", personIds)
            .query(Ref.class)
            .list();
    Set<Long> visible = new HashSet<>();
    Map<String, Boolean> counties = new HashMap<>();
    for (Ref r : refs) {
      if (visible.contains(r.personId())) {
        continue;
      }
      boolean sees =
          switch (r.kind()) {
            case "C" -> counties.computeIfAbsent(r.ref(), permissions::mayCreateIn);
            case "O" -> user.get().holdsFor(Role.ORGANISATION_EDITOR, r.ref());
            default -> user.get().holdsFor(Role.NETWORK_COORDINATOR, r.ref());
          };
      if (sees) {
        visible.add(r.personId());
      }
    }
    return visible;
  }

  /** The people of an organisation by name, contacts only where visible. Two queries. */
  public List<Member> peopleOf(Organisation organisation) {
    List<MemberRow> rows =
        jdbc.sql(
                """
                select pe.id, pe.public_id, pe.name, po.title, pe.email, pe.phone
                from person_organisation po join person pe on pe.id = po.person_id
                where po.organisation_id = ? order by pe.name_key, pe.id""")
            .param(organisation.id())
            .query(MemberRow.class)
            .list();
    Set<Long> visible = contactsVisible(rows.stream().map(MemberRow::id).toList());
    return rows.stream()
        .map(
            r -> {
              boolean sees = visible.contains(r.id());
              return new Member(
                  r.publicId(),
                  r.name(),
                  r.title(),
                  sees ? r.email() : null,
                  sees ? r.phone() : null);
            })
        .toList();
  }

  /** A person's organisations by name. */
  public List<Affiliation> organisationsOf(Person person) {
    return links(List.of(person.id())).getOrDefault(person.id(), List.of());
  }

  /** A person's posts, latest first. */
  public List<PostLine> postsOf(Person person) {
    return jdbc
        .sql(POSTS + " where p.person_id = ? order by p.start_date desc, p.id desc")
        .param(person.id())
        .query(PostRow.class)
        .list()
        .stream()
        .map(PostRow::line)
        .toList();
  }

  /** The posts of a body held on {@code day}, in the order of the roles. */
  public List<PostLine> currentPosts(Body body, LocalDate day) {
    return jdbc
        .sql(
            POSTS
                + " where p.body_id = :body and p.start_date <= :day"
                + " and (p.end_date is null or p.end_date >= :day) order by pe.name_key")
        .param("body", body.id())
        .param("day", day)
        .query(PostRow.class)
        .list()
        .stream()
        .map(PostRow::line)
        .sorted(java.util.Comparator.comparing(PostLine::role))
        .toList();
  }

  /** People linked to the body's active member organisations, by name. */
  public List<Holder> holders(Body body) {
    return jdbc.sql(
            """
            select pe.public_id as person_public_id, pe.name as person_name,
                   o.public_id as organisation_public_id, o.name as organisation
            from membership m join organisation o on o.id = m.organisation_id
            join person_organisation po on po.organisation_id = o.id
            join person pe on pe.id = po.person_id
            where m.body_id = ? and m.status = 'ACTIVE' order by pe.name_key, o.name_key""")
        .param(body.id())
        .query(Holder.class)
        .list();
  }

  /**
   * A page of live people, by name, of one county or of all ({@code countyCode} null), with their
   * organisations. Three queries.
   */
  public PageResult<PublicPerson> publicPeople(String countyCode, PageRequest page) {
    String where =
        " where merged_into_id is null" + (countyCode == null ? "" : " and county_code = :county");
    Map<String, Object> params = new HashMap<>();
    if (countyCode != null) {
      params.put("county", countyCode);
    }
    long total =
        jdbc.sql("select count(*) from person" + where).params(params).query(Long.class).single();
    params.put("limit", page.size());
    params.put("offset", page.offset());
    List<PersonRow> rows =
        jdbc.sql(
                "select id, public_id, name from person"
                    + where
                    + " order by name_key, id limit :limit offset :offset")
            .params(params)
            .query(PersonRow.class)
            .list();
    Map<Long, List<Affiliation>> links = links(rows.stream().map(PersonRow::id).toList());
    List<PublicPerson> items =
        rows.stream()
            .map(
                r ->
                    new PublicPerson(r.publicId(), r.name(), links.getOrDefault(r.id(), List.of())))
            .toList();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** A page of posts, ended ones too, of one county's bodies or of all. Two queries. */
  public PageResult<PostLine> posts(String countyCode, PageRequest page) {
    String where = countyCode == null ? "" : " where b.county_code = :county";
    Map<String, Object> params = new HashMap<>();
    if (countyCode != null) {
      params.put("county", countyCode);
    }
    long total =
        jdbc.sql("select count(*) from post p join body b on b.id = p.body_id" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", page.size());
    params.put("offset", page.offset());
    List<PostLine> items =
        jdbc
            .sql(POSTS + where + " order by b.name, p.start_date, p.id limit :limit offset :offset")
            .params(params)
            .query(PostRow.class)
            .list()
            .stream()
            .map(PostRow::line)
            .toList();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  private Map<Long, List<Affiliation>> links(Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<Affiliation>> links = new HashMap<>();
    jdbc.sql(
            """
            select po.person_id, o.public_id, o.name, o.acronym, po.title
            from person_organisation po join organisation o on o.id = po.organisation_id
            where po.person_id in (:ids) order by o.name_key, o.id""")
        .param("ids", personIds)
        .query(LinkRow.class)
        .list()
        .forEach(
            r ->
                links
                    .computeIfAbsent(r.personId(), k -> new java.util.ArrayList<>())
                    .add(new Affiliation(r.publicId(), r.name(), r.acronym(), r.title())));
    return links;
  }
}
