package ke.baraza.directory.internal;

import static ke.baraza.directory.internal.Input.actor;
import static ke.baraza.directory.internal.Input.clean;
import static ke.baraza.directory.internal.Input.parse;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ke.baraza.directory.OrganisationStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.directory.RegistrationBody;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds and edits organisations, checking every field and who may do it. */
@Service
public class OrganisationService {

  static final int MAX_NAME = 200;

  private final Organisations organisations;
  private final ThematicAreas themes;
  private final GeographyApi geography;
  private final DirectoryPermissions permissions;
  private final AuditLog audit;
  private final Clock clock;

  OrganisationService(
      Organisations organisations,
      ThematicAreas themes,
      GeographyApi geography,
      DirectoryPermissions permissions,
      AuditLog audit,
      Clock clock) {
    this.organisations = organisations;
    this.themes = themes;
    this.geography = geography;
    this.permissions = permissions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Adds an organisation to a county.
   *
   * @throws UserError 403 unless the user is staff or a coordinator of the county
   * @throws InvalidInput 400 naming each wrong field, or flagging a likely duplicate (same name in
   *     the same home ward) until {@code confirmDuplicate} is set
   */
  @Transactional
  public Organisation create(String countyCode, OrganisationForm form) {
    if (!geography.isCounty(countyCode)) {
      throw UserError.notFound("geography.county.unknown", countyCode);
    }
    if (!permissions.mayCreateIn(countyCode)) {
      throw UserError.forbidden();
    }
    OrganisationDetails details = check(countyCode, form, null);
    Organisation organisation = new Organisation(countyCode, details, actor(), clock.instant());
    if (organisations.existsByIdentifier(organisation.identifier())) {
      throw new InvalidInput(
          HttpStatus.CONFLICT, Map.of("registrationNumber", "organisation.identifier.taken"));
    }
    organisations.save(organisation);
    audit.record(actor(), "directory:organisation-added", organisation.publicId(), countyCode);
    return organisation;
  }

  /**
   * Changes an organisation; {@code version} is the one the form was made from, so that two people
   * editing at once do not overwrite each other silently.
   */
  @Transactional
  public Organisation update(String publicId, long version, OrganisationForm form) {
    Organisation organisation = find(publicId);
    if (!permissions.mayEdit(organisation)) {
      throw UserError.forbidden();
    }
    if (organisation.version() != version) {
      throw UserError.conflict("organisation.changed-meanwhile");
    }
    OrganisationDetails details = check(organisation.countyCode(), form, organisation);
    String before = organisation.identifier();
    organisation.apply(details, clock.instant());
    if (!before.equals(organisation.identifier())
        && organisations.existsByIdentifier(organisation.identifier())) {
      throw new InvalidInput(
          HttpStatus.CONFLICT, Map.of("registrationNumber", "organisation.identifier.taken"));
    }
    audit.record(
        actor(),
        "directory:organisation-changed",
        organisation.publicId(),
        organisation.countyCode());
    return organisation;
  }

  /** County staff mark a registration as checked (or not). */
  @Transactional
  public void verify(String publicId, boolean verified) {
    Organisation organisation = find(publicId);
    if (!permissions.isCountyStaff(organisation.countyCode())) {
      throw UserError.forbidden();
    }
    organisation.verify(verified);
    audit.record(
        actor(),
        "directory:organisation-verified",
        organisation.publicId(),
        organisation.countyCode());
  }

  @Transactional(readOnly = true)
  public Organisation find(String publicId) {
    return organisations
        .findByPublicId(publicId == null ? "" : publicId)
        .orElseThrow(() -> UserError.notFound("organisation.unknown"));
  }

  @Transactional(readOnly = true)
  public Optional<Organisation> parentOf(Organisation organisation) {
    return organisation.affiliatedToId() == null
        ? Optional.empty()
        : organisations.findById(organisation.affiliatedToId());
  }

  /** The groups affiliated to an organisation (a ward CBO's member groups). */
  @Transactional(readOnly = true)
  public List<Organisation> affiliates(Organisation organisation) {
    return organisations.findByAffiliatedToIdOrderByNameKey(organisation.id());
  }

  @Transactional(readOnly = true)
  public List<ThematicArea> themesOf(Organisation organisation) {
    return themes.findByIdIn(organisation.themeIds());
  }

  private OrganisationDetails check(
      String countyCode, OrganisationForm form, Organisation current) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = clean(form.name());
    if (name.length() < 2 || name.length() > MAX_NAME) {
      errors.put("name", "organisation.name.invalid");
    }
    String acronym = clean(form.acronym());
    if (acronym.length() > 30) {
      errors.put("acronym", "organisation.acronym.invalid");
    }
    OrganisationType type = parse(OrganisationType.class, form.type());
    if (type == null) {
      errors.put("type", "organisation.type.invalid");
    }
    RegistrationBody body = null;
    if (!clean(form.registrationBody()).isEmpty()) {
      body = parse(RegistrationBody.class, form.registrationBody());
      if (body == null) {
        errors.put("registrationBody", "organisation.registration.invalid");
      }
    }
    String number = clean(form.registrationNumber());
    if (number.length() > 60) {
      errors.put("registrationNumber", "organisation.registration-number.invalid");
    }
    LocalDate registered = null;
    if (!clean(form.registrationDate()).isEmpty()) {
      try {
        registered = LocalDate.parse(clean(form.registrationDate()));
        if (registered.isAfter(LocalDate.now(clock))) {
          errors.put("registrationDate", "organisation.registration-date.invalid");
        }
      } catch (DateTimeParseException e) {
        errors.put("registrationDate", "organisation.registration-date.invalid");
      }
    }
    Set<String> wardCodes = new HashSet<>(form.wards());
    String home = clean(form.homeWard());
    if (!home.isEmpty()) {
      wardCodes.add(home);
    }
    Map<String, Ward> wards = geography.wards(wardCodes);
    if (wards.size() != wardCodes.size()
        || wards.values().stream().anyMatch(w -> !w.countyCode().equals(countyCode))) {
      errors.put(
          wards.containsKey(home) || home.isEmpty() ? "wards" : "homeWard",
          "organisation.ward.invalid");
    }
    Set<Long> themeIds = new HashSet<>();
    for (String theme : form.themes()) {
      Optional<ThematicArea> area = themes.findByPublicId(theme);
      if (area.isEmpty() || !area.get().countyCode().equals(countyCode)) {
        errors.put("themes", "organisation.theme.invalid");
      } else {
        themeIds.add(area.get().id());
      }
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
    String website = clean(form.website());
    if (!website.isEmpty() && !isWebAddress(website)) {
      errors.put("website", "organisation.website.invalid");
    }
    String description = form.description() == null ? "" : form.description().strip();
    if (description.length() > 2000) {
      errors.put("description", "organisation.description.invalid");
    }
    OrganisationStatus status =
        clean(form.status()).isEmpty()
            ? OrganisationStatus.ACTIVE
            : parse(OrganisationStatus.class, form.status());
    if (status == null) {
      errors.put("status", "organisation.status.invalid");
    }
    Long parentId = null;
    if (!clean(form.affiliatedTo()).isEmpty()) {
      Optional<Organisation> parent = organisations.findByPublicId(clean(form.affiliatedTo()));
      if (parent.isEmpty()
          || !parent.get().countyCode().equals(countyCode)
          || (current != null && createsCycle(parent.get(), current))) {
        errors.put("affiliatedTo", "organisation.affiliation.invalid");
      } else {
        parentId = parent.get().id();
      }
    }
    if (errors.isEmpty() && !home.isEmpty() && !form.confirmDuplicate()) {
      boolean duplicate =
          organisations.existsByCountyCodeAndHomeWardCodeAndNameKeyAndIdNot(
              countyCode,
              home,
              OrganisationDetails.key(name),
              current == null ? -1L : current.id());
      if (duplicate) {
        errors.put("name", "organisation.duplicate");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    return new OrganisationDetails(
        name,
        acronym.isEmpty() ? null : acronym,
        type,
        body,
        number.isEmpty() ? null : number,
        registered,
        home.isEmpty() ? null : home,
        wardCodes,
        themeIds,
        email,
        phone,
        website.isEmpty() ? null : website,
        description.isEmpty() ? null : description,
        status,
        parentId);
  }

  /** Whether making {@code parent} the parent of {@code child} would close a loop. */
  private boolean createsCycle(Organisation parent, Organisation child) {
    Organisation step = parent;
    for (int depth = 0; step != null && depth < 20; depth++) {
      if (step.id().equals(child.id())) {
        return true;
      }
      step =
          step.affiliatedToId() == null
              ? null
              : organisations.findById(step.affiliatedToId()).orElse(null);
    }
    return false;
  }

  private static boolean isWebAddress(String value) {
    if (value.length() > 300) {
      return false;
    }
    try {
      URI uri = URI.create(value);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
