package ke.baraza.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTests {

  @Test
  void drawsOneLinePerSeriesThroughItsPointsWithALegendAndATitle() {
    String svg =
        Charts.lineChart(
            "Governance & finance",
            List.of("2025-01-10", "2026-01-10"),
            List.of(
                new Charts.Series("Governance", List.of(1.0, 5.0)),
                new Charts.Series("Finance <M&E>", List.of(3.0, 3.0))),
            1,
            5);
    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .endsWith("</svg>")
        .contains("<title>Governance &amp; finance</title>", "role=\"img\"")
        .contains("Finance &lt;M&amp;E&gt;")
        .doesNotContain("style=", "<script");
    assertThat(svg.split("<polyline", -1)).hasSize(3);
    // 1 is at the bottom of the plot (y 256), 5 at its top (y 16), 3 halfway
    assertThat(svg)
        .contains("points=\"52.0,256.0 612.0,16.0\"", "points=\"52.0,136.0 612.0,136.0\"");
    assertThat(svg).contains(">2025-01-10</text>", ">1</text>", ">5</text>");
  }

  @Test
  void leavesAGapWhereASeriesHasNoValue() {
    String svg =
        Charts.lineChart(
            "Gaps",
            List.of("a", "b", "c", "d"),
            List.of(new Charts.Series("s", Arrays.asList(2.0, 2.0, null, 4.0))),
            1,
            5);
    assertThat(svg.split("<polyline", -1)).as("a line before the gap").hasSize(2);
    assertThat(svg.split("<circle", -1)).as("a dot for each value").hasSize(4);
  }

  @Test
  void refusesSeriesThatDoNotFitTheLabels() {
    assertThatThrownBy(
            () ->
                Charts.lineChart(
                    "t", List.of("a", "b"), List.of(new Charts.Series("s", List.of(1.0))), 1, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Charts.lineChart("t", List.of(), List.of(), 5, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
