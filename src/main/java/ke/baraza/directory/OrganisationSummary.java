package ke.baraza.directory;

/**
 * One organisation as lists and other modules see it: public fields only.
 *
 * @param identifier org-id.guide style identifier ({@code KE-NCB-…}, {@code KE-RSO-…}) or the
 *     county-scoped one Baraza minted ({@code KE-BARAZA-016-…})
 * @param homeWardCode four-digit ward code, or {@code null}
 * @param homeWardName the ward's name, or {@code null}
 */
public record OrganisationSummary(
    String publicId,
    String identifier,
    String name,
    String acronym,
    OrganisationType type,
    OrganisationStatus status,
    boolean verified,
    String countyCode,
    String homeWardCode,
    String homeWardName) {}
