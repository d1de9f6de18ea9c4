package ke.baraza;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-facing string exists in English and Kiswahili, and every key used exists. */
class MessagesTests {

  static final Path I18N = Path.of("src/main/resources/i18n");

  @Test
  void everyBundleHasTheSameKeysInEnglishAndKiswahili() throws IOException {
    try (Stream<Path> files = Files.list(I18N)) {
      var english = files.filter(p -> p.toString().endsWith("_en.properties")).toList();
      assertThat(english).isNotEmpty();
      for (Path en : english) {
        Path sw = Path.of(en.toString().replace("_en.properties", "_sw.properties"));
        assertThat(sw).as("Kiswahili twin of " + en).exists();
        Set<String> enKeys = load(en).stringPropertyNames();
        Set<String> swKeys = load(sw).stringPropertyNames();
        assertThat(new TreeSet<>(swKeys))
            .as("keys of " + sw.getFileName() + " against " + en.getFileName())
            .isEqualTo(new TreeSet<>(enKeys));
        for (String key : enKeys) {
          assertThat(load(sw).getProperty(key)).as(key + " in Kiswahili").isNotBlank();
        }
      }
    }
  }

  @Test
  void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
    Set<String> known = allKeys();
    Set<String> prefixes = new TreeSet<>();
    known.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
    Set<String> missing = new TreeSet<>();
    Pattern templateKey = Pattern.compile("ctx\\.t\\(\"([^\"]+)\"");
    Pattern literal = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    for (Path root : new Path[] {Path.of("src/main/jte"), Path.of("src/main/java")}) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(file);
          Matcher m = templateKey.matcher(text);
          while (m.find()) {
            if (!known.contains(m.group(1))) {
              missing.add(m.group(1) + " (" + file.getFileName() + ")");
            }
          }
          Matcher l = literal.matcher(text);
          while (l.find()) {
            String key = l.group(1);
            boolean looksLikeKey = prefixes.stream().anyMatch(key::startsWith);
            if (looksLikeKey && !known.contains(key)) {
              missing.add(key + " (" + file.getFileName() + ")");
            }
          }
        }
      }
    }
    assertThat(missing).as("message keys used but not defined").isEmpty();
  }

  static Set<String> allKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.list(I18N)) {
      for (Path en : files.filter(p -> p.toString().endsWith("_en.properties")).toList()) {
        keys.addAll(load(en).stringPropertyNames());
      }
    }
    return keys;
  }

  static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
