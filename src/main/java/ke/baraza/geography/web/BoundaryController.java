package ke.baraza.geography.web;

import java.time.Duration;
import ke.baraza.geography.internal.Boundaries;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Boundaries as GeoJSON for the maps; cached by browsers for a day. */
@RestController
class BoundaryController {

  private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private static final CacheControl DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  private final Boundaries boundaries;

  BoundaryController(Boundaries boundaries) {
    this.boundaries = boundaries;
  }

  @GetMapping("/geo/counties.geojson")
  ResponseEntity<byte[]> counties() {
    return ResponseEntity.ok().cacheControl(DAY).contentType(GEO_JSON).body(boundaries.counties());
  }

  @GetMapping("/geo/counties/{code}/subcounties.geojson")
  ResponseEntity<String> subCounties(@PathVariable String code) {
    return boundaries
        .subCounties(code)
        .map(body -> ResponseEntity.ok().cacheControl(DAY).contentType(GEO_JSON).body(body))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @GetMapping("/geo/wards/{code}.geojson")
  ResponseEntity<String> ward(@PathVariable String code) {
    return boundaries
        .ward(code)
        .map(body -> ResponseEntity.ok().cacheControl(DAY).contentType(GEO_JSON).body(body))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
