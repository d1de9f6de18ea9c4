package ke.baraza.directory.internal;

import java.util.List;
import ke.baraza.directory.internal.NetworkTree.BodyMembership;
import ke.baraza.directory.internal.PeopleQueries.Member;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation's public page shows, read in one read-only transaction: each of the pieces
 * used to open and commit its own, five transactions (and five Hibernate sessions) for one page.
 */
@Component
public class OrganisationProfiles {

  /**
   * @param parent the organisation it is affiliated to, or null
   * @param people its people, contacts only where the reader may see them
   * @param networks the bodies it is an active member of
   */
  public record Profile(
      Organisation organisation,
      List<ThematicArea> themes,
      Organisation parent,
      List<Organisation> affiliates,
      List<Member> people,
      List<BodyMembership> networks) {}

  private final OrganisationService organisations;
  private final PeopleQueries people;
  private final NetworkTree tree;

  OrganisationProfiles(OrganisationService organisations, PeopleQueries people, NetworkTree tree) {
    this.organisations = organisations;
    this.people = people;
    this.tree = tree;
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
        organisations.themesOf(organisation),
        organisations.parentOf(organisation).orElse(null),
        organisations.affiliates(organisation),
        people.peopleOf(organisation),
        tree.bodiesOf(organisation));
  }
}
