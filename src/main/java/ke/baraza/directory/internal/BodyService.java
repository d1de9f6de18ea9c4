package ke.baraza.directory.internal;

import static ke.baraza.directory.internal.Input.actor;
import static ke.baraza.directory.internal.Input.clean;
import static ke.baraza.directory.internal.Input.parse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ke.baraza.directory.BodyKind;
import ke.baraza.directory.BodyLevel;
import ke.baraza.directory.MembershipStatus;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Notifier;
import ke.baraza.platform.Role;
import ke.baraza.platform.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Networks and coordination bodies, and the memberships of organisations in them: an organisation
 * applies, a coordinator approves or declines with a reason, and the organisation hears of it.
 */
@Service
public class BodyService {

  private static final Logger log = LoggerFactory.getLogger(BodyService.class);

  /** What a coordinator decides about a membership. */
  public enum Decision {
    APPROVE,
    DECLINE,
    SUSPEND,
    REINSTATE,
    LEAVE
  }

  private final Bodies bodies;
  private final Memberships memberships;
  private final Organisations organisations;
  private final GeographyApi geography;
  private final DirectoryPermissions permissions;
  private final Notifier notifier;
  private final MessageSource messages;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  BodyService(
      Bodies bodies,
      Memberships memberships,
      Organisations organisations,
      GeographyApi geography,
      DirectoryPermissions permissions,
      Notifier notifier,
      MessageSource messages,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.bodies = bodies;
    this.memberships = memberships;
    this.organisations = organisations;
    this.geography = geography;
    this.permissions = permissions;
    this.notifier = notifier;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /** A body as typed into the form. */
  public record BodyForm(
      String name,
      String acronym,
      String kind,
      String level,
      String area,
      String description,
      String secretariat) {}

  public Body find(String publicId) {
    return bodies
        .findByPublicId(publicId == null ? "" : publicId)
        .orElseThrow(() -> UserError.notFound("body.unknown"));
  }

  public List<Body> ofCounty(String countyCode) {
    return bodies.findByCountyCodeOrderByName(countyCode);
  }

  /**
   * Whether the current user runs this body: county staff, a county-wide or its own coordinator.
   */
  public boolean mayManage(Body body) {
    return permissions.mayCreateIn(body.countyCode())
        || CurrentUser.get()
            .map(u -> u.holdsFor(Role.NETWORK_COORDINATOR, body.publicId()))
            .orElse(false);
  }

  /**
   * Creates a network or body in a county.
   *
   * @throws UserError 403 unless county staff or a coordinator of the county
   * @throws InvalidInput 400 naming each wrong field
   */
  public Body create(String countyCode, BodyForm form) {
    if (!permissions.mayCreateIn(countyCode)) {
      throw UserError.forbidden();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String name = clean(form.name());
    if (name.length() < 2 || name.length() > 200) {
      errors.put("name", "organisation.name.invalid");
    }
    String acronym = clean(form.acronym());
    if (acronym.length() > 30) {
      errors.put("acronym", "organisation.acronym.invalid");
    }
    BodyKind kind = parse(BodyKind.class, form.kind());
    if (kind == null) {
      errors.put("kind", "body.kind.invalid");
    }
    BodyLevel level =
        clean(form.level()).isEmpty() ? BodyLevel.COUNTY : parse(BodyLevel.class, form.level());
    String area = clean(form.area());
    if (level == null) {
      errors.put("level", "body.level.invalid");
    } else if (level == BodyLevel.COUNTY) {
      area = "";
    } else if (!areaInCounty(level, area, countyCode)) {
      errors.put("area", "body.area.invalid");
    }
    String description = form.description() == null ? "" : form.description().strip();
    if (description.length() > 2000) {
      errors.put("description", "organisation.description.invalid");
    }
    Long secretariat = null;
    if (!clean(form.secretariat()).isEmpty()) {
      Optional<Organisation> org = organisations.findByPublicId(clean(form.secretariat()));
      if (org.isEmpty() || !org.get().countyCode().equals(countyCode)) {
        errors.put("secretariat", "organisation.affiliation.invalid");
      } else {
        secretariat = org.get().id();
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    Body body =
        new Body(
            countyCode,
            kind,
            level,
            area.isEmpty() ? null : area,
            name,
            acronym.isEmpty() ? null : acronym,
            description.isEmpty() ? null : description,
            secretariat,
            actor(),
            clock.instant());
    tx.executeWithoutResult(status -> bodies.save(body));
    audit.record(actor(), "directory:body-created", body.publicId(), countyCode);
    return body;
  }

  /**
   * An organisation applies to join: asked by whoever may edit the organisation. Applying again
   * after leaving or being declined is allowed; a pending or active membership is refused.
   */
  public Membership apply(String bodyId, String organisationId) {
    Body body = find(bodyId);
    Organisation organisation = organisation(organisationId);
    if (!permissions.mayEdit(organisation)) {
      throw UserError.forbidden();
    }
    if (!organisation.countyCode().equals(body.countyCode())) {
      throw UserError.badRequest("membership.other-county");
    }
    Membership membership;
    try {
      membership =
          tx.execute(
              status -> {
                Optional<Membership> existing =
                    memberships.findByBodyIdAndOrganisationId(body.id(), organisation.id());
                if (existing.isPresent()) {
                  MembershipStatus s = existing.get().status();
                  if (s == MembershipStatus.LEFT || s == MembershipStatus.DECLINED) {
                    existing.get().reapply(clock.instant());
                    return existing.get();
                  }
                  throw UserError.conflict("membership.exists");
                }
                return memberships.saveAndFlush(
                    Membership.application(body.id(), organisation.id(), clock.instant()));
              });
    } catch (DataIntegrityViolationException raced) {
      throw UserError.conflict("membership.exists");
    }
    audit.record(actor(), "directory:membership-applied", body.publicId(), body.countyCode());
    return membership;
  }

  /** A coordinator adds an organisation as an active member directly (an existing member list). */
  public Membership admit(String bodyId, String organisationId, LocalDate since) {
    Body body = find(bodyId);
    if (!mayManage(body)) {
      throw UserError.forbidden();
    }
    Organisation organisation = organisation(organisationId);
    if (!organisation.countyCode().equals(body.countyCode())) {
      throw UserError.badRequest("membership.other-county");
    }
    Membership membership;
    try {
      membership =
          tx.execute(
              status -> {
                Optional<Membership> existing =
                    memberships.findByBodyIdAndOrganisationId(body.id(), organisation.id());
                if (existing.isPresent()) {
                  if (existing.get().status() == MembershipStatus.ACTIVE) {
                    return existing.get();
                  }
                  existing.get().approve(since, actor(), clock.instant());
                  return existing.get();
                }
                return memberships.saveAndFlush(
                    Membership.admitted(
                        body.id(), organisation.id(), since, actor(), clock.instant()));
              });
    } catch (DataIntegrityViolationException raced) {
      throw UserError.conflict("membership.exists");
    }
    audit.record(actor(), "directory:membership-admitted", body.publicId(), body.countyCode());
    return membership;
  }

  /**
   * Decides on a membership. Declining, suspending and leaving need a reason; the organisation is
   * told by e-mail when it has an address.
   */
  public void decide(
      String bodyId, Long membershipId, Decision decision, String reason, String mou) {
    Body body = find(bodyId);
    if (!mayManage(body)) {
      throw UserError.forbidden();
    }
    if (decision == null) {
      throw new InvalidInput(
          HttpStatus.BAD_REQUEST, Map.of("decision", "membership.decision.invalid"));
    }
    String why = clean(reason);
    if (why.length() > 500
        || (why.isEmpty() && (decision == Decision.DECLINE || decision == Decision.SUSPEND))) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("reason", "membership.reason.needed"));
    }
    LocalDate mouDate = null;
    if (!clean(mou).isEmpty()) {
      try {
        mouDate = LocalDate.parse(clean(mou));
      } catch (DateTimeParseException e) {
        throw new InvalidInput(
            HttpStatus.BAD_REQUEST, Map.of("mou", "organisation.registration-date.invalid"));
      }
    }
    LocalDate signed = mouDate;
    Membership decided =
        tx.execute(
            status -> {
              Membership m =
                  memberships
                      .findById(membershipId)
                      .filter(x -> x.bodyId().equals(body.id()))
                      .orElseThrow(() -> UserError.notFound("error.404"));
              var now = clock.instant();
              switch (decision) {
                case APPROVE, REINSTATE ->
                    m.approve(m.since() != null ? m.since() : LocalDate.now(clock), actor(), now);
                case DECLINE -> m.decline(why, actor(), now);
                case SUSPEND -> m.change(MembershipStatus.SUSPENDED, why, actor(), now);
                case LEAVE ->
                    m.change(MembershipStatus.LEFT, why.isEmpty() ? null : why, actor(), now);
              }
              if (signed != null) {
                m.recordMou(signed);
              }
              return m;
            });
    audit.record(
        actor(),
        "directory:membership-" + decision.name().toLowerCase(Locale.ROOT),
        body.publicId(),
        body.countyCode());
    tell(body, decided, decision, why);
  }

  private void tell(Body body, Membership membership, Decision decision, String reason) {
    Organisation organisation = organisations.findById(membership.organisationId()).orElseThrow();
    if (organisation.email() == null || decision == Decision.LEAVE) {
      return;
    }
    String key = "membership.mail." + decision.name().toLowerCase(Locale.ROOT);
    StringBuilder text = new StringBuilder();
    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sw"))) {
      if (!text.isEmpty()) {
        text.append("\n\n----\n\n");
      }
      text.append(
          messages.getMessage(
              key,
              new Object[] {organisation.name(), body.name(), reason.isEmpty() ? "-" : reason},
              locale));
    }
    try {
      notifier.email(
          organisation.email(),
          messages.getMessage("membership.mail.subject", new Object[] {body.name()}, Locale.ENGLISH)
              + " / "
              + messages.getMessage(
                  "membership.mail.subject",
                  new Object[] {body.name()},
                  Locale.forLanguageTag("sw")),
          text.toString());
    } catch (RuntimeException e) {
      log.warn(
          "The decision on membership {} could not be mailed: {}", membership.id(), e.toString());
    }
  }

  private boolean areaInCounty(BodyLevel level, String area, String countyCode) {
    if (level == BodyLevel.WARD) {
      return geography.ward(area).filter(w -> w.countyCode().equals(countyCode)).isPresent();
    }
    return geography.subCounties(countyCode).stream().anyMatch(s -> s.code().equals(area));
  }

  private Organisation organisation(String publicId) {
    return organisations
        .findByPublicId(clean(publicId))
        .orElseThrow(() -> UserError.notFound("organisation.unknown"));
  }
}
