package ke.baraza.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Validates Open311 responses offline: JSON against the upstream JSON Schemas (draft-04) or, for
 * the shapes they do not cover, against Baraza's own (see {@code
 * src/test/resources/standards/open311/README.md}); XML against Baraza's XSDs derived from the
 * specification. Formats ({@code date-time}, {@code uri}) are asserted.
 */
final class Open311Schemas {

  private static final String ROOT = "classpath:standards/open311/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V4);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.LEGACY)
          .locale(Locale.ENGLISH)
          .build();
  private static final Map<String, JsonSchema> JSON_SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, Schema> XSDS = new ConcurrentHashMap<>();

  private Open311Schemas() {}

  /**
   * Fails unless {@code json} is valid against {@code schema}, a path under the fixtures folder
   * such as {@code schemas/services.json} or {@code baraza/errors.json}.
   */
  static void assertJson(String schema, String json) {
    JsonSchema compiled =
        JSON_SCHEMAS.computeIfAbsent(
            schema, s -> FACTORY.getSchema(SchemaLocation.of(ROOT + s), CONFIG));
    Set<ValidationMessage> errors;
    try {
      errors = compiled.validate(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(errors.stream().map(ValidationMessage::getMessage).toList())
        .as("%s against %s", json, schema)
        .isEmpty();
  }

  /** Fails unless {@code xml} is valid against the XSD at {@code xsd} under the fixtures folder. */
  static void assertXml(String xsd, String xml) {
    Schema schema = XSDS.computeIfAbsent(xsd, Open311Schemas::loadXsd);
    try {
      schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException e) {
      throw new AssertionError(xsd + ": " + e.getMessage() + " in\n" + xml, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema loadXsd(String xsd) {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newSchema(Open311Schemas.class.getResource("/standards/open311/" + xsd));
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }
}
