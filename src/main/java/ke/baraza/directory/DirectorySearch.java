package ke.baraza.directory;

/**
 * Filters of the public directory; each {@code null} or blank means "any".
 *
 * @param text words of the name, acronym, description or a thematic area's name (English or
 *     Kiswahili); case and accents ignored, typos forgiven
 * @param countyCode three digits
 * @param subCountyCode three digits
 * @param wardCode four digits: home ward or a ward of operation
 * @param theme a thematic area's public id
 */
public record DirectorySearch(
    String text,
    String countyCode,
    String subCountyCode,
    String wardCode,
    OrganisationType type,
    String theme) {

  public static DirectorySearch county(String countyCode) {
    return new DirectorySearch(null, countyCode, null, null, null, null);
  }
}
