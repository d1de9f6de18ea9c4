package ke.baraza.directory.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import ke.baraza.directory.OrganisationStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.directory.RegistrationBody;

/** An organisation's details once checked: normalised, within the county, ready to store. */
record OrganisationDetails(
    String name,
    String acronym,
    OrganisationType type,
    RegistrationBody registrationBody,
    String registrationNumber,
    LocalDate registrationDate,
    String homeWardCode,
    Set<String> wardCodes,
    Set<Long> themeIds,
    String email,
    String phone,
    String website,
    String description,
    OrganisationStatus status,
    Long affiliatedToId) {

  /** The form of a name used to compare and search: lower case, no accents, single spaces. */
  static String key(String name) {
    String plain =
        name.chars().allMatch(c -> c < 0x80)
            ? name // nothing to take marks off
            : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
  private static final java.util.regex.Pattern NOT_ALPHANUMERIC =
      java.util.regex.Pattern.compile("[^a-z0-9]+");
}
