package ke.baraza.directory.internal;

import java.util.List;
import java.util.Locale;
import ke.baraza.directory.internal.NetworkTree.BodyMembership;
import ke.baraza.directory.internal.PeopleQueries.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation's public page shows, read in one read-only transaction: each of the pieces
 * used to open and commit its own, five transactions (and five Hibernate sessions) for one page.
 */
@Component
public class OrganisationProfiles {

  /**
   * @param themes the names of its thematic areas
   * @param parent the organisation it is affiliated to, or null
   * @param people its people, contacts only where the reader may see them
   * @param networks the bodies it is an active member of
   */
  public record Profile(
      Organisation organisation,
      List<ThemeName> themes,
      Organisation parent,
      List<Organisation> affiliates,
      List<Member> people,
      List<BodyMembership> networks) {}

  /** A thematic area's names in English and Kiswahili. */
  public record ThemeName(String nameEn, String nameSw) {

    /** The name in the reader's language. */
    public String name(Locale locale) {
      return "sw".equals(locale.getLanguage()) ? nameSw : nameEn;
    }
  }

  private final OrganisationService organisations;
  private final PeopleQueries people;
  private final NetworkTree tree;
  private final JdbcClient jdbc;

  OrganisationProfiles(
      OrganisationService organisations, PeopleQueries people, NetworkTree tree, JdbcClient jdbc) {
    this.organisations = organisations;
    this.people = people;
    this.tree = tree;
    this.jdbc = jdbc;
  }

  /**
   * The page of the organisation with this public id.
   *
   * @throws ke.baraza.platform.UserError 404 when there is none
   */
  @Transactional(readOnly = true)
  public Profile of(String publicId) {
    Organisation organisation = organisations.find(publicId);
    return new Profile(
        organisation,
        themeNames(organisation),
        organisations.parentOf(organisation).orElse(null),
        organisations.affiliates(organisation),
        people.peopleOf(organisation),
        tree.bodiesOf(organisation));
  }

  /**
   * Only the names, by plain SQL: loading the areas as entities through the derived {@code
   * findByIdIn} took 6 % of all request time in a profile of the public reads, half of it Hibernate
   * translating the query (with its list parameter) again on every page.
   */
  private List<ThemeName> themeNames(Organisation organisation) {
    if (organisation.themeIds().isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select name_en, name_sw from thematic_area where id in (:ids)")
        .param("ids", organisation.themeIds())
        .query((rs, i) -> new ThemeName(rs.getString(1), rs.getString(2)))
        .list();
  }
}
