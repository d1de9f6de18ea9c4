package ke.baraza.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinutesMarkdownTests {

  @Test
  void rendersMarkdownWithHeadingsBelowThePagesOwn() {
    assertThat(MinutesMarkdown.html("# Minutes\n\n- one\n- **two**"))
        .isEqualTo("<h3>Minutes</h3>\n<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>\n");
  }

  @Test
  void escapesRawHtmlSoNoScriptOrHandlerRuns() {
    String html =
        MinutesMarkdown.html(
            "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n\n<iframe src=x>");
    assertThat(html).doesNotContain("<script", "<b ", "<iframe");
    assertThat(html).contains("&lt;script&gt;", "&lt;b onclick=&quot;x()&quot;&gt;");
  }

  @Test
  void dropsLinkTargetsOtherThanWebAndMail() {
    assertThat(MinutesMarkdown.html("[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](vbscript:x)"))
        .doesNotContainIgnoringCase("script:");
    assertThat(MinutesMarkdown.html("[d](data:text/html;base64,PHNjcmlwdD4=)"))
        .doesNotContain("data:");
    assertThat(MinutesMarkdown.html("[e](https://county.go.ke/budget) [f](mailto:a@b.ke)"))
        .contains("href=\"https://county.go.ke/budget\"", "href=\"mailto:a@b.ke\"", "nofollow");
  }

  @Test
  void turnsImagesIntoLinksSoNoPictureLoadsFromElsewhere() {
    assertThat(MinutesMarkdown.html("![flip chart](https://example.org/p.png)"))
        .doesNotContain("<img")
        .contains(
            "<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/p.png\">flip chart</a>");
    assertThat(MinutesMarkdown.html("![x](javascript:alert(1))")).doesNotContain("javascript");
  }

  @Test
  void blankOrMissingTextIsEmpty() {
    assertThat(MinutesMarkdown.html(null)).isEmpty();
    assertThat(MinutesMarkdown.html("  \n")).isEmpty();
  }
}
