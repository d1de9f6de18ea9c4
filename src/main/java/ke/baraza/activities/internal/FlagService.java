package ke.baraza.activities.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;
import ke.baraza.shared.PublicId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The overlap flags of a county, for its coordinators only ({@link
 * ActivityPermissions#mayCoordinate}): the list, marking a flag coordinated or not a duplicate with
 * a reason (audited), and the addresses new flags are mailed to.
 */
@Service
public class FlagService {

  /** How a coordinator may settle a flag. */
  public enum Resolution {
    COORDINATED,
    NOT_DUPLICATE
  }

  private final JdbcClient jdbc;
  private final ActivityPermissions permissions;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final AuditLog audit;
  private final Clock clock;

  FlagService(
      JdbcClient jdbc,
      ActivityPermissions permissions,
      DirectoryApi directory,
      GeographyApi geography,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.directory = directory;
    this.geography = geography;
    this.audit = audit;
    this.clock = clock;
  }

  /** One side of a flag. */
  public record Side(
      String publicId,
      String title,
      String organisationRef,
      String organisationName,
      LocalDate startsOn,
      LocalDate endsOn) {}

  /**
   * A flag as the coordinators' list shows it.
   *
   * @param status {@code OPEN}, {@code COORDINATED} or {@code NOT_DUPLICATE}
   * @param reason {@code null} while open
   */
  public record FlagView(
      String publicId,
      String theme,
      String status,
      String reason,
      OffsetDateTime raisedAt,
      Side a,
      Side b,
      List<String> wardNames) {}

  /** A county's addresses for flag notices. */
  public record Recipient(String publicId, String email, String language) {}

  /**
   * A page of a county's flags, open ones first, newest first.
   *
   * @param status {@code OPEN}, {@code COORDINATED}, {@code NOT_DUPLICATE} or null for all
   * @throws UserError 403 for anyone but the county's coordinators
   */
  public PageResult<FlagView> flags(String countyCode, String status, PageRequest page) {
    requireCoordinator(countyCode);
    String filter = status == null ? "" : " and f.status = :status";
    long total =
        jdbc.sql("select count(*) from activity_flag f where f.county_code = :county" + filter)
            .param("county", countyCode)
            .params(status == null ? Map.of() : Map.of("status", status))
            .query(Long.class)
            .single();
    record Row(
        long id,
        String publicId,
        String status,
        String reason,
        OffsetDateTime raisedAt,
        String theme,
        String aId,
        String aTitle,
        String aOrg,
        LocalDate aStart,
        LocalDate aEnd,
        String bId,
        String bTitle,
        String bOrg,
        LocalDate bStart,
        LocalDate bEnd) {}
    List<Row> rows =
        jdbc.sql(
                "select f.id, f.public_id, f.status, f.reason, f.raised_at, a.theme,"
                    + " a.public_id as a_id, a.title as a_title, a.organisation_ref as a_org,"
                    + " a.starts_on as a_start, a.ends_on as a_end, b.public_id as b_id,"
                    + " b.title as b_title, b.organisation_ref as b_org, b.starts_on as b_start,"
                    + " b.ends_on as b_end from activity_flag f"
                    + " join activity a on a.id = f.activity_a_id"
                    + " join activity b on b.id = f.activity_b_id"
                    + " where f.county_code = :county"
                    + filter
                    + " order by case when f.status = 'OPEN' then 0 else 1 end, f.raised_at desc,"
                    + " f.id desc offset :offset rows fetch next :size rows only")
            .param("county", countyCode)
            .params(status == null ? Map.of() : Map.of("status", status))
            .param("offset", page.offset())
            .param("size", page.size())
            .query(Row.class)
            .list();
    Set<String> orgs = new HashSet<>();
    rows.forEach(
        r -> {
          orgs.add(r.aOrg());
          orgs.add(r.bOrg());
        });
    Map<String, String> names = orgs.isEmpty() ? Map.of() : directory.names(orgs);
    Map<Long, Set<String>> wardsOf = sharedWards(rows.stream().map(Row::id).toList());
    Set<String> codes = new HashSet<>();
    wardsOf.values().forEach(codes::addAll);
    Map<String, Ward> wards = codes.isEmpty() ? Map.of() : geography.wards(codes);
    return new PageResult<>(
        rows.stream()
            .map(
                r ->
                    new FlagView(
                        r.publicId(),
                        r.theme(),
                        r.status(),
                        r.reason(),
                        r.raisedAt(),
                        new Side(
                            r.aId(),
                            r.aTitle(),
                            r.aOrg(),
                            names.getOrDefault(r.aOrg(), r.aOrg()),
                            r.aStart(),
                            r.aEnd()),
                        new Side(
                            r.bId(),
                            r.bTitle(),
                            r.bOrg(),
                            names.getOrDefault(r.bOrg(), r.bOrg()),
                            r.bStart(),
                            r.bEnd()),
                        wardsOf.getOrDefault(r.id(), Set.of()).stream()
                            .map(c -> wards.containsKey(c) ? wards.get(c).name() : c)
                            .sorted()
                            .toList()))
            .toList(),
        page.page(),
        page.size(),
        total);
  }

  private Map<Long, Set<String>> sharedWards(Collection<Long> flagIds) {
    if (flagIds.isEmpty()) {
      return Map.of();
    }
    record Shared(long id, String wardCode) {}
    Map<Long, Set<String>> result = new LinkedHashMap<>();
    jdbc.sql(
            "select f.id, aw.ward_code from activity_flag f"
                + " join activity_ward aw on aw.activity_id = f.activity_a_id"
                + " join activity_ward bw on bw.activity_id = f.activity_b_id"
                + " and bw.ward_code = aw.ward_code where f.id in (:ids)")
        .param("ids", flagIds)
        .query(Shared.class)
        .list()
        .forEach(s -> result.computeIfAbsent(s.id(), k -> new TreeSet<>()).add(s.wardCode()));
    return result;
  }

  /**
   * Marks a flag coordinated or not a duplicate, with the reason; a decided flag may be decided
   * again (the reason is replaced). Audited as {@code activities:flag-resolved}.
   *
   * @return the county of the flag
   * @throws UserError 404 unknown flag, 403 not a coordinator of its county
   * @throws InvalidInput 400 no resolution, or a reason of fewer than 3 or more than 2,000
   *     characters
   */
  public String resolve(String flagId, String resolution, String reason) {
    String county =
        (PublicId.isWellFormed(flagId)
                ? jdbc.sql("select county_code from activity_flag where public_id = ?")
                    .param(flagId)
                    .query(String.class)
                    .optional()
                : java.util.Optional.<String>empty())
            .orElseThrow(() -> UserError.notFound("activity.flag.unknown"));
    requireCoordinator(county);
    Map<String, String> errors = new LinkedHashMap<>();
    Resolution chosen = null;
    try {
      chosen = Resolution.valueOf(ActivityService.clean(resolution));
    } catch (IllegalArgumentException e) {
      errors.put("resolution", "activity.flag.resolution.invalid");
    }
    String why = ActivityService.clean(reason);
    if (why.length() < 3 || why.length() > 2000) {
      errors.put("reason", "activity.flag.reason.invalid");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    jdbc.sql(
            "update activity_flag set status = ?, reason = ?, resolved_by = ?, resolved_at = ?"
                + " where public_id = ?")
        .params(
            chosen.name(),
            why,
            actor(),
            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
            flagId)
        .update();
    audit.record(actor(), "activities:flag-resolved", flagId, county);
    return county;
  }

  /** The addresses a county's new flags are mailed to; 403 for anyone but its coordinators. */
  public List<Recipient> recipients(String countyCode) {
    requireCoordinator(countyCode);
    return jdbc.sql(
            "select cast(id as varchar(20)) as public_id, email, language"
                + " from activity_flag_recipient where county_code = ? order by email")
        .param(countyCode)
        .query(Recipient.class)
        .list();
  }

  /**
   * Adds an address for the county's flag notices; adding it again changes nothing.
   *
   * @throws InvalidInput 400 for an address that is not one
   */
  public void addRecipient(String countyCode, String email, String language) {
    requireCoordinator(countyCode);
    String address =
        Contacts.email(email)
            .orElseThrow(
                () ->
                    new InvalidInput(
                        HttpStatus.BAD_REQUEST, Map.of("email", "activity.recipient.invalid")));
    String lang =
        "sw".equals(ActivityService.clean(language).toLowerCase(Locale.ROOT)) ? "sw" : "en";
    boolean known =
        jdbc.sql("select count(*) from activity_flag_recipient where county_code = ? and email = ?")
                .params(countyCode, address)
                .query(Long.class)
                .single()
            > 0;
    if (!known) {
      jdbc.sql(
              "insert into activity_flag_recipient (county_code, email, language, added_by,"
                  + " added_at) values (?, ?, ?, ?, ?)")
          .params(
              countyCode,
              address,
              lang,
              actor(),
              OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
          .update();
      audit.record(actor(), "activities:flag-recipient-added", null, countyCode);
    }
  }

  /** Removes one of the county's addresses for flag notices. */
  public void removeRecipient(String countyCode, String recipientId) {
    requireCoordinator(countyCode);
    long id;
    try {
      id = Long.parseLong(ActivityService.clean(recipientId));
    } catch (NumberFormatException e) {
      throw UserError.notFound("activity.recipient.unknown");
    }
    jdbc.sql("delete from activity_flag_recipient where id = ? and county_code = ?")
        .params(id, countyCode)
        .update();
    audit.record(actor(), "activities:flag-recipient-removed", null, countyCode);
  }

  /** Whether the current user sees the county's flags. */
  public boolean mayCoordinate(String countyCode) {
    return permissions.mayCoordinate(countyCode);
  }

  private void requireCoordinator(String countyCode) {
    if (!permissions.mayCoordinate(countyCode)) {
      throw UserError.forbidden();
    }
  }

  private static String actor() {
    return CurrentUser.get().map(SignedInUser::publicId).orElse(null);
  }
}
