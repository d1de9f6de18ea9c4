package ke.baraza.feedback.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an Open311 document as XML or JSON from one tree of maps and lists, as the specification's
 * "Spark convention" maps the one onto the other: a list in JSON is, in XML, an element whose
 * children are named in the singular ({@code services}/{@code service}, {@code
 * service_requests}/{@code request}). Null values are left out of both.
 */
final class Open311Documents {

  static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
  static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

  private static final Map<String, String> ITEMS =
      Map.of(
          "services", "service",
          "service_requests", "request",
          "errors", "error",
          "attributes", "attribute",
          "values", "value",
          "endpoints", "endpoint",
          "formats", "format");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Open311Documents() {}

  /** Whether a path's format suffix is one that Open311 serves. */
  static boolean known(String format) {
    return "xml".equals(format) || "json".equals(format);
  }

  /**
   * The document as a response.
   *
   * @param root the XML root element ({@code services}, {@code service_definition}...)
   * @param body a list (the JSON top-level array) or a map (the JSON object)
   * @param format {@code xml}, else JSON
   */
  static ResponseEntity<String> respond(int status, String root, Object body, String format) {
    return respondWritten(status, write(root, body, format), format);
  }

  /** The document as {@link #respond} writes it, to be kept and sent again. */
  static String write(String root, Object body, String format) {
    return "xml".equals(format) ? xml(root, body) : MAPPER.writeValueAsString(withoutNulls(body));
  }

  /** A response with a document already written by {@link #write}. */
  static ResponseEntity<String> respondWritten(int status, String written, String format) {
    return ResponseEntity.status(status)
        .contentType("xml".equals(format) ? XML : JSON)
        .header("X-Content-Type-Options", "nosniff")
        .body(written);
  }

  static String xml(String root, Object body) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    element(out, root, body);
    return out.append('\n').toString();
  }

  private static void element(StringBuilder out, String name, Object value) {
    if (value == null) {
      return;
    }
    out.append('<').append(name).append('>');
    if (value instanceof List<?> list) {
      String item = ITEMS.getOrDefault(name, "item");
      for (Object each : list) {
        element(out, item, each);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> element(out, key.toString(), child));
    } else {
      escape(out, value.toString());
    }
    out.append("</").append(name).append('>');
  }

  private static void escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          // characters XML 1.0 cannot carry are left out
          if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
  }

  private static Object withoutNulls(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(Open311Documents::withoutNulls).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (v != null) {
              copy.put(k, withoutNulls(v));
            }
          });
      return copy;
    }
    return value;
  }
}
