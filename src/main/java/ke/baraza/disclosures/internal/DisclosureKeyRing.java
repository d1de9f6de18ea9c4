package ke.baraza.disclosures.internal;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Wraps disclosures' data keys for the handlers of their recipient body. */
@Component
class DisclosureKeyRing {

  private final JdbcClient jdbc;
  private final Clock clock;

  DisclosureKeyRing(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  static String context(String publicId, long handlerId) {
    return "disclosure-key:" + publicId + ":" + handlerId;
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] unb64(String text) {
    return Base64.getDecoder().decode(text);
  }

  private record Holder(long id, String publicKey) {}

  /**
   * Wraps {@code dataKey} for every handler registered for the body who has no copy yet (handlers
   * who joined after the disclosure was sent get theirs when a handler or the whistleblower next
   * opens it). Two queries and one insert per new handler.
   */
  void share(long disclosureId, String publicId, String bodyRef, byte[] dataKey) {
    List<Holder> missing =
        jdbc.sql(
                "select h.id, h.public_key from disclosure_recipient r"
                    + " join disclosure_handler h on h.id = r.handler_id"
                    + " where r.body_ref = ? and not exists (select 1 from disclosure_key k"
                    + " where k.disclosure_id = ? and k.handler_id = h.id)")
            .params(bodyRef, disclosureId)
            .query(Holder.class)
            .list();
    for (Holder holder : missing) {
      byte[] wrapped =
          DisclosureCrypto.wrap(
              dataKey,
              DisclosureCrypto.publicKey(unb64(holder.publicKey())),
              context(publicId, holder.id()));
      jdbc.sql("insert into disclosure_key (disclosure_id, handler_id, wrapped) values (?, ?, ?)")
          .params(disclosureId, holder.id(), b64(wrapped))
          .update();
    }
  }

  /** Whether any handler is registered for this body in this county. */
  boolean isRecipient(String countyCode, String bodyRef) {
    return jdbc.sql(
                "select count(*) from disclosure_recipient where county_code = ? and body_ref = ?")
            .params(countyCode, bodyRef)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The bodies of a county with at least one registered handler. */
  List<String> recipients(String countyCode) {
    return jdbc.sql(
            "select distinct body_ref from disclosure_recipient where county_code = ?"
                + " order by body_ref")
        .param(countyCode)
        .query(String.class)
        .list();
  }

  /** Now, as the JDBC drivers of both databases bind it. */
  java.time.OffsetDateTime now() {
    return clock.instant().atOffset(java.time.ZoneOffset.UTC);
  }
}
