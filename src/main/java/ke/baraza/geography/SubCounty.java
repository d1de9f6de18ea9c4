package ke.baraza.geography;

/**
 * A sub-county: one of the 290 constituencies, inside which wards nest.
 *
 * @param code three digits, 001 to 290
 */
public record SubCounty(String code, String countyCode, String name) {}
