package ke.baraza.feedback.internal;

import static ke.baraza.feedback.internal.FeedbackPermissions.actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ke.baraza.feedback.CaseStatus;
import ke.baraza.feedback.Channel;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.StoredFile;
import ke.baraza.platform.UserError;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files new cases from every channel. Each case is checked whole before anything is written, then
 * written in one transaction with its photos and its first timeline line, so a refused submission
 * leaves nothing behind. A submission with an intake key already filed (a gateway's retry, a double
 * click) gives the earlier case: a unique constraint decides, not a look first.
 */
@Service
public class Intake {

  static final int MIN_DESCRIPTION = 10;
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_PHOTOS = 3;
  static final int MAX_INTAKE_KEY = 100;

  /** Photos: images a browser shows, recognised by content. */
  static final Set<FileKind> PHOTO_KINDS = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.WEBP);

  private static final int ATTEMPTS = 6;

  /** How long a web form's private code is kept in memory for a repeated submission of it. */
  static final Duration RECENT = Duration.ofMinutes(15);

  private record Recent(String code, java.time.Instant at) {}

  private final Map<String, Recent> recentCodes = new ConcurrentHashMap<>();

  private final ServiceAreaCatalogue areas;
  private final GeographyApi geography;
  private final FeedbackCases cases;
  private final CaseEvents events;
  private final CountyPrefixes prefixes;
  private final IntakeLimits limits;
  private final FileStore files;
  private final FeedbackPermissions permissions;
  private final Acknowledgements acknowledgements;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  Intake(
      ServiceAreaCatalogue areas,
      GeographyApi geography,
      FeedbackCases cases,
      CaseEvents events,
      CountyPrefixes prefixes,
      IntakeLimits limits,
      FileStore files,
      FeedbackPermissions permissions,
      Acknowledgements acknowledgements,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.areas = areas;
    this.geography = geography;
    this.cases = cases;
    this.events = events;
    this.prefixes = prefixes;
    this.limits = limits;
    this.files = files;
    this.permissions = permissions;
    this.acknowledgements = acknowledgements;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * Files a case with status received, routed to its service area's department, and tells the
   * reporter its reference and private code by SMS or e-mail when a contact was given (after the
   * commit; a failed message does not undo the case). Audited as {@code feedback:case-filed}.
   *
   * @return the reference and, for a new case, the private code; for a submission whose intake key
   *     was filed before, that case's reference and no code, and nothing is written or sent
   * @throws UserError 404 for an unknown county, 403 when a staff channel is used by anyone but the
   *     county's staff, 400 for a missing or overlong intake key
   * @throws InvalidInput 400 naming each wrong field (serviceArea, wardCode, description, contact,
   *     photos)
   * @throws IntakeLimited 429 when the phone number or client filed too many cases this hour
   * @throws ke.baraza.platform.FileRejected 400, 413 or 415 for an empty, too large or non-image
   *     photo
   */
  public Filed file(NewCase input) {
    CheckedCase checked = check(input);
    // No look before the insert: the unique intake key finds a repeat (below), so a new case (the
    // usual one) costs no query first, and a repeat costs a refused insert instead. A profile had
    // the look at a fifth of a web complaint's time.
    // Every copy of a form sent at once (a double click) draws the same code before any of them
    // writes, so whichever copy files the case, every answer shows the code that case was given.
    String secret =
        checked.channel() == Channel.WEB || checked.channel().staffEntry()
            ? recentCodes
                .computeIfAbsent(
                    checked.intakeKey(), k -> new Recent(Codes.secret(), clock.instant()))
                .code()
            : Codes.secret();
    for (int attempt = 1; ; attempt++) {
      try {
        // the audit record joins the case's transaction: one commit for the case, its first
        // timeline line and the record that it was filed
        FeedbackCase filed =
            tx.execute(
                status -> {
                  FeedbackCase inserted = insert(checked, input, secret);
                  audit.record(
                      actor(), "feedback:case-filed", inserted.reference(), inserted.countyCode());
                  return inserted;
                });
        acknowledgements.filed(filed, secret);
        return new Filed(filed.reference(), secret, false);
      } catch (DataIntegrityViolationException clash) {
        Optional<FeedbackCase> same = cases.findByIntakeKey(checked.intakeKey());
        if (same.isPresent()) {
          return duplicate(same.get(), checked);
        }
        if (attempt >= ATTEMPTS) {
          throw clash;
        }
        // a reference drawn twice, or the same submission still being written by another request
        pause(attempt);
      }
    }
  }

  /**
   * The earlier case of a repeated submission. A form sent twice (a double click) shows the page of
   * the second request only, so within {@link #RECENT} the same form gets the private code again; a
   * gateway's retry needs none (the reply went out with the first).
   */
  private Filed duplicate(FeedbackCase earlier, CheckedCase checked) {
    Recent recent = recentCodes.get(checked.intakeKey());
    // the code kept may have been drawn by this very request (the form sent again after the
    // earlier code was forgotten): shown only when it is the one the case was filed with
    String code =
        recent != null
                && recent.at().isAfter(clock.instant().minus(RECENT))
                && Codes.secretHash(recent.code())
                    .filter(hash -> hash.equals(earlier.reporterSecretHash()))
                    .isPresent()
            ? recent.code()
            : null;
    return new Filed(earlier.reference(), code, true);
  }

  @Scheduled(fixedDelay = 300_000)
  void forgetRecentCodes() {
    java.time.Instant cutoff = clock.instant().minus(RECENT);
    recentCodes.values().removeIf(r -> r.at().isBefore(cutoff));
  }

  private FeedbackCase insert(CheckedCase checked, NewCase input, String secret) {
    String county = checked.area().countyCode();
    String createdBy = checked.channel().staffEntry() ? actor() : null;
    FeedbackCase filed =
        new FeedbackCase(
            freshReference(county),
            checked.area(),
            checked,
            Codes.secretHash(secret).orElseThrow(),
            createdBy,
            clock.instant());
    if (input.publish()) {
      filed.allowPublication();
    }
    // the unique intake key and reference are checked here, before any photo is read
    cases.saveAndFlush(filed);
    if (!checked.channel().staffEntry()) {
      if (checked.phone() != null && !limits.newCaseFromPhone(checked.phone())) {
        throw new IntakeLimited(IntakeLimited.PHONE);
      }
      if (input.client() != null && !limits.newCaseFromClient(input.client())) {
        throw new IntakeLimited(IntakeLimited.CLIENT);
      }
    }
    for (NewCase.Photo photo : input.photos()) {
      try {
        StoredFile stored = files.store(photo.content(), photo.name(), PHOTO_KINDS, "feedback");
        filed.addPhoto(stored.publicId());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    events.save(CaseEvent.status(filed.id(), CaseStatus.RECEIVED, createdBy, filed.createdAt()));
    cases.flush();
    return filed;
  }

  /**
   * A new random reference. One drawn before (about one in 170 at 200,000 cases in a county) fails
   * the unique constraint at the insert, and {@link #file} draws again, up to {@value #ATTEMPTS}
   * times.
   */
  private String freshReference(String countyCode) {
    return Codes.newReference(prefixes.of(countyCode));
  }

  private CheckedCase check(NewCase input) {
    String county = input.countyCode();
    if (county == null || !geography.isCounty(county)) {
      throw UserError.notFound("feedback.county.unknown");
    }
    Channel channel = input.channel() == null ? Channel.WEB : input.channel();
    if (channel.staffEntry() && !permissions.isCountyStaff(county)) {
      throw UserError.forbidden();
    }
    String rawKey = input.intakeKey();
    if (rawKey == null || rawKey.isBlank() || rawKey.length() > MAX_INTAKE_KEY) {
      throw UserError.badRequest("error.400");
    }
    String intakeKey = channel.name() + ":" + rawKey;
    Map<String, String> errors = new LinkedHashMap<>();
    ServiceArea area =
        areas
            .find(county, input.serviceArea() == null ? "" : input.serviceArea())
            .filter(ServiceArea::active)
            .orElse(null);
    if (area == null) {
      errors.put("serviceArea", "feedback.case.area.invalid");
    }
    String ward = input.wardCode() == null ? "" : input.wardCode().strip();
    if (geography.ward(ward).filter(w -> w.countyCode().equals(county)).isEmpty()) {
      errors.put("wardCode", "feedback.case.ward.invalid");
    }
    String description = Text.description(input.description());
    if (description.length() < MIN_DESCRIPTION) {
      errors.put("description", "feedback.case.description.too-short");
    } else if (description.length() > MAX_DESCRIPTION) {
      errors.put("description", "feedback.case.description.too-long");
    }
    String contact = Text.clean(input.contact());
    String phone = null;
    String email = null;
    boolean gateway = channel == Channel.SMS || channel == Channel.USSD;
    if (!contact.isEmpty() && Contacts.looksLikeEmail(contact) && !gateway) {
      email = Contacts.email(contact).orElse(null);
      if (email == null) {
        errors.put("contact", "feedback.case.contact.invalid");
      }
    } else if (!contact.isEmpty() || gateway) {
      phone = Contacts.kenyanPhone(contact).orElse(null);
      if (phone == null) {
        errors.put("contact", "feedback.case.contact.invalid");
      }
    }
    if (input.photos().size() > MAX_PHOTOS || (gateway && !input.photos().isEmpty())) {
      errors.put("photos", "feedback.case.photos.too-many");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    Locale language =
        input.language() != null && "sw".equals(input.language().getLanguage())
            ? Locale.forLanguageTag("sw")
            : Locale.ENGLISH;
    return new CheckedCase(area, ward, description, channel, language, phone, email, intakeKey);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
