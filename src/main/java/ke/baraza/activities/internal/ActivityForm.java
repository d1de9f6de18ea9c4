package ke.baraza.activities.internal;

import java.util.List;

/**
 * An activity as typed into the form: dates as {@code 2026-03-03}, amounts and counts as digits
 * (blank counts as none). {@code wards} are four-digit ward codes; {@code visibility} is {@code
 * PUBLIC} or {@code INTERNAL}; {@code commitment} is the number of a plan's commitment, or blank.
 */
public record ActivityForm(
    String title,
    String description,
    String theme,
    List<String> wards,
    String startDate,
    String endDate,
    String budget,
    String fundingSource,
    String status,
    String visibility,
    String targetedFemale,
    String targetedMale,
    String targetedChildren,
    String targetedYouth,
    String targetedAdults,
    String targetedOlder,
    String targetedDisability,
    String reachedFemale,
    String reachedMale,
    String reachedChildren,
    String reachedYouth,
    String reachedAdults,
    String reachedOlder,
    String reachedDisability,
    String commitment,
    String workPlan) {

  /** The names of the beneficiary fields, targeted first, in the order of {@link #counts()}. */
  public static final List<String> COUNT_FIELDS =
      List.of(
          "targetedFemale",
          "targetedMale",
          "targetedChildren",
          "targetedYouth",
          "targetedAdults",
          "targetedOlder",
          "targetedDisability",
          "reachedFemale",
          "reachedMale",
          "reachedChildren",
          "reachedYouth",
          "reachedAdults",
          "reachedOlder",
          "reachedDisability");

  public ActivityForm {
    wards = wards == null ? List.of() : List.copyOf(wards);
  }

  /** The beneficiary fields as typed, in the order of {@link #COUNT_FIELDS}. */
  public List<String> counts() {
    return java.util.Arrays.asList(
        targetedFemale,
        targetedMale,
        targetedChildren,
        targetedYouth,
        targetedAdults,
        targetedOlder,
        targetedDisability,
        reachedFemale,
        reachedMale,
        reachedChildren,
        reachedYouth,
        reachedAdults,
        reachedOlder,
        reachedDisability);
  }

  /** The value typed into the beneficiary field at {@code index} of {@link #COUNT_FIELDS}. */
  public String count(int index) {
    String value = counts().get(index);
    return value == null ? "" : value;
  }

  /** An empty form for a new, planned, public activity. */
  public static ActivityForm blank() {
    return new ActivityForm(
        "", "", "", List.of(), "", "", "", "", "PLANNED", "PUBLIC", "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "");
  }

  /** The form showing an activity as it is. */
  public static ActivityForm of(Activity a, List<String> wardCodes) {
    return new ActivityForm(
        a.title(),
        a.description() == null ? "" : a.description(),
        a.theme(),
        wardCodes,
        a.startsOn().toString(),
        a.endsOn().toString(),
        a.budgetKes() == null ? "" : a.budgetKes().toString(),
        a.fundingSource() == null ? "" : a.fundingSource(),
        a.status(),
        a.publicRecord() ? "PUBLIC" : "INTERNAL",
        s(a.targetedFemale()),
        s(a.targetedMale()),
        s(a.targetedChildren()),
        s(a.targetedYouth()),
        s(a.targetedAdults()),
        s(a.targetedOlder()),
        s(a.targetedDisability()),
        s(a.reachedFemale()),
        s(a.reachedMale()),
        s(a.reachedChildren()),
        s(a.reachedYouth()),
        s(a.reachedAdults()),
        s(a.reachedOlder()),
        s(a.reachedDisability()),
        a.commitmentId() == null ? "" : a.commitmentId().toString(),
        a.workPlanRef() == null ? "" : a.workPlanRef());
  }

  private static String s(int n) {
    return n == 0 ? "" : Integer.toString(n);
  }
}
