package ke.baraza.activities.internal;

import java.time.LocalDate;
import ke.baraza.activities.ActivityStatus;
import ke.baraza.activities.Theme;

/**
 * One activity row as stored. {@code theme} and {@code status} are enum names; {@code budgetKes}
 * (whole shillings), {@code fundingSource}, {@code description}, {@code commitmentId} and {@code
 * workPlanRef} may be {@code null}.
 */
public record Activity(
    long id,
    String publicId,
    String countyCode,
    String organisationRef,
    String title,
    String description,
    String theme,
    LocalDate startsOn,
    LocalDate endsOn,
    Long budgetKes,
    String fundingSource,
    String status,
    boolean publicRecord,
    int targetedFemale,
    int targetedMale,
    int targetedChildren,
    int targetedYouth,
    int targetedAdults,
    int targetedOlder,
    int targetedDisability,
    int reachedFemale,
    int reachedMale,
    int reachedChildren,
    int reachedYouth,
    int reachedAdults,
    int reachedOlder,
    int reachedDisability,
    Long commitmentId,
    String workPlanRef,
    long version) {

  static final String COLUMNS =
      "id, public_id, county_code, organisation_ref, title, description, theme, starts_on,"
          + " ends_on, budget_kes, funding_source, status, public_record, targeted_female,"
          + " targeted_male, targeted_children, targeted_youth, targeted_adults, targeted_older,"
          + " targeted_disability, reached_female, reached_male, reached_children, reached_youth,"
          + " reached_adults, reached_older, reached_disability, commitment_id, work_plan_ref,"
          + " version";

  public Theme themeValue() {
    return Theme.valueOf(theme);
  }

  public ActivityStatus statusValue() {
    return ActivityStatus.valueOf(status);
  }

  /** The targeted counts, then the reached ones, in the order of the form's fields. */
  public int[] counts() {
    return new int[] {
      targetedFemale, targetedMale, targetedChildren, targetedYouth, targetedAdults, targetedOlder,
      targetedDisability, reachedFemale, reachedMale, reachedChildren, reachedYouth, reachedAdults,
      reachedOlder, reachedDisability
    };
  }
}
