package ke.baraza.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The file-storage port: signed MoUs, minutes attachments, complaint photos, evidence. A module
 * keeps the {@link StoredFile#publicId()} in its own table and decides who may read the file; the
 * store only keeps bytes and what is known of them.
 *
 * <p>The kind is decided by the content ({@link FileKind#sniff}), never by the name or the type a
 * browser declares. A file is visible under its id only once it is complete: a crash part-way
 * leaves nothing under an id. The adapter of a single node keeps the bytes under {@code <data
 * dir>/files} and the metadata in the database; several nodes need a shared volume there or an
 * object-store adapter behind this same interface (docs/decisions.md).
 */
public interface FileStore {

  /**
   * Keeps a file. Reads {@code content} to its end, or only until it is known to be refused: a file
   * of the wrong kind is refused after its first bytes, one over the limit once the limit is
   * passed, so that neither is ever kept whole. Inside a transaction, the metadata row is part of
   * it and the bytes are removed again if it rolls back.
   *
   * @param content the upload, not closed; not null
   * @param declaredName the name the uploader gave, or null; only used, made safe, as the download
   *     name
   * @param allowed the kinds this feature accepts, not empty
   * @param ownerModule the module that keeps the reference, e.g. {@code directory} (lower case)
   * @return the stored file
   * @throws FileRejected 400 when empty, 413 over {@link #maxBytes()}, 415 when the content is not
   *     one of {@code allowed}; nothing is kept then
   * @throws IOException when the upload cannot be read or the file system refuses the write
   */
  StoredFile store(
      InputStream content, String declaredName, Set<FileKind> allowed, String ownerModule)
      throws IOException;

  /** The file with this public id, or empty when there is none (or the id is malformed). */
  Optional<StoredFile> find(String publicId);

  /**
   * The content of a stored file, for the caller to close.
   *
   * @throws java.nio.file.NoSuchFileException when the bytes are gone (the store was damaged)
   * @throws IOException when they cannot be read
   */
  InputStream open(StoredFile file) throws IOException;

  /**
   * Forgets a file: its metadata at once (within the caller's transaction, if any), its bytes once
   * that transaction has committed. Unknown ids are ignored.
   */
  void delete(String publicId);

  /** The largest file {@link #store} accepts, in bytes ({@code baraza.files.max-size}). */
  long maxBytes();

  /**
   * The file as a download: {@code Content-Disposition: attachment} with its safe name, the media
   * type found by content, {@code X-Content-Type-Options: nosniff} and no caching, so that a
   * browser saves it rather than shows or runs it. Check who may read it before calling.
   *
   * @throws IOException when the content cannot be opened
   */
  default ResponseEntity<Resource> download(StoredFile file) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    boolean ascii = file.name().chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    headers.setContentDisposition(
        ascii
            ? ContentDisposition.attachment().filename(file.name()).build()
            : ContentDisposition.attachment()
                .filename(file.name(), StandardCharsets.UTF_8)
                .build());
    headers.setContentType(MediaType.parseMediaType(file.mediaType()));
    headers.setContentLength(file.size());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setCacheControl(CacheControl.noStore().cachePrivate());
    return ResponseEntity.ok().headers(headers).body(new InputStreamResource(open(file)));
  }
}
