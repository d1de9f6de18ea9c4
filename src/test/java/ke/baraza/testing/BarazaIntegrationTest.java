package ke.baraza.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real port, on the database named by {@code baraza.test.db} (H2 or
 * PostgreSQL), with real SMTP (GreenMail). Every integration test uses this one configuration so
 * that the test JVM starts one Spring context only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestEnvironment.class)
public @interface BarazaIntegrationTest {}
