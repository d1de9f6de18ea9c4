package ke.baraza.plans.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import ke.baraza.geography.GeographyApi;
import ke.baraza.plans.PlanSummary;
import ke.baraza.plans.PlansApi;
import ke.baraza.platform.UserError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A county's plans as JSON. */
@RestController
@Tag(name = "Plans")
class PlanApiController {

  private final PlansApi plans;
  private final GeographyApi geography;

  PlanApiController(PlansApi plans, GeographyApi geography) {
    this.plans = plans;
    this.geography = geography;
  }

  @GetMapping("/api/v1/plans")
  @Operation(
      summary =
          "The plans (OGP action plans, joint work plans) of a county, newest period first; 404"
              + " for an unknown county")
  List<PlanSummary> plans(@RequestParam String county) {
    String code = county.strip();
    if (!geography.isCounty(code)) {
      throw UserError.notFound("geography.county.unknown", code.replaceAll("[^0-9A-Za-z]", ""));
    }
    return plans.plans(code);
  }
}
