package ke.baraza.feedback.internal;

/**
 * A case as typed into the web form or the staff form: text only, checked by {@link Intake}. Only
 * these fields bind; anything else in the request is ignored.
 *
 * @param serviceArea the public id of a service area of the county
 * @param wardCode four digits
 * @param contact optional phone number or e-mail address for updates
 * @param submission the form's random token, so that a double click files one case
 * @param channel staff form only: how the case came in (phone call, walk-in, box, letter)
 * @param language staff form only: the resident's language, {@code en} or {@code sw}
 * @param publish web form only: the reporter's consent to list the case in public; null (the box
 *     left unticked) is no
 */
public record IntakeForm(
    String serviceArea,
    String wardCode,
    String description,
    String contact,
    String submission,
    String channel,
    String language,
    Boolean publish) {

  /** A form without the publication box. */
  public IntakeForm(
      String serviceArea,
      String wardCode,
      String description,
      String contact,
      String submission,
      String channel,
      String language) {
    this(serviceArea, wardCode, description, contact, submission, channel, language, null);
  }

  /** Whether the reporter ticked the box allowing publication. */
  public boolean publishAllowed() {
    return Boolean.TRUE.equals(publish);
  }

  /** A blank form with a fresh submission token. */
  public static IntakeForm blank() {
    return new IntakeForm("", "", "", "", Codes.submissionToken(), "", "");
  }

  /** The same form with a fresh submission token, to be shown again after a refusal. */
  public IntakeForm again() {
    return new IntakeForm(
        nz(serviceArea),
        nz(wardCode),
        nz(description),
        nz(contact),
        submission(),
        nz(channel),
        nz(language),
        publish);
  }

  /** The submission token when it has the shape of one, else a new one. */
  @Override
  public String submission() {
    return submission != null && submission.matches("[A-Z0-9]{20,40}")
        ? submission
        : Codes.submissionToken();
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
