package ke.baraza.directory.internal;

import ke.baraza.directory.Demographics;

/**
 * A person as typed into the form: text only, checked by {@link PersonService}. Only these fields
 * bind; anything else in a request is ignored.
 *
 * @param consent the box "I agree that my gender, age band and disability status are kept"
 * @param disability {@code YES}, {@code NO} or empty (not told)
 * @param confirmDuplicate add or save even though another person has the same e-mail or phone
 * @param existing the public id of the existing person to link instead of adding a new one
 */
public record PersonForm(
    String name,
    String title,
    String email,
    String phone,
    String language,
    Boolean consent,
    String gender,
    String ageBand,
    String disability,
    Boolean confirmDuplicate,
    String existing) {

  public PersonForm {
    consent = Boolean.TRUE.equals(consent);
    confirmDuplicate = Boolean.TRUE.equals(confirmDuplicate);
  }

  public static PersonForm empty() {
    return new PersonForm("", "", "", "", "en", false, "", "", "", false, "");
  }

  /** The form for editing {@code person}, with its usual title. */
  public static PersonForm of(Person p) {
    Demographics d = p.demographics();
    return new PersonForm(
        p.name(),
        nz(p.title()),
        nz(p.email()),
        nz(p.phone()),
        p.language(),
        p.consentAt() != null,
        d.gender() == null ? "" : d.gender().name(),
        d.ageBand() == null ? "" : d.ageBand().name(),
        d.disability() == null ? "" : (d.disability() ? "YES" : "NO"),
        false,
        "");
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
