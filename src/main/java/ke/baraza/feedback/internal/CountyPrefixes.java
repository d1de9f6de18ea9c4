package ke.baraza.feedback.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The three letters that start each county's case references ({@code MKS} for Machakos), kept as
 * data in {@code feedback/county-prefixes.csv}: Baraza's own table, one distinct prefix per county.
 */
@Component
class CountyPrefixes {

  static final String RESOURCE = "feedback/county-prefixes.csv";

  private final Map<String, String> prefixes = load();

  /**
   * The prefix of a county.
   *
   * @throws IllegalArgumentException for a code not in the table
   */
  String of(String countyCode) {
    String prefix = prefixes.get(countyCode);
    if (prefix == null) {
      throw new IllegalArgumentException("No reference prefix for county " + countyCode);
    }
    return prefix;
  }

  static Map<String, String> load() {
    Map<String, String> map = new LinkedHashMap<>();
    try (Reader in =
        new InputStreamReader(
            new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        map.put(row.get("code"), row.get("prefix"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
