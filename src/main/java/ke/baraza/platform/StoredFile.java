package ke.baraza.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * A file kept by the {@link FileStore}: what is known of it without reading it.
 *
 * @param publicId the store's identifier of the file, 12 characters ({@link
 *     ke.baraza.shared.PublicId}); never a path
 * @param name the name to offer on download: the uploader's name made safe (no folders, no control
 *     characters, at most 200 characters) and ending in the extension of the kind found
 * @param mediaType the media type found by content, e.g. {@code application/pdf}
 * @param size the length in bytes, at least 1
 * @param sha256 the SHA-256 of the content, 64 lower-case hexadecimal digits
 * @param createdAt when it was stored
 */
public record StoredFile(
    String publicId, String name, String mediaType, long size, String sha256, Instant createdAt) {

  public StoredFile {
    Objects.requireNonNull(publicId, "publicId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
