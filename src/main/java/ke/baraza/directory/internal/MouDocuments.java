package ke.baraza.directory.internal;

import static ke.baraza.directory.internal.Input.actor;
import static ke.baraza.directory.internal.Input.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ke.baraza.directory.MembershipStatus;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Role;
import ke.baraza.platform.StoredFile;
import ke.baraza.platform.UserError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed MoU of an organisation's membership in a body: its date and the signed document (a PDF
 * or a photo or scan as JPEG or PNG) in the platform's {@link FileStore}. Whoever runs the body
 * uploads it; the body's coordinators, the county's staff and the member organisation's editors
 * read it; nobody else, so it is never public.
 */
@Service
public class MouDocuments {

  /** What a signed MoU may be: a PDF, or a photo or scan of the paper. */
  static final Set<FileKind> KINDS = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG);

  /**
   * One active membership's MoU, listed only to those who may read its document.
   *
   * @param signedOn the day it was signed, or null when not recorded
   * @param hasDocument whether the signed document is stored
   */
  public record Line(
      Long membershipId,
      String organisationPublicId,
      String organisationName,
      LocalDate signedOn,
      boolean hasDocument) {}

  private record Row(
      Long membershipId,
      String organisationPublicId,
      String organisationName,
      LocalDate mouSignedOn,
      String mouFileId) {}

  private record Locked(String status, String mouFileId) {}

  private final BodyService bodies;
  private final FileStore files;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;

  MouDocuments(
      BodyService bodies,
      FileStore files,
      JdbcClient jdbc,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx) {
    this.bodies = bodies;
    this.files = files;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * The body's active memberships with their MoU, in name order, in one query: all of them for
   * whoever runs the body, the ones of their own organisations for editors, none for anyone else.
   */
  @Transactional(readOnly = true)
  public List<Line> lines(Body body) {
    boolean manage = bodies.mayManage(body);
    if (!manage && CurrentUser.get().isEmpty()) {
      return List.of();
    }
    return jdbc
        .sql(
            """
            select m.id as membership_id, o.public_id as organisation_public_id,
                   o.name as organisation_name, m.mou_signed_on, m.mou_file_id
            from membership m join organisation o on o.id = m.organisation_id
            where m.body_id = ? and m.status = ? order by o.name_key, o.id""")
        .params(body.id(), MembershipStatus.ACTIVE.name())
        .query(Row.class)
        .list()
        .stream()
        .filter(r -> manage || editorOf(r.organisationPublicId()))
        .map(
            r ->
                new Line(
                    r.membershipId(),
                    r.organisationPublicId(),
                    r.organisationName(),
                    r.mouSignedOn(),
                    r.mouFileId() != null))
        .toList();
  }

  /**
   * Keeps the signed MoU of an active membership and the day it was signed; a document stored
   * before is deleted, so only the newest is kept. Audited as {@code directory:mou-uploaded}.
   *
   * @param signedOn the day it was signed, {@code yyyy-MM-dd}, not in the future
   * @param content the upload, not closed
   * @param fileName the uploader's name for the file, or null
   * @throws UserError 404 for an unknown body or a membership not of it, 403 unless the user runs
   *     the body, 409 when the membership is not active
   * @throws InvalidInput 400 for a missing, malformed or future date
   * @throws ke.baraza.platform.FileRejected 400, 413 or 415 for an empty, too large or wrong file;
   *     nothing is changed then
   * @throws UncheckedIOException when the upload cannot be read or the file cannot be written
   */
  public StoredFile upload(
      String bodyId, Long membershipId, String signedOn, InputStream content, String fileName) {
    Body body = bodies.find(bodyId);
    if (!bodies.mayManage(body)) {
      throw UserError.forbidden();
    }
    LocalDate signed = signedOn(signedOn);
    StoredFile stored =
        tx.execute(
            status -> {
              Locked membership =
                  jdbc.sql(
                          "select status, mou_file_id from membership where id = ? and body_id = ?"
                              + " for update")
                      .params(membershipId, body.id())
                      .query(Locked.class)
                      .optional()
                      .orElseThrow(() -> UserError.notFound("error.404"));
              if (!MembershipStatus.ACTIVE.name().equals(membership.status())) {
                throw UserError.conflict("mou.not-active");
              }
              StoredFile file;
              try {
                file = files.store(content, fileName, KINDS, "directory");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              jdbc.sql("update membership set mou_signed_on = ?, mou_file_id = ? where id = ?")
                  .params(signed, file.publicId(), membershipId)
                  .update();
              if (membership.mouFileId() != null) {
                files.delete(membership.mouFileId());
              }
              return file;
            });
    audit.record(actor(), "directory:mou-uploaded", body.publicId(), body.countyCode());
    return stored;
  }

  /**
   * The signed MoU of a membership, for the body's coordinators, the county's staff and the member
   * organisation's editors.
   *
   * @throws UserError 404 for an unknown body or membership, 403 for anyone else (whether or not a
   *     document exists), 404 when none is stored
   */
  @Transactional(readOnly = true)
  public StoredFile document(String bodyId, Long membershipId) {
    Body body = bodies.find(bodyId);
    Row row =
        jdbc.sql(
                """
                select m.id as membership_id, o.public_id as organisation_public_id,
                       o.name as organisation_name, m.mou_signed_on, m.mou_file_id
                from membership m join organisation o on o.id = m.organisation_id
                where m.id = ? and m.body_id = ?""")
            .params(membershipId, body.id())
            .query(Row.class)
            .optional()
            .orElseThrow(() -> UserError.notFound("error.404"));
    if (!bodies.mayManage(body) && !editorOf(row.organisationPublicId())) {
      throw UserError.forbidden();
    }
    if (row.mouFileId() == null) {
      throw UserError.notFound("mou.none");
    }
    return files.find(row.mouFileId()).orElseThrow(() -> UserError.notFound("mou.none"));
  }

  /** The largest document accepted, in whole megabytes, for the form's hint. */
  public long maxMegabytes() {
    return Math.max(1, files.maxBytes() / (1024 * 1024));
  }

  private LocalDate signedOn(String value) {
    try {
      LocalDate date = LocalDate.parse(clean(value));
      if (!date.isAfter(LocalDate.now(clock))) {
        return date;
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("signedOn", "mou.signed-on.invalid"));
  }

  private static boolean editorOf(String organisationPublicId) {
    return CurrentUser.get()
        .map(u -> u.holdsFor(Role.ORGANISATION_EDITOR, organisationPublicId))
        .orElse(false);
  }
}
