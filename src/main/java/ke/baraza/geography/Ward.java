package ke.baraza.geography;

/**
 * A county assembly ward.
 *
 * @param code four digits, 0001 to 1450
 */
public record Ward(
    String code, String name, String subCountyCode, String subCountyName, String countyCode) {}
