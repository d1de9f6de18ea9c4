package ke.baraza.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CalendarFeedTests {

  @Test
  void escapesTheCharactersRfc5545ReservesInText() {
    assertThat(CalendarFeed.text("Budget; ADP, CFSP\\CBROP\r\nsecond line\u0007"))
        .isEqualTo("Budget\\; ADP\\, CFSP\\\\CBROP\\nsecond line");
  }

  @Test
  void foldsLongLinesAt75OctetsWithoutSplittingACharacter() {
    String value = "SUMMARY:" + "Mkutano wa uratibu – Kaunti ya Machakos ".repeat(6);
    StringBuilder out = new StringBuilder();
    CalendarFeed.line(out, value);
    String[] lines = out.toString().split("\r\n");
    assertThat(lines).hasSizeGreaterThan(3);
    for (String line : lines) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    StringBuilder unfolded = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i]).startsWith(" ");
      unfolded.append(lines[i].substring(1));
    }
    assertThat(unfolded.toString()).isEqualTo(value);
    assertThat(out.toString()).endsWith("\r\n");
  }

  @Test
  void keepsAShortLineWhole() {
    StringBuilder out = new StringBuilder();
    CalendarFeed.line(out, "VERSION:2.0");
    assertThat(out.toString()).isEqualTo("VERSION:2.0\r\n");
  }
}
