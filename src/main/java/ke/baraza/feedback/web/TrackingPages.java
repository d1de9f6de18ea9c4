package ke.baraza.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.feedback.PublicCase;
import ke.baraza.feedback.internal.Filed;
import ke.baraza.feedback.internal.Tracking;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public tracking by reference (status timeline and public replies), and the reporter's own view
 * (details and replies) opened by the private code, which only ever travels in a POST body.
 */
@Controller
class TrackingPages {

  private final Tracking tracking;
  private final Counties counties;

  TrackingPages(Tracking tracking, Counties counties) {
    this.tracking = tracking;
    this.counties = counties;
  }

  @GetMapping("/track")
  String find(@RequestParam(defaultValue = "") String reference) {
    if (reference.isBlank()) {
      return "feedback/track-find";
    }
    return "redirect:/track/" + found(reference).reference();
  }

  @GetMapping("/track/{reference}")
  String show(
      @PathVariable String reference,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Tracking.PublicView found = tracking.publicView(reference).orElseThrow(TrackingPages::unknown);
    if (model.getAttribute("filed") instanceof Filed) {
      // the private code is on this page once: never keep it in a cache
      response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    }
    model.addAttribute("found", found.summary());
    model.addAttribute("view", found);
    model.addAttribute("county", counties.county(found.summary().countyCode(), request));
    model.addAttribute("wardName", counties.wardName(found.summary().wardCode()));
    return "feedback/track";
  }

  /** The reporter's view: the private code from the form opens the details. */
  @PostMapping("/track/{reference}")
  String open(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String code,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    PublicCase found = found(reference);
    try {
      reporterPage(model, tracking.reporterView(found.reference(), code), code, Map.of(), request);
      response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
      return "feedback/reporter";
    } catch (UserError refused) {
      if (refused.status().is5xxServerError()) {
        throw refused;
      }
      response.setStatus(refused.status().value());
      publicPage(model, found, request, refused);
      return "feedback/track";
    }
  }

  /** The reporter's reply, kept on the case (never public); the same form twice adds it once. */
  @PostMapping("/track/{reference}/replies")
  String reply(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String reply,
      @RequestParam(defaultValue = "") String submission,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    PublicCase found = found(reference);
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    Map<String, String> errors = Map.of();
    boolean sent = false;
    try {
      tracking.reply(found.reference(), code, reply, submission);
      sent = true;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      errors = invalid.fieldErrors();
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      publicPage(model, found, request, refused);
      return "feedback/track";
    }
    reporterPage(model, tracking.reporterView(found.reference(), code), code, errors, request);
    model.addAttribute("sent", sent);
    model.addAttribute("replyText", sent ? "" : reply);
    return "feedback/reporter";
  }

  /** The reporter reopens a resolved case within the window, with a reason. */
  @PostMapping("/track/{reference}/reopen")
  String reopen(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return reporterAction(
        reference,
        code,
        model,
        request,
        response,
        "casework.reopen.done",
        () -> tracking.reopen(reference, code, reason));
  }

  /** The reporter rates the resolution, once. */
  @PostMapping("/track/{reference}/rating")
  String rate(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String stars,
      @RequestParam(defaultValue = "") String comment,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return reporterAction(
        reference,
        code,
        model,
        request,
        response,
        "casework.rate.done",
        () -> tracking.rate(reference, code, stars, comment));
  }

  private String reporterAction(
      String reference,
      String code,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      String done,
      Runnable action) {
    PublicCase found = found(reference);
    response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    Map<String, String> errors = Map.of();
    String notice = null;
    try {
      action.run();
      notice = done;
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      errors = invalid.fieldErrors();
    } catch (UserError refused) {
      response.setStatus(refused.status().value());
      if (refused.status() != org.springframework.http.HttpStatus.CONFLICT) {
        publicPage(model, found, request, refused);
        return "feedback/track";
      }
      notice = refused.messageKey();
    }
    reporterPage(model, tracking.reporterView(found.reference(), code), code, errors, request);
    model.addAttribute("notice", notice);
    return "feedback/reporter";
  }

  private PublicCase found(String reference) {
    return tracking.publicCase(reference).orElseThrow(TrackingPages::unknown);
  }

  private static UserError unknown() {
    return UserError.notFound("feedback.track.unknown");
  }

  private void publicPage(
      Model model, PublicCase found, HttpServletRequest request, UserError problem) {
    Tracking.PublicView view = tracking.publicView(found.reference()).orElseThrow();
    model.addAttribute("found", found);
    model.addAttribute("view", view);
    model.addAttribute("county", counties.county(found.countyCode(), request));
    model.addAttribute("wardName", counties.wardName(found.wardCode()));
    model.addAttribute("problem", problem);
  }

  private void reporterPage(
      Model model,
      Tracking.ReporterView view,
      String code,
      Map<String, String> errors,
      HttpServletRequest request) {
    model.addAttribute("view", view);
    model.addAttribute("code", code);
    model.addAttribute("county", counties.county(view.summary().countyCode(), request));
    model.addAttribute("wardName", counties.wardName(view.summary().wardCode()));
    model.addAttribute("errors", errors);
    model.addAttribute("submission", Tracking.submissionToken());
  }
}
