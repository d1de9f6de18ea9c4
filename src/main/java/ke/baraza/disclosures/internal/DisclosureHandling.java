package ke.baraza.disclosures.internal;

import jakarta.servlet.http.HttpSession;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.disclosures.DisclosureStatus;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handlers' side. Only accounts holding {@link Role#DISCLOSURE_HANDLER} for a disclosure's
 * recipient body reach it (administrators included in no way: W7), and only with their private key
 * unlocked for the session. Every access is written to the audit log, without content.
 */
@Service
public class DisclosureHandling {

  /** Shortest disclosure passphrase. */
  static final int MIN_PASSPHRASE = 12;

  /** The handler's start page: their key, their bodies and their queue. */
  public record Home(
      boolean hasKey,
      boolean unlocked,
      List<DisclosureIntake.Recipient> bodies,
      List<Queued> queue) {}

  /** One disclosure in a queue: no content, which would need a key per row. */
  public record Queued(
      String publicId,
      String bodyName,
      DisclosureStatus status,
      Instant sentAt,
      Instant updatedAt) {}

  /** A disclosure opened by a handler. */
  public record Opened(
      String publicId,
      String bodyName,
      DisclosureStatus status,
      Instant sentAt,
      Report report,
      List<Message> messages,
      List<DisclosureFiles.FileInfo> files) {}

  private record HandlerRow(long id, String publicKey, String sealedPrivateKey, String kdfSalt) {}

  private record DisclosureRow(
      long id,
      String publicId,
      String countyCode,
      String bodyRef,
      String status,
      String content,
      java.time.OffsetDateTime createdAt) {}

  private final JdbcClient jdbc;
  private final DisclosureKeyRing keys;
  private final DisclosureIntake intake;
  private final DirectoryApi directory;
  private final AuditLog audit;
  private final DisclosureFiles files;

  DisclosureHandling(
      JdbcClient jdbc,
      DisclosureKeyRing keys,
      DisclosureIntake intake,
      DirectoryApi directory,
      AuditLog audit,
      DisclosureFiles files) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.intake = intake;
    this.directory = directory;
    this.audit = audit;
    this.files = files;
  }

  /** The handler's key state, bodies they still hold the role for, and those bodies' queue. */
  @Transactional(readOnly = true)
  public Home home(SignedInUser user, HttpSession session) {
    Optional<HandlerRow> handler = handler(user.publicId());
    if (handler.isEmpty()) {
      return new Home(false, false, List.of(), List.of());
    }
    List<String> refs =
        jdbc
            .sql("select body_ref from disclosure_recipient where handler_id = ? order by id")
            .param(handler.get().id())
            .query(String.class)
            .list()
            .stream()
            .filter(ref -> user.holdsFor(Role.DISCLOSURE_HANDLER, ref))
            .toList();
    Map<String, String> names = directory.names(refs);
    List<DisclosureIntake.Recipient> bodies =
        refs.stream()
            .map(ref -> new DisclosureIntake.Recipient(ref, names.getOrDefault(ref, ref)))
            .toList();
    List<Queued> queue =
        refs.isEmpty()
            ? List.of()
            : jdbc.sql(
                    "select public_id, body_ref, status, created_at, updated_at from disclosure"
                        + " where body_ref in (:refs) order by created_at desc")
                .param("refs", refs)
                .query(
                    (rs, n) ->
                        new Queued(
                            rs.getString(1),
                            names.getOrDefault(rs.getString(2), ""),
                            DisclosureStatus.valueOf(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant()))
                .list();
    return new Home(true, UnlockedKey.of(session, user.publicId()) != null, bodies, queue);
  }

  /**
   * Makes the handler's key pair and seals its private key under a new disclosure passphrase, then
   * unlocks it for this session.
   *
   * @throws InvalidInput a passphrase shorter than {@value #MIN_PASSPHRASE} or not repeated
   * @throws UserError 409 when the handler has a passphrase already
   */
  @Transactional
  public void setPassphrase(
      SignedInUser user, String passphrase, String repeat, HttpSession session) {
    requireHandler(user);
    String chosen = passphrase == null ? "" : passphrase;
    if (chosen.length() < MIN_PASSPHRASE || chosen.length() > 256) {
      throw new InvalidInput(
          HttpStatus.BAD_REQUEST, Map.of("passphrase", "disclosures.passphrase.too-short"));
    }
    if (!chosen.equals(repeat)) {
      throw new InvalidInput(
          HttpStatus.BAD_REQUEST, Map.of("repeat", "disclosures.passphrase.not-repeated"));
    }
    if (handler(user.publicId()).isPresent()) {
      throw UserError.conflict("disclosures.passphrase.exists");
    }
    KeyPair pair = DisclosureCrypto.newHandlerKeys();
    char[] secret = chosen.toCharArray();
    DisclosureCrypto.SealedPrivateKey sealed =
        DisclosureCrypto.sealPrivateKey(
            pair.getPrivate(),
            secret,
            DisclosureCrypto.Argon2Cost.PASSPHRASE,
            handlerContext(user.publicId()));
    Arrays.fill(secret, '\0');
    try {
      jdbc.sql(
              "insert into disclosure_handler (account_ref, public_key, sealed_private_key,"
                  + " kdf_salt, created_at) values (?, ?, ?, ?, ?)")
          .params(
              user.publicId(),
              DisclosureKeyRing.b64(pair.getPublic().getEncoded()),
              DisclosureKeyRing.b64(sealed.sealed()),
              DisclosureKeyRing.b64(sealed.salt()),
              keys.now())
          .update();
    } catch (DuplicateKeyException twice) {
      throw UserError.conflict("disclosures.passphrase.exists");
    }
    long id = handler(user.publicId()).orElseThrow().id();
    session.setAttribute(
        UnlockedKey.ATTRIBUTE,
        new UnlockedKey(id, user.publicId(), pair.getPrivate(), pair.getPublic()));
    audit.record(user.publicId(), "disclosures:key-created", user.publicId(), null);
  }

  /**
   * Opens the handler's private key with their passphrase and keeps it in this session's memory.
   *
   * @throws InvalidInput a wrong passphrase
   * @throws UserError 409 when no passphrase was set
   */
  public void unlock(SignedInUser user, String passphrase, HttpSession session) {
    requireHandler(user);
    HandlerRow row =
        handler(user.publicId())
            .orElseThrow(() -> UserError.conflict("disclosures.passphrase.missing"));
    char[] secret = (passphrase == null ? "" : passphrase).toCharArray();
    try {
      PrivateKey key =
          DisclosureCrypto.openPrivateKey(
              new DisclosureCrypto.SealedPrivateKey(
                  DisclosureKeyRing.unb64(row.kdfSalt()),
                  DisclosureKeyRing.unb64(row.sealedPrivateKey())),
              secret,
              DisclosureCrypto.Argon2Cost.PASSPHRASE,
              handlerContext(user.publicId()));
      PublicKey publicKey = DisclosureCrypto.publicKey(DisclosureKeyRing.unb64(row.publicKey()));
      session.setAttribute(
          UnlockedKey.ATTRIBUTE, new UnlockedKey(row.id(), user.publicId(), key, publicKey));
      audit.record(user.publicId(), "disclosures:unlocked", user.publicId(), null);
    } catch (DisclosureCrypto.CannotOpen wrong) {
      audit.recordRefusal(user.publicId(), "disclosures:unlock-refused", user.publicId(), null);
      throw new InvalidInput(
          HttpStatus.BAD_REQUEST, Map.of("passphrase", "disclosures.passphrase.wrong"));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /** The county's bodies the handler holds the role for (one query). */
  @Transactional(readOnly = true)
  public List<DirectoryApi.BodyRef> bodiesToAdd(SignedInUser user, String countyCode) {
    return directory.bodies(countyCode).stream()
        .filter(b -> user.holdsFor(Role.DISCLOSURE_HANDLER, b.publicId()))
        .toList();
  }

  /**
   * Registers the handler for a body they hold the role for; the body becomes a recipient.
   *
   * @throws UserError 404 for a body they do not handle, 409 before a passphrase is set
   */
  @Transactional
  public void addBody(SignedInUser user, String bodyRef) {
    DirectoryApi.BodyRef body =
        directory
            .body(bodyRef == null ? "" : bodyRef)
            .filter(b -> user.holdsFor(Role.DISCLOSURE_HANDLER, b.publicId()))
            .orElseThrow(() -> UserError.notFound("disclosures.body.unknown"));
    HandlerRow handler =
        handler(user.publicId())
            .orElseThrow(() -> UserError.conflict("disclosures.passphrase.missing"));
    try {
      jdbc.sql(
              "insert into disclosure_recipient (handler_id, body_ref, county_code, created_at)"
                  + " values (?, ?, ?, ?)")
          .params(handler.id(), body.publicId(), body.countyCode(), keys.now())
          .update();
    } catch (DuplicateKeyException already) {
      return;
    }
    audit.record(user.publicId(), "disclosures:handler-added", body.publicId(), body.countyCode());
  }

  /**
   * Decrypts a disclosure for a handler of its body, with every message and comment; audited.
   *
   * @throws UserError 404 unless the reader handles the body; 409 while locked or before a copy of
   *     the key was wrapped for them
   */
  @Transactional
  public Opened read(SignedInUser user, HttpSession session, String publicId) {
    return open(user, session, publicId, "disclosures:read");
  }

  /**
   * As {@link #read}, for printing the whole case; audited as an export.
   *
   * @throws UserError as {@link #read}
   */
  @Transactional
  public Opened export(SignedInUser user, HttpSession session, String publicId) {
    return open(user, session, publicId, "disclosures:exported");
  }

  /**
   * One of the disclosure's files, decrypted for a handler of its body; audited.
   *
   * @throws UserError 404 for a file the disclosure does not hold, otherwise as {@link #read}
   */
  @Transactional
  public DisclosureFiles.Content file(
      SignedInUser user, HttpSession session, String publicId, String filePublicId) {
    DisclosureRow row = visible(user, publicId);
    byte[] dataKey = dataKey(user, session, row);
    try {
      DisclosureFiles.Content content =
          files
              .content(row.id(), row.publicId(), dataKey, filePublicId)
              .orElseThrow(() -> UserError.notFound("disclosures.files.unknown"));
      audit.record(user.publicId(), "disclosures:file-read", row.publicId(), row.countyCode());
      return content;
    } catch (DisclosureCrypto.CannotOpen e) {
      throw new IllegalStateException("file of disclosure " + row.publicId() + " does not open");
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private Opened open(SignedInUser user, HttpSession session, String publicId, String action) {
    DisclosureRow row = visible(user, publicId);
    byte[] dataKey = dataKey(user, session, row);
    try {
      keys.share(row.id(), row.publicId(), row.bodyRef(), dataKey);
      Report report =
          Report.decode(
              DisclosureCrypto.open(
                  dataKey,
                  DisclosureKeyRing.unb64(row.content()),
                  DisclosureIntake.context(row.publicId())));
      List<Message> messages =
          intake.messages(
              row.id(),
              row.publicId(),
              dataKey,
              Set.of("WHISTLEBLOWER", "HANDLER", "COMMENT"),
              user.publicId());
      List<DisclosureFiles.FileInfo> attached = files.list(row.id(), row.publicId(), dataKey);
      audit.record(user.publicId(), action, row.publicId(), row.countyCode());
      return new Opened(
          row.publicId(),
          directory.names(List.of(row.bodyRef())).getOrDefault(row.bodyRef(), ""),
          DisclosureStatus.valueOf(row.status()),
          row.createdAt().toInstant(),
          report,
          messages,
          attached);
    } catch (DisclosureCrypto.CannotOpen e) {
      throw new IllegalStateException("disclosure " + row.publicId() + " cannot be decrypted");
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Writes to the whistleblower ({@code toWhistleblower}) or comments among handlers.
   *
   * @throws InvalidInput an empty or too long message
   */
  @Transactional
  public void write(
      SignedInUser user,
      HttpSession session,
      String publicId,
      boolean toWhistleblower,
      String text) {
    String message = DisclosureIntake.strip(text);
    if (message.isEmpty() || message.length() > DisclosureIntake.MAX_MESSAGE) {
      throw new InvalidInput(
          HttpStatus.BAD_REQUEST,
          Map.of(
              "message",
              message.isEmpty() ? "disclosures.message.needed" : "disclosures.field.too-long"));
    }
    DisclosureRow row = visible(user, publicId);
    byte[] dataKey = dataKey(user, session, row);
    try {
      String kind = toWhistleblower ? "HANDLER" : "COMMENT";
      intake.addMessage(row.id(), row.publicId(), dataKey, kind, user.publicId(), message);
      jdbc.sql("update disclosure set updated_at = ? where id = ?")
          .params(keys.now(), row.id())
          .update();
      audit.record(
          user.publicId(),
          toWhistleblower ? "disclosures:message-sent" : "disclosures:commented",
          row.publicId(),
          row.countyCode());
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Moves a disclosure to {@code status}; closing stamps the closing time, reopening clears it.
   *
   * @throws InvalidInput an unknown status
   */
  @Transactional
  public void changeStatus(SignedInUser user, HttpSession session, String publicId, String status) {
    DisclosureStatus next;
    try {
      next = DisclosureStatus.valueOf(status == null ? "" : status);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          HttpStatus.BAD_REQUEST, Map.of("status", "disclosures.status.invalid"));
    }
    DisclosureRow row = visible(user, publicId);
    Arrays.fill(dataKey(user, session, row), (byte) 0); // only handlers holding a key act on it
    java.time.OffsetDateTime now = keys.now();
    jdbc.sql("update disclosure set status = ?, updated_at = ?, closed_at = ? where id = ?")
        .params(next.name(), now, next == DisclosureStatus.CLOSED ? now : null, row.id())
        .update();
    audit.record(
        user.publicId(),
        "disclosures:status-" + next.name().toLowerCase(java.util.Locale.ROOT),
        row.publicId(),
        row.countyCode());
  }

  /**
   * Deletes a disclosure with its messages, files and every wrapped copy of its data key, so that
   * nothing left can decrypt it; false when there was none.
   */
  @Transactional
  public boolean delete(String publicId) {
    Optional<Long> id =
        jdbc.sql("select id from disclosure where public_id = ?")
            .param(publicId)
            .query(Long.class)
            .optional();
    if (id.isEmpty()) {
      return false;
    }
    jdbc.sql("delete from disclosure_key where disclosure_id = ?").param(id.get()).update();
    jdbc.sql("delete from disclosure_message where disclosure_id = ?").param(id.get()).update();
    jdbc.sql("delete from disclosure_file where disclosure_id = ?").param(id.get()).update();
    jdbc.sql("delete from disclosure where id = ?").param(id.get()).update();
    audit.record(null, "disclosures:deleted", publicId, null);
    return true;
  }

  private DisclosureRow visible(SignedInUser user, String publicId) {
    return jdbc.sql(
            "select id, public_id, county_code, body_ref, status, content, created_at"
                + " from disclosure where public_id = ?")
        .param(publicId == null ? "" : publicId)
        .query(DisclosureRow.class)
        .optional()
        .filter(row -> user.holdsFor(Role.DISCLOSURE_HANDLER, row.bodyRef()))
        .orElseThrow(
            () -> {
              audit.recordRefusal(user.publicId(), "disclosures:refused", null, null);
              return UserError.notFound("disclosures.unknown");
            });
  }

  private byte[] dataKey(SignedInUser user, HttpSession session, DisclosureRow row) {
    UnlockedKey key = UnlockedKey.of(session, user.publicId());
    if (key == null) {
      throw UserError.conflict("disclosures.locked");
    }
    String wrapped =
        jdbc.sql("select wrapped from disclosure_key where disclosure_id = ? and handler_id = ?")
            .params(row.id(), key.handlerId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> UserError.conflict("disclosures.no-key-yet"));
    try {
      return DisclosureCrypto.unwrap(
          DisclosureKeyRing.unb64(wrapped),
          key.privateKey,
          key.publicKey,
          DisclosureKeyRing.context(row.publicId(), key.handlerId));
    } catch (DisclosureCrypto.CannotOpen e) {
      throw new IllegalStateException("key of disclosure " + row.publicId() + " does not open");
    }
  }

  private Optional<HandlerRow> handler(String accountRef) {
    return jdbc.sql(
            "select id, public_key, sealed_private_key, kdf_salt from disclosure_handler"
                + " where account_ref = ?")
        .param(accountRef)
        .query(HandlerRow.class)
        .optional();
  }

  private static void requireHandler(SignedInUser user) {
    if (!user.holdsAnywhere(Role.DISCLOSURE_HANDLER)) {
      throw UserError.forbidden();
    }
  }

  static String handlerContext(String accountRef) {
    return "handler:" + accountRef;
  }
}
