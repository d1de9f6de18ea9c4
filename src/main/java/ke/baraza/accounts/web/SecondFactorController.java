package ke.baraza.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import ke.baraza.accounts.internal.AccountPrincipal;
import ke.baraza.accounts.internal.AccountService;
import ke.baraza.accounts.internal.SignInFlow;
import ke.baraza.accounts.internal.TotpEnrolment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Setting up the authenticator app: a new secret is kept in the session until the first code from
 * the app matches it; only then is it stored and the sign-in completed.
 */
@Controller
class SecondFactorController {

  private static final String SECRET = "baraza.totp.pending-secret";

  private final AccountService accounts;
  private final SignInFlow flow;

  SecondFactorController(AccountService accounts, SignInFlow flow) {
    this.accounts = accounts;
    this.flow = flow;
  }

  @GetMapping(SignInFlow.ENROL_PAGE)
  String enrol(
      @AuthenticationPrincipal AccountPrincipal principal, HttpSession session, Model model) {
    if (accounts.account(principal.id()).orElseThrow().totpEnabled()) {
      return "redirect:/account";
    }
    String secret =
        session.getAttribute(SECRET) instanceof String s ? s : TotpEnrolment.newSecret();
    session.setAttribute(SECRET, secret);
    model.addAttribute("secret", TotpEnrolment.grouped(secret));
    model.addAttribute("uri", TotpEnrolment.uri(secret, principal.displayName()));
    model.addAttribute("failed", false);
    return "accounts/enrol";
  }

  @PostMapping(SignInFlow.ENROL_PAGE)
  String confirm(
      @RequestParam(defaultValue = "") String code,
      @AuthenticationPrincipal AccountPrincipal principal,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    HttpSession session = request.getSession();
    if (!(session.getAttribute(SECRET) instanceof String secret)) {
      return "redirect:" + SignInFlow.ENROL_PAGE;
    }
    if (accounts.enableTotp(principal.id(), secret, code)) {
      session.removeAttribute(SECRET);
      return "redirect:" + flow.completeSignIn(request, response, principal);
    }
    response.setStatus(400);
    model.addAttribute("secret", TotpEnrolment.grouped(secret));
    model.addAttribute("uri", TotpEnrolment.uri(secret, principal.displayName()));
    model.addAttribute("failed", true);
    return "accounts/enrol";
  }
}
