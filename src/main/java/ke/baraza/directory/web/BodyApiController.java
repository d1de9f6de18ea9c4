package ke.baraza.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import ke.baraza.directory.BodyKind;
import ke.baraza.directory.BodyLevel;
import ke.baraza.directory.MembershipStatus;
import ke.baraza.directory.internal.Body;
import ke.baraza.directory.internal.BodyService;
import ke.baraza.directory.internal.NetworkTree;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.UserError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Networks and bodies as JSON, with their active members (public fields only). */
@RestController
@Tag(name = "Directory")
class BodyApiController {

  record BodyView(
      String publicId,
      String name,
      String acronym,
      BodyKind kind,
      BodyLevel level,
      String areaCode,
      String countyCode) {
    static BodyView of(Body b) {
      return new BodyView(
          b.publicId(), b.name(), b.acronym(), b.kind(), b.level(), b.areaCode(), b.countyCode());
    }
  }

  record MemberView(
      String publicId,
      String name,
      String wardName,
      String subCountyName,
      java.time.LocalDate since,
      List<NetworkTree.Group> groups) {}

  record BodyDetail(BodyView body, List<MemberView> members) {}

  private final BodyService bodies;
  private final NetworkTree tree;
  private final GeographyApi geography;

  BodyApiController(BodyService bodies, NetworkTree tree, GeographyApi geography) {
    this.bodies = bodies;
    this.tree = tree;
    this.geography = geography;
  }

  @GetMapping("/api/v1/bodies")
  @Operation(summary = "Networks and coordination bodies of a county")
  List<BodyView> list(@RequestParam String county) {
    if (!geography.isCounty(county)) {
      throw UserError.notFound("geography.county.unknown", county.replaceAll("[^0-9A-Za-z]", ""));
    }
    return bodies.ofCounty(county).stream().map(BodyView::of).toList();
  }

  @GetMapping("/api/v1/bodies/{id}")
  @Operation(summary = "A network or body with its active members and their affiliated groups")
  BodyDetail body(@PathVariable String id) {
    Body body = bodies.find(id);
    return new BodyDetail(
        BodyView.of(body),
        tree.members(body).stream()
            .filter(m -> m.status() == MembershipStatus.ACTIVE)
            .map(
                m ->
                    new MemberView(
                        m.publicId(),
                        m.name(),
                        m.wardName(),
                        m.subCountyName(),
                        m.since(),
                        m.groups()))
            .toList());
  }
}
