package ke.baraza.disclosures.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.baraza.disclosures.internal.DisclosureForm;
import ke.baraza.disclosures.internal.DisclosureIntake;
import ke.baraza.disclosures.internal.WhistleblowerView;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The whistleblower's pages: no account, no session, no cookie. The receipt travels only in POST
 * bodies. The client address is handed on only to be hashed for slowing wrong receipts.
 */
@Controller
class DisclosurePages {

  private final DisclosureIntake intake;

  DisclosurePages(DisclosureIntake intake) {
    this.intake = intake;
  }

  @GetMapping("/disclosures")
  String start() {
    return "disclosures/start";
  }

  @GetMapping("/disclosures/new")
  String form(@RequestParam(defaultValue = "") String county, Model model) {
    if (!intake.isCounty(county)) {
      return "disclosures/start";
    }
    show(model, DisclosureForm.blank(county), Map.of(), null);
    return "disclosures/new";
  }

  /**
   * Sends the disclosure and shows its receipt once; a refused form comes back filled in (the
   * files, which a browser cannot be given back, are to be chosen again).
   */
  @PostMapping("/disclosures")
  String send(
      DisclosureForm form,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Model model,
      HttpServletResponse response) {
    try {
      model.addAttribute("sent", intake.submit(form, files));
      return "disclosures/receipt";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      show(model, form, invalid.fieldErrors(), null);
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      show(model, form, Map.of(), refused);
    }
    return "disclosures/new";
  }

  @GetMapping("/disclosures/return")
  String returnForm(Model model) {
    model.addAttribute("wrong", false);
    return "disclosures/return";
  }

  /** Opens the disclosure with the receipt; wrong and malformed receipts get the same 404 page. */
  @PostMapping("/disclosures/return")
  String open(
      @RequestParam(defaultValue = "") String receipt,
      jakarta.servlet.http.HttpServletRequest request,
      Model model,
      HttpServletResponse response) {
    return view(intake.open(receipt, request.getRemoteAddr()), Map.of(), model, response);
  }

  @PostMapping("/disclosures/return/messages")
  String answer(
      @RequestParam(defaultValue = "") String receipt,
      @RequestParam(defaultValue = "") String message,
      jakarta.servlet.http.HttpServletRequest request,
      Model model,
      HttpServletResponse response) {
    try {
      return view(
          intake.answer(receipt, message, request.getRemoteAddr()), Map.of(), model, response);
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      return view(
          intake.open(receipt, request.getRemoteAddr()), invalid.fieldErrors(), model, response);
    }
  }

  /** Adds files with the receipt; a refused file is reported on the opened disclosure. */
  @PostMapping("/disclosures/return/files")
  String addFiles(
      @RequestParam(defaultValue = "") String receipt,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(defaultValue = "") String strip,
      jakarta.servlet.http.HttpServletRequest request,
      Model model,
      HttpServletResponse response) {
    try {
      return view(
          intake.addFiles(receipt, files, "yes".equals(strip), request.getRemoteAddr()),
          Map.of(),
          model,
          response);
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      model.addAttribute("problem", refused);
      return view(intake.open(receipt, request.getRemoteAddr()), Map.of(), model, response);
    }
  }

  private String view(
      Optional<WhistleblowerView> view,
      Map<String, String> errors,
      Model model,
      HttpServletResponse response) {
    long maxMb = intake.maxFileMegabytes();
    if (view.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("wrong", true);
      return "disclosures/return";
    }
    model.addAttribute("view", view.get());
    model.addAttribute("maxMb", maxMb);
    model.addAttribute("errors", errors);
    if (!model.containsAttribute("problem")) {
      model.addAttribute("problem", null);
    }
    return "disclosures/view";
  }

  private void show(
      Model model, DisclosureForm form, Map<String, String> errors, UserError problem) {
    model.addAttribute("form", form.withToken(intake.formToken()));
    model.addAttribute("recipients", intake.recipients(form.county()));
    model.addAttribute("errors", errors);
    model.addAttribute("problem", problem);
    model.addAttribute("maxMb", intake.maxFileMegabytes());
  }
}
