package ke.baraza.platform.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import ke.baraza.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS through Africa's Talking's bulk messaging API: a form POST of {@code username}, {@code
 * to}, {@code message} and optionally {@code from} (the sender id or short code), authenticated by
 * the {@code apiKey} header. The gateway's address is configured, so that its sandbox or a
 * compatible gateway can be used. The number and text are never logged.
 */
final class AfricasTalkingSms {

  private static final Logger log = LoggerFactory.getLogger(AfricasTalkingSms.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final String username;
  private final String apiKey;
  private final String sender;
  private final HttpClient http;

  /**
   * @param sender the sender id or short code, or blank for the account's default
   */
  AfricasTalkingSms(URI endpoint, String username, String apiKey, String sender) {
    this.endpoint = endpoint;
    this.username = username;
    this.apiKey = apiKey;
    this.sender = sender == null ? "" : sender.strip();
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * Hands the message to the gateway.
   *
   * @throws SmsNotSent when the gateway cannot be reached or does not accept the message (any
   *     status other than 2xx); the caller decides whether to try again
   */
  void send(String toE164, String text) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("to", toE164);
    form.put("message", text);
    if (!sender.isEmpty()) {
      form.put("from", sender);
    }
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("apiKey", apiKey)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SmsNotSent("The SMS gateway cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsNotSent("Interrupted while sending an SMS", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SmsNotSent("The SMS gateway answered " + response.statusCode(), null);
    }
    log.info("SMS to {} handed to the gateway", Notifier.mask(toE164));
  }

  /** The gateway did not take a message. */
  static final class SmsNotSent extends RuntimeException {
    SmsNotSent(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
