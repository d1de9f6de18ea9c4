package ke.baraza.feedback.web;

import java.text.NumberFormat;
import java.time.Duration;
import ke.baraza.platform.PageContext;

/** Small formatting helpers for the public feedback pages. */
public final class PublicFeedbackViews {

  private PublicFeedbackViews() {}

  /**
   * A duration as a reader says it: hours under two days, else days with one decimal.
   *
   * @param duration null when there is nothing to measure
   */
  public static String duration(PageContext ctx, Duration duration) {
    if (duration == null) {
      return ctx.t("open311.stats.none");
    }
    long hours = duration.toHours();
    if (hours < 48) {
      return ctx.t("open311.stats.hours", hours);
    }
    NumberFormat days = NumberFormat.getNumberInstance(ctx.locale());
    days.setMaximumFractionDigits(1);
    return ctx.t("open311.stats.days", days.format(duration.toMinutes() / 1440.0));
  }
}
