package ke.baraza.geography.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.geography.internal.Boundaries;
import ke.baraza.shared.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * All ward boundaries of one county as one GeoJSON FeatureCollection (properties {@code code},
 * {@code name}, {@code subcounty_code}…), for maps that shade wards. Put together once per county
 * from the ward boundaries and kept; cached by browsers for a day.
 */
@RestController
class CountyWardsController {

  private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private static final CacheControl DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  private final Boundaries boundaries;
  private final GeographyApi geography;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, String> byCounty = new ConcurrentHashMap<>();

  CountyWardsController(Boundaries boundaries, GeographyApi geography) {
    this.boundaries = boundaries;
    this.geography = geography;
  }

  @GetMapping("/geo/counties/{code}/wards.geojson")
  ResponseEntity<String> wards(@PathVariable String code) {
    if (!geography.isCounty(code)) {
      return ResponseEntity.notFound().build();
    }
    String body = byCounty.computeIfAbsent(code, this::collect);
    return ResponseEntity.ok().cacheControl(DAY).contentType(GEO_JSON).body(body);
  }

  private String collect(String countyCode) {
    ArrayNode features = json.createArrayNode();
    for (Ward ward :
        geography.wards(countyCode, new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
      boundaries
          .ward(ward.code())
          .ifPresent(one -> json.readTree(one).get("features").forEach(features::add));
    }
    ObjectNode collection = json.createObjectNode();
    collection.put("type", "FeatureCollection");
    collection.set("features", features);
    return json.writeValueAsString(collection);
  }
}
