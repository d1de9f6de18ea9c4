package ke.baraza.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InvalidSchemaException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PopoloSchemasTests {

  private static final String EXAMPLES = "standards/popolo/examples/";

  /** The upstream examples that are valid, and the type each shows. */
  private static final Map<String, String> VALID_EXAMPLES = validExamples();

  private static Map<String, String> validExamples() {
    Map<String, String> examples = new LinkedHashMap<>();
    examples.put("organization.json", "organization");
    examples.put("person.json", "person");
    examples.put("membership.json", "membership");
    examples.put("post.json", "post");
    examples.put("area.json", "area");
    examples.put("embedding-organization.json", "organization");
    examples.put("embedding-person.json", "person");
    examples.put("embedding-membership.json", "membership");
    examples.put("embedding-post.json", "post");
    examples.put("metadata.json", "person");
    examples.put("name-component.json", "person");
    examples.put("contact_detail.json", "contact_detail");
    examples.put("count.json", "count");
    examples.put("event.json", "event");
    examples.put("speech.json", "speech");
    examples.put("vote.json", "vote");
    examples.put("vote_event.json", "vote_event");
    return examples;
  }

  static Stream<Arguments> validExampleFiles() {
    return VALID_EXAMPLES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  // --- the upstream examples -------------------------------------------------------------------

  @ParameterizedTest(name = "{0} is a valid {1}")
  @MethodSource("validExampleFiles")
  void upstreamExampleIsValidForItsType(String file, String type) {
    assertThat(PopoloSchemas.errors(type, example(file))).isEmpty();
    PopoloSchemas.assertValid(type, example(file));
  }

  @Test
  void everyUpstreamExampleIsChecked() {
    assertThat(filesIn(EXAMPLES))
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(VALID_EXAMPLES.keySet().stream(), Stream.of("motion.json")).toList());
  }

  @Test
  void upstreamMotionExampleIsInvalidBecauseItListsAVoteEventByIdInsteadOfAsAnObject() {
    assertThat(PopoloSchemas.errors("motion", example("motion.json")))
        .containsExactly("$.vote_events[0]: string found, object expected");
  }

  // --- what the schemas require ----------------------------------------------------------------

  @Test
  void organizationWithoutNameIsValidBecauseNoTopLevelPopoloPropertyIsRequired() {
    // Popolo requires nothing of an organization, person, membership, post or area: the export
    // itself must make sure that names and ids are there.
    for (String type : List.of("organization", "person", "membership", "post", "area")) {
      assertThat(PopoloSchemas.errors(type, "{}")).as(type).isEmpty();
    }
    assertThat(PopoloSchemas.errors("organization", "{\"id\": \"org-1\", \"name\": null}"))
        .isEmpty();
  }

  @Test
  void contactDetailWithoutValueIsRejected() {
    assertThat(PopoloSchemas.errors("person", "{\"contact_details\": [{\"type\": \"email\"}]}"))
        .containsExactly("$.contact_details[0]: required property 'value' not found");
  }

  @Test
  void contactDetailWithoutTypeIsRejected() {
    assertThat(
            PopoloSchemas.errors(
                "organization", "{\"contact_details\": [{\"value\": \"+254 700 000000\"}]}"))
        .containsExactly("$.contact_details[0]: required property 'type' not found");
  }

  @Test
  void linkWithoutUrlAndIdentifierWithoutIdentifierAreRejected() {
    assertThat(
            PopoloSchemas.errors(
                "organization",
                "{\"links\": [{\"note\": \"Website\"}], \"identifiers\": [{\"scheme\": \"x\"}]}"))
        .containsExactlyInAnyOrder(
            "$.links[0]: required property 'url' not found",
            "$.identifiers[0]: required property 'identifier' not found");
  }

  @Test
  void sourcesAreLinksAndNeedAUrl() {
    assertThat(PopoloSchemas.errors("area", "{\"sources\": [{}]}"))
        .containsExactly("$.sources[0]: required property 'url' not found");
  }

  // --- dates and formats -----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2020",
        "2020-06",
        "2020-06-30",
        "2020-06-30T09:00Z",
        "2020-06-30T09:00:00Z",
        "2020-06-30T09:00:00+03:00"
      })
  void membershipDatesAcceptADateOrADateTimeWithAZone(String date) {
    assertThat(PopoloSchemas.errors("membership", "{\"start_date\": \"" + date + "\"}")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "30 June 2020",
        "2020/06/30",
        "20-06-30",
        "2020-6-30",
        "2020-06-30T09:00:00",
        "2020-06-30T09:00:00.123Z",
        "2020-06-30 09:00:00Z"
      })
  void membershipDateThatIsNotOfThePatternIsRejected(String date) {
    assertThat(PopoloSchemas.errors("membership", "{\"end_date\": \"" + date + "\"}"))
        .singleElement()
        .asString()
        .startsWith("$.end_date: does not match the regex pattern ^[0-9]{4}((-[0-9]{2}){0,2}|");
  }

  @Test
  void personAndPostDatesTakeNoTime() {
    assertThat(PopoloSchemas.errors("person", "{\"birth_date\": \"1970-01-01T00:00:00Z\"}"))
        .containsExactly(
            "$.birth_date: does not match the regex pattern ^[0-9]{4}(-[0-9]{2}){0,2}$");
    assertThat(PopoloSchemas.errors("post", "{\"start_date\": \"2013-03-04\"}")).isEmpty();
    assertThat(PopoloSchemas.errors("organization", "{\"founding_date\": \"04/03/2013\"}"))
        .hasSize(1);
  }

  @Test
  void timestampsMustBeRfc3339DateTimesWithAZone() {
    assertThat(PopoloSchemas.errors("person", "{\"created_at\": \"2024-05-01T10:15:30\"}"))
        .containsExactly(
            "$.created_at: does not match the date-time pattern must be a valid RFC 3339 date-time");
    assertThat(
            PopoloSchemas.errors(
                "person",
                "{\"created_at\": \"2024-05-01T10:15:30.123Z\","
                    + " \"updated_at\": \"2024-05-01T13:15:30+03:00\"}"))
        .isEmpty();
  }

  @Test
  void urlsMustBeAbsoluteAndEmailsWellFormed() {
    assertThat(
            PopoloSchemas.errors(
                "person", "{\"image\": \"/photos/1.jpg\", \"email\": \"at-nowhere\"}"))
        .containsExactlyInAnyOrder(
            "$.image: does not match the uri pattern must be a valid RFC 3986 URI",
            "$.email: does not match the email pattern must be a valid RFC 5321 Mailbox");
  }

  // --- types -----------------------------------------------------------------------------------

  @Test
  void wrongTypesAreRejectedWithTheirPaths() {
    assertThat(PopoloSchemas.errors("organization", "{\"name\": 42}"))
        .containsExactly("$.name: integer found, [string, null] expected");
    assertThat(PopoloSchemas.errors("post", "{\"other_label\": \"Cook\"}"))
        .containsExactly("$.other_label: string found, array expected");
    assertThat(PopoloSchemas.errors("area", "{\"geometry\": \"POINT (36.8 -1.3)\"}"))
        .containsExactly("$.geometry: string found, [object, null] expected");
    assertThat(PopoloSchemas.errors("membership", "{\"person\": {\"name\": [\"A\", \"B\"]}}"))
        .containsExactly("$.person.name: array found, [string, null] expected");
  }

  @Test
  void listsAndEmbeddedObjectsMayBeLeftOutButNotNull() {
    assertThat(
            PopoloSchemas.errors(
                "organization", "{\"identifiers\": null, \"parent\": null, \"area\": null}"))
        .containsExactlyInAnyOrder(
            "$.identifiers: null found, array expected",
            "$.parent: null found, object expected",
            "$.area: null found, object expected");
    assertThat(PopoloSchemas.errors("person", "{\"pronouns\": null, \"email\": null}")).isEmpty();
  }

  @Test
  void embeddedObjectsAreValidatedThroughTheirReferences() {
    String organization =
        """
        {"name": "Tana River Youth Forum",
         "memberships": [{"person": {"contact_details": [{"type": "voice"}]}}],
         "children": [{"other_names": [{"name": 7}]}]}
        """;
    assertThat(PopoloSchemas.errors("organization", organization))
        .containsExactlyInAnyOrder(
            "$.memberships[0].person.contact_details[0]: required property 'value' not found",
            "$.children[0].other_names[0].name: integer found, string expected");
  }

  @Test
  void documentThatIsNotAnObjectIsRejected() {
    assertThat(PopoloSchemas.errors("person", "[]"))
        .containsExactly("$: array found, object expected");
  }

  @Test
  void textThatIsNotJsonIsReportedAsAnError() {
    assertThat(PopoloSchemas.errors("person", "{\"name\": \"A\"} trailing"))
        .singleElement()
        .asString()
        .startsWith("$: not JSON: ");
    assertThat(PopoloSchemas.errors("person", "{\"name\": \"A\", \"name\": \"B\"}"))
        .containsExactly("$: not JSON: Duplicate field 'name'");
    assertThat(PopoloSchemas.errors("person", " ")).containsExactly("$: not JSON: empty document");
  }

  // --- the API around errors -------------------------------------------------------------------

  @Test
  void assertValidFailsWithEveryErrorAndTheDocument() {
    String person = "{\"name\": 1, \"contact_details\": [{\"type\": \"email\"}]}";
    assertThatThrownBy(() -> PopoloSchemas.assertValid("person", person))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Not a valid Popolo person (2 errors):")
        .hasMessageContaining("$.name: integer found, [string, null] expected")
        .hasMessageContaining("$.contact_details[0]: required property 'value' not found")
        .hasMessageEndingWith(person);
  }

  @Test
  void assertValidPassesAValidDocument() {
    assertThatCode(() -> PopoloSchemas.assertValid("organization", example("organization.json")))
        .doesNotThrowAnyException();
  }

  @Test
  void arrayErrorsNameTheFailingElement() {
    String persons =
        "[{\"name\": \"Achieng\"}, {\"name\": \"Wanjiru\", \"contact_details\": [{\"type\": \"email\"}]}]";
    assertThat(PopoloSchemas.arrayErrors("person", persons))
        .containsExactly("$[1].contact_details[0]: required property 'value' not found");
    assertThat(PopoloSchemas.arrayErrors("person", "[]")).isEmpty();
    assertThat(PopoloSchemas.arrayErrors("person", "{}"))
        .containsExactly("$: object found, array expected");
    assertThatThrownBy(() -> PopoloSchemas.assertValidArray("person", persons))
        .hasMessageContaining("Not a valid array of Popolo person (1 error)");
  }

  @Test
  void arrayInsideAPageIsFoundByItsJsonPointer() {
    String page =
        "{\"items\": [{\"name\": \"Ward 1\"}, {\"name\": 2}], \"page\": 0, \"size\": 50,"
            + " \"totalItems\": 2}";
    assertThat(PopoloSchemas.arrayErrors("area", page, "/items"))
        .containsExactly("$.items[1].name: integer found, [string, null] expected");
    assertThat(PopoloSchemas.arrayErrors("area", "{\"page\": 0}", "/items"))
        .containsExactly("$: required property 'items' not found");
    assertThat(PopoloSchemas.arrayErrors("area", "{\"data\": {\"areas\": [{}]}}", "/data/areas"))
        .isEmpty();
    assertThatCode(() -> PopoloSchemas.assertValidArray("area", "{\"items\": []}", "/items"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> PopoloSchemas.arrayErrors("area", "{}", "items"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exportDocumentIsValidatedListByList() {
    String export =
        """
        {"meta": {"generated": "2026-11-23"},
         "persons": [{"id": "p1", "name": "Amina Hassan"}],
         "organizations": [{"id": "o1", "name": "Garissa Women Traders",
                            "contact_details": [{"type": "voice", "value": "+254700000000"}]}],
         "memberships": [{"person_id": "p1", "organization_id": "o1", "role": "chair",
                          "start_date": "2021-03"}],
         "posts": [{"id": "chair-o1", "label": "Chair", "organization_id": "o1"}],
         "areas": [{"id": "ke-county-007", "name": "Garissa", "classification": "county"}]}
        """;
    assertThat(PopoloSchemas.exportErrors(export)).isEmpty();
    PopoloSchemas.assertValidExport(export);

    String broken =
        """
        {"persons": [{"name": "Amina"}, {"birth_date": "1990-13-01T00:00"}],
         "memberships": {"person_id": "p1"},
         "areas": [{"parent": null}]}
        """;
    assertThat(PopoloSchemas.exportErrors(broken))
        .containsExactlyInAnyOrder(
            "$.persons[1].birth_date: does not match the regex pattern ^[0-9]{4}(-[0-9]{2}){0,2}$",
            "$.memberships: object found, array expected",
            "$.areas[0].parent: null found, object expected");
    assertThat(PopoloSchemas.exportErrors("[]")).containsExactly("$: array found, object expected");
  }

  @Test
  void unknownTypeIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> PopoloSchemas.errors("organisation", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No Popolo schema \"organisation\"")
        .hasMessageContaining("organization");
  }

  // --- loading and conversion ------------------------------------------------------------------

  @Test
  void schemasAreNeverFetchedFromTheNetwork() {
    assertThatThrownBy(
            () ->
                PopoloSchemas.errors(
                    PopoloSchemas.compile(
                        "memory:test/elsewhere.json",
                        "{\"$ref\": \"https://example.org/a.json#\"}"),
                    "{}"))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("'https://example.org/a.json' is not allowed to be loaded");
    assertThatThrownBy(
            () ->
                PopoloSchemas.errors(
                    PopoloSchemas.compile(
                        "memory:test/unknown.json",
                        "{\"$ref\": \"http://www.popoloproject.com/schemas/bill.json#\"}"),
                    "{}"))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("not allowed to be loaded");
  }

  @Test
  void theSixteenUpstreamDraft3SchemasAreOnTheClassPath() throws IOException {
    assertThat(filesIn(PopoloSchemas.SCHEMA_RESOURCES))
        .containsExactlyInAnyOrderElementsOf(
            PopoloSchemas.TYPES.stream().map(t -> t + ".json").toList());
    for (String type : PopoloSchemas.TYPES) {
      ObjectNode schema = json(PopoloSchemas.SCHEMA_RESOURCES + type + ".json");
      assertThat(schema.get("$schema").asText()).isEqualTo(PopoloSchemas.DRAFT_03);
      assertThat(schema.get("id").asText())
          .isEqualTo(PopoloSchemas.SCHEMA_URL_PREFIX + type + ".json#");
    }
  }

  @Test
  void conversionMovesSevenPropertyLevelRequiredFlagsIntoFiveRequiredArrays() {
    PopoloSchemas.Conversion conversion = PopoloSchemas.conversion();
    assertThat(conversion.files()).isEqualTo(16);
    assertThat(conversion.schemaKeywordsChanged()).isEqualTo(16);
    assertThat(conversion.requiredTrueMoved()).isEqualTo(7);
    assertThat(conversion.requiredFalseDropped()).isZero();
    assertThat(conversion.anyTypesDropped()).isZero();
    assertThat(conversion.formatsRenamed()).isZero();
    assertThat(conversion.required())
        .containsExactly(
            Map.entry("contact_detail.json#", List.of("type", "value")),
            Map.entry("count.json#", List.of("option", "value")),
            Map.entry("group_result.json#", List.of("result")),
            Map.entry("identifier.json#", List.of("identifier")),
            Map.entry("link.json#", List.of("url")));
  }

  @Test
  void converterMovesRequiredFlagsAtEveryDepthAndDropsFalseOnes() throws IOException {
    ObjectNode draft3 =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    """
                    {"$schema": "http://json-schema.org/draft-03/schema#",
                     "type": "object",
                     "properties": {
                       "a": {"type": "string", "required": true},
                       "b": {"type": "any", "required": false},
                       "c": {"type": "array",
                             "items": {"type": "object",
                                       "properties": {"d": {"type": "integer", "required": true}}}},
                       "e": {"type": "string", "format": "host-name"}}}
                    """);
    PopoloSchemas.Converter converter = new PopoloSchemas.Converter();
    ObjectNode draft4 = converter.convert(draft3, "test.json");

    assertThat(draft4.get("$schema").asText()).isEqualTo(PopoloSchemas.DRAFT_04);
    assertThat(draft4.get("required").toString()).isEqualTo("[\"a\"]");
    assertThat(draft4.at("/properties/c/items/required").toString()).isEqualTo("[\"d\"]");
    assertThat(draft4.at("/properties/a").has("required")).isFalse();
    assertThat(draft4.at("/properties/b").has("required")).isFalse();
    assertThat(draft4.at("/properties/b").has("type")).isFalse();
    assertThat(draft4.at("/properties/e/format").asText()).isEqualTo("hostname");
    assertThat(draft3.at("/properties/a/required").asBoolean()).as("input untouched").isTrue();
    PopoloSchemas.Conversion result = converter.result(1);
    assertThat(result.requiredTrueMoved()).isEqualTo(2);
    assertThat(result.requiredFalseDropped()).isEqualTo(1);
    assertThat(result.anyTypesDropped()).isEqualTo(1);
    assertThat(result.formatsRenamed()).isEqualTo(1);
    assertThat(result.required()).containsOnlyKeys("test.json#", "test.json#/properties/c/items");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"properties\": {\"a\": {\"disallow\": \"string\"}}}",
        "{\"extends\": {\"type\": \"object\"}}",
        "{\"properties\": {\"n\": {\"type\": \"number\", \"divisibleBy\": 2}}}",
        "{\"dependencies\": {\"a\": \"b\"}}",
        "{\"type\": [\"string\", {\"type\": \"object\"}]}",
        "{\"properties\": {\"d\": {\"type\": \"string\", \"format\": \"date\"}}}",
        "{\"required\": true}",
        "{\"$schema\": \"http://json-schema.org/draft-04/schema#\"}"
      })
  void converterRefusesWhatItDoesNotHandle(String schema) throws IOException {
    ObjectNode draft3 = (ObjectNode) new ObjectMapper().readTree(schema);
    assertThatThrownBy(() -> new PopoloSchemas.Converter().convert(draft3, "odd.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("odd.json#");
  }

  // ---------------------------------------------------------------------------------------------

  private static String example(String file) {
    try (InputStream in = resource(EXAMPLES + file).openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(file, e);
    }
  }

  private static ObjectNode json(String resource) throws IOException {
    try (InputStream in = resource(resource).openStream()) {
      return (ObjectNode) new ObjectMapper().readTree(in);
    }
  }

  private static List<String> filesIn(String directory) {
    try {
      File folder = new File(resource(directory).toURI());
      return Arrays.stream(Objects.requireNonNull(folder.list()))
          .filter(name -> name.endsWith(".json"))
          .toList();
    } catch (URISyntaxException e) {
      throw new AssertionError(directory, e);
    }
  }

  private static URL resource(String name) {
    URL url = PopoloSchemasTests.class.getClassLoader().getResource(name);
    assertThat(url).as("on the class path: " + name).isNotNull();
    return url;
  }
}
