package ke.baraza.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import ke.baraza.accounts.internal.AccountService;
import ke.baraza.accounts.internal.AccountService.Channel;
import ke.baraza.accounts.internal.AccountService.SignUp;
import ke.baraza.accounts.internal.PasswordPolicy;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.UserError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up with an e-mail address or a Kenyan phone number. */
@Controller
class SignUpController {

  private final AccountService accounts;

  SignUpController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/signup")
  String form(Model model) {
    model.addAttribute("form", new SignUpForm("", "", ""));
    model.addAttribute("errors", Map.of());
    model.addAttribute("minLength", PasswordPolicy.MIN);
    return "accounts/signup";
  }

  @PostMapping("/signup")
  String signUp(
      SignUpForm form,
      Locale locale,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      var result =
          accounts.signUp(new SignUp(form.name(), form.contact(), form.password(), locale));
      if (result.channel() == Channel.PHONE) {
        redirect.addFlashAttribute("phone", form.contact());
        return "redirect:/account/verify-phone";
      }
      return "redirect:/signin?registered";
    } catch (InvalidInput invalid) {
      response.setStatus(invalid.status().value());
      model.addAttribute("errors", invalid.fieldErrors());
    } catch (UserError error) {
      response.setStatus(error.status().value());
      model.addAttribute("errors", Map.of("contact", error.messageKey()));
    }
    model.addAttribute("form", new SignUpForm(form.name(), form.contact(), ""));
    model.addAttribute("minLength", PasswordPolicy.MIN);
    return "accounts/signup";
  }
}
