package ke.baraza.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against the Popolo schemas, offline, for the tests of the Popolo export.
 *
 * <p>The 16 schemas under {@code src/test/resources/standards/popolo/schemas/} are the upstream
 * files, unchanged (see the README there). They are JSON Schema draft-03, which
 * json-schema-validator cannot load, so this class converts them in memory to draft-04 when first
 * used: a property's {@code "required": true} becomes its name in the parent's {@code "required"}
 * array, {@code "required": false} is dropped and {@code "$schema"} becomes draft-04. Every other
 * keyword the files use means the same in both drafts. The conversion refuses (with the file and
 * JSON pointer) any draft-03 keyword it does not handle, such as {@code disallow}, {@code extends}
 * or {@code divisibleBy}, so an updated upstream file cannot be validated wrongly without notice.
 *
 * <p>{@code $ref}s name the schemas by their upstream URLs ({@value #SCHEMA_URL_PREFIX}...); a
 * schema mapper sends that prefix to the converted copies in memory, and every other schema address
 * is refused: nothing is ever fetched over the network.
 *
 * <p>Formats are asserted: {@code date-time} (RFC 3339, with a zone offset), {@code uri} (absolute)
 * and {@code email}. The schemas allow properties they do not define, so a misspelt property name
 * passes; none of the top-level types has a required property.
 *
 * <p>Types are the schema names without {@code .json}: {@code "organization"}, {@code "person"},
 * {@code "membership"}, {@code "post"}, {@code "area"}, {@code "event"}, {@code "contact_detail"}
 * and the rest of {@link #TYPES}. Messages read {@code "$.contact_details[0]: required property
 * 'value' not found"}.
 */
public final class PopoloSchemas {

  /** The address prefix of the upstream schemas, as their {@code id}s and {@code $ref}s use it. */
  public static final String SCHEMA_URL_PREFIX = "http://www.popoloproject.com/schemas/";

  /** The 16 Popolo schemas, by the name of their file without {@code .json}. */
  public static final List<String> TYPES =
      List.of(
          "area",
          "contact_detail",
          "count",
          "event",
          "group_result",
          "identifier",
          "link",
          "membership",
          "motion",
          "organization",
          "other_name",
          "person",
          "post",
          "speech",
          "vote",
          "vote_event");

  /**
   * The lists a Popolo export document may hold, by key. This follows the common convention of
   * Popolo JSON files (e.g. EveryPolitician's); no upstream schema defines such a document. Other
   * top-level keys are allowed, and none is required.
   */
  public static final Map<String, String> EXPORT_LISTS = exportLists();

  static final String SCHEMA_RESOURCES = "standards/popolo/schemas/";
  static final String DRAFT_03 = "http://json-schema.org/draft-03/schema#";
  static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";

  /** Where the mapper sends {@link #SCHEMA_URL_PREFIX}: the converted schemas in memory. */
  private static final String CONVERTED_PREFIX = "memory:popolo/draft-04/";

  /** Jackson 2, as json-schema-validator needs; rejects trailing text and duplicate keys. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private PopoloSchemas() {}

  /**
   * The ways in which {@code json} is not a valid Popolo {@code type}; empty when it is valid.
   *
   * @param type a schema name from {@link #TYPES}, e.g. {@code "organization"}
   * @param json one JSON object, e.g. a response body
   */
  public static List<String> errors(String type, String json) {
    return validate(Loaded.INSTANCE.typeSchema(type), json);
  }

  /** Fails with every error and the document if {@code json} is not a valid Popolo {@code type}. */
  public static void assertValid(String type, String json) {
    failIfAny(errors(type, json), "Popolo " + type, json);
  }

  /**
   * The errors of a JSON array whose every element should be a valid Popolo {@code type}; messages
   * name the element, e.g. {@code "$[3].name: ..."}.
   */
  public static List<String> arrayErrors(String type, String json) {
    return arrayErrors(type, json, "");
  }

  /**
   * The errors of a JSON array found at {@code jsonPointer} (object keys only, e.g. {@code
   * "/items"} for a page of the API) whose every element should be a valid Popolo {@code type}. The
   * array must be there.
   */
  public static List<String> arrayErrors(String type, String json, String jsonPointer) {
    return validate(Loaded.INSTANCE.arraySchema(type, jsonPointer), json);
  }

  /** Fails unless {@code json} is an array of valid Popolo {@code type}s. */
  public static void assertValidArray(String type, String json) {
    assertValidArray(type, json, "");
  }

  /**
   * Fails unless {@code json} holds at {@code jsonPointer} an array of valid Popolo {@code type}s.
   */
  public static void assertValidArray(String type, String json, String jsonPointer) {
    failIfAny(
        arrayErrors(type, json, jsonPointer),
        "array of Popolo " + type + (jsonPointer.isEmpty() ? "" : " at " + jsonPointer),
        json);
  }

  /**
   * The errors of a Popolo export document: a JSON object whose lists under the keys of {@link
   * #EXPORT_LISTS} ({@code "persons"}, {@code "organizations"}, {@code "memberships"}, {@code
   * "posts"}, {@code "areas"}, ...) hold valid objects of their type.
   */
  public static List<String> exportErrors(String json) {
    return validate(Loaded.INSTANCE.exportSchema, json);
  }

  /** Fails unless {@code json} is a valid Popolo export document, see {@link #exportErrors}. */
  public static void assertValidExport(String json) {
    failIfAny(exportErrors(json), "Popolo export document", json);
  }

  /** What the conversion to draft-04 changed, counted over the 16 files. */
  public static Conversion conversion() {
    return Loaded.INSTANCE.conversion;
  }

  /**
   * What the draft-03 to draft-04 conversion changed.
   *
   * @param files schema files converted
   * @param schemaKeywordsChanged {@code $schema} values set to draft-04
   * @param requiredTrueMoved property-level {@code "required": true} moved into parent arrays
   * @param requiredFalseDropped property-level {@code "required": false} dropped
   * @param anyTypesDropped {@code "type": "any"} (no constraint) dropped
   * @param formatsRenamed draft-03 format names renamed ({@code ip-address}, {@code host-name})
   * @param required the resulting {@code required} arrays, by schema file and JSON pointer of the
   *     object schema ({@code "contact_detail.json#"} for the top level)
   */
  public record Conversion(
      int files,
      int schemaKeywordsChanged,
      int requiredTrueMoved,
      int requiredFalseDropped,
      int anyTypesDropped,
      int formatsRenamed,
      Map<String, List<String>> required) {}

  // ---------------------------------------------------------------------------------------------

  private static List<String> validate(JsonSchema schema, String json) {
    Objects.requireNonNull(json, "json");
    JsonNode document;
    try {
      document = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return List.of("$: not JSON: " + e.getOriginalMessage());
    }
    if (document == null || document.isMissingNode()) {
      return List.of("$: not JSON: empty document");
    }
    Set<ValidationMessage> messages = schema.validate(document);
    return messages.stream().map(ValidationMessage::getMessage).distinct().toList();
  }

  private static void failIfAny(List<String> errors, String what, String json) {
    if (errors.isEmpty()) {
      return;
    }
    String shown = json.length() > 4000 ? json.substring(0, 4000) + "..." : json;
    throw new AssertionError(
        "Not a valid "
            + what
            + " ("
            + errors.size()
            + (errors.size() == 1 ? " error" : " errors")
            + "):\n  "
            + String.join("\n  ", errors)
            + "\nin:\n"
            + shown);
  }

  private static Map<String, String> exportLists() {
    Map<String, String> lists = new LinkedHashMap<>();
    lists.put("persons", "person");
    lists.put("organizations", "organization");
    lists.put("memberships", "membership");
    lists.put("posts", "post");
    lists.put("areas", "area");
    lists.put("events", "event");
    lists.put("motions", "motion");
    lists.put("vote_events", "vote_event");
    lists.put("votes", "vote");
    lists.put("speeches", "speech");
    return Collections.unmodifiableMap(lists);
  }

  private static void checkType(String type) {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "No Popolo schema \"" + type + "\"; the types are " + String.join(", ", TYPES));
    }
  }

  private static ObjectNode ref(String type) {
    return JsonNodeFactory.instance.objectNode().put("$ref", SCHEMA_URL_PREFIX + type + ".json#");
  }

  /** The converted schemas and the compiled validators, built once per JVM on first use. */
  private static final class Loaded {
    static final Loaded INSTANCE = new Loaded();

    final Conversion conversion;
    final JsonSchemaFactory factory;
    final SchemaValidatorsConfig config;
    final Map<String, JsonSchema> types = new ConcurrentHashMap<>();
    final Map<String, JsonSchema> arrays = new ConcurrentHashMap<>();
    final JsonSchema exportSchema;

    private Loaded() {
      Converter converter = new Converter();
      Map<String, String> converted = new LinkedHashMap<>();
      for (String type : TYPES) {
        String file = type + ".json";
        ObjectNode draft3 = read(SCHEMA_RESOURCES + file);
        converted.put(CONVERTED_PREFIX + file, converter.convert(draft3, file).toString());
      }
      conversion = converter.result(TYPES.size());
      factory =
          JsonSchemaFactory.getInstance(
              VersionFlag.V4,
              builder ->
                  builder
                      .schemaMappers(
                          mappers -> mappers.mapPrefix(SCHEMA_URL_PREFIX, CONVERTED_PREFIX))
                      .schemaLoaders(
                          loaders ->
                              loaders.schemas(converted).add(DisallowSchemaLoader.getInstance())));
      config =
          SchemaValidatorsConfig.builder()
              .formatAssertionsEnabled(true)
              .pathType(PathType.LEGACY)
              .locale(Locale.ENGLISH)
              .build();
      ObjectNode export = JsonNodeFactory.instance.objectNode().put("type", "object");
      ObjectNode lists = export.putObject("properties");
      EXPORT_LISTS.forEach(
          (key, type) -> lists.putObject(key).put("type", "array").set("items", ref(type)));
      exportSchema = compile("memory:baraza/popolo-export.json", export);
    }

    JsonSchema typeSchema(String type) {
      checkType(type);
      return types.computeIfAbsent(
          type,
          t -> factory.getSchema(SchemaLocation.of(SCHEMA_URL_PREFIX + t + ".json#"), config));
    }

    JsonSchema arraySchema(String type, String jsonPointer) {
      checkType(type);
      if (!jsonPointer.isEmpty() && !jsonPointer.startsWith("/")) {
        throw new IllegalArgumentException("Not a JSON pointer: \"" + jsonPointer + "\"");
      }
      return arrays.computeIfAbsent(
          type + " " + jsonPointer,
          key -> {
            ObjectNode schema =
                JsonNodeFactory.instance.objectNode().put("type", "array").set("items", ref(type));
            String[] tokens = jsonPointer.isEmpty() ? new String[0] : jsonPointer.split("/", -1);
            for (int i = tokens.length - 1; i >= 1; i--) {
              String name = tokens[i].replace("~1", "/").replace("~0", "~");
              ObjectNode parent = JsonNodeFactory.instance.objectNode().put("type", "object");
              parent.putArray("required").add(name);
              parent.putObject("properties").set(name, schema);
              schema = parent;
            }
            String location =
                "memory:baraza/popolo-array/"
                    + type
                    + URLEncoder.encode(jsonPointer, StandardCharsets.UTF_8)
                    + ".json";
            return compile(location, schema);
          });
    }

    /** A schema of our own around the Popolo ones; package-private for the tests. */
    JsonSchema compile(String location, JsonNode schema) {
      return factory.getSchema(SchemaLocation.of(location), schema, config);
    }

    private static ObjectNode read(String resource) {
      try (InputStream in = PopoloSchemas.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Missing on the class path: " + resource);
        }
        return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(resource, e);
      }
    }
  }

  /** Compiles a schema of our own that may {@code $ref} the Popolo ones; for the tests. */
  static JsonSchema compile(String location, String schema) {
    try {
      return Loaded.INSTANCE.compile(location, JSON.readTree(schema));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Validates against a schema from {@link #compile}; for the tests. */
  static List<String> errors(JsonSchema schema, String json) {
    return validate(schema, json);
  }

  /**
   * Converts draft-03 schemas to draft-04, in place on a copy, counting what it changes. Only the
   * keywords below are accepted; each means the same in both drafts except as handled here.
   */
  static final class Converter {

    /** Keywords whose meaning draft-04 keeps (required, type and format are handled apart). */
    private static final Set<String> KEPT =
        Set.of(
            "$schema",
            "id",
            "$ref",
            "title",
            "description",
            "default",
            "type",
            "required",
            "properties",
            "patternProperties",
            "additionalProperties",
            "items",
            "additionalItems",
            "enum",
            "format",
            "pattern",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "uniqueItems");

    private static final Set<String> SIMPLE_TYPES =
        Set.of("string", "number", "integer", "boolean", "object", "array", "null");

    /** Draft-03 formats that draft-04 keeps under the same name. */
    private static final Set<String> SAME_FORMATS = Set.of("date-time", "uri", "email", "ipv6");

    /** Draft-03 formats that draft-04 renamed. */
    private static final Map<String, String> RENAMED_FORMATS =
        Map.of("ip-address", "ipv4", "host-name", "hostname");

    private int schemaKeywordsChanged;
    private int requiredTrueMoved;
    private int requiredFalseDropped;
    private int anyTypesDropped;
    private int formatsRenamed;
    private final Map<String, List<String>> required = new LinkedHashMap<>();

    /** A draft-04 copy of {@code draft3}; {@code file} names it in messages. */
    ObjectNode convert(ObjectNode draft3, String file) {
      ObjectNode copy = draft3.deepCopy();
      JsonNode declared = copy.get("$schema");
      if (declared != null && !DRAFT_03.equals(declared.asText())) {
        throw new IllegalStateException(file + "#: not a draft-03 schema but " + declared);
      }
      schema(copy, file, "", false);
      return copy;
    }

    Conversion result(int files) {
      return new Conversion(
          files,
          schemaKeywordsChanged,
          requiredTrueMoved,
          requiredFalseDropped,
          anyTypesDropped,
          formatsRenamed,
          Collections.unmodifiableMap(new LinkedHashMap<>(required)));
    }

    /**
     * Converts one schema object. {@code isProperty}: it is the value of an entry in a {@code
     * properties} object, where draft-03 allows {@code required}; the caller collects the flag.
     */
    private void schema(JsonNode node, String file, String pointer, boolean isProperty) {
      if (!(node instanceof ObjectNode schema)) {
        throw unsupported(file, pointer, "a schema that is not an object");
      }
      for (Map.Entry<String, JsonNode> entry : schema.properties()) {
        String keyword = entry.getKey();
        if (!KEPT.contains(keyword)) {
          throw unsupported(file, pointer, "the keyword \"" + keyword + "\"");
        }
      }
      if (schema.has("$schema")) {
        schema.put("$schema", DRAFT_04);
        schemaKeywordsChanged++;
      }
      JsonNode flag = schema.get("required");
      if (flag != null && (!flag.isBoolean() || (flag.booleanValue() && !isProperty))) {
        throw unsupported(file, pointer, "\"required\": " + flag + " outside a property");
      }
      type(schema, file, pointer);
      format(schema, file, pointer);

      if (schema.get("properties") instanceof ObjectNode properties) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
          String name = property.getKey();
          JsonNode value = property.getValue();
          schema(value, file, pointer + "/properties/" + escape(name), true);
          JsonNode propertyFlag = value.get("required");
          if (propertyFlag != null) {
            ((ObjectNode) value).remove("required");
            if (propertyFlag.booleanValue()) {
              names.add(name);
              requiredTrueMoved++;
            } else {
              requiredFalseDropped++;
            }
          }
        }
        if (!names.isEmpty()) {
          ArrayNode array = schema.putArray("required");
          names.forEach(array::add);
          required.put(file + "#" + pointer, List.copyOf(names));
        }
      } else if (schema.has("properties")) {
        throw unsupported(file, pointer, "\"properties\" that is not an object");
      }
      if (schema.get("patternProperties") instanceof ObjectNode patterns) {
        for (Map.Entry<String, JsonNode> entry : patterns.properties()) {
          schema(
              entry.getValue(),
              file,
              pointer + "/patternProperties/" + escape(entry.getKey()),
              false);
        }
      }
      for (String keyword : List.of("additionalProperties", "additionalItems", "items")) {
        JsonNode value = schema.get(keyword);
        if (value instanceof ObjectNode) {
          schema(value, file, pointer + "/" + keyword, false);
        } else if (value instanceof ArrayNode tuple && keyword.equals("items")) {
          for (int i = 0; i < tuple.size(); i++) {
            schema(tuple.get(i), file, pointer + "/items/" + i, false);
          }
        } else if (value != null && !value.isBoolean()) {
          throw unsupported(file, pointer, "\"" + keyword + "\": " + value);
        }
      }
    }

    /** Draft-03 allows "any" and schemas among the types; draft-04 only the seven simple types. */
    private void type(ObjectNode schema, String file, String pointer) {
      JsonNode type = schema.get("type");
      if (type == null) {
        return;
      }
      List<JsonNode> types = new ArrayList<>();
      if (type.isArray()) {
        type.forEach(types::add);
      } else {
        types.add(type);
      }
      boolean any = false;
      for (JsonNode one : types) {
        if (!one.isTextual()) {
          throw unsupported(file, pointer, "a schema among the types: " + type);
        } else if (one.asText().equals("any")) {
          any = true;
        } else if (!SIMPLE_TYPES.contains(one.asText())) {
          throw unsupported(file, pointer, "the type " + one);
        }
      }
      if (any) {
        schema.remove("type");
        anyTypesDropped++;
      }
    }

    private void format(ObjectNode schema, String file, String pointer) {
      JsonNode format = schema.get("format");
      if (format == null) {
        return;
      }
      String name = format.asText();
      if (RENAMED_FORMATS.containsKey(name)) {
        schema.put("format", RENAMED_FORMATS.get(name));
        formatsRenamed++;
      } else if (!SAME_FORMATS.contains(name)) {
        throw unsupported(file, pointer, "the format " + format);
      }
    }

    private static String escape(String name) {
      return name.replace("~", "~0").replace("/", "~1");
    }

    private static IllegalStateException unsupported(String file, String pointer, String what) {
      return new IllegalStateException(
          file
              + "#"
              + pointer
              + ": the draft-03 to draft-04 conversion in PopoloSchemas does not handle "
              + what);
    }
  }
}
