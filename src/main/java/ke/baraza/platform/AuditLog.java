package ke.baraza.platform;

/**
 * Records who did what and when: never the personal data itself (no names, contacts, texts). Every
 * HTTP write is recorded by the platform; modules add domain events that HTTP does not show, such
 * as a role granted from the command line.
 *
 * <p>Guarantees. A domain event given to {@link #record} inside an active read-write transaction is
 * written in that transaction: it commits with the work it describes, or rolls back with it (an
 * event of something that did not happen is not kept). Outside one (or in a read-only one) it is
 * committed on its own before {@code record} returns. A refusal or denial, which must be kept
 * precisely when the request's work is rolled back, goes through {@link #recordRefusal}: always its
 * own transaction, committed before it returns. The platform's record of each HTTP write (method,
 * path pattern, status) is different: it is written in batches, a few hundred milliseconds after
 * the request, and a crash of the process can lose the last batch (see {@code AuditInterceptor} and
 * docs/decisions.md, "The audit log: joined domain events, batched request records").
 */
public interface AuditLog {

  /**
   * Records one event: in the caller's read-write transaction when there is one, else in its own.
   * Not to be called from a transaction's after-commit callback, where the transaction still looks
   * active but commits nothing more (no caller does).
   *
   * @param actor the public id of whoever acted, or {@code null} for an anonymous visitor
   * @param action what happened, {@code module:event}, e.g. {@code accounts:role-granted}
   * @param target the public id or code of what it happened to, or {@code null}
   * @param countyCode the county concerned, or {@code null}
   */
  void record(String actor, String action, String target, String countyCode);

  /**
   * Records a refusal or denial in a transaction of its own, committed before this returns, so that
   * it is kept when the caller then throws and its transaction rolls back. Arguments as {@link
   * #record}.
   */
  void recordRefusal(String actor, String action, String target, String countyCode);
}
