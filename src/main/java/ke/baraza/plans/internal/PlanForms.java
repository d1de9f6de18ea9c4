package ke.baraza.plans.internal;

import java.util.List;

/** The forms of the plans pages, as typed: every field may be null or blank. */
public final class PlanForms {

  private PlanForms() {}

  /** A plan's basics; {@code county} only counts when a plan is created. */
  public record PlanForm(
      String county, String kind, String title, String summary, String startsOn, String endsOn) {}

  /** Someone standing behind a plan: {@code role} a {@link PartyRole}, {@code ref} a public id. */
  public record PartyForm(String role, String ref) {}

  /** A CIDP/ADP programme the plan aligns to. */
  public record ProgrammeForm(String code, String name) {}

  /**
   * A commitment.
   *
   * @param lead the lead organisation's public id
   * @param supporting public ids of supporting organisations
   * @param programme the code of one of the plan's programmes, or blank
   * @param reportFrequency MONTHLY or QUARTERLY
   */
  public record CommitmentForm(
      String ambitionArea,
      String title,
      String problem,
      String description,
      String lead,
      List<String> supporting,
      String programme,
      String status,
      String reportFrequency) {}

  /** A milestone: its due date as 2026-03-31. */
  public record MilestoneForm(String title, String dueOn, String status) {}

  /** A milestone's new status and, when done, the day it was reached. */
  public record MilestoneStatusForm(String status, String doneOn) {}

  /** A link as evidence of a milestone (https only). */
  public record EvidenceLinkForm(String url, String label) {}

  /** An indicator; {@code disaggregation} a subset of the {@link Dimension} names. */
  public record IndicatorForm(
      String name,
      String unit,
      String baseline,
      String target,
      String frequency,
      List<String> disaggregation) {}

  /**
   * A value of an indicator for a period.
   *
   * @param dimension blank for the whole, else one of the indicator's dimensions
   * @param category the category of that dimension (female, 18-35, a ward code)
   */
  public record ValueForm(
      String period, String amount, String source, String dimension, String category) {}

  /** A progress report's text, for a period such as 2025-Q1 or 2025-03. */
  public record ReportForm(
      String period,
      String activities,
      String milestonesReached,
      String challenges,
      String nextSteps) {}

  /** The independent review of a commitment for a period. */
  public record AssessmentForm(
      String period,
      String verifiable,
      String potentialResults,
      String completion,
      String openedGovernment,
      String comment) {}
}
