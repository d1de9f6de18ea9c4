package ke.baraza.feedback.internal;

import static ke.baraza.feedback.internal.FeedbackPermissions.actor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.DirectorySearch;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.directory.OrganisationType;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.RefreshingCache;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each county's service areas: the default set (kept as data in {@value #DEFAULTS}) is added the
 * first time a county's areas are asked for; county staff then route each area to a county
 * department, rename it, change its SMS keywords and service charter, retire it or add new ones.
 */
@Service
public class ServiceAreaCatalogue {

  static final String DEFAULTS = "feedback/default-service-areas.csv";
  static final int MAX_DAYS = 365;
  private static final Pattern KEYWORD = Pattern.compile("[A-Z0-9]{2,20}");

  /** A service area found by one of its SMS keywords, and the language of that keyword. */
  public record KeywordMatch(ServiceArea area, Locale language) {}

  private final ServiceAreas areas;
  private final GeographyApi geography;
  private final DirectoryApi directory;
  private final FeedbackPermissions permissions;
  private final AuditLog audit;
  private final TransactionTemplate newTransaction;
  private final RefreshingCache<String, List<ServiceArea>> kept;

  ServiceAreaCatalogue(
      ServiceAreas areas,
      GeographyApi geography,
      DirectoryApi directory,
      FeedbackPermissions permissions,
      AuditLog audit,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${baraza.feedback.service-areas.max-age:PT1M}") Duration maxAge) {
    this.areas = areas;
    this.geography = geography;
    this.directory = directory;
    this.permissions = permissions;
    this.audit = audit;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.kept = new RefreshingCache<>(maxAge, clock);
  }

  /**
   * The county's service areas in their order, retired ones included. The first call for a county
   * adds the default set; two first calls at once add it once (a unique constraint decides).
   *
   * @return empty for an unknown county
   */
  public List<ServiceArea> of(String countyCode) {
    // Every complaint, SMS and USSD screen looks its county's areas up: they are kept for
    // baraza.feedback.service-areas.max-age (a minute), and dropped at once when this node changes
    // them; another node sees a change within that age. Callers only read the areas kept (a
    // change goes through update, which loads its own copy).
    return countyCode == null ? read(null) : kept.get(countyCode, c -> List.copyOf(read(c)));
  }

  private List<ServiceArea> read(String countyCode) {
    List<ServiceArea> found = areas.findByCountyCodeOrderByPositionAscIdAsc(countyCode);
    if (!found.isEmpty() || countyCode == null || !geography.isCounty(countyCode)) {
      return found;
    }
    try {
      newTransaction.executeWithoutResult(status -> areas.saveAllAndFlush(defaults(countyCode)));
    } catch (DataIntegrityViolationException seededMeanwhile) {
      // another request added the defaults first: read theirs
    }
    return areas.findByCountyCodeOrderByPositionAscIdAsc(countyCode);
  }

  /** The areas new cases may be filed under, in their order. */
  public List<ServiceArea> active(String countyCode) {
    return of(countyCode).stream().filter(ServiceArea::active).toList();
  }

  /** An area of the county by public id, or empty (also for another county's area). */
  public Optional<ServiceArea> find(String countyCode, String publicId) {
    return of(countyCode).stream().filter(a -> a.publicId().equals(publicId)).findFirst();
  }

  /** The active area whose English or Kiswahili keyword is {@code word} (any case), or empty. */
  public Optional<KeywordMatch> byKeyword(String countyCode, String word) {
    String wanted = word == null ? "" : word.strip().toUpperCase(Locale.ROOT);
    for (ServiceArea area : active(countyCode)) {
      if (area.keywordSw().equals(wanted)) {
        return Optional.of(new KeywordMatch(area, Locale.forLanguageTag("sw")));
      }
      if (area.keywordEn().equals(wanted)) {
        return Optional.of(new KeywordMatch(area, Locale.ENGLISH));
      }
    }
    return Optional.empty();
  }

  /** The county's departments (directory organisations of type county department), by name. */
  public List<OrganisationSummary> departments(String countyCode) {
    return directory
        .search(
            new DirectorySearch(
                null, countyCode, null, null, OrganisationType.COUNTY_DEPARTMENT, null),
            new PageRequest(0, PageRequest.MAX_SIZE))
        .items();
  }

  /**
   * Changes one area: names, keywords, department, charter, whether it takes new cases. Cases
   * already filed keep the department they were routed to.
   *
   * @throws UserError 403 unless county staff, 404 for an area not of the county
   * @throws InvalidInput 400 naming each wrong field; 409 for a keyword another area uses
   */
  @Transactional
  public ServiceArea update(String countyCode, String publicId, ServiceAreaForm form) {
    requireStaff(countyCode);
    ServiceArea area =
        areas
            .findByPublicId(publicId == null ? "" : publicId)
            .filter(a -> a.countyCode().equals(countyCode))
            .orElseThrow(() -> UserError.notFound("feedback.area.unknown"));
    area.apply(check(countyCode, form, area));
    area.setActive(form.active());
    audit.record(actor(), "feedback:service-area-changed", area.publicId(), countyCode);
    forgetAfterCommit(countyCode);
    return area;
  }

  /**
   * Adds a service area at the end of the county's list.
   *
   * @throws UserError 403 unless county staff
   * @throws InvalidInput 400 naming each wrong field; 409 when the name or a keyword is taken
   */
  public ServiceArea add(String countyCode, ServiceAreaForm form) {
    requireStaff(countyCode);
    List<ServiceArea> existing = of(countyCode);
    ServiceAreaDetails details = check(countyCode, form, null);
    String key = key(details.nameEn());
    if (key.isEmpty()) {
      throw new InvalidInput(
          HttpStatus.BAD_REQUEST, Map.of("nameEn", "feedback.area.name.invalid"));
    }
    int position = existing.stream().mapToInt(ServiceArea::position).max().orElse(0) + 1;
    try {
      ServiceArea added = areas.saveAndFlush(new ServiceArea(countyCode, key, position, details));
      audit.record(actor(), "feedback:service-area-added", added.publicId(), countyCode);
      kept.forget(countyCode);
      return added;
    } catch (DataIntegrityViolationException taken) {
      throw new InvalidInput(HttpStatus.CONFLICT, Map.of("nameEn", "feedback.area.exists"));
    }
  }

  private void forgetAfterCommit(String countyCode) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            kept.forget(countyCode);
          }
        });
  }

  private ServiceAreaDetails check(String countyCode, ServiceAreaForm form, ServiceArea current) {
    Map<String, String> errors = new LinkedHashMap<>();
    String nameEn = Text.clean(form.nameEn());
    String nameSw = Text.clean(form.nameSw());
    if (nameEn.length() < 2 || nameEn.length() > 120) {
      errors.put("nameEn", "feedback.area.name.invalid");
    }
    if (nameSw.length() < 2 || nameSw.length() > 120) {
      errors.put("nameSw", "feedback.area.name.invalid");
    }
    String keywordEn = Text.clean(form.keywordEn()).toUpperCase(Locale.ROOT);
    String keywordSw = Text.clean(form.keywordSw()).toUpperCase(Locale.ROOT);
    if (!KEYWORD.matcher(keywordEn).matches()) {
      errors.put("keywordEn", "feedback.area.keyword.invalid");
    }
    if (!KEYWORD.matcher(keywordSw).matches()) {
      errors.put("keywordSw", "feedback.area.keyword.invalid");
    }
    boolean conflict = false;
    for (ServiceArea other : of(countyCode)) {
      if (current != null && other.id().equals(current.id())) {
        continue;
      }
      if (List.of(other.keywordEn(), other.keywordSw()).contains(keywordEn)) {
        errors.putIfAbsent("keywordEn", "feedback.area.keyword.taken");
        conflict = true;
      }
      if (List.of(other.keywordEn(), other.keywordSw()).contains(keywordSw)) {
        errors.putIfAbsent("keywordSw", "feedback.area.keyword.taken");
        conflict = true;
      }
    }
    String department = Text.clean(form.department());
    if (!department.isEmpty()
        && directory
            .organisation(department)
            .filter(o -> o.type() == OrganisationType.COUNTY_DEPARTMENT)
            .filter(o -> countyCode.equals(o.countyCode()))
            .isEmpty()) {
      errors.put("department", "feedback.area.department.invalid");
    }
    int acknowledge = days(form.acknowledgeDays());
    int resolve = days(form.resolveDays());
    if (acknowledge < 1) {
      errors.put("acknowledgeDays", "feedback.area.days.invalid");
    }
    if (resolve < 1 || resolve < acknowledge) {
      errors.put("resolveDays", "feedback.area.days.invalid");
    }
    if (!errors.isEmpty()) {
      boolean onlyConflicts =
          conflict && errors.values().stream().allMatch("feedback.area.keyword.taken"::equals);
      throw new InvalidInput(onlyConflicts ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, errors);
    }
    return new ServiceAreaDetails(
        nameEn,
        nameSw,
        keywordEn,
        keywordSw,
        department.isEmpty() ? null : department,
        acknowledge,
        resolve);
  }

  private static int days(String value) {
    String text = Text.clean(value);
    if (!text.matches("[0-9]{1,3}")) {
      return -1;
    }
    int days = Integer.parseInt(text);
    return days > MAX_DAYS ? -1 : days;
  }

  private static String key(String nameEn) {
    String key =
        Normalizer.normalize(nameEn, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    return key.length() > 60 ? key.substring(0, 60) : key;
  }

  private void requireStaff(String countyCode) {
    if (!permissions.isCountyStaff(countyCode)) {
      throw UserError.forbidden();
    }
  }

  /** The default service areas of a county, not yet saved, in the order of {@value #DEFAULTS}. */
  static List<ServiceArea> defaults(String countyCode) {
    List<ServiceArea> list = new ArrayList<>();
    try (Reader in =
        new InputStreamReader(
            new ClassPathResource(DEFAULTS).getInputStream(), StandardCharsets.UTF_8)) {
      int position = 0;
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        list.add(
            new ServiceArea(
                countyCode,
                row.get("key"),
                ++position,
                new ServiceAreaDetails(
                    row.get("name_en"),
                    row.get("name_sw"),
                    row.get("keyword_en"),
                    row.get("keyword_sw"),
                    null,
                    Integer.parseInt(row.get("acknowledge_days")),
                    Integer.parseInt(row.get("resolve_days")))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return list;
  }

  /** The keywords of the default areas, Kiswahili/English: {@code MAJI/WATER, BARABARA/ROADS…}. */
  static String defaultKeywords() {
    return keywords(defaults("000"));
  }

  /**
   * The language of a keyword of the default areas (any case), or empty: tells the language of an
   * SMS whose county is not known yet.
   */
  static Optional<Locale> defaultKeywordLanguage(String word) {
    String wanted = word == null ? "" : word.strip().toUpperCase(Locale.ROOT);
    for (ServiceArea area : defaults("000")) {
      if (area.keywordSw().equals(wanted)) {
        return Optional.of(Locale.forLanguageTag("sw"));
      }
      if (area.keywordEn().equals(wanted)) {
        return Optional.of(Locale.ENGLISH);
      }
    }
    return Optional.empty();
  }

  /** The areas' keywords, Kiswahili/English, for help messages. */
  static String keywords(List<ServiceArea> areas) {
    return areas.stream()
        .map(a -> a.keywordSw() + "/" + a.keywordEn())
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
