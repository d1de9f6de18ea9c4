package ke.baraza.disclosures.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileMetadata;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PublicId;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence attached to a disclosure. A file is checked by its content (PDF, JPEG, PNG or WebP; a
 * renamed file is refused), optionally stripped of its metadata (W6), then sealed whole under the
 * disclosure's data key, its name and type sealed apart; the database holds only ciphertext, and
 * the files go with their disclosure when it is purged (W5).
 */
@Component
public class DisclosureFiles {

  /** The kinds of evidence accepted: documents and pictures nothing runs. */
  static final Set<FileKind> KINDS =
      Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG, FileKind.WEBP);

  /** Files at most in one sending. */
  static final int MAX_PER_SEND = 5;

  /** Files at most per disclosure. */
  static final int MAX_PER_DISCLOSURE = 20;

  /** A checked file, ready to be sealed. */
  public record Evidence(String name, FileKind kind, byte[] content, boolean stripped) {}

  /** What the handlers and the whistleblower see of a file. */
  public record FileInfo(
      String publicId,
      String name,
      String mediaType,
      long size,
      boolean stripped,
      boolean fromWhistleblower,
      Instant addedAt) {

    /** The size for people: {@code 350 KB}, {@code 2.4 MB}. */
    public String sizeLabel() {
      return size < 1_000_000
          ? Math.max(1, Math.round(size / 1000.0)) + " KB"
          : String.format(java.util.Locale.ROOT, "%.1f MB", size / 1_000_000.0);
    }
  }

  /** A file's decrypted content with what is known of it. */
  public record Content(FileInfo info, byte[] bytes) {}

  private record Row(
      String publicId, String addedBy, String meta, java.time.OffsetDateTime createdAt) {}

  private final JdbcClient jdbc;
  private final long maxBytes;

  DisclosureFiles(JdbcClient jdbc, FileStore files) {
    this.jdbc = jdbc;
    this.maxBytes = files.maxBytes();
  }

  /** The largest file accepted, in whole megabytes. */
  public long maxMegabytes() {
    return maxBytes / 1_000_000;
  }

  /**
   * Reads and checks uploads; the empty parts a browser sends for "no file chosen" are skipped.
   *
   * @param strip whether to remove the files' metadata
   * @throws UserError 400 for more than {@value #MAX_PER_SEND} files or a file whose metadata
   *     cannot be removed, 413 for one over the size limit, 415 for one that is not a PDF or a
   *     picture; the file's name is in the message's arguments
   */
  public List<Evidence> prepare(List<MultipartFile> uploads, boolean strip) {
    List<MultipartFile> chosen =
        uploads == null
            ? List.of()
            : uploads.stream().filter(f -> f != null && !f.isEmpty() && f.getSize() > 0).toList();
    if (chosen.size() > MAX_PER_SEND) {
      throw UserError.badRequest("disclosures.files.too-many", MAX_PER_SEND);
    }
    List<Evidence> out = new ArrayList<>();
    for (MultipartFile upload : chosen) {
      String name = safeName(upload.getOriginalFilename());
      if (upload.getSize() > maxBytes) {
        throw new UserError(
            HttpStatus.CONTENT_TOO_LARGE, "disclosures.files.too-large", name, maxMegabytes());
      }
      byte[] bytes;
      try (InputStream in = upload.getInputStream()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      FileKind kind =
          FileKind.sniff(bytes)
              .filter(KINDS::contains)
              .orElseThrow(
                  () ->
                      new UserError(
                          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                          "disclosures.files.kind",
                          name,
                          FileKind.labels(KINDS)));
      if (strip) {
        try {
          bytes = FileMetadata.strip(bytes);
        } catch (IllegalArgumentException cannot) {
          throw UserError.badRequest("disclosures.files.cannot-strip", name);
        }
      }
      out.add(new Evidence(name, kind, bytes, strip));
    }
    return out;
  }

  /**
   * Seals and stores the files under the disclosure's data key.
   *
   * @throws UserError 409 when the disclosure would hold more than {@value #MAX_PER_DISCLOSURE}
   */
  void store(
      long disclosureId,
      String disclosurePublicId,
      byte[] dataKey,
      boolean fromWhistleblower,
      List<Evidence> evidence,
      java.time.OffsetDateTime now) {
    if (evidence.isEmpty()) {
      return;
    }
    long held =
        jdbc.sql("select count(*) from disclosure_file where disclosure_id = ?")
            .param(disclosureId)
            .query(Long.class)
            .single();
    if (held + evidence.size() > MAX_PER_DISCLOSURE) {
      throw UserError.conflict("disclosures.files.full", MAX_PER_DISCLOSURE);
    }
    for (Evidence file : evidence) {
      String publicId = PublicId.next();
      FileInfo info =
          new FileInfo(
              publicId,
              file.name(),
              file.kind().mediaType(),
              file.content().length,
              file.stripped(),
              fromWhistleblower,
              now.toInstant());
      jdbc.sql(
              "insert into disclosure_file (disclosure_id, public_id, added_by, meta, content,"
                  + " created_at) values (?, ?, ?, ?, ?, ?)")
          .params(
              disclosureId,
              publicId,
              fromWhistleblower ? "WHISTLEBLOWER" : "HANDLER",
              DisclosureKeyRing.b64(
                  DisclosureCrypto.seal(
                      dataKey, encode(info), metaContext(disclosurePublicId, publicId))),
              DisclosureCrypto.seal(
                  dataKey, file.content(), contentContext(disclosurePublicId, publicId)),
              now)
          .update();
    }
  }

  /** The disclosure's files, oldest first, without their content (one query). */
  List<FileInfo> list(long disclosureId, String disclosurePublicId, byte[] dataKey)
      throws DisclosureCrypto.CannotOpen {
    List<FileInfo> out = new ArrayList<>();
    for (Row row :
        jdbc.sql(
                "select public_id, added_by, meta, created_at from disclosure_file"
                    + " where disclosure_id = ? order by id")
            .param(disclosureId)
            .query(Row.class)
            .list()) {
      out.add(info(disclosurePublicId, row, dataKey));
    }
    return out;
  }

  /** One file of the disclosure, decrypted; empty for an id it does not hold. */
  Optional<Content> content(
      long disclosureId, String disclosurePublicId, byte[] dataKey, String filePublicId)
      throws DisclosureCrypto.CannotOpen {
    Optional<Row> row =
        jdbc.sql(
                "select public_id, added_by, meta, created_at from disclosure_file"
                    + " where disclosure_id = ? and public_id = ?")
            .params(disclosureId, filePublicId == null ? "" : filePublicId)
            .query(Row.class)
            .optional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    byte[] sealed =
        jdbc.sql("select content from disclosure_file where disclosure_id = ? and public_id = ?")
            .params(disclosureId, filePublicId)
            .query((rs, n) -> rs.getBytes(1))
            .single();
    return Optional.of(
        new Content(
            info(disclosurePublicId, row.get(), dataKey),
            DisclosureCrypto.open(
                dataKey, sealed, contentContext(disclosurePublicId, filePublicId))));
  }

  private FileInfo info(String disclosurePublicId, Row row, byte[] dataKey)
      throws DisclosureCrypto.CannotOpen {
    byte[] meta =
        DisclosureCrypto.open(
            dataKey,
            DisclosureKeyRing.unb64(row.meta()),
            metaContext(disclosurePublicId, row.publicId()));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(meta))) {
      in.readByte();
      return new FileInfo(
          row.publicId(),
          in.readUTF(),
          in.readUTF(),
          in.readLong(),
          in.readBoolean(),
          "WHISTLEBLOWER".equals(row.addedBy()),
          row.createdAt().toInstant());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encode(FileInfo info) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF(info.name());
      out.writeUTF(info.mediaType());
      out.writeLong(info.size());
      out.writeBoolean(info.stripped());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The last part of a path, without control characters, at most 120 characters; or "file". */
  static String safeName(String declared) {
    String name = declared == null ? "" : declared.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.length() > 120) {
      name = name.substring(name.length() - 120);
    }
    return name.isEmpty() ? "file" : name;
  }

  static String metaContext(String disclosurePublicId, String filePublicId) {
    return "file-meta:" + disclosurePublicId + ":" + filePublicId;
  }

  static String contentContext(String disclosurePublicId, String filePublicId) {
    return "file:" + disclosurePublicId + ":" + filePublicId;
  }
}
