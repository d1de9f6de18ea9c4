package ke.baraza.disclosures.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.disclosures.DisclosureStatus;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whistleblower's side: sending a disclosure, and coming back with the receipt to read the
 * handlers' messages and answer them. Nothing that could identify the whistleblower is stored or
 * logged: the client address only ever feeds {@link ReceiptThrottle} through a keyed hash.
 */
@Service
public class DisclosureIntake {

  /** A recipient body the county's whistleblowers may choose. */
  public record Recipient(String publicId, String name) {}

  /** The receipt of a disclosure just sent, shown once, with the files that went with it. */
  public record Sent(String receipt, String bodyName, List<DisclosureFiles.Evidence> files) {}

  static final Set<String> OTHERS_KNOW = Set.of("", "YES", "NO", "UNSURE");
  static final int MAX_WHAT = 8000;
  static final int MAX_FIELD = 2000;
  static final int MAX_MESSAGE = 4000;

  private final JdbcClient jdbc;
  private final DisclosureKeyRing keys;
  private final ChannelSecrets secrets;
  private final FormTokens tokens;
  private final ReceiptThrottle throttle;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final AuditLog audit;
  private final DisclosureFiles files;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  DisclosureIntake(
      JdbcClient jdbc,
      DisclosureKeyRing keys,
      ChannelSecrets secrets,
      FormTokens tokens,
      ReceiptThrottle throttle,
      DirectoryApi directory,
      GeographyApi geography,
      AuditLog audit,
      DisclosureFiles files,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.secrets = secrets;
    this.tokens = tokens;
    this.throttle = throttle;
    this.directory = directory;
    this.geography = geography;
    this.audit = audit;
    this.files = files;
    this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
  }

  /** A new one-time token for the form. */
  public String formToken() {
    return tokens.issue();
  }

  /** The largest file accepted, in whole megabytes. */
  public long maxFileMegabytes() {
    return files.maxMegabytes();
  }

  /** Whether {@code code} is a county's code. */
  public boolean isCounty(String code) {
    return code != null && geography.isCounty(code);
  }

  /** The county's bodies that have designated handlers, by name (two queries). */
  @Transactional(readOnly = true)
  public List<Recipient> recipients(String countyCode) {
    List<String> refs = keys.recipients(countyCode);
    Map<String, String> names = directory.names(refs);
    return refs.stream()
        .filter(names::containsKey)
        .map(ref -> new Recipient(ref, names.get(ref)))
        .sorted(java.util.Comparator.comparing(Recipient::name))
        .toList();
  }

  /**
   * Encrypts and stores a disclosure with its files, wrapping its data key for the body's handlers
   * and for a new receipt.
   *
   * @param uploads the attached files, may be empty or null
   * @throws InvalidInput 400 with the fields to mend; nothing stored
   * @throws UserError 409 {@code disclosures.form.expired} for a used, forged or stale form token;
   *     400, 413 or 415 for a file refused by {@link DisclosureFiles#prepare}; nothing stored
   */
  @Transactional
  public Sent submit(
      DisclosureForm form, List<org.springframework.web.multipart.MultipartFile> uploads) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!isCounty(form.county())) {
      errors.put("county", "disclosures.county.needed");
    } else if (blank(form.body()) || !keys.isRecipient(form.county(), form.body())) {
      errors.put("body", "disclosures.body.needed");
    }
    String what = strip(form.what());
    if (what.length() < 10) {
      errors.put("what", "disclosures.what.needed");
    } else if (what.length() > MAX_WHAT) {
      errors.put("what", "disclosures.field.too-long");
    }
    Map<String, String> optional = new LinkedHashMap<>();
    optional.put("who", form.who());
    optional.put("where", form.where());
    optional.put("when", form.when());
    optional.put("howKnown", form.howKnown());
    optional.forEach(
        (field, value) -> {
          if (strip(value).length() > MAX_FIELD) {
            errors.put(field, "disclosures.field.too-long");
          }
        });
    String othersKnow = strip(form.othersKnow());
    if (!OTHERS_KNOW.contains(othersKnow)) {
      errors.put("othersKnow", "disclosures.others-know.invalid");
    }
    String identity = form.revealIdentity() ? strip(form.identity()) : "";
    if (form.revealIdentity() && identity.isEmpty()) {
      errors.put("identity", "disclosures.identity.needed");
    } else if (identity.length() > MAX_FIELD) {
      errors.put("identity", "disclosures.field.too-long");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    List<DisclosureFiles.Evidence> evidence = files.prepare(uploads, form.stripMetadata());
    String nonce =
        tokens
            .nonce(form.token())
            .orElseThrow(() -> UserError.conflict("disclosures.form.expired"));
    Report report =
        new Report(
            what,
            strip(form.who()),
            strip(form.where()),
            strip(form.when()),
            strip(form.howKnown()),
            othersKnow,
            identity);
    String publicId = PublicId.next();
    String receipt = Receipts.generate();
    Receipts.Derived derived =
        Receipts.derive(Receipts.normalise(receipt).orElseThrow(), secrets.receiptSalt());
    byte[] dataKey = DisclosureCrypto.newDataKey();
    java.time.OffsetDateTime now = keys.now();
    try {
      jdbc.sql(
              "insert into disclosure (public_id, county_code, body_ref, status, receipt_hash,"
                  + " receipt_key, form_nonce, content, created_at, updated_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              publicId,
              form.county(),
              form.body(),
              DisclosureStatus.NEW.name(),
              derived.lookup(),
              DisclosureKeyRing.b64(
                  DisclosureCrypto.seal(derived.key(), dataKey, receiptContext(publicId))),
              nonce,
              DisclosureKeyRing.b64(
                  DisclosureCrypto.seal(dataKey, report.encode(), context(publicId))),
              now,
              now)
          .update();
      long id = idOf(publicId);
      keys.share(id, publicId, form.body(), dataKey);
      files.store(id, publicId, dataKey, true, evidence, now);
    } catch (DuplicateKeyException sentAlready) {
      throw UserError.conflict("disclosures.form.expired");
    } finally {
      Arrays.fill(dataKey, (byte) 0);
      Arrays.fill(derived.key(), (byte) 0);
    }
    audit.record(null, "disclosures:sent", publicId, form.county());
    return new Sent(receipt, directory.names(List.of(form.body())).get(form.body()), evidence);
  }

  /**
   * Opens a disclosure with its receipt, after the client's delay for wrong receipts; wrong and
   * malformed receipts both give empty, and slow the next try.
   */
  public Optional<WhistleblowerView> open(String typedReceipt, String clientAddress) {
    return withReceipt(typedReceipt, clientAddress, null);
  }

  /**
   * Adds the whistleblower's message, then opens the disclosure as {@link #open} does.
   *
   * @throws InvalidInput for an empty or too long message (checked after the receipt)
   */
  public Optional<WhistleblowerView> answer(
      String typedReceipt, String text, String clientAddress) {
    String message = strip(text);
    if (message.isEmpty() || message.length() > MAX_MESSAGE) {
      Optional<WhistleblowerView> view = withReceipt(typedReceipt, clientAddress, null);
      if (view.isPresent()) {
        throw new InvalidInput(
            HttpStatus.BAD_REQUEST,
            Map.of(
                "message",
                message.isEmpty() ? "disclosures.message.needed" : "disclosures.field.too-long"));
      }
      return view;
    }
    return withReceipt(
        typedReceipt,
        clientAddress,
        (row, dataKey) -> {
          addMessage(row.id(), row.publicId(), dataKey, "WHISTLEBLOWER", null, message);
          touch(row.id());
          audit.record(null, "disclosures:answered", row.publicId(), row.countyCode());
        });
  }

  /**
   * Adds the whistleblower's files, then opens the disclosure as {@link #open} does. Files are
   * checked before the receipt; a refused file is reported only to the holder of a right receipt.
   *
   * @throws UserError as {@link DisclosureFiles#prepare}, or 400 when no file was chosen
   */
  public Optional<WhistleblowerView> addFiles(
      String typedReceipt,
      List<org.springframework.web.multipart.MultipartFile> uploads,
      boolean strip,
      String clientAddress) {
    List<DisclosureFiles.Evidence> evidence;
    try {
      evidence = files.prepare(uploads, strip);
      if (evidence.isEmpty()) {
        throw UserError.badRequest("disclosures.files.none");
      }
    } catch (UserError refused) {
      if (withReceipt(typedReceipt, clientAddress, null).isPresent()) {
        throw refused;
      }
      return Optional.empty();
    }
    return withReceipt(
        typedReceipt,
        clientAddress,
        (row, dataKey) -> {
          files.store(row.id(), row.publicId(), dataKey, true, evidence, keys.now());
          touch(row.id());
          audit.record(null, "disclosures:files-added", row.publicId(), row.countyCode());
        });
  }

  /** Something the whistleblower adds to a disclosure once the receipt has opened its key. */
  private interface Addition {
    void add(Row row, byte[] dataKey);
  }

  private void touch(long id) {
    jdbc.sql("update disclosure set updated_at = ? where id = ?").params(keys.now(), id).update();
  }

  private record Row(
      long id,
      String publicId,
      String countyCode,
      String bodyRef,
      String status,
      String receiptKey,
      String content,
      java.time.OffsetDateTime createdAt) {}

  private Optional<WhistleblowerView> withReceipt(
      String typedReceipt, String clientAddress, Addition addition) {
    String client = secrets.addressHash(clientAddress);
    pause(throttle.delay(client));
    Optional<String> canonical = Receipts.normalise(typedReceipt);
    // a malformed receipt costs the same Argon2id as a wrong one, so timing does not tell them
    // apart
    Receipts.Derived derived =
        Receipts.derive(canonical.orElse("0".repeat(Receipts.LENGTH)), secrets.receiptSalt());
    try {
      return tx.execute(status -> opened(canonical, derived, client, addition));
    } finally {
      Arrays.fill(derived.key(), (byte) 0);
    }
  }

  private Optional<WhistleblowerView> opened(
      Optional<String> canonical, Receipts.Derived derived, String client, Addition addition) {
    Optional<Row> found =
        canonical.isEmpty()
            ? Optional.empty()
            : jdbc.sql(
                    "select id, public_id, county_code, body_ref, status, receipt_key, content,"
                        + " created_at from disclosure where receipt_hash = ?")
                .param(derived.lookup())
                .query(Row.class)
                .optional();
    if (found.isEmpty()) {
      throttle.failed(client);
      return Optional.empty();
    }
    Row row = found.get();
    byte[] dataKey;
    try {
      dataKey =
          DisclosureCrypto.open(
              derived.key(),
              DisclosureKeyRing.unb64(row.receiptKey()),
              receiptContext(row.publicId()));
    } catch (DisclosureCrypto.CannotOpen e) {
      throttle.failed(client);
      return Optional.empty();
    }
    try {
      if (addition != null) {
        addition.add(row, dataKey);
      }
      keys.share(row.id(), row.publicId(), row.bodyRef(), dataKey);
      Report report =
          Report.decode(
              DisclosureCrypto.open(
                  dataKey, DisclosureKeyRing.unb64(row.content()), context(row.publicId())));
      List<Message> messages =
          messages(row.id(), row.publicId(), dataKey, Set.of("WHISTLEBLOWER", "HANDLER"), null)
              .stream()
              .map(m -> new Message(m.kind(), m.text(), m.at(), "WHISTLEBLOWER".equals(m.kind())))
              .toList();
      return Optional.of(
          new WhistleblowerView(
              grouped(canonical.orElseThrow()),
              directory.names(List.of(row.bodyRef())).getOrDefault(row.bodyRef(), ""),
              DisclosureStatus.valueOf(row.status()),
              row.createdAt().toInstant(),
              report,
              messages,
              files.list(row.id(), row.publicId(), dataKey)));
    } catch (DisclosureCrypto.CannotOpen e) {
      throw new IllegalStateException("disclosure " + row.publicId() + " cannot be decrypted");
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private long idOf(String publicId) {
    return jdbc.sql("select id from disclosure where public_id = ?")
        .param(publicId)
        .query(Long.class)
        .single();
  }

  static String grouped(String canonical) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < canonical.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(' ');
      }
      out.append(canonical.charAt(i));
    }
    return out.toString();
  }

  private record MessageRow(
      String kind, String handlerRef, String body, java.time.OffsetDateTime createdAt) {}

  /** Decrypts a disclosure's messages of these kinds, oldest first (one query). */
  List<Message> messages(
      long disclosureId, String publicId, byte[] dataKey, Set<String> kinds, String readerRef)
      throws DisclosureCrypto.CannotOpen {
    List<Message> out = new ArrayList<>();
    for (MessageRow row :
        jdbc.sql(
                "select kind, handler_ref, body, created_at from disclosure_message"
                    + " where disclosure_id = ? order by id")
            .param(disclosureId)
            .query(MessageRow.class)
            .list()) {
      if (kinds.contains(row.kind())) {
        String text =
            new String(
                DisclosureCrypto.open(
                    dataKey,
                    DisclosureKeyRing.unb64(row.body()),
                    messageContext(publicId, row.kind())),
                java.nio.charset.StandardCharsets.UTF_8);
        out.add(
            new Message(
                row.kind(),
                text,
                row.createdAt().toInstant(),
                readerRef != null && readerRef.equals(row.handlerRef())));
      }
    }
    return out;
  }

  void addMessage(
      long disclosureId,
      String publicId,
      byte[] dataKey,
      String kind,
      String handlerRef,
      String text) {
    jdbc.sql(
            "insert into disclosure_message (disclosure_id, kind, handler_ref, body, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            disclosureId,
            kind,
            handlerRef,
            DisclosureKeyRing.b64(
                DisclosureCrypto.seal(
                    dataKey, DisclosureCrypto.utf8(text), messageContext(publicId, kind))),
            keys.now())
        .update();
  }

  static String context(String publicId) {
    return "disclosure:" + publicId;
  }

  static String receiptContext(String publicId) {
    return "receipt:" + publicId;
  }

  static String messageContext(String publicId, String kind) {
    return "message:" + publicId + ":" + kind;
  }

  static String strip(String value) {
    return value == null ? "" : value.strip();
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
