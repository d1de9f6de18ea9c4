package ke.baraza.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartsTests {

  @Test
  void drawsOneBarPerValueScaledToTheLargestWithItsValueWritten() {
    String svg =
        BarCharts.horizontal(
            "Budget & spending",
            List.of("Approved", "Actual"),
            List.of(
                new BarCharts.Group("Health <county>", "22%", List.of(2000.0, 500.0)),
                new BarCharts.Group("Roads", null, List.of(1000.0, 0.0))),
            v -> String.format("KES %,.0f", v));
    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .endsWith("</svg>")
        .contains("<title>Budget &amp; spending</title>", "role=\"img\"")
        .contains("Health &lt;county&gt; · 22%", ">Roads</text>")
        .contains(">KES 2,000</text>", ">KES 500</text>", ">KES 0</text>")
        .doesNotContain("style=", "<script");
    // two legend squares and four bars; the largest is 480 - 16 - 150 = 314 wide
    assertThat(svg.split("<rect", -1)).hasSize(7);
    assertThat(svg)
        .contains("width=\"314.0\"", "width=\"78.5\"", "width=\"157.0\"", "width=\"0.0\"");
  }

  @Test
  void cutsALongLabelButKeepsItsNote() {
    String svg =
        BarCharts.horizontal(
            "t",
            List.of("Approved"),
            List.of(
                new BarCharts.Group(
                    "Agriculture, Livestock, Fisheries and Cooperative Development",
                    "5%",
                    List.of(1.0))),
            String::valueOf);
    assertThat(svg).contains(">Agriculture, Livestock, Fisheries and C… · 5%</text>");
  }

  @Test
  void leavesOutMissingValuesAndDrawsAllZeroesWithoutDividingByZero() {
    String svg =
        BarCharts.horizontal(
            "Nothing spent",
            List.of("Approved", "Actual"),
            List.of(new BarCharts.Group("Water", null, Arrays.asList(0.0, null))),
            v -> String.valueOf((long) v));
    assertThat(svg.split("<rect", -1)).as("two legend squares, one bar").hasSize(4);
    assertThat(svg).contains("width=\"0.0\"").doesNotContain("NaN", "Infinity");
  }

  @Test
  void refusesGroupsThatDoNotFitTheSeries() {
    assertThatThrownBy(
            () ->
                BarCharts.horizontal(
                    "t",
                    List.of("a", "b"),
                    List.of(new BarCharts.Group("g", null, List.of(1.0))),
                    String::valueOf))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BarCharts.horizontal("t", List.of(), List.of(), String::valueOf))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
