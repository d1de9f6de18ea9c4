package ke.baraza.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The SMS that the test application placed in its outbox (no gateway is configured in tests). */
public final class Outbox {

  /** When this test JVM started: outbox files of earlier runs are older. */
  private static final long STARTED =
      java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() - 1_000;

  private Outbox() {}

  /** Every SMS of this run to {@code phone} (E.164), as "To: …" then the text, oldest first. */
  public static List<String> smsTo(String phone) {
    Path outbox = Path.of("target/test-data-" + TestEnvironment.database(), "outbox");
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(outbox)) {
      return files
          .filter(p -> p.getFileName().toString().contains("-sms-"))
          .filter(p -> p.toFile().lastModified() >= STARTED)
          .sorted()
          .map(Outbox::read)
          .filter(text -> text.startsWith("To: " + phone + "\n"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The newest SMS to {@code phone} that matches, waiting up to ten seconds for it: messages are
   * sent after their transaction commits, so the file may land just after the response.
   *
   * @throws AssertionError when none arrives
   */
  public static String await(String phone, Predicate<String> match) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<String> found = smsTo(phone).stream().filter(match).toList();
      if (!found.isEmpty()) {
        return found.getLast();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No matching SMS to " + phone + " among " + smsTo(phone));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
