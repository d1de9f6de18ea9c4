package ke.baraza.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import ke.baraza.platform.FileKind;
import ke.baraza.platform.FileRejected;
import ke.baraza.platform.StoredFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The file store on a real disk and an in-memory H2 with the real migration. */
class FileStoreTests {

  static final Set<FileKind> MOU = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG);
  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3
  };
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};
  static final byte[] WEBP = {'R', 'I', 'F', 'F', 40, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8'};

  @TempDir Path dir;
  JdbcClient jdbc;
  TransactionTemplate tx;
  LocalDiskStore store;

  @BeforeEach
  void setUp() throws IOException {
    DataSource db =
        new SimpleDriverDataSource(
            new org.h2.Driver(),
            "jdbc:h2:mem:files-"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "sa",
            "");
    jdbc = JdbcClient.create(db);
    jdbc.sql(
            Files.readString(
                Path.of(
                    "src/main/resources/db/migration/platform/V10__create_stored_file_table.sql")))
        .update();
    tx = new TransactionTemplate(new DataSourceTransactionManager(db));
    store =
        new LocalDiskStore(
            jdbc,
            Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC),
            dir.resolve("files"),
            1000);
  }

  @Test
  void recognisesEachKindByItsFirstBytesOnly() {
    assertThat(FileKind.sniff(PDF)).contains(FileKind.PDF);
    assertThat(FileKind.sniff(PNG)).contains(FileKind.PNG);
    assertThat(FileKind.sniff(JPEG)).contains(FileKind.JPEG);
    assertThat(FileKind.sniff(WEBP)).contains(FileKind.WEBP);
    for (String other :
        List.of(
            "<!DOCTYPE html><html><script>alert(1)</script>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "MZ\u0090\u0000 this program cannot be run in DOS mode",
            "PK\u0003\u0004 a zip",
            "GIF89a",
            " %PDF-1.7 after a space",
            "%PD",
            "RIFF\u0000\u0000\u0000\u0000WAVEfmt ")) {
      assertThat(FileKind.sniff(other.getBytes(StandardCharsets.ISO_8859_1))).as(other).isEmpty();
    }
    assertThat(FileKind.sniff(new byte[0])).isEmpty();
    assertThat(FileKind.labels(MOU)).isEqualTo("PDF, PNG, JPEG");
  }

  @Test
  void keepsTheBytesWithTheirKindSizeAndHashAndGivesThemBack() throws Exception {
    StoredFile file = store.store(new ByteArrayInputStream(PDF), "MoU 2024.pdf", MOU, "directory");

    assertThat(file.publicId()).hasSize(12);
    assertThat(file.name()).isEqualTo("MoU 2024.pdf");
    assertThat(file.mediaType()).isEqualTo("application/pdf");
    assertThat(file.size()).isEqualTo(PDF.length);
    assertThat(file.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
    assertThat(store.find(file.publicId())).contains(file);
    try (InputStream in = store.open(file)) {
      assertThat(in.readAllBytes()).isEqualTo(PDF);
    }
    assertThat(store.find("../../etc/pa")).isEmpty();
    assertThat(incomingParts()).isEmpty();
  }

  @Test
  void aPngNamedAsAPdfIsStoredAsAPngUnderAPngName() throws IOException {
    StoredFile file = store.store(new ByteArrayInputStream(PNG), "scan.pdf", MOU, "directory");

    assertThat(file.mediaType()).isEqualTo("image/png");
    assertThat(file.name()).isEqualTo("scan.png");
  }

  @Test
  void refusesContentOfAnotherKindWhateverItsNameAfterReadingOnlyItsFirstBytes() {
    byte[] page = "<html><body onload=alert(1)>".repeat(100).getBytes(StandardCharsets.UTF_8);
    CountingStream upload = new CountingStream(page);

    assertThatThrownBy(() -> store.store(upload, "mou.pdf", MOU, "directory"))
        .isInstanceOfSatisfying(
            FileRejected.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(415);
              assertThat(e.messageKey()).isEqualTo(FileRejected.UNSUPPORTED_TYPE);
              assertThat(e.args()).containsExactly("PDF, PNG, JPEG");
            });
    assertThat(upload.read).isEqualTo(FileKind.HEAD_BYTES);
    assertThatThrownBy(
            () -> store.store(new ByteArrayInputStream(WEBP), "photo.webp", MOU, "directory"))
        .as("a kind the feature does not accept")
        .isInstanceOf(FileRejected.class);
    assertNothingKept();
  }

  @Test
  void refusesAnEmptyUploadWith400() {
    assertThatThrownBy(
            () -> store.store(InputStream.nullInputStream(), "mou.pdf", MOU, "directory"))
        .isInstanceOfSatisfying(
            FileRejected.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.messageKey()).isEqualTo(FileRejected.EMPTY);
            });
    assertNothingKept();
  }

  @Test
  void refusesAFileOverTheLimitWith413WithoutReadingItAll() {
    byte[] big = new byte[10 * 1024 * 1024];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    CountingStream upload = new CountingStream(big);

    assertThatThrownBy(() -> store.store(upload, "big.pdf", MOU, "directory"))
        .isInstanceOfSatisfying(
            FileRejected.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(413);
              assertThat(e.messageKey()).isEqualTo(FileRejected.TOO_LARGE);
            });
    assertThat(upload.read).isLessThan(100 * 1024);
    assertNothingKept();

    byte[] exactly = new byte[1000];
    System.arraycopy(PDF, 0, exactly, 0, PDF.length);
    assertThat(store.maxBytes()).isEqualTo(1000);
    assertThat(catchStore(exactly).size()).as("the limit itself is allowed").isEqualTo(1000);
  }

  @Test
  void anUploadThatBreaksOffLeavesNoFileAndNoRow() {
    InputStream broken =
        new InputStream() {
          int sent;

          @Override
          public int read() throws IOException {
            if (sent >= PDF.length) {
              throw new IOException("connection reset");
            }
            return PDF[sent++];
          }
        };
    assertThatThrownBy(() -> store.store(broken, "mou.pdf", MOU, "directory"))
        .isInstanceOf(IOException.class);
    assertNothingKept();
  }

  @Test
  void makesNamesSafeToOfferForDownload() {
    assertThat(LocalDiskStore.safeName("../../etc/passwd.pdf", FileKind.PDF))
        .isEqualTo("passwd.pdf");
    assertThat(LocalDiskStore.safeName("C:\\Users\\Wanjiku\\Scan.PDF", FileKind.PDF))
        .isEqualTo("Scan.PDF");
    assertThat(LocalDiskStore.safeName("invoice\u202Efdp.exe\u0000\r\n", FileKind.PDF))
        .isEqualTo("invoicefdp.exe.pdf");
    assertThat(LocalDiskStore.safeName("a<b>:c|d?.pdf", FileKind.PDF)).isEqualTo("a_b__c_d_.pdf");
    assertThat(LocalDiskStore.safeName("  ..hidden  .  ", FileKind.PDF)).isEqualTo("hidden.pdf");
    assertThat(LocalDiskStore.safeName(null, FileKind.JPEG)).isEqualTo("file.jpg");
    assertThat(LocalDiskStore.safeName(".pdf", FileKind.PNG)).isEqualTo("pdf.png");
    assertThat(LocalDiskStore.safeName("photo.JPG", FileKind.PNG)).isEqualTo("photo.png");
    assertThat(LocalDiskStore.safeName("minutes.html", FileKind.PDF)).isEqualTo("minutes.html.pdf");
    assertThat(LocalDiskStore.safeName("Mkataba wa Maelewano – Kitui.pdf", FileKind.PDF))
        .isEqualTo("Mkataba wa Maelewano – Kitui.pdf");
    String longName =
        LocalDiskStore.safeName("x".repeat(199) + "😀".repeat(50) + ".pdf", FileKind.PDF);
    assertThat(longName).hasSizeLessThanOrEqualTo(LocalDiskStore.MAX_NAME_CHARS).endsWith("x.pdf");
  }

  @Test
  void deletingForgetsTheRowAtOnceAndTheBytesOnlyOnceTheTransactionCommits() throws IOException {
    StoredFile file = catchStore(PDF);
    Path bytes = onlyStoredFile();

    tx.executeWithoutResult(
        status -> {
          store.delete(file.publicId());
          assertThat(store.find(file.publicId())).isEmpty();
          assertThat(bytes).as("still there until the commit").exists();
        });
    assertThat(bytes).doesNotExist();

    StoredFile kept = catchStore(PDF);
    tx.executeWithoutResult(
        status -> {
          store.delete(kept.publicId());
          status.setRollbackOnly();
        });
    assertThat(store.find(kept.publicId())).as("the delete was rolled back").isPresent();
    assertThat(onlyStoredFile()).exists();
    store.delete("not-an-id");
  }

  @Test
  void aFileStoredInATransactionThatRollsBackIsRemoved() throws IOException {
    tx.executeWithoutResult(
        status -> {
          catchStore(PDF);
          status.setRollbackOnly();
        });
    assertNothingKept();
  }

  @Test
  void servesADownloadAsAnAttachmentOfTheSniffedTypeThatBrowsersMustNotSniff() throws Exception {
    StoredFile file =
        store.store(new ByteArrayInputStream(PNG), "Ripoti ya Mkutano.pdf", MOU, "directory");

    var response = store.download(file);
    HttpHeaders headers = response.getHeaders();
    assertThat(headers.getContentDisposition().isAttachment()).isTrue();
    assertThat(headers.getContentDisposition().getFilename()).isEqualTo("Ripoti ya Mkutano.png");
    assertThat(headers.getContentType()).hasToString("image/png");
    assertThat(headers.getContentLength()).isEqualTo(PNG.length);
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getCacheControl()).contains("no-store");
    try (InputStream in = response.getBody().getInputStream()) {
      assertThat(in.readAllBytes()).isEqualTo(PNG);
    }
  }

  @Test
  void sweepsPartFilesACrashLeftBehind() throws IOException {
    Path incoming = Files.createDirectories(dir.resolve("files/incoming"));
    Path stale = Files.write(incoming.resolve("upload-1.part"), PDF);
    Files.setLastModifiedTime(
        stale, java.nio.file.attribute.FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
    Path fresh = Files.write(incoming.resolve("upload-2.part"), PDF);
    Files.setLastModifiedTime(
        fresh, java.nio.file.attribute.FileTime.from(Instant.parse("2026-03-01T07:59:00Z")));

    store.sweepIncoming();

    assertThat(stale).doesNotExist();
    assertThat(fresh).as("may be an upload in progress").exists();
  }

  private StoredFile catchStore(byte[] content) {
    try {
      return store.store(new ByteArrayInputStream(content), "mou.pdf", MOU, "directory");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void assertNothingKept() {
    assertThat(jdbc.sql("select count(*) from stored_file").query(Long.class).single()).isZero();
    assertThat(storedFiles()).isEmpty();
    assertThat(incomingParts()).isEmpty();
  }

  private Path onlyStoredFile() {
    List<Path> files = storedFiles();
    assertThat(files).hasSize(1);
    return files.getFirst();
  }

  private List<Path> storedFiles() {
    return filesUnder(dir.resolve("files")).stream()
        .filter(p -> !p.getParent().getFileName().toString().equals("incoming"))
        .toList();
  }

  private List<Path> incomingParts() {
    return filesUnder(dir.resolve("files/incoming"));
  }

  private static List<Path> filesUnder(Path root) {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An upload that counts how much of it was read. */
  static final class CountingStream extends ByteArrayInputStream {
    long read;

    CountingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
      }
      return n;
    }
  }
}
