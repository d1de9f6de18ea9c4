package ke.baraza.meetings.web;

import jakarta.servlet.http.HttpServletResponse;
import ke.baraza.meetings.Answer;
import ke.baraza.meetings.internal.InvitationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Answering an invitation through its mailed link, without an account. The link's secret is the
 * only key, so its pages are never cached and never sent on as a referrer.
 */
@Controller
class RsvpPages {

  private final InvitationService invitations;

  RsvpPages(InvitationService invitations) {
    this.invitations = invitations;
  }

  @GetMapping("/rsvp/{token}")
  String rsvp(@PathVariable String token, Model model, HttpServletResponse response) {
    secret(response);
    model.addAttribute("rsvp", invitations.rsvp(token));
    model.addAttribute("token", token);
    model.addAttribute("answers", Answer.values());
    return "meetings/rsvp";
  }

  @PostMapping("/rsvp/{token}")
  String answer(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String answer,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    secret(response);
    Answer chosen = null;
    for (Answer a : Answer.values()) {
      if (a.name().equals(answer)) {
        chosen = a;
      }
    }
    invitations.answer(token, chosen);
    redirect.addFlashAttribute("notice", "rsvp.thanks");
    return "redirect:/rsvp/" + token;
  }

  private static void secret(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
  }
}
