package ke.baraza.meetings.internal;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Minutes in Markdown (CommonMark) as safe HTML: raw HTML in the text is escaped (shown as text,
 * never run), link targets other than http, https and mailto are dropped ({@code javascript:},
 * {@code data:}, {@code vbscript:}…), links get {@code rel="nofollow noopener noreferrer"}, images
 * become links, so that no page loads a picture from another site, and headings start at level 3,
 * under the page's own. The renderer emits no attribute from the text other than {@code href}, so
 * {@code on*} handlers cannot appear.
 */
public final class MinutesMarkdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
          .attributeProviderFactory(
              context ->
                  (node, tag, attributes) -> {
                    if (node instanceof Link) {
                      attributes.put("rel", "nofollow noopener noreferrer");
                    }
                  })
          .build();

  private MinutesMarkdown() {}

  /**
   * The HTML of a Markdown text, safe to put into a page as it is.
   *
   * @param markdown the text, or null
   * @return the HTML; empty for null or blank text
   */
  public static String html(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    Node document = PARSER.parse(markdown);
    document.accept(new Adjust());
    return RENDERER.render(document);
  }

  /**
   * Moves headings two levels down (the page has its title and a heading per language above the
   * text) and replaces each image by a link to it, its description as the link's text.
   */
  private static final class Adjust extends AbstractVisitor {
    @Override
    public void visit(Heading heading) {
      heading.setLevel(Math.min(6, heading.getLevel() + 2));
      visitChildren(heading);
    }

    @Override
    public void visit(Image image) {
      Link link = new Link(image.getDestination(), image.getTitle());
      Node child = image.getFirstChild();
      if (child == null) {
        link.appendChild(new Text(image.getDestination()));
      }
      while (child != null) {
        Node next = child.getNext();
        link.appendChild(child);
        child = next;
      }
      image.insertBefore(link);
      image.unlink();
    }
  }
}
