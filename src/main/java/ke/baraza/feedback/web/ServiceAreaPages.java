package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.feedback.internal.FeedbackPermissions;
import ke.baraza.feedback.internal.GatewayCodes;
import ke.baraza.feedback.internal.ServiceAreaCatalogue;
import ke.baraza.feedback.internal.ServiceAreaForm;
import ke.baraza.geography.County;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A county's service areas (routing to departments, SMS keywords, service charter) and its own SMS
 * number and USSD code: county staff, and administrators for the codes.
 */
@Controller
class ServiceAreaPages {

  private final ServiceAreaCatalogue areas;
  private final GatewayCodes codes;
  private final FeedbackPermissions permissions;
  private final Counties counties;

  ServiceAreaPages(
      ServiceAreaCatalogue areas,
      GatewayCodes codes,
      FeedbackPermissions permissions,
      Counties counties) {
    this.areas = areas;
    this.codes = codes;
    this.permissions = permissions;
    this.counties = counties;
  }

  @GetMapping("/feedback/{county}/service-areas")
  String list(@PathVariable String county, Model model, HttpServletRequest request) {
    County chosen = counties.county(county, request);
    if (!permissions.isCountyStaff(chosen.code())) {
      throw UserError.forbidden();
    }
    show(model, chosen, null, ServiceAreaForm.empty(), Map.of());
    return "feedback/service-areas";
  }

  @PostMapping("/feedback/{county}/service-areas")
  String add(
      @PathVariable String county,
      ServiceAreaForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    County chosen = counties.county(county, request);
    try {
      areas.add(chosen.code(), form);
      redirect.addFlashAttribute("notice", "feedback.area.saved");
      return "redirect:/feedback/" + chosen.code() + "/service-areas";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, chosen, "", form, invalid.fieldErrors());
      return "feedback/service-areas";
    }
  }

  @PostMapping("/feedback/{county}/service-areas/{area}")
  String update(
      @PathVariable String county,
      @PathVariable String area,
      ServiceAreaForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    County chosen = counties.county(county, request);
    try {
      areas.update(chosen.code(), area, form);
      redirect.addFlashAttribute("notice", "feedback.area.saved");
      return "redirect:/feedback/" + chosen.code() + "/service-areas";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, chosen, area, form, invalid.fieldErrors());
      return "feedback/service-areas";
    }
  }

  @PostMapping("/feedback/{county}/gateway-codes")
  String gatewayCodes(
      @PathVariable String county,
      @RequestParam(defaultValue = "") String smsCode,
      @RequestParam(defaultValue = "") String ussdCode,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    County chosen = counties.county(county, request);
    try {
      codes.set(chosen.code(), smsCode, ussdCode);
    } catch (InvalidInput invalid) {
      throw new UserError(invalid.status(), invalid.fieldErrors().values().iterator().next());
    }
    redirect.addFlashAttribute("notice", "feedback.gateway.saved");
    return "redirect:/feedback/" + chosen.code() + "/service-areas";
  }

  /**
   * @param editing the public id of the area whose form failed ("" for the new-area form), or null
   * @param form what was typed into that form
   */
  private void show(
      Model model,
      County county,
      String editing,
      ServiceAreaForm form,
      Map<String, String> errors) {
    model.addAttribute("county", county);
    model.addAttribute("areas", areas.of(county.code()));
    model.addAttribute("departments", areas.departments(county.code()));
    model.addAttribute("editing", editing);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("codes", codes.of(county.code()));
    model.addAttribute("mayConfigureGateway", permissions.mayConfigureGateway(county.code()));
  }
}
