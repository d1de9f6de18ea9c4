package ke.baraza.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import ke.baraza.accounts.internal.AccountPrincipal;
import ke.baraza.accounts.internal.AccountService;
import ke.baraza.accounts.internal.SignInFlow;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the password itself is checked by Spring Security) and the second factor. */
@Controller
class SignInController {

  static final int MAX_CODE_ATTEMPTS = 5;
  private static final String ATTEMPTS = "baraza.second-factor.attempts";

  private final AccountService accounts;
  private final SignInFlow flow;

  SignInController(AccountService accounts, SignInFlow flow) {
    this.accounts = accounts;
    this.flow = flow;
  }

  @GetMapping("/signin")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) Long wait,
      @RequestParam(required = false) String registered,
      @RequestParam(required = false) String reset,
      @RequestParam(required = false) String verified,
      Model model,
      HttpServletResponse response) {
    String notice = null;
    if (registered != null) {
      notice = "signin.registered";
    } else if (reset != null) {
      notice = "signin.reset-done";
    } else if (verified != null) {
      notice = "signin.verified";
    }
    String problem = null;
    if (wait != null) {
      problem = "signin.wait";
      response.setStatus(429);
    } else if (error != null) {
      problem = "signin.failed";
      response.setStatus(401);
    }
    model.addAttribute("notice", notice);
    model.addAttribute("problem", problem);
    model.addAttribute("wait", wait == null ? 0 : wait);
    return "accounts/signin";
  }

  @GetMapping(SignInFlow.SECOND_FACTOR_PAGE)
  String secondFactor(Model model) {
    model.addAttribute("failed", false);
    return "accounts/second-factor";
  }

  @PostMapping(SignInFlow.SECOND_FACTOR_PAGE)
  String checkSecondFactor(
      @RequestParam(defaultValue = "") String code,
      @AuthenticationPrincipal AccountPrincipal principal,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (accounts.checkTotp(principal.id(), code)) {
      request.getSession().removeAttribute(ATTEMPTS);
      return "redirect:" + flow.completeSignIn(request, response, principal);
    }
    HttpSession session = request.getSession();
    int attempts = session.getAttribute(ATTEMPTS) instanceof Integer i ? i + 1 : 1;
    if (attempts >= MAX_CODE_ATTEMPTS) {
      session.invalidate();
      return "redirect:/signin?error";
    }
    session.setAttribute(ATTEMPTS, attempts);
    response.setStatus(400);
    model.addAttribute("failed", true);
    return "accounts/second-factor";
  }
}
