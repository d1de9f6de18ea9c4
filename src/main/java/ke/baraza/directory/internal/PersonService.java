package ke.baraza.directory.internal;

import static ke.baraza.directory.internal.Input.actor;
import static ke.baraza.directory.internal.Input.clean;
import static ke.baraza.directory.internal.Input.parse;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ke.baraza.directory.Demographics;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, edits, links and merges the people of organisations. Who may: the county's staff and
 * coordinators, and the editors of one of the person's organisations. Each write is audited.
 */
@Service
public class PersonService {

  static final int MAX_NAME = 160;
  static final int MAX_TITLE = 120;

  private final People people;
  private final Organisations organisations;
  private final Posts posts;
  private final PeopleQueries queries;
  private final DirectoryPermissions permissions;
  private final AuditLog audit;
  private final Clock clock;

  PersonService(
      People people,
      Organisations organisations,
      Posts posts,
      PeopleQueries queries,
      DirectoryPermissions permissions,
      AuditLog audit,
      Clock clock) {
    this.people = people;
    this.organisations = organisations;
    this.posts = posts;
    this.queries = queries;
    this.permissions = permissions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A person by public id, merged or not.
   *
   * @throws UserError 404 when there is none
   */
  @Transactional(readOnly = true)
  public Person find(String publicId) {
    return people
        .findByPublicId(publicId == null ? "" : publicId)
        .orElseThrow(() -> UserError.notFound("person.unknown"));
  }

  /** The record a merged person was merged into, or empty for a live one. */
  @Transactional(readOnly = true)
  public Optional<Person> survivorOf(Person person) {
    return person.mergedIntoId() == null
        ? Optional.empty()
        : people.findById(person.mergedIntoId());
  }

  /**
   * Whether the current user may edit the person: the county's staff and coordinators, or an editor
   * of one of the person's organisations.
   */
  @Transactional(readOnly = true)
  public boolean mayEdit(Person person) {
    if (permissions.mayCreateIn(person.countyCode())) {
      return true;
    }
    Optional<SignedInUser> user = CurrentUser.get();
    return user.isPresent()
        && organisations.findAllById(person.organisations().keySet()).stream()
            .anyMatch(o -> user.get().holdsFor(Role.ORGANISATION_EDITOR, o.publicId()));
  }

  /** Whether the current user may see the person's e-mail and phone; see {@link PeopleQueries}. */
  @Transactional(readOnly = true)
  public boolean maySeeContacts(Person person) {
    return queries.contactsVisible(List.of(person.id())).contains(person.id());
  }

  /**
   * Of the person's organisations (public ids), those the current user may remove them from: the
   * ones they may edit.
   */
  public Set<String> removableFrom(Person person, Collection<String> organisationIds) {
    if (permissions.mayCreateIn(person.countyCode())) {
      return Set.copyOf(organisationIds);
    }
    Optional<SignedInUser> user = CurrentUser.get();
    return organisationIds.stream()
        .filter(id -> user.map(u -> u.holdsFor(Role.ORGANISATION_EDITOR, id)).orElse(false))
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Whether the current user may merge people of the county: its staff and coordinators. */
  public boolean mayMerge(Person person) {
    return permissions.mayCreateIn(person.countyCode());
  }

  /**
   * Adds a person to an organisation: a new record, or (with {@code form.existing()}) the existing
   * person the duplicate warning offered, whose e-mail or phone must then match the form's.
   *
   * @throws UserError 404 for an unknown organisation, 403 unless the user may edit it
   * @throws InvalidInput 400 naming each wrong field
   * @throws DuplicatePerson 409 when a live person of the county has the same e-mail or phone and
   *     {@code confirmDuplicate} is not set
   */
  @Transactional
  public Person create(String organisationId, PersonForm form) {
    Organisation organisation = organisation(organisationId);
    if (!permissions.mayEdit(organisation)) {
      throw UserError.forbidden();
    }
    PersonDetails details = check(form);
    if (!clean(form.existing()).isEmpty()) {
      return linkExisting(organisation, details, clean(form.existing()));
    }
    refuseDuplicates(organisation.countyCode(), details, -1L, form.confirmDuplicate());
    Person person = new Person(organisation.countyCode(), details, actor(), clock.instant());
    person.join(organisation.id(), nz(details.title()));
    people.save(person);
    audit.record(actor(), "directory:person-added", person.publicId(), person.countyCode());
    return person;
  }

  private Person linkExisting(Organisation organisation, PersonDetails details, String existingId) {
    Person person =
        people
            .findByPublicId(existingId)
            .filter(p -> p.mergedIntoId() == null)
            .filter(p -> p.countyCode().equals(organisation.countyCode()))
            .orElseThrow(() -> UserError.notFound("person.unknown"));
    boolean sameContact =
        (details.email() != null && details.email().equals(person.email()))
            || (details.phone() != null && details.phone().equals(person.phone()));
    if (!sameContact) {
      // Only someone who knows the person's contact may link them, and so come to see the rest.
      throw UserError.badRequest("person.existing.mismatch");
    }
    String current = person.organisations().get(organisation.id());
    person.join(
        organisation.id(),
        details.title() != null ? details.title() : current == null ? "" : current);
    audit.record(actor(), "directory:person-linked", person.publicId(), person.countyCode());
    return person;
  }

  /**
   * Changes a person's details; {@code version} is the one the form was made from.
   *
   * @throws UserError 403 unless the user may edit the person, 409 when it changed meanwhile or was
   *     merged
   * @throws InvalidInput 400 naming each wrong field
   * @throws DuplicatePerson 409 as for {@link #create}
   */
  @Transactional
  public Person update(String publicId, long version, PersonForm form) {
    Person person = live(publicId);
    if (!mayEdit(person)) {
      throw UserError.forbidden();
    }
    if (person.version() != version) {
      throw UserError.conflict("person.changed-meanwhile");
    }
    PersonDetails details = check(form);
    refuseDuplicates(person.countyCode(), details, person.id(), form.confirmDuplicate());
    person.apply(details, clock.instant());
    audit.record(actor(), "directory:person-changed", person.publicId(), person.countyCode());
    return person;
  }

  /**
   * Links a person to another organisation of the county, or changes their title there.
   *
   * @throws UserError 403 unless the user may edit both the person and the organisation, 400 for an
   *     organisation of another county or a title that is too long
   */
  @Transactional
  public void link(String personId, String organisationId, String title) {
    Person person = live(personId);
    Organisation organisation = organisation(organisationId);
    if (!mayEdit(person) || !permissions.mayEdit(organisation)) {
      throw UserError.forbidden();
    }
    if (!organisation.countyCode().equals(person.countyCode())) {
      throw UserError.badRequest("person.organisation.other-county");
    }
    String cleanTitle = clean(title);
    if (cleanTitle.length() > MAX_TITLE) {
      throw UserError.badRequest("person.title.invalid");
    }
    person.join(organisation.id(), cleanTitle);
    audit.record(actor(), "directory:person-linked", person.publicId(), person.countyCode());
  }

  /**
   * Removes a person from an organisation: asked by whoever may edit that organisation. The last
   * organisation of a person cannot be removed.
   */
  @Transactional
  public void unlink(String personId, String organisationId) {
    Person person = live(personId);
    Organisation organisation = organisation(organisationId);
    if (!permissions.mayEdit(organisation)) {
      throw UserError.forbidden();
    }
    if (!person.organisations().containsKey(organisation.id())) {
      throw UserError.notFound("person.organisation.not-linked");
    }
    if (person.organisations().size() == 1) {
      throw UserError.badRequest("person.organisation.last");
    }
    person.leave(organisation.id());
    audit.record(actor(), "directory:person-unlinked", person.publicId(), person.countyCode());
  }

  /**
   * Merges {@code duplicateId} into {@code survivorId}: organisations, posts and earlier merges
   * move to the survivor, contacts and consented demographics fill its gaps, and the duplicate is
   * marked merged (its page then leads to the survivor). Audited as {@code directory:person-merged}
   * with the duplicate as target.
   *
   * @throws UserError 403 unless county staff or a coordinator of the survivor's county; 400 for
   *     the same person or people of different counties; 409 when either is merged already
   */
  @Transactional
  public Person merge(String survivorId, String duplicateId) {
    Person survivor = find(survivorId);
    if (!mayMerge(survivor)) {
      throw UserError.forbidden();
    }
    Person duplicate = find(clean(duplicateId));
    if (survivor.mergedIntoId() != null || duplicate.mergedIntoId() != null) {
      throw UserError.conflict("person.merged");
    }
    if (survivor.id().equals(duplicate.id())) {
      throw UserError.badRequest("person.merge.same");
    }
    if (!survivor.countyCode().equals(duplicate.countyCode())) {
      throw UserError.badRequest("person.merge.other-county");
    }
    survivor.absorb(duplicate, clock.instant());
    people.flush();
    posts.movePerson(duplicate.id(), survivor.id());
    people.redirectMerged(duplicate.id(), survivor.id());
    audit.record(actor(), "directory:person-merged", duplicate.publicId(), survivor.countyCode());
    return survivor;
  }

  private void refuseDuplicates(
      String countyCode, PersonDetails details, Long exceptId, boolean confirmed) {
    if (confirmed || (details.email() == null && details.phone() == null)) {
      return;
    }
    List<Person> same =
        people.sameContacts(
            countyCode,
            details.email() == null ? "-" : details.email(),
            details.phone() == null ? "-" : details.phone(),
            exceptId);
    if (!same.isEmpty()) {
      boolean byEmail =
          details.email() != null && same.stream().anyMatch(p -> details.email().equals(p.email()));
      throw new DuplicatePerson(
          byEmail ? "email" : "phone",
          same.stream().map(p -> new DuplicatePerson.Candidate(p.publicId(), p.name())).toList());
    }
  }

  private PersonDetails check(PersonForm form) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = clean(form.name());
    if (name.length() < 2 || name.length() > MAX_NAME) {
      errors.put("name", "person.name.invalid");
    }
    String title = clean(form.title());
    if (title.length() > MAX_TITLE) {
      errors.put("title", "person.title.invalid");
    }
    String email = null;
    if (!clean(form.email()).isEmpty()) {
      email = Contacts.email(form.email()).orElse(null);
      if (email == null) {
        errors.put("email", "signup.email.invalid");
      }
    }
    String phone = null;
    if (!clean(form.phone()).isEmpty()) {
      phone = Contacts.kenyanPhone(form.phone()).orElse(null);
      if (phone == null) {
        errors.put("phone", "signup.phone.invalid");
      }
    }
    String language = clean(form.language()).isEmpty() ? "en" : clean(form.language());
    if (!language.equals("en") && !language.equals("sw")) {
      errors.put("language", "person.language.invalid");
    }
    Demographics demographics = Demographics.NONE;
    if (form.consent()) {
      Gender gender = parse(Gender.class, form.gender());
      AgeBand age = parse(AgeBand.class, form.ageBand());
      String disability = clean(form.disability());
      if (gender == null && !clean(form.gender()).isEmpty()) {
        errors.put("gender", "person.gender.invalid");
      }
      if (age == null && !clean(form.ageBand()).isEmpty()) {
        errors.put("ageBand", "person.age.invalid");
      }
      if (!disability.isEmpty() && !disability.equals("YES") && !disability.equals("NO")) {
        errors.put("disability", "person.disability.invalid");
      }
      demographics =
          new Demographics(gender, age, disability.isEmpty() ? null : disability.equals("YES"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    // Without the box ticked nothing is kept, whatever was chosen in the fields.
    return new PersonDetails(
        name,
        title.isEmpty() ? null : title,
        email,
        phone,
        language,
        form.consent() && !demographics.isEmpty(),
        demographics);
  }

  private Person live(String publicId) {
    Person person = find(publicId);
    if (person.mergedIntoId() != null) {
      throw UserError.conflict("person.merged");
    }
    return person;
  }

  private Organisation organisation(String publicId) {
    return organisations
        .findByPublicId(clean(publicId))
        .orElseThrow(() -> UserError.notFound("organisation.unknown"));
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
