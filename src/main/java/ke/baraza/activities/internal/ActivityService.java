package ke.baraza.activities.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import ke.baraza.activities.ActivityStatus;
import ke.baraza.activities.Theme;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.directory.OrganisationSummary;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records and edits activities. Every write checks {@link ActivityPermissions} against the
 * activity's organisation, then looks for overlaps with other organisations' activities ({@link
 * OverlapDetector}).
 */
@Service
public class ActivityService {

  static final int MAX_WARDS = 60;
  private static final long MAX_BUDGET = 1_000_000_000_000L;
  private static final int MAX_COUNT = 10_000_000;

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final ActivityPermissions permissions;
  private final OverlapDetector overlaps;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  ActivityService(
      JdbcClient jdbc,
      DirectoryApi directory,
      GeographyApi geography,
      ActivityPermissions permissions,
      OverlapDetector overlaps,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.geography = geography;
    this.permissions = permissions;
    this.overlaps = overlaps;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /** An activity with its wards (in name order) and what the current user may do with it. */
  public record ActivityPage(
      Activity activity, OrganisationSummary organisation, List<Ward> wards, boolean edit) {}

  /**
   * The organisation with this public id, when the current user may record its activities.
   *
   * @throws UserError 404 for an unknown organisation, 403 for someone who may not
   */
  public OrganisationSummary organisationToRecord(String organisationId) {
    OrganisationSummary organisation =
        directory
            .organisation(organisationId == null ? "" : organisationId.strip())
            .orElseThrow(() -> UserError.notFound("activity.organisation.unknown"));
    if (!permissions.mayRecord(organisation.publicId(), organisation.countyCode())) {
      throw UserError.forbidden();
    }
    return organisation;
  }

  /**
   * Records an activity of an organisation.
   *
   * @return the new activity's public id
   * @throws UserError 404 unknown organisation, 403 someone who may not record for it
   * @throws InvalidInput 400 naming each wrong field (a ward of another county among them)
   */
  public String create(String organisationId, ActivityForm form) {
    OrganisationSummary organisation = organisationToRecord(organisationId);
    ActivityDetails d = check(form, organisation.countyCode());
    String publicId = PublicId.next();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    long id =
        tx.execute(
            status -> {
              jdbc.sql(
                      "insert into activity (public_id, county_code, organisation_ref, title,"
                          + " description, theme, starts_on, ends_on, budget_kes, funding_source,"
                          + " status, public_record, targeted_female, targeted_male,"
                          + " targeted_children, targeted_youth, targeted_adults, targeted_older,"
                          + " targeted_disability, reached_female, reached_male, reached_children,"
                          + " reached_youth, reached_adults, reached_older, reached_disability,"
                          + " commitment_id, work_plan_ref, created_by, created_at, updated_at,"
                          + " version) values (:publicId, :county, :organisation, :title,"
                          + " :description, :theme, :startsOn, :endsOn, :budget, :funding, :status,"
                          + " :publicRecord, :c0, :c1, :c2, :c3, :c4, :c5, :c6, :c7, :c8, :c9,"
                          + " :c10, :c11, :c12, :c13, :commitment, :workPlan, :actor, :now, :now,"
                          + " 0)")
                  .paramSource(
                      params(d)
                          .addValue("publicId", publicId)
                          .addValue("county", organisation.countyCode())
                          .addValue("organisation", organisation.publicId())
                          .addValue("actor", actor())
                          .addValue("now", now))
                  .update();
              long newId =
                  jdbc.sql("select id from activity where public_id = ?")
                      .param(publicId)
                      .query(Long.class)
                      .single();
              writeWards(newId, organisation.countyCode(), organisation.publicId(), d);
              return newId;
            });
    audit.record(actor(), "activities:activity-recorded", publicId, organisation.countyCode());
    overlaps.detect(id);
    return publicId;
  }

  /**
   * Changes an activity.
   *
   * @throws UserError 404 unknown or not visible, 403 not its editor, 409 changed meanwhile
   * @throws InvalidInput 400 naming each wrong field
   */
  public void update(String activityId, ActivityForm form, long version) {
    Activity activity = forEditing(activityId).activity();
    ActivityDetails d = check(form, activity.countyCode());
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    tx.executeWithoutResult(
        status -> {
          int changed =
              jdbc.sql(
                      "update activity set title = :title, description = :description,"
                          + " theme = :theme, starts_on = :startsOn, ends_on = :endsOn,"
                          + " budget_kes = :budget, funding_source = :funding, status = :status,"
                          + " public_record = :publicRecord, targeted_female = :c0,"
                          + " targeted_male = :c1, targeted_children = :c2, targeted_youth = :c3,"
                          + " targeted_adults = :c4, targeted_older = :c5,"
                          + " targeted_disability = :c6, reached_female = :c7,"
                          + " reached_male = :c8, reached_children = :c9, reached_youth = :c10,"
                          + " reached_adults = :c11, reached_older = :c12,"
                          + " reached_disability = :c13, commitment_id = :commitment,"
                          + " work_plan_ref = :workPlan, updated_at = :now,"
                          + " version = version + 1 where id = :id and version = :version")
                  .paramSource(
                      params(d)
                          .addValue("now", now)
                          .addValue("id", activity.id())
                          .addValue("version", version))
                  .update();
          if (changed != 1) {
            throw UserError.conflict("activity.changed-meanwhile");
          }
          jdbc.sql("delete from activity_ward where activity_id = ?").param(activity.id()).update();
          writeWards(activity.id(), activity.countyCode(), activity.organisationRef(), d);
        });
    audit.record(
        actor(), "activities:activity-changed", activity.publicId(), activity.countyCode());
    overlaps.detect(activity.id());
  }

  /**
   * An activity's page for the current user.
   *
   * @throws UserError 404 when unknown or internal and not theirs to see
   */
  public ActivityPage page(String activityId) {
    Activity activity = find(activityId).orElseThrow(() -> UserError.notFound("activity.unknown"));
    if (!permissions.maySee(activity)) {
      throw UserError.notFound("activity.unknown");
    }
    OrganisationSummary organisation =
        directory.organisation(activity.organisationRef()).orElse(null);
    List<String> codes = wardCodes(activity.id());
    List<Ward> wards =
        geography.wards(codes).values().stream()
            .sorted(java.util.Comparator.comparing(Ward::name))
            .toList();
    return new ActivityPage(
        activity,
        organisation,
        wards,
        permissions.mayRecord(activity.organisationRef(), activity.countyCode()));
  }

  /** An activity its organisation's people are about to edit; 403 for anyone else. */
  public ActivityPage forEditing(String activityId) {
    ActivityPage page = page(activityId);
    if (!page.edit()) {
      throw UserError.forbidden();
    }
    return page;
  }

  /** The codes of an activity's wards. */
  public List<String> wardCodes(long activityId) {
    return jdbc.sql("select ward_code from activity_ward where activity_id = ? order by ward_code")
        .param(activityId)
        .query(String.class)
        .list();
  }

  private java.util.Optional<Activity> find(String publicId) {
    if (!PublicId.isWellFormed(publicId)) {
      return java.util.Optional.empty();
    }
    return jdbc.sql("select " + Activity.COLUMNS + " from activity where public_id = ?")
        .param(publicId)
        .query(Activity.class)
        .optional();
  }

  /** One multi-row insert for all the activity's wards (at most {@link #MAX_WARDS}). */
  private void writeWards(long id, String county, String organisation, ActivityDetails d) {
    List<Object> values = new ArrayList<>();
    for (String ward : d.wardCodes()) {
      values.addAll(
          List.of(
              id,
              ward,
              county,
              organisation,
              d.theme().name(),
              d.startsOn(),
              d.endsOn(),
              d.status().name(),
              d.publicRecord()));
    }
    jdbc.sql(
            "insert into activity_ward (activity_id, ward_code, county_code, organisation_ref,"
                + " theme, starts_on, ends_on, status, public_record) values "
                + String.join(
                    ", ",
                    java.util.Collections.nCopies(
                        d.wardCodes().size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        .params(values)
        .update();
  }

  private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(
      ActivityDetails d) {
    var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
    p.addValue("title", d.title());
    p.addValue("description", d.description());
    p.addValue("theme", d.theme().name());
    p.addValue("startsOn", d.startsOn());
    p.addValue("endsOn", d.endsOn());
    p.addValue("budget", d.budgetKes(), java.sql.Types.BIGINT);
    p.addValue("funding", d.fundingSource());
    p.addValue("status", d.status().name());
    p.addValue("publicRecord", d.publicRecord());
    for (int i = 0; i < d.counts().length; i++) {
      p.addValue("c" + i, d.counts()[i]);
    }
    p.addValue("commitment", d.commitmentId(), java.sql.Types.BIGINT);
    p.addValue("workPlan", d.workPlanRef());
    return p;
  }

  /** Checks the form; every wrong field is named at once. */
  ActivityDetails check(ActivityForm form, String countyCode) {
    Map<String, String> errors = new LinkedHashMap<>();
    String title = clean(form.title());
    if (title.length() < 3 || title.length() > 300) {
      errors.put("title", "activity.title.invalid");
    }
    String description = clean(form.description());
    if (description.length() > 4000) {
      errors.put("description", "activity.description.invalid");
    }
    Theme theme = parse(Theme.class, form.theme());
    if (theme == null) {
      errors.put("theme", "activity.theme.invalid");
    }
    List<String> wards =
        new ArrayList<>(
            new LinkedHashSet<>(
                form.wards().stream()
                    .map(ActivityService::clean)
                    .filter(w -> !w.isEmpty())
                    .toList()));
    if (wards.isEmpty()) {
      errors.put("wards", "activity.wards.none");
    } else if (wards.size() > MAX_WARDS) {
      errors.put("wards", "activity.wards.too-many");
    } else {
      Map<String, Ward> known = geography.wards(wards);
      if (known.size() < wards.size()) {
        errors.put("wards", "activity.wards.unknown");
      } else if (known.values().stream().anyMatch(w -> !w.countyCode().equals(countyCode))) {
        errors.put("wards", "activity.wards.other-county");
      }
    }
    LocalDate start = date(form.startDate());
    LocalDate end = date(form.endDate());
    if (start == null) {
      errors.put("startDate", "activity.date.invalid");
    }
    if (end == null) {
      errors.put("endDate", "activity.date.invalid");
    } else if (start != null && end.isBefore(start)) {
      errors.put("endDate", "activity.end.before-start");
    }
    Long budget = null;
    String typedBudget = clean(form.budget()).replaceAll("[ ,]", "");
    if (!typedBudget.isEmpty()) {
      budget = number(typedBudget, MAX_BUDGET);
      if (budget == null) {
        errors.put("budget", "activity.budget.invalid");
      }
    }
    String funding = clean(form.fundingSource());
    if (funding.length() > 200) {
      errors.put("fundingSource", "activity.funding.invalid");
    }
    ActivityStatus status = parse(ActivityStatus.class, form.status());
    if (status == null) {
      errors.put("status", "activity.status.invalid");
    }
    String visibility = clean(form.visibility());
    if (!visibility.equals("PUBLIC") && !visibility.equals("INTERNAL")) {
      errors.put("visibility", "activity.visibility.invalid");
    }
    int[] counts = new int[ActivityForm.COUNT_FIELDS.size()];
    for (int i = 0; i < counts.length; i++) {
      String typed = clean(form.count(i)).replaceAll("[ ,]", "");
      if (typed.isEmpty()) {
        continue;
      }
      Long n = number(typed, MAX_COUNT);
      if (n == null) {
        errors.put(ActivityForm.COUNT_FIELDS.get(i), "activity.count.invalid");
      } else {
        counts[i] = n.intValue();
      }
    }
    Long commitment = null;
    String typedCommitment = clean(form.commitment());
    if (!typedCommitment.isEmpty()) {
      commitment = number(typedCommitment, Long.MAX_VALUE - 1);
      if (commitment == null || commitment == 0) {
        errors.put("commitment", "activity.commitment.invalid");
      }
    }
    String workPlan = clean(form.workPlan());
    if (workPlan.length() > 200) {
      errors.put("workPlan", "activity.work-plan.invalid");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    return new ActivityDetails(
        title,
        description.isEmpty() ? null : description,
        theme,
        wards,
        start,
        end,
        budget,
        funding.isEmpty() ? null : funding,
        status,
        visibility.equals("PUBLIC"),
        counts,
        commitment,
        workPlan.isEmpty() ? null : workPlan);
  }

  private static LocalDate date(String typed) {
    try {
      LocalDate d = LocalDate.parse(clean(typed));
      return d.getYear() < 1990 || d.getYear() > 2100 ? null : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Long number(String digits, long max) {
    if (!digits.matches("\\d{1,19}")) {
      return null;
    }
    try {
      long n = Long.parseLong(digits);
      return n > max ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String typed) {
    try {
      return Enum.valueOf(type, clean(typed));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  private static String actor() {
    return CurrentUser.get().map(SignedInUser::publicId).orElse(null);
  }
}
