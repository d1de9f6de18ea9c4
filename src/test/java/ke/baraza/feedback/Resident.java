package ke.baraza.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ke.baraza.testing.Browser;
import ke.baraza.testing.TestEnvironment;

/**
 * A resident's browser on a phone of their own: like {@link Browser} (own cookies, forms posted
 * with the CSRF token of the last page, no redirects followed), but connecting from a loopback
 * address of its own (127.10.x.y), so that the per-client intake limit of one test never counts
 * another test's complaints.
 */
final class Resident {

  private static final AtomicInteger NEXT = new AtomicInteger(1);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern SUBMISSION =
      Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

  /** A file to upload: form field, file name, bytes. */
  record Upload(String field, String name, byte[] content) {}

  private final HttpClient client;
  private final String base = "http://127.0.0.1:" + TestEnvironment.port();
  private final String language;
  private String csrf;
  private String submission;

  Resident(String language) {
    int n = NEXT.getAndIncrement();
    try {
      client =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
              .followRedirects(HttpClient.Redirect.NEVER)
              .localAddress(InetAddress.getByName("127.10." + (n / 250) + "." + (1 + n % 250)))
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.language = language;
  }

  Resident() {
    this("en");
  }

  HttpResponse<String> get(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    Matcher m = CSRF.matcher(response.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    Matcher s = SUBMISSION.matcher(response.body());
    if (s.find()) {
      submission = s.group(1);
    }
    return response;
  }

  /** The submission token of the form opened last. */
  String submission() {
    return submission;
  }

  /** Follows the redirects of a response with GETs. */
  HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int i = 0; i < 5 && current.statusCode() / 100 == 3; i++) {
      URI target =
          URI.create(base + "/").resolve(current.headers().firstValue("Location").orElseThrow());
      current =
          get(
              target.getRawPath()
                  + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }
    return current;
  }

  /** Posts a URL-encoded form with the CSRF token of the last page. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null) {
      all.putIfAbsent("_csrf", csrf);
    }
    String body =
        all.entrySet().stream()
            .map(e -> Browser.enc(e.getKey()) + "=" + Browser.enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts {@code multipart/form-data} as a browser's file form does, CSRF token included. */
  HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<Upload> files) {
    String boundary = "----baraza" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null) {
      all.putIfAbsent("_csrf", csrf);
    }
    all.forEach(
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
    for (Upload file : files) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + file.field()
                  + "\"; filename=\""
                  + file.name()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.header("Accept", "text/html").header("Accept-Language", language).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
