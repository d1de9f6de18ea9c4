package ke.baraza.accounts.web;

import java.util.List;
import java.util.Map;
import ke.baraza.accounts.internal.Account;
import ke.baraza.accounts.internal.AccountPrincipal;
import ke.baraza.accounts.internal.AccountService;
import ke.baraza.accounts.internal.RoleGrant;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.Role;
import ke.baraza.platform.UserError;
import ke.baraza.shared.PageResult;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators list accounts and grant or revoke roles per county. */
@Controller
class AdminUsersController {

  private final AccountService accounts;
  private final GeographyApi geography;

  AdminUsersController(AccountService accounts, GeographyApi geography) {
    this.accounts = accounts;
    this.geography = geography;
  }

  @GetMapping("/admin/users")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Page<Account> found = accounts.search(q, page);
    List<Long> ids = found.getContent().stream().map(Account::id).toList();
    model.addAttribute("q", q);
    model.addAttribute(
        "accounts",
        new PageResult<>(
            found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements()));
    model.addAttribute("grants", accounts.grantsByAccount(ids));
    return "accounts/admin-users";
  }

  @GetMapping("/admin/users/{publicId}")
  String user(@PathVariable String publicId, Model model) {
    show(publicId, model, Map.of());
    return "accounts/admin-user";
  }

  @PostMapping("/admin/users/{publicId}/grants")
  String grant(
      @PathVariable String publicId,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String county,
      @RequestParam(defaultValue = "") String scope,
      @AuthenticationPrincipal AccountPrincipal actor,
      Model model,
      jakarta.servlet.http.HttpServletResponse response,
      RedirectAttributes redirect) {
    Role chosen = parse(role);
    try {
      accounts.grant(actor, publicId, chosen, "*".equals(county) ? null : county, scope);
    } catch (InvalidInput invalid) {
      response.setStatus(400);
      show(publicId, model, invalid.fieldErrors());
      return "accounts/admin-user";
    }
    redirect.addFlashAttribute("notice", "admin.granted");
    return "redirect:/admin/users/" + publicId;
  }

  @PostMapping("/admin/users/{publicId}/grants/{grantId}/revoke")
  String revoke(
      @PathVariable String publicId,
      @PathVariable Long grantId,
      @AuthenticationPrincipal AccountPrincipal actor,
      RedirectAttributes redirect) {
    accounts.revoke(actor, publicId, grantId);
    redirect.addFlashAttribute("notice", "admin.revoked");
    return "redirect:/admin/users/" + publicId;
  }

  private void show(String publicId, Model model, Map<String, String> errors) {
    Account account =
        accounts.accountByPublicId(publicId).orElseThrow(() -> UserError.notFound("error.404"));
    List<RoleGrant> grants = accounts.grantsOfAccount(account.id());
    model.addAttribute("account", account);
    model.addAttribute("grants", grants);
    model.addAttribute("roles", Role.values());
    model.addAttribute("counties", geography.counties());
    model.addAttribute("errors", errors);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
  }

  private static Role parse(String role) {
    for (Role r : Role.values()) {
      if (r.name().equals(role)) {
        return r;
      }
    }
    return null;
  }
}
