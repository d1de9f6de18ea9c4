package ke.baraza.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A person's HTTP client: its own cookies (so its own session), no redirects followed, forms posted
 * with the CSRF token read from the last page, JSON posted with the token from {@code
 * /api/v1/csrf}.
 */
public final class Browser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient client;
  private final String base;
  private String lastCsrf;
  private String acceptLanguage = "en";

  public Browser() {
    this(TestEnvironment.baseUrl());
  }

  public Browser(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public Browser acceptLanguage(String value) {
    this.acceptLanguage = value;
    return this;
  }

  public HttpResponse<String> get(String path) {
    return get(path, "text/html");
  }

  public HttpResponse<String> get(String path, String accept) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
    Matcher m = CSRF.matcher(response.body());
    if (m.find()) {
      lastCsrf = m.group(1);
    }
    return response;
  }

  /** Follows redirects of a GET (as a browser would) and returns the final page. */
  public HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int i = 0; i < 5 && current.statusCode() / 100 == 3; i++) {
      String location = current.headers().firstValue("Location").orElseThrow();
      URI target = URI.create(base + "/").resolve(location);
      current =
          get(
              target.getRawPath()
                  + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }
    return current;
  }

  /** Posts a form from the page opened last, with its CSRF token. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    MultiValueMap<String, String> all = new LinkedMultiValueMap<>();
    fields.forEach(all::add);
    return post(path, all);
  }

  /**
   * Posts a form whose fields may repeat (ticked checkboxes of one name), from the page opened
   * last, with its CSRF token.
   */
  public HttpResponse<String> post(String path, MultiValueMap<String, String> fields) {
    MultiValueMap<String, String> all = new LinkedMultiValueMap<>(fields);
    if (lastCsrf != null && !all.containsKey("_csrf")) {
      all.add("_csrf", lastCsrf);
    }
    String body =
        all.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Posts one file as {@code multipart/form-data}, with the CSRF token of the page opened last as a
   * form field, as a browser's file form does.
   */
  public HttpResponse<String> upload(String path, String field, String fileName, byte[] content) {
    Map<String, String> fields = lastCsrf == null ? Map.of() : Map.of("_csrf", lastCsrf);
    Multipart body = Multipart.of(fields, field, Map.of(fileName, content));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", body.contentType())
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
  }

  /** A {@code multipart/form-data} body: its content type (with the boundary) and bytes. */
  public record Multipart(String contentType, byte[] bytes) {

    /**
     * Text fields, then files (file name to content, in the map's order) under {@code fileField},
     * each sent as {@code application/octet-stream} so that the server must judge it by content.
     */
    public static Multipart of(
        Map<String, String> fields, String fileField, Map<String, byte[]> files) {
      String boundary = "----baraza" + System.nanoTime();
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      fields.forEach(
          (name, value) ->
              body.writeBytes(
                  ("--"
                          + boundary
                          + "\r\nContent-Disposition: form-data; name=\""
                          + name
                          + "\"\r\n\r\n"
                          + value
                          + "\r\n")
                      .getBytes(StandardCharsets.UTF_8)));
      files.forEach(
          (fileName, content) -> {
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + fileField
                        + "\""
                        + "; filename=\""
                        + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
          });
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }
  }

  /** A download's bytes, with the session's cookies. */
  public HttpResponse<byte[]> download(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Accept-Language", acceptLanguage)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts JSON with the session's CSRF token in the header. */
  public HttpResponse<String> postJson(String path, String json) {
    HttpResponse<String> csrf = get("/api/v1/csrf", "application/json");
    Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(csrf.body());
    String token = m.find() ? m.group(1) : "";
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-CSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.header("Accept-Language", acceptLanguage).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static String json(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
