package ke.baraza.feedback.internal;

import java.time.Instant;
import java.util.Locale;
import ke.baraza.feedback.CaseStatus;

/**
 * One line of a case's timeline as one audience sees it: the text is already left out where that
 * audience may not read it (a reopening's reason in public, an officer's name outside the county).
 *
 * @param status the status reached, or null
 * @param text the line's text (reply, note, reason, summary, reference of a merged case, officer's
 *     name), or null
 * @param textSw the text for a Kiswahili page where it differs (a rung's name), else as {@code
 *     text}
 * @param stars the reporter's rating, for a {@link CaseEvent.Kind#RATED} line, else 0
 */
public record TimelineLine(
    Instant at, CaseEvent.Kind kind, CaseStatus status, String text, String textSw, int stars) {

  /** The text in the reader's language, or null. */
  public String text(Locale locale) {
    return "sw".equals(locale.getLanguage()) ? textSw : text;
  }

  /** The text split at line breaks, for templates; empty without text. */
  public String[] lines(Locale locale) {
    String t = text(locale);
    return t == null ? new String[0] : t.split("\n");
  }
}
