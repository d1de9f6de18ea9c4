package ke.baraza.disclosures.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ke.baraza.disclosures.DisclosureStatus;
import ke.baraza.disclosures.internal.DisclosureCasePdf;
import ke.baraza.disclosures.internal.DisclosureFiles;
import ke.baraza.disclosures.internal.DisclosureHandling;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.SignedInUser;
import ke.baraza.platform.UserError;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The handlers' pages: passphrase, bodies, queue, reading, messages and status. */
@Controller
class DisclosureHandlingPages {

  private final DisclosureHandling handling;
  private final DisclosureCasePdf pdf;
  private final java.time.Clock clock;

  DisclosureHandlingPages(
      DisclosureHandling handling, DisclosureCasePdf pdf, java.time.Clock clock) {
    this.handling = handling;
    this.pdf = pdf;
    this.clock = clock;
  }

  private static SignedInUser user() {
    return CurrentUser.get().orElseThrow(UserError::forbidden);
  }

  @GetMapping("/disclosures/handling")
  String home(@RequestParam(defaultValue = "") String county, HttpSession session, Model model) {
    return home(county, session, model, Map.of());
  }

  private String home(String county, HttpSession session, Model model, Map<String, String> errors) {
    SignedInUser user = user();
    model.addAttribute("home", handling.home(user, session));
    model.addAttribute(
        "choices", county.isBlank() ? List.of() : handling.bodiesToAdd(user, county));
    model.addAttribute("county", county);
    model.addAttribute("errors", errors);
    return "disclosures/handling";
  }

  @PostMapping("/disclosures/handling/passphrase")
  String setPassphrase(
      @RequestParam(defaultValue = "") String passphrase,
      @RequestParam(defaultValue = "") String repeat,
      HttpSession session,
      Model model,
      HttpServletResponse response) {
    try {
      handling.setPassphrase(user(), passphrase, repeat, session);
      return "redirect:/disclosures/handling";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      return home("", session, model, invalid.fieldErrors());
    }
  }

  @PostMapping("/disclosures/handling/unlock")
  String unlock(
      @RequestParam(defaultValue = "") String passphrase,
      HttpSession session,
      Model model,
      HttpServletResponse response) {
    try {
      handling.unlock(user(), passphrase, session);
      return "redirect:/disclosures/handling";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      return home("", session, model, invalid.fieldErrors());
    }
  }

  @PostMapping("/disclosures/handling/bodies")
  String addBody(@RequestParam(defaultValue = "") String body) {
    handling.addBody(user(), body);
    return "redirect:/disclosures/handling";
  }

  @GetMapping("/disclosures/handling/{id}")
  String read(@PathVariable String id, HttpSession session, Model model) {
    return read(id, session, model, Map.of());
  }

  private String read(String id, HttpSession session, Model model, Map<String, String> errors) {
    model.addAttribute("opened", handling.read(user(), session, id));
    model.addAttribute("statuses", DisclosureStatus.values());
    model.addAttribute("errors", errors);
    return "disclosures/case";
  }

  @PostMapping("/disclosures/handling/{id}/messages")
  String write(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String message,
      @RequestParam(defaultValue = "") String to,
      HttpSession session,
      Model model,
      HttpServletResponse response) {
    try {
      handling.write(user(), session, id, "whistleblower".equals(to), message);
      return "redirect:/disclosures/handling/" + id;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      return read(id, session, model, invalid.fieldErrors());
    }
  }

  /** One of the disclosure's files, as a download that the browser saves and never shows. */
  @GetMapping("/disclosures/handling/{id}/files/{file}")
  ResponseEntity<byte[]> file(
      @PathVariable String id, @PathVariable String file, HttpSession session) {
    DisclosureFiles.Content content = handling.file(user(), session, id, file);
    return ResponseEntity.ok()
        .headers(download(content.info().name(), content.info().mediaType()))
        .body(content.bytes());
  }

  /** The whole case as PDF, in the handler's language. */
  @GetMapping("/disclosures/handling/{id}/export.pdf")
  ResponseEntity<byte[]> export(@PathVariable String id, HttpSession session, Locale locale) {
    byte[] bytes = pdf.render(handling.export(user(), session, id), locale, clock.instant());
    return ResponseEntity.ok()
        .headers(download("disclosure-" + id + ".pdf", "application/pdf"))
        .body(bytes);
  }

  private static HttpHeaders download(String name, String mediaType) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
    headers.setContentType(MediaType.parseMediaType(mediaType));
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setCacheControl(CacheControl.noStore());
    return headers;
  }

  @PostMapping("/disclosures/handling/{id}/status")
  String status(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String status,
      HttpSession session) {
    handling.changeStatus(user(), session, id, status);
    return "redirect:/disclosures/handling/" + id;
  }
}
