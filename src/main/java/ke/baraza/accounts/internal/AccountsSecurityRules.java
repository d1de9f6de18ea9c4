package ke.baraza.accounts.internal;

import static ke.baraza.platform.Access.ADMINISTRATOR;
import static ke.baraza.platform.Access.PARTIALLY_SIGNED_IN;
import static ke.baraza.platform.Access.PUBLIC;
import static ke.baraza.platform.Access.SIGNED_IN;
import static ke.baraza.platform.AccessRule.any;
import static ke.baraza.platform.AccessRule.get;
import static ke.baraza.platform.AccessRule.post;

import java.time.Clock;
import java.util.List;
import ke.baraza.platform.AccessRule;
import ke.baraza.platform.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;

/** Sign-up, sign-in, the second factor, account pages and the administration of roles. */
@Component
class AccountsSecurityRules implements SecurityRules {

  private final SignInFlow flow;
  private final AccountService accounts;
  private final Clock clock;

  AccountsSecurityRules(SignInFlow flow, AccountService accounts, Clock clock) {
    this.flow = flow;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public List<AccessRule> rules() {
    return List.of(
        any("/signup", PUBLIC),
        any("/signin", PUBLIC),
        post("/signout", PUBLIC),
        any("/signin/second-factor", PARTIALLY_SIGNED_IN),
        any("/account/second-factor", PARTIALLY_SIGNED_IN),
        any("/account/verify-email", PUBLIC),
        any("/account/verify-phone", PUBLIC),
        any("/password/forgot", PUBLIC),
        any("/password/reset", PUBLIC),
        get("/account", SIGNED_IN),
        post("/account/**", SIGNED_IN),
        any("/admin/users", ADMINISTRATOR),
        any("/admin/users/**", ADMINISTRATOR),
        post("/api/v1/accounts", PUBLIC),
        get("/api/v1/csrf", PUBLIC));
  }

  @Override
  public void customize(HttpSecurity http) throws Exception {
    http.formLogin(
        form ->
            form.loginPage("/signin")
                .loginProcessingUrl("/signin")
                .usernameParameter("username")
                .passwordParameter("password")
                .successHandler(flow)
                .failureHandler(flow));
    http.logout(
        logout ->
            logout
                .logoutUrl("/signout")
                .logoutSuccessUrl("/?signedout")
                .invalidateHttpSession(true)
                .deleteCookies("JSESSIONID"));
    http.exceptionHandling(errors -> errors.accessDeniedHandler(flow));
    http.sessionManagement(
        sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
    http.addFilterAfter(new SessionValidity(accounts, clock), SecurityContextHolderFilter.class);
  }
}
