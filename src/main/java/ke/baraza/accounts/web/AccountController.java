package ke.baraza.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import ke.baraza.accounts.internal.Account;
import ke.baraza.accounts.internal.AccountPrincipal;
import ke.baraza.accounts.internal.AccountService;
import ke.baraza.accounts.internal.PasswordPolicy;
import ke.baraza.platform.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: contact, verification, password, second factor. */
@Controller
class AccountController {

  private final AccountService accounts;

  AccountController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/account")
  String account(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
    show(principal, model, Map.of());
    return "accounts/account";
  }

  @PostMapping("/account/password")
  String changePassword(
      @AuthenticationPrincipal AccountPrincipal principal,
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String password,
      Model model,
      HttpServletResponse response) {
    try {
      accounts.changePassword(principal.id(), current, password);
      return "redirect:/signin?reset";
    } catch (InvalidInput invalid) {
      response.setStatus(400);
      show(principal, model, invalid.fieldErrors());
      return "accounts/account";
    }
  }

  @PostMapping("/account/resend-verification")
  String resend(@AuthenticationPrincipal AccountPrincipal principal, RedirectAttributes redirect) {
    accounts.resendVerification(principal.id());
    redirect.addFlashAttribute("notice", "account.verification-sent");
    return "redirect:/account";
  }

  private void show(AccountPrincipal principal, Model model, Map<String, String> errors) {
    Account account = accounts.account(principal.id()).orElseThrow();
    model.addAttribute("account", account);
    model.addAttribute("grants", principal.grants());
    model.addAttribute("errors", errors);
    model.addAttribute("minLength", PasswordPolicy.MIN);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
  }
}
