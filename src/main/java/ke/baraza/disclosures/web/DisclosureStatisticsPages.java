package ke.baraza.disclosures.web;

import ke.baraza.disclosures.DisclosureStatus;
import ke.baraza.disclosures.internal.DisclosureStatistics;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public counts of disclosures: per county, and by month and status in one county. */
@Controller
class DisclosureStatisticsPages {

  private final DisclosureStatistics statistics;
  private final GeographyApi geography;

  DisclosureStatisticsPages(DisclosureStatistics statistics, GeographyApi geography) {
    this.statistics = statistics;
    this.geography = geography;
  }

  @GetMapping("/disclosures/statistics")
  String statistics(@RequestParam(defaultValue = "") String county, Model model) {
    County chosen =
        county.isBlank()
            ? null
            : geography
                .county(county.strip())
                .orElseThrow(
                    () ->
                        UserError.notFound(
                            "geography.county.unknown", county.replaceAll("[^0-9A-Za-z]", "")));
    model.addAttribute("county", chosen);
    model.addAttribute("statuses", DisclosureStatus.values());
    model.addAttribute(
        "lines", chosen == null ? statistics.byCounty() : statistics.byMonth(chosen.code()));
    model.addAttribute("counties", geography.counties());
    return "disclosures/statistics";
  }
}
