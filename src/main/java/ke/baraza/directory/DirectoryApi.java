package ke.baraza.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;

/** What other modules may ask of the directory. Read-only. */
public interface DirectoryApi {

  /** An organisation by public id, or empty. */
  Optional<OrganisationSummary> organisation(String publicId);

  /**
   * A page of organisations matching the search: by relevance, then name, when it has text; by name
   * otherwise.
   *
   * @param search the filters; nulls mean "any"
   */
  PageResult<OrganisationSummary> search(DirectorySearch search, PageRequest page);

  /**
   * A network or coordination body as other modules see it.
   *
   * @param acronym {@code null} when it has none
   */
  record BodyRef(String publicId, String name, String acronym, String countyCode, BodyKind kind) {}

  /**
   * An organisation or a person with the contacts other modules may use to write to them (never to
   * publish). E-mail, phone and language are {@code null} when unknown; an organisation has no
   * language and no {@code organisationName}.
   *
   * @param organisationName for a person, the name of one of their organisations (the first by
   *     name), or {@code null}
   */
  record Contact(
      String publicId,
      String name,
      String countyCode,
      String organisationName,
      String email,
      String phone,
      String language) {}

  /** A body by public id, or empty. */
  Optional<BodyRef> body(String publicId);

  /** The bodies of a county, by name; empty for an unknown county. */
  List<BodyRef> bodies(String countyCode);

  /** Names of the bodies and organisations with these public ids, by id; unknown ids left out. */
  Map<String, String> names(Collection<String> publicIds);

  /** The organisations that are active members of a body today, by name; empty if unknown. */
  List<Contact> activeMembers(String bodyPublicId);

  /**
   * The live people (not merged into another record) linked to any of these organisations, each
   * once, by name.
   */
  List<Contact> peopleOf(Collection<String> organisationPublicIds);

  /**
   * The organisations and live people with these public ids, in no particular order; unknown ids
   * (and people merged into another record) are left out.
   */
  List<Contact> contacts(Collection<String> publicIds);

  /**
   * What a live person consented to tell about themselves, for disaggregated counts only; {@link
   * Demographics#NONE} for someone unknown, merged, or who did not consent.
   */
  Demographics demographics(String personPublicId);
}
