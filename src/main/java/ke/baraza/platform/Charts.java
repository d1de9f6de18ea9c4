package ke.baraza.platform;

import java.util.List;
import java.util.Locale;

/**
 * Small charts drawn on the server as inline SVG: no JavaScript, no style attributes (the CSP
 * forbids inline styles), readable on a phone as the drawing scales to its width. A chart is a
 * picture of figures that the page also shows as a table; its {@code <title>} names it for screen
 * readers.
 */
public final class Charts {

  /** Okabe–Ito colours, told apart by most people with a colour-vision deficiency. */
  private static final String[] COLOURS = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"
  };

  /** Dash patterns, so that lines differ without colour too. */
  private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3"};

  private static final int WIDTH = 640;
  private static final int PLOT_HEIGHT = 240;
  private static final int LEFT = 40;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int LEGEND_LINE = 20;

  private Charts() {}

  /**
   * One line of a chart.
   *
   * @param values one per label of the chart; {@code null} where the series has no value (a gap)
   */
  public record Series(String name, List<Double> values) {}

  /**
   * A line chart of series over labelled points (dates, rounds), with a horizontal grid line at
   * each whole number from {@code min} to {@code max} and a legend below.
   *
   * @param title what the chart shows, for its {@code <title>}
   * @param labels the points along the horizontal axis, left to right
   * @param series each with one value (or {@code null}) per label; values outside min..max are
   *     drawn at the edge
   * @return the {@code <svg>} element, its text escaped
   * @throws IllegalArgumentException when {@code max <= min} or a series has not one value per
   *     label
   */
  public static String lineChart(
      String title, List<String> labels, List<Series> series, double min, double max) {
    if (max <= min) {
      throw new IllegalArgumentException("max must exceed min");
    }
    for (Series s : series) {
      if (s.values().size() != labels.size()) {
        throw new IllegalArgumentException("one value per label: " + s.name());
      }
    }
    int legendTop = TOP + PLOT_HEIGHT + 40;
    int height = legendTop + LEGEND_LINE * series.size() + 8;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"100%\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">")
        .append("<title>")
        .append(escape(title))
        .append("</title>");
    int plotWidth = WIDTH - LEFT - RIGHT;
    for (int v = (int) Math.ceil(min); v <= max; v++) {
      String y = num(y(v, min, max));
      svg.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(y)
          .append("\" y2=\"")
          .append(y)
          .append("\" stroke=\"#ccc\"/><text x=\"")
          .append(LEFT - 8)
          .append("\" y=\"")
          .append(y)
          .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
          .append(v)
          .append("</text>");
    }
    for (int i = 0; i < labels.size(); i++) {
      svg.append("<text x=\"")
          .append(num(x(i, labels.size(), plotWidth)))
          .append("\" y=\"")
          .append(TOP + PLOT_HEIGHT + 20)
          .append("\" text-anchor=\"middle\">")
          .append(escape(labels.get(i)))
          .append("</text>");
    }
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      String colour = COLOURS[s % COLOURS.length];
      String dash = DASHES[s % DASHES.length];
      StringBuilder points = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (int i = 0; i < labels.size(); i++) {
        Double value = line.values().get(i);
        if (value == null) {
          flush(svg, points, colour, dash);
          continue;
        }
        double clamped = Math.max(min, Math.min(max, value));
        String px = num(x(i, labels.size(), plotWidth));
        String py = num(y(clamped, min, max));
        points.append(points.isEmpty() ? "" : " ").append(px).append(',').append(py);
        dots.append("<circle cx=\"")
            .append(px)
            .append("\" cy=\"")
            .append(py)
            .append("\" r=\"3.5\" fill=\"")
            .append(colour)
            .append("\"/>");
      }
      flush(svg, points, colour, dash);
      svg.append(dots);
      int ly = legendTop + LEGEND_LINE * s;
      svg.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(LEFT + 28)
          .append("\" y1=\"")
          .append(ly)
          .append("\" y2=\"")
          .append(ly)
          .append("\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"3\"")
          .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
          .append("/><text x=\"")
          .append(LEFT + 36)
          .append("\" y=\"")
          .append(ly)
          .append("\" dominant-baseline=\"middle\">")
          .append(escape(line.name()))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static void flush(StringBuilder svg, StringBuilder points, String colour, String dash) {
    if (points.indexOf(" ") < 0) { // a lone point is drawn by its dot only
      points.setLength(0);
      return;
    }
    svg.append("<polyline fill=\"none\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"2.5\"")
        .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
        .append(" points=\"")
        .append(points)
        .append("\"/>");
    points.setLength(0);
  }

  private static double x(int i, int count, int plotWidth) {
    return count == 1 ? LEFT + plotWidth / 2.0 : LEFT + 12 + (plotWidth - 24) * i / (count - 1.0);
  }

  private static double y(double value, double min, double max) {
    return TOP + PLOT_HEIGHT * (max - value) / (max - min);
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Escapes text for an SVG element's content or attribute. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
