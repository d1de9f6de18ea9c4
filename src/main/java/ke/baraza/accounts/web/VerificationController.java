package ke.baraza.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import ke.baraza.accounts.internal.AccountService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Verifying an e-mail address (the link opens a page whose button confirms it: no state change on
 * GET) and a phone number (the six-digit code from the SMS).
 */
@Controller
class VerificationController {

  private final AccountService accounts;

  VerificationController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/account/verify-email")
  String confirmEmailPage(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("token", token);
    return "accounts/verify-email";
  }

  @PostMapping("/account/verify-email")
  String confirmEmail(
      @RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
    if (accounts.verifyEmail(token)) {
      return "redirect:/signin?verified";
    }
    response.setStatus(400);
    model.addAttribute("title", "verify.email.title");
    model.addAttribute("message", "verify.link-invalid");
    return "accounts/message";
  }

  @GetMapping("/account/verify-phone")
  String phonePage(Model model) {
    if (!model.containsAttribute("phone")) {
      model.addAttribute("phone", "");
    }
    model.addAttribute("failed", false);
    return "accounts/verify-phone";
  }

  @PostMapping("/account/verify-phone")
  String verifyPhone(
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String code,
      Model model,
      HttpServletResponse response) {
    if (accounts.verifyPhone(phone, code)) {
      return "redirect:/signin?verified";
    }
    response.setStatus(400);
    model.addAttribute("phone", phone);
    model.addAttribute("failed", true);
    return "accounts/verify-phone";
  }
}
