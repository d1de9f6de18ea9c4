package ke.baraza.budget;

import java.time.LocalDate;

/**
 * A statutory milestone of a county's budget cycle for one fiscal year, as published.
 *
 * @param code the milestone's code: {@code CIRCULAR}, {@code ADP}, {@code CBROP}, {@code CFSP},
 *     {@code ESTIMATES}, {@code APPROPRIATION}, {@code QIR1}…{@code QIR4}, {@code CIDP}
 * @param statutoryDate the date the law sets
 * @param dueDate the date in force: the statutory one unless county staff corrected it
 * @param legalReference the provision the date in force rests on
 * @param status the document's status, or {@code null} when no document was drafted yet
 * @param actualDate the day the milestone was met (its document reached the status that meets it),
 *     or {@code null}
 * @param publishedOn the day the document was published, or {@code null}
 * @param late whether it was met after its due date, or is past due and not met
 * @param unpublished whether it is past due and its document is not published
 * @param participationId the public id of the document's participation window, or {@code null}
 */
public record Milestone(
    String code,
    LocalDate statutoryDate,
    LocalDate dueDate,
    String legalReference,
    DocumentStatus status,
    LocalDate actualDate,
    LocalDate publishedOn,
    boolean late,
    boolean unpublished,
    String participationId) {

  /** The message key of the milestone's name. */
  public String messageKey() {
    return "budget.milestone." + code.toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether county staff moved the date away from the statutory one. */
  public boolean moved() {
    return !dueDate.equals(statutoryDate);
  }
}
