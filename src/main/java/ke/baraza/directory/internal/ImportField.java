package ke.baraza.directory.internal;

import java.util.List;
import java.util.Optional;

/**
 * What a column of an imported member or participant list holds. Column headers are recognised in
 * English and Kiswahili (seed 003's annex uses First Name, Last Name, Email, Organization, Job
 * Title); the coordinator corrects the guess before anything is imported.
 */
public enum ImportField {
  IGNORE(List.of()),
  FIRST_NAME(List.of("first name", "firstname", "given name", "jina la kwanza")),
  LAST_NAME(
      List.of("last name", "lastname", "surname", "family name", "jina la mwisho", "jina la ukoo")),
  FULL_NAME(List.of("name", "full name", "participant", "participant name", "jina", "jina kamili")),
  EMAIL(List.of("email", "e mail", "email address", "barua pepe", "anwani ya barua pepe")),
  PHONE(
      List.of(
          "phone",
          "phone number",
          "mobile",
          "mobile number",
          "telephone",
          "tel",
          "simu",
          "nambari ya simu")),
  JOB_TITLE(List.of("job title", "title", "position", "designation", "role", "cheo", "wadhifa")),
  ORGANISATION(
      List.of(
          "organisation",
          "organization",
          "organisation name",
          "organization name",
          "institution",
          "group",
          "shirika",
          "jina la shirika",
          "kikundi")),
  ORGANISATION_TYPE(
      List.of("organisation type", "organization type", "type", "aina ya shirika", "aina")),
  WARD(List.of("ward", "wadi", "home ward"));

  private final List<String> headers;

  ImportField(List<String> headers) {
    this.headers = headers;
  }

  /** The field a column header names, or empty when it names none of them. */
  static Optional<ImportField> guess(String header) {
    String key = OrganisationDetails.key(header == null ? "" : header);
    for (ImportField field : values()) {
      if (field.headers.contains(key)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** The message key of the field's label. */
  public String label() {
    return "import.field." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
