package ke.baraza.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMS through a gateway that speaks Africa's Talking's messaging API, run here on loopback. */
class AfricasTalkingSmsTests {

  record Received(String apiKey, String contentType, Map<String, String> form) {}

  HttpServer server;
  List<Received> received = new CopyOnWriteArrayList<>();
  volatile int status = 201;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/version1/messaging",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> form = new HashMap<>();
          for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
          }
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("apiKey"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  form));
          byte[] answer = "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1\"}}".getBytes();
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/version1/messaging");
  }

  @Test
  void aMessageIsPostedAsAFormWithTheApiKeyAndSenderAndKiswahiliTextIntact(@TempDir Path data) {
    OutboxNotifier notifier =
        new OutboxNotifier(
            data.resolve("outbox"),
            Clock.systemUTC(),
            null,
            new AfricasTalkingSms(endpoint(), "baraza-machakos", "secret-key", "BARAZA"));
    notifier.sms("+254712345678", "Kikao kesho saa 4 asubuhi: Ukumbi wa Masinga & ajenda.");
    assertThat(received).hasSize(1);
    Received r = received.getFirst();
    assertThat(r.apiKey()).isEqualTo("secret-key");
    assertThat(r.contentType()).startsWith("application/x-www-form-urlencoded");
    assertThat(r.form())
        .containsEntry("username", "baraza-machakos")
        .containsEntry("to", "+254712345678")
        .containsEntry("from", "BARAZA")
        .containsEntry("message", "Kikao kesho saa 4 asubuhi: Ukumbi wa Masinga & ajenda.");
    assertThat(Files.exists(data.resolve("outbox"))).as("nothing went to the outbox").isFalse();
  }

  @Test
  void withoutASenderIdTheAccountsDefaultIsUsed() {
    new AfricasTalkingSms(endpoint(), "sandbox", "k", " ").send("+254700000001", "Habari");
    assertThat(received.getFirst().form()).doesNotContainKey("from");
  }

  @Test
  void aRefusalOrAnUnreachableGatewayIsAnErrorTheCallerSees() {
    status = 401;
    AfricasTalkingSms refused = new AfricasTalkingSms(endpoint(), "sandbox", "wrong", "");
    assertThatThrownBy(() -> refused.send("+254700000001", "Habari"))
        .isInstanceOf(AfricasTalkingSms.SmsNotSent.class)
        .hasMessageContaining("401")
        .hasMessageNotContaining("+254700000001");
    URI nowhere = endpoint();
    server.stop(0);
    AfricasTalkingSms unreachable = new AfricasTalkingSms(nowhere, "sandbox", "k", "");
    assertThatThrownBy(() -> unreachable.send("+254700000001", "Habari"))
        .isInstanceOf(AfricasTalkingSms.SmsNotSent.class);
  }
}
