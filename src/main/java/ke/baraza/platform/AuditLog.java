package ke.baraza.platform;

/**
 * Records who did what and when: never the personal data itself (no names, contacts, texts). Every
 * HTTP write is recorded by the platform; modules add domain events that HTTP does not show, such
 * as a role granted from the command line.
 */
public interface AuditLog {

  /**
   * Records one event.
   *
   * @param actor the public id of whoever acted, or {@code null} for an anonymous visitor
   * @param action what happened, {@code module:event}, e.g. {@code accounts:role-granted}
   * @param target the public id or code of what it happened to, or {@code null}
   * @param countyCode the county concerned, or {@code null}
   */
  void record(String actor, String action, String target, String countyCode);
}
