package ke.baraza.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileRejected;
import ke.baraza.platform.FileStore;
import ke.baraza.platform.StoredFile;
import ke.baraza.shared.PublicId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link FileStore} of a single node: bytes in {@code <root>/<first two characters of the
 * id>/<id>}, metadata in the table {@code stored_file}. An upload is written to {@code
 * <root>/incoming} first, flushed to the disk, then renamed into place in one step, so that a crash
 * leaves at most an unnamed part file (swept at the next start), never a half file under an id.
 */
class LocalDiskStore implements FileStore {

  static final int MAX_NAME_CHARS = 200;

  private static final Logger log = LoggerFactory.getLogger(LocalDiskStore.class);
  private static final Pattern OWNER = Pattern.compile("[a-z][a-z0-9-]{1,31}");
  private static final String UNSAFE_IN_NAMES = "<>:\"|?*\\/";
  private static final Duration STALE_PART = Duration.ofDays(1);
  private static final RowMapper<StoredFile> ROW =
      (rs, n) ->
          new StoredFile(
              rs.getString("public_id"),
              rs.getString("name"),
              rs.getString("media_type"),
              rs.getLong("size_bytes"),
              rs.getString("sha256"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Path root;
  private final Path incoming;
  private final long maxBytes;

  LocalDiskStore(JdbcClient jdbc, Clock clock, Path root, long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the file size limit must be positive");
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.root = root.toAbsolutePath().normalize();
    this.incoming = this.root.resolve("incoming");
    this.maxBytes = maxBytes;
  }

  @Override
  public StoredFile store(
      InputStream content, String declaredName, Set<FileKind> allowed, String ownerModule)
      throws IOException {
    Objects.requireNonNull(content, "content");
    if (allowed == null || allowed.isEmpty()) {
      throw new IllegalArgumentException("no kind of file allowed");
    }
    if (ownerModule == null || !OWNER.matcher(ownerModule).matches()) {
      throw new IllegalArgumentException("the owner must be a module name");
    }
    byte[] head = content.readNBytes(FileKind.HEAD_BYTES);
    if (head.length == 0) {
      throw new FileRejected(HttpStatus.BAD_REQUEST, FileRejected.EMPTY);
    }
    FileKind kind =
        FileKind.sniff(head)
            .filter(allowed::contains)
            .orElseThrow(
                () ->
                    new FileRejected(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        FileRejected.UNSUPPORTED_TYPE,
                        FileKind.labels(allowed)));
    Files.createDirectories(incoming);
    Path part = Files.createTempFile(incoming, "upload-", ".part");
    try {
      MessageDigest sha256 = sha256();
      long size = copyAtMost(head, content, part, sha256);
      String publicId = PublicId.next();
      Path target = pathOf(publicId);
      while (Files.exists(target)) {
        publicId = PublicId.next();
        target = pathOf(publicId);
      }
      Files.createDirectories(target.getParent());
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      StoredFile file =
          new StoredFile(
              publicId,
              safeName(declaredName, kind),
              kind.mediaType(),
              size,
              HexFormat.of().formatHex(sha256.digest()),
              clock.instant());
      try {
        jdbc.sql(
                """
                insert into stored_file
                  (public_id, owner_module, name, media_type, size_bytes, sha256, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(
                file.publicId(),
                ownerModule,
                file.name(),
                file.mediaType(),
                file.size(),
                file.sha256(),
                OffsetDateTime.ofInstant(file.createdAt(), ZoneOffset.UTC))
            .update();
      } catch (RuntimeException e) {
        deleteQuietly(target);
        throw e;
      }
      Path stored = target;
      whenRolledBack(() -> deleteQuietly(stored));
      return file;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @Override
  public Optional<StoredFile> find(String publicId) {
    if (!PublicId.isWellFormed(publicId)) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select public_id, name, media_type, size_bytes, sha256, created_at
            from stored_file where public_id = ?""")
        .param(publicId)
        .query(ROW)
        .optional();
  }

  @Override
  public InputStream open(StoredFile file) throws IOException {
    if (!PublicId.isWellFormed(file.publicId())) {
      throw new IllegalArgumentException("not a stored file's id");
    }
    return Files.newInputStream(pathOf(file.publicId()));
  }

  @Override
  public void delete(String publicId) {
    if (!PublicId.isWellFormed(publicId)) {
      return;
    }
    if (jdbc.sql("delete from stored_file where public_id = ?").param(publicId).update() == 0) {
      return;
    }
    Path target = pathOf(publicId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              deleteQuietly(target);
            }
          });
    } else {
      deleteQuietly(target);
    }
  }

  @Override
  public long maxBytes() {
    return maxBytes;
  }

  /** Removes part files that a crash left in {@code incoming}; run at start. */
  void sweepIncoming() {
    if (!Files.isDirectory(incoming)) {
      return;
    }
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "*.part")) {
      for (Path part : parts) {
        if (Files.getLastModifiedTime(part)
            .toInstant()
            .isBefore(clock.instant().minus(STALE_PART))) {
          deleteQuietly(part);
        }
      }
    } catch (IOException e) {
      log.warn("The incoming files could not be swept: {}", e.toString());
    }
  }

  /**
   * The name to offer on download: no folders, no control or direction-changing characters, none of
   * {@code <>:"|?*}, no leading dots, at most {@value #MAX_NAME_CHARS} characters, and ending in an
   * extension of {@code kind} (another kind's extension is replaced, anything else kept before it),
   * so that the saved file opens as what it is.
   */
  static String safeName(String declared, FileKind kind) {
    String name = declared == null ? "" : declared;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              switch (Character.getType(c)) {
                case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> {}
                default -> {
                  if (UNSAFE_IN_NAMES.indexOf(c) >= 0) {
                    clean.append('_');
                  } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    clean.append(' ');
                  } else {
                    clean.appendCodePoint(c);
                  }
                }
              }
            });
    name = clean.toString().replaceAll(" {2,}", " ").replaceAll("^[. ]+|[. ]+$", "");
    String lower = name.toLowerCase(Locale.ROOT);
    if (kind.extensions().stream().noneMatch(e -> lower.endsWith("." + e))) {
      for (FileKind other : FileKind.values()) {
        for (String e : other.extensions()) {
          if (lower.endsWith("." + e)) {
            name = name.substring(0, name.length() - e.length() - 1).strip();
          }
        }
      }
      name = (name.isEmpty() ? "file" : name) + "." + kind.extensions().getFirst();
    }
    if (name.length() > MAX_NAME_CHARS) {
      int dot = name.lastIndexOf('.');
      String extension = name.substring(dot);
      int cut = MAX_NAME_CHARS - extension.length();
      if (Character.isHighSurrogate(name.charAt(cut - 1))) {
        cut--;
      }
      name = name.substring(0, cut).strip() + extension;
    }
    return name;
  }

  private long copyAtMost(byte[] head, InputStream content, Path part, MessageDigest sha256)
      throws IOException {
    long total = 0;
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(channel)) {
      byte[] buffer = new byte[64 * 1024];
      byte[] chunk = head;
      int n = head.length;
      while (n >= 0) {
        total += n;
        if (total > maxBytes) {
          throw new FileRejected(
              HttpStatus.CONTENT_TOO_LARGE,
              FileRejected.TOO_LARGE,
              Math.max(1, maxBytes / (1024 * 1024)));
        }
        out.write(chunk, 0, n);
        sha256.update(chunk, 0, n);
        chunk = buffer;
        n = content.read(buffer);
      }
      out.flush();
      channel.force(true);
    }
    return total;
  }

  private Path pathOf(String publicId) {
    return root.resolve(publicId.substring(0, 2)).resolve(publicId);
  }

  private static void whenRolledBack(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                action.run();
              }
            }
          });
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("A stored file could not be removed: {}", e.toString());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
