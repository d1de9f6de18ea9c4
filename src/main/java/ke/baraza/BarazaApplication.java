package ke.baraza;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Baraza: one Spring Boot application, a modular monolith. {@code java -jar baraza.jar} serves the
 * web application; {@code java -jar baraza.jar bootstrap-admin EMAIL} creates the first
 * administrator and exits.
 */
@SpringBootApplication
@EnableScheduling
public class BarazaApplication {

  public static void main(String[] args) {
    if (args.length > 0 && "bootstrap-admin".equals(args[0])) {
      SpringApplication app = new SpringApplication(BarazaApplication.class);
      app.setWebApplicationType(WebApplicationType.NONE);
      app.setAdditionalProfiles("cli");
      try (ConfigurableApplicationContext context =
          app.run(Arrays.copyOfRange(args, 1, args.length))) {
        int code = context.getBean(CommandLine.class).bootstrapAdmin(args);
        System.exit(code);
      }
      return;
    }
    SpringApplication.run(BarazaApplication.class, args);
  }

  /** The one-shot commands of the jar; implemented by the module that owns them. */
  public interface CommandLine {
    int bootstrapAdmin(String[] args);
  }
}
