package ke.baraza.directory.internal;

import java.util.List;

/**
 * An organisation as typed into the form or sent to the API: text only, checked by {@link
 * OrganisationService}. Only these fields bind; anything else in a request is ignored.
 */
public record OrganisationForm(
    String name,
    String acronym,
    String type,
    String registrationBody,
    String registrationNumber,
    String registrationDate,
    String homeWard,
    List<String> wards,
    List<String> themes,
    String email,
    String phone,
    String website,
    String description,
    String status,
    String affiliatedTo,
    Boolean confirmDuplicate) {

  public OrganisationForm {
    confirmDuplicate = Boolean.TRUE.equals(confirmDuplicate);
    wards = wards == null ? List.of() : wards;
    themes = themes == null ? List.of() : themes;
  }

  public static OrganisationForm empty() {
    return new OrganisationForm(
        "", "", "", "", "", "", "", List.of(), List.of(), "", "", "", "", "ACTIVE", "", false);
  }

  public static OrganisationForm of(
      Organisation o, List<String> themePublicIds, String parentPublicId) {
    return new OrganisationForm(
        o.name(),
        nz(o.acronym()),
        o.type().name(),
        o.registrationBody() == null ? "" : o.registrationBody().name(),
        nz(o.registrationNumber()),
        o.registrationDate() == null ? "" : o.registrationDate().toString(),
        nz(o.homeWardCode()),
        List.copyOf(o.wardCodes()),
        themePublicIds,
        nz(o.email()),
        nz(o.phone()),
        nz(o.website()),
        nz(o.description()),
        o.status().name(),
        nz(parentPublicId),
        false);
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
