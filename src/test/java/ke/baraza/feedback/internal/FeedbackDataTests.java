package ke.baraza.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tables kept as data: county prefixes and the default service areas. */
class FeedbackDataTests {

  @Test
  void everyCountyHasItsOwnThreeLetterPrefix() throws IOException {
    List<String> counties =
        Files.readAllLines(Path.of("src/main/resources/geography/kenya-admin/counties.csv"))
            .stream()
            .skip(1)
            .map(line -> line.substring(0, 3))
            .toList();
    var prefixes = CountyPrefixes.load();
    assertThat(prefixes.keySet()).containsExactlyElementsOf(counties);
    assertThat(prefixes.values()).allMatch(p -> p.matches("[A-Z]{3}")).doesNotHaveDuplicates();
    assertThat(prefixes).containsEntry("016", "MKS").containsEntry("037", "KKG");
  }

  @Test
  void theDefaultServiceAreasHaveDistinctKeywordsInBothLanguagesAndACharter() {
    List<ServiceArea> defaults = ServiceAreaCatalogue.defaults("016");
    assertThat(defaults)
        .extracting(ServiceArea::areaKey)
        .containsExactly(
            "water", "roads", "health", "education", "agriculture", "environment", "land", "other");
    Set<String> keywords = new HashSet<>();
    for (ServiceArea area : defaults) {
      assertThat(keywords.add(area.keywordEn())).as(area.keywordEn()).isTrue();
      assertThat(keywords.add(area.keywordSw())).as(area.keywordSw()).isTrue();
      assertThat(area.keywordEn()).matches("[A-Z0-9]{2,20}");
      assertThat(area.keywordSw()).matches("[A-Z0-9]{2,20}");
      assertThat(area.acknowledgeDays()).isBetween(1, area.resolveDays());
      assertThat(area.publicId()).isEqualTo("016-" + area.areaKey());
    }
    assertThat(keywords).contains("MAJI", "WATER");
  }
}
