package ke.baraza.meetings.internal;

/**
 * A walk-in as typed at the door; every field may be {@code null} or blank.
 *
 * @param organisationId the public id of a directory organisation, instead of {@code organisation}
 * @param disability {@code yes}, {@code no} or blank
 * @param consent {@code yes} when the attendee agrees to their gender, age band and disability
 *     being kept for aggregated counts
 */
public record WalkInForm(
    String name,
    String organisation,
    String organisationId,
    String role,
    String phone,
    String ward,
    String gender,
    String ageBand,
    String disability,
    String consent) {

  /** An empty form. */
  public static WalkInForm empty() {
    return new WalkInForm("", "", "", "", "", "", "", "", "", "");
  }
}
