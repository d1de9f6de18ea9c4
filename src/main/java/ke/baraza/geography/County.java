package ke.baraza.geography;

/**
 * A county of the First Schedule.
 *
 * @param code three digits, 001 to 047
 * @param name common spelling
 * @param nameFirstSchedule spelling of the First Schedule of the Constitution
 */
public record County(String code, String name, String nameFirstSchedule) {}
