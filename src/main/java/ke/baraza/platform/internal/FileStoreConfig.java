package ke.baraza.platform.internal;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import java.time.Clock;
import ke.baraza.platform.FileStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * The file store of a single node, under {@code <data dir>/files}, refusing files over {@code
 * baraza.files.max-size}. Refuses to start when the servlet container's upload caps ({@code
 * spring.servlet.multipart.*}) would cut a file off below that limit: people would then get a bare
 * error instead of the store's message.
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfig {

  @Bean
  FileStore fileStore(
      JdbcClient jdbc,
      Clock clock,
      @Value("${baraza.data-dir}") String dataDir,
      @Value("${baraza.files.max-size:20MB}") DataSize maxSize,
      ObjectProvider<MultipartConfigElement> multipart) {
    MultipartConfigElement container = multipart.getIfAvailable();
    if (container != null) {
      requireAbove("max-file-size", container.getMaxFileSize(), maxSize.toBytes());
      requireAbove("max-request-size", container.getMaxRequestSize(), maxSize.toBytes());
    }
    LocalDiskStore store =
        new LocalDiskStore(jdbc, clock, Path.of(dataDir, "files"), maxSize.toBytes());
    store.sweepIncoming();
    return store;
  }

  private static void requireAbove(String property, long cap, long limit) {
    if (cap >= 0 && cap <= limit) {
      throw new IllegalStateException(
          "spring.servlet.multipart."
              + property
              + " ("
              + cap
              + " bytes) must be larger than baraza.files.max-size ("
              + limit
              + " bytes)");
    }
  }
}
