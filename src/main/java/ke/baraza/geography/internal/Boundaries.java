package ke.baraza.geography.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped boundaries (RFC 7946 GeoJSON): all counties for the national map, the sub-counties of
 * one county, one ward. Read from the class path on first use and kept in memory, about 2 MB.
 */
@Component
public class Boundaries {

  private final JsonMapper json = JsonMapper.builder().build();
  private volatile byte[] counties;
  private volatile Map<String, String> subCountiesByCounty;
  private volatile Map<String, String> wardsByCode;

  /** All 47 counties as one FeatureCollection (properties {@code code}, {@code name}). */
  public byte[] counties() {
    byte[] loaded = counties;
    if (loaded == null) {
      try (InputStream in = resource("counties.geojson")) {
        loaded = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      counties = loaded;
    }
    return loaded;
  }

  /** The sub-counties of a county as a FeatureCollection, or empty for an unknown county. */
  public Optional<String> subCounties(String countyCode) {
    Map<String, String> index = subCountiesByCounty;
    if (index == null) {
      index = group("subcounties.geojson", "county_code");
      subCountiesByCounty = index;
    }
    return Optional.ofNullable(index.get(countyCode));
  }

  /** One ward as a FeatureCollection, or empty (0118 Wumingu/Kishushe has no polygon). */
  public Optional<String> ward(String wardCode) {
    Map<String, String> index = wardsByCode;
    if (index == null) {
      index = group("wards.geojson", "code");
      wardsByCode = index;
    }
    return Optional.ofNullable(index.get(wardCode));
  }

  private synchronized Map<String, String> group(String file, String property) {
    JsonNode root;
    try (InputStream in = resource(file)) {
      root = json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, ArrayNode> groups = new HashMap<>();
    for (JsonNode feature : root.get("features")) {
      String key = feature.get("properties").get(property).asString();
      groups.computeIfAbsent(key, k -> json.createArrayNode()).add(feature);
    }
    Map<String, String> result = new HashMap<>();
    groups.forEach(
        (key, features) -> {
          ObjectNode collection = json.createObjectNode();
          collection.put("type", "FeatureCollection");
          collection.set("features", features);
          result.put(key, json.writeValueAsString(collection));
        });
    return Map.copyOf(result);
  }

  private static InputStream resource(String file) throws IOException {
    InputStream in =
        Boundaries.class.getClassLoader().getResourceAsStream(LoadKenyaAdminUnits.FOLDER + file);
    if (in == null) {
      throw new IOException("Missing resource " + file);
    }
    return in;
  }
}
