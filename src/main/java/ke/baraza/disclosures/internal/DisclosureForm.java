package ke.baraza.disclosures.internal;

/**
 * What the whistleblower's form sends: the recipient, the questionnaire, the identity only when
 * they chose to give it, and the form's one-time token.
 */
public record DisclosureForm(
    String county,
    String body,
    String what,
    String who,
    String where,
    String when,
    String howKnown,
    String othersKnow,
    String reveal,
    String identity,
    String strip,
    String token) {

  /** An empty form for a county. */
  public static DisclosureForm blank(String county) {
    return new DisclosureForm(county, "", "", "", "", "", "", "", "", "", "yes", "");
  }

  /** Whether the whistleblower ticked "give my name": off unless ticked. */
  public boolean revealIdentity() {
    return "yes".equals(reveal);
  }

  /** Whether to remove the files' metadata: ticked on a new form, off once unticked. */
  public boolean stripMetadata() {
    return "yes".equals(strip);
  }

  /** The same answers with a new token, to show the form again. */
  public DisclosureForm withToken(String newToken) {
    return new DisclosureForm(
        county,
        body,
        what,
        who,
        where,
        when,
        howKnown,
        othersKnow,
        reveal,
        identity,
        strip,
        newToken);
  }
}
