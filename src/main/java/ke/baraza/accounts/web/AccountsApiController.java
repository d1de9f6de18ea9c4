package ke.baraza.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import ke.baraza.accounts.internal.AccountService;
import ke.baraza.accounts.internal.AccountService.SignUp;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up over the JSON API, and the CSRF token an API client sends with every write. */
@RestController
@Tag(name = "Accounts")
class AccountsApiController {

  /** The fields of a sign-up; {@code contact} is an e-mail address or a Kenyan phone number. */
  record SignUpRequest(String name, String contact, String password, String language) {}

  /** The account created and where its verification was sent (EMAIL or PHONE). */
  record SignUpResponse(String publicId, String verification) {}

  /** Send {@code token} in the header {@code headerName} with every POST, PUT or DELETE. */
  record Csrf(String headerName, String parameterName, String token) {}

  private final AccountService accounts;

  AccountsApiController(AccountService accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/api/v1/accounts")
  @Operation(summary = "Sign up; answers 201 once the account is stored, 400 or 409 otherwise")
  ResponseEntity<SignUpResponse> signUp(@RequestBody SignUpRequest body, Locale locale) {
    Locale language = body.language() == null ? locale : Locale.forLanguageTag(body.language());
    var result =
        accounts.signUp(new SignUp(body.name(), body.contact(), body.password(), language));
    return ResponseEntity.status(201)
        .body(new SignUpResponse(result.publicId(), result.channel().name()));
  }

  @GetMapping("/api/v1/csrf")
  @Operation(summary = "The CSRF token of this session, for API writes")
  Csrf csrf(CsrfToken token) {
    return new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
  }
}
