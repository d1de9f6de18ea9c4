package ke.baraza.platform;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Horizontal bar charts drawn on the server as inline SVG, beside {@link Charts}' line charts: no
 * JavaScript, no style attributes, and laid out for a phone — the legend one series a line, each
 * group's label on its own line across the full width, its bars below it, each bar followed by its
 * value as text. Like every chart, it pictures figures that the page also shows as a table.
 *
 * <pre>{@code
 * String svg = BarCharts.horizontal("Budget by department", List.of("Approved", "Actual"),
 *     List.of(new BarCharts.Group("Health", "22%", List.of(2_500_000.0, 550_000.0))),
 *     v -> String.format("KES %,.0f", v));
 * }</pre>
 */
public final class BarCharts {

  /** Okabe–Ito colours, told apart by most people with a colour-vision deficiency. */
  private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7"};

  /** Narrow enough that on a phone 390 pixels wide the 14-unit text is still about 11 pixels. */
  private static final int WIDTH = 480;

  private static final int PAD = 8;
  private static final int VALUE_ROOM = 150;
  private static final int BAR = 14;
  private static final int GAP = 4;
  private static final int LABEL = 20;
  private static final int LEGEND_LINE = 20;
  private static final int LABEL_CHARS = 40;

  private BarCharts() {}

  /**
   * One group of bars, one bar per series.
   *
   * @param label the group's name (a department, a ward); cut to 40 characters with an ellipsis
   * @param note printed after the label, such as a percentage; {@code null} for none
   * @param values one per series; {@code null} draws no bar; negative values are drawn as 0
   */
  public record Group(String label, String note, List<Double> values) {}

  /**
   * A horizontal bar chart: a legend of the series at the top, then each group's label and its
   * bars, all on one scale from 0 to the largest value.
   *
   * @param title what the chart shows, for its {@code <title>}
   * @param series the names of the series, in the order of each group's values
   * @param groups top to bottom
   * @param valueText how a value is written after its bar (the unit, thousands separators)
   * @return the {@code <svg>} element, its text escaped
   * @throws IllegalArgumentException when a group has not one value per series, or there are no
   *     series
   */
  public static String horizontal(
      String title, List<String> series, List<Group> groups, DoubleFunction<String> valueText) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no series");
    }
    double max = 0;
    for (Group g : groups) {
      if (g.values().size() != series.size()) {
        throw new IllegalArgumentException("one value per series: " + g.label());
      }
      for (Double v : g.values()) {
        max = v == null ? max : Math.max(max, v);
      }
    }
    int groupHeight = LABEL + series.size() * (BAR + GAP) + GAP * 2;
    int legend = LEGEND_LINE * series.size() + GAP * 2;
    int height = legend + groups.size() * groupHeight + PAD;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"100%\" role=\"img\" font-family=\"sans-serif\" font-size=\"14\">")
        .append("<title>")
        .append(Charts.escape(title))
        .append("</title>");
    for (int s = 0; s < series.size(); s++) {
      int top = PAD + LEGEND_LINE * s;
      svg.append(rect(PAD, top, 12, 12, COLOURS[s % COLOURS.length]))
          .append(text(PAD + 18, top + 11, series.get(s), ""));
    }
    double length = WIDTH - 2 * PAD - VALUE_ROOM;
    int y = legend;
    for (Group g : groups) {
      String label = shorten(g.label()) + (g.note() == null ? "" : " · " + g.note());
      svg.append(text(PAD, y + 15, label, " font-weight=\"bold\""));
      int by = y + LABEL;
      for (int s = 0; s < series.size(); s++) {
        Double v = g.values().get(s);
        if (v != null) {
          double w = max <= 0 ? 0 : length * Math.max(0, v) / max;
          svg.append(rect(PAD, by, w, BAR, COLOURS[s % COLOURS.length]))
              .append(text(PAD + w + 6, by + BAR - 2, valueText.apply(v), ""));
        }
        by += BAR + GAP;
      }
      y += groupHeight;
    }
    return svg.append("</svg>").toString();
  }

  /** A label longer than about a line of the chart, cut with an ellipsis (the table has it all). */
  private static String shorten(String label) {
    return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
  }

  private static String rect(double x, double y, double w, double h, String colour) {
    return "<rect x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\" width=\""
        + num(w)
        + "\" height=\""
        + num(h)
        + "\" fill=\""
        + colour
        + "\"/>";
  }

  private static String text(double x, double y, String content, String attributes) {
    return "<text x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\""
        + attributes
        + ">"
        + Charts.escape(content)
        + "</text>";
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
