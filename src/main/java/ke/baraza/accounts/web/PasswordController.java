package ke.baraza.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.accounts.internal.AccountService;
import ke.baraza.accounts.internal.PasswordPolicy;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Forgotten password: a one-hour, single-use link by e-mail or SMS. */
@Controller
class PasswordController {

  private final AccountService accounts;

  PasswordController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/password/forgot")
  String forgot(Model model) {
    model.addAttribute("sent", false);
    return "accounts/forgot";
  }

  @PostMapping("/password/forgot")
  String send(@RequestParam(defaultValue = "") String contact, Model model) {
    accounts.requestPasswordReset(contact);
    model.addAttribute("sent", true);
    return "accounts/forgot";
  }

  @GetMapping("/password/reset")
  String resetPage(
      @RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
    if (!accounts.resetTokenUsable(token)) {
      response.setStatus(400);
      model.addAttribute("title", "reset.title");
      model.addAttribute("message", "reset.invalid");
      return "accounts/message";
    }
    model.addAttribute("token", token);
    model.addAttribute("errors", Map.of());
    model.addAttribute("minLength", PasswordPolicy.MIN);
    return "accounts/reset";
  }

  @PostMapping("/password/reset")
  String reset(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      Model model,
      HttpServletResponse response) {
    try {
      accounts.resetPassword(token, password);
      return "redirect:/signin?reset";
    } catch (InvalidInput invalid) {
      response.setStatus(400);
      model.addAttribute("token", token);
      model.addAttribute("errors", invalid.fieldErrors());
      model.addAttribute("minLength", PasswordPolicy.MIN);
      return "accounts/reset";
    } catch (UserError error) {
      response.setStatus(error.status().value());
      model.addAttribute("title", "reset.title");
      model.addAttribute("message", error.messageKey());
      return "accounts/message";
    }
  }
}
