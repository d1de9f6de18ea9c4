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
 * @param network a network's or body's public id: its ACTIVE members only
 */
public record DirectorySearch(
    String text,
    String countyCode,
    String subCountyCode,
    String wardCode,
    OrganisationType type,
    String theme,
    String network) {

  /** A search without the network filter. */
  public DirectorySearch(
      String text,
      String countyCode,
      String subCountyCode,
      String wardCode,
      OrganisationType type,
      String theme) {
    this(text, countyCode, subCountyCode, wardCode, type, theme, null);
  }

  public static DirectorySearch county(String countyCode) {
    return new DirectorySearch(null, countyCode, null, null, null, null, null);
  }
}
