package ke.baraza.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import ke.baraza.geography.GeographyApi;
import ke.baraza.platform.AuditLog;
import ke.baraza.platform.Contacts;
import ke.baraza.platform.GrantScopes;
import ke.baraza.platform.InvalidInput;
import ke.baraza.platform.LanguageChosen;
import ke.baraza.platform.Notifier;
import ke.baraza.platform.Role;
import ke.baraza.platform.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of accounts: sign up, verify, reset and change a password, second factor, grant and
 * revoke roles. Writes commit before anything is sent or acknowledged.
 */
@Service
public class AccountService {

  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  static final Duration EMAIL_TOKEN_LIFE = Duration.ofHours(24);
  static final Duration RESET_TOKEN_LIFE = Duration.ofHours(1);
  static final Duration SMS_CODE_LIFE = Duration.ofMinutes(10);
  static final int MESSAGES_PER_HOUR = 3;
  static final int MAX_NAME = 120;

  private final Accounts accounts;
  private final RoleGrants grants;
  private final AccountTokens tokens;
  private final PasswordPolicy policy;
  private final PasswordEncoder encoder;
  private final Notifier notifier;
  private final MessageSource messages;
  private final GeographyApi geography;
  private final List<GrantScopes> scopes;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final String baseUrl;

  AccountService(
      Accounts accounts,
      RoleGrants grants,
      AccountTokens tokens,
      PasswordPolicy policy,
      PasswordEncoder encoder,
      Notifier notifier,
      MessageSource messages,
      GeographyApi geography,
      List<GrantScopes> scopes,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx,
      @Value("${baraza.base-url}") String baseUrl) {
    this.accounts = accounts;
    this.grants = grants;
    this.tokens = tokens;
    this.policy = policy;
    this.encoder = encoder;
    this.notifier = notifier;
    this.messages = messages;
    this.geography = geography;
    this.scopes = scopes;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** How a new account shows it controls its contact. */
  public enum Channel {
    EMAIL,
    PHONE
  }

  /** A sign-up as typed: {@code contact} is an e-mail address or a Kenyan phone number. */
  public record SignUp(String name, String contact, String password, Locale language) {}

  /** The new account and where its verification went. */
  public record SignedUp(String publicId, Channel channel) {}

  /**
   * Creates an account and sends its verification (a link by e-mail, a code by SMS).
   *
   * @throws InvalidInput 400 naming each field that is wrong; nothing is stored
   * @throws UserError 409 when an account with this contact exists
   */
  public SignedUp signUp(SignUp command) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = command.name() == null ? "" : command.name().strip().replaceAll("\\s+", " ");
    if (name.isEmpty()
        || name.length() > MAX_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      errors.put("name", "signup.name.invalid");
    }
    String raw = command.contact() == null ? "" : command.contact();
    boolean byEmail = Contacts.looksLikeEmail(raw);
    Optional<String> contact = byEmail ? Contacts.email(raw) : Contacts.kenyanPhone(raw);
    if (contact.isEmpty()) {
      errors.put("contact", byEmail ? "signup.email.invalid" : "signup.phone.invalid");
    }
    policy
        .problem(command.password(), name, contact.orElse(null))
        .ifPresent(problem -> errors.put("password", problem));
    if (!errors.isEmpty()) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, errors);
    }
    String value = contact.get();
    if (byEmail ? accounts.existsByEmail(value) : accounts.existsByPhone(value)) {
      throw UserError.conflict("signup.exists");
    }
    String language = language(command.language());
    String hash = encoder.encode(command.password());
    Account account;
    String secret;
    try {
      var created =
          tx.execute(
              status -> {
                Instant now = clock.instant();
                Account saved =
                    accounts.saveAndFlush(
                        new Account(
                            name,
                            byEmail ? value : null,
                            byEmail ? null : value,
                            hash,
                            language,
                            now));
                return Map.entry(
                    saved,
                    issue(
                        saved,
                        byEmail
                            ? AccountToken.Purpose.VERIFY_EMAIL
                            : AccountToken.Purpose.VERIFY_PHONE,
                        now));
              });
      account = created.getKey();
      secret = created.getValue();
    } catch (DataIntegrityViolationException duplicate) {
      throw UserError.conflict("signup.exists");
    }
    audit.record(account.publicId(), "accounts:signed-up", account.publicId(), null);
    sendVerification(account, byEmail ? Channel.EMAIL : Channel.PHONE, secret);
    return new SignedUp(account.publicId(), byEmail ? Channel.EMAIL : Channel.PHONE);
  }

  private String issue(Account account, AccountToken.Purpose purpose, Instant now) {
    boolean sms = purpose == AccountToken.Purpose.VERIFY_PHONE;
    String secret = sms ? Secrets.sixDigits() : Secrets.token();
    Duration life =
        switch (purpose) {
          case VERIFY_EMAIL -> EMAIL_TOKEN_LIFE;
          case VERIFY_PHONE -> SMS_CODE_LIFE;
          case RESET_PASSWORD -> RESET_TOKEN_LIFE;
        };
    tokens.save(
        new AccountToken(
            account.id(), purpose, hashOf(account, purpose, secret), now.plus(life), now));
    return secret;
  }

  /** Codes of six digits are hashed with their account so that equal codes never collide. */
  private static String hashOf(Account account, AccountToken.Purpose purpose, String secret) {
    return purpose == AccountToken.Purpose.VERIFY_PHONE
        ? Secrets.sha256(account.id() + ":" + secret)
        : Secrets.sha256(secret);
  }

  private void sendVerification(Account account, Channel channel, String secret) {
    Locale locale = Locale.forLanguageTag(account.language());
    try {
      if (channel == Channel.EMAIL) {
        String link = baseUrl + "/account/verify-email?token=" + secret;
        notifier.email(
            account.email(),
            messages.getMessage("mail.verify.subject", null, locale),
            messages.getMessage(
                "mail.verify.body", new Object[] {account.displayName(), link}, locale));
      } else {
        notifier.sms(
            account.phone(), messages.getMessage("sms.verify", new Object[] {secret}, locale));
      }
    } catch (RuntimeException e) {
      log.warn(
          "Verification for account {} could not be sent: {}", account.publicId(), e.toString());
    }
  }

  /** Sends a new verification to an account that has not verified yet (at most 3 an hour). */
  public void resendVerification(Long accountId) {
    Account account = accounts.findById(accountId).orElseThrow();
    if (account.contactVerified()) {
      return;
    }
    Channel channel = account.email() != null ? Channel.EMAIL : Channel.PHONE;
    AccountToken.Purpose purpose =
        channel == Channel.EMAIL
            ? AccountToken.Purpose.VERIFY_EMAIL
            : AccountToken.Purpose.VERIFY_PHONE;
    if (recentlySent(account, purpose)) {
      throw new UserError(HttpStatus.TOO_MANY_REQUESTS, "error.429");
    }
    String secret = tx.execute(status -> issue(account, purpose, clock.instant()));
    sendVerification(account, channel, secret);
  }

  private boolean recentlySent(Account account, AccountToken.Purpose purpose) {
    return tokens.countByAccountIdAndPurposeAndCreatedAtAfter(
            account.id(), purpose, clock.instant().minus(Duration.ofHours(1)))
        >= MESSAGES_PER_HOUR;
  }

  /** Marks the e-mail address verified; false when the link is unknown, used or expired. */
  public boolean verifyEmail(String token) {
    if (token == null || token.length() > 100) {
      return false;
    }
    Boolean done =
        tx.execute(
            status -> {
              Instant now = clock.instant();
              Optional<AccountToken> found = tokens.findByTokenHash(Secrets.sha256(token));
              if (found.isEmpty()
                  || found.get().purpose() != AccountToken.Purpose.VERIFY_EMAIL
                  || !found.get().usable(now)) {
                return false;
              }
              found.get().use(now);
              accounts.findById(found.get().accountId()).orElseThrow().verifyEmail(now);
              return true;
            });
    return Boolean.TRUE.equals(done);
  }

  /** Marks the phone verified when the code matches; five wrong codes spend the code. */
  public boolean verifyPhone(String rawPhone, String code) {
    Optional<String> phone = Contacts.kenyanPhone(rawPhone);
    if (phone.isEmpty() || code == null) {
      return false;
    }
    Boolean done =
        tx.execute(
            status -> {
              Instant now = clock.instant();
              Optional<Account> account = accounts.findByPhone(phone.get());
              if (account.isEmpty()) {
                return false;
              }
              String digits = code.replaceAll("\\s", "");
              Optional<AccountToken> found =
                  tokens.findByTokenHash(
                      hashOf(account.get(), AccountToken.Purpose.VERIFY_PHONE, digits));
              if (found.isPresent()
                  && found.get().accountId().equals(account.get().id())
                  && found.get().usable(now)) {
                found.get().use(now);
                account.get().verifyPhone(now);
                return true;
              }
              return false;
            });
    return Boolean.TRUE.equals(done);
  }

  /**
   * Sends a password-reset link to the e-mail address or phone number, if an account has it. The
   * caller answers the same either way, so nobody learns whether an account exists.
   */
  public void requestPasswordReset(String rawContact) {
    Optional<String> contact = Contacts.signInName(rawContact);
    if (contact.isEmpty()) {
      return;
    }
    Optional<Account> account =
        Contacts.looksLikeEmail(rawContact)
            ? accounts.findByEmail(contact.get())
            : accounts.findByPhone(contact.get());
    if (account.isEmpty() || recentlySent(account.get(), AccountToken.Purpose.RESET_PASSWORD)) {
      return;
    }
    String token =
        tx.execute(
            status -> issue(account.get(), AccountToken.Purpose.RESET_PASSWORD, clock.instant()));
    String link = baseUrl + "/password/reset?token=" + token;
    Locale locale = Locale.forLanguageTag(account.get().language());
    try {
      if (Contacts.looksLikeEmail(rawContact)) {
        notifier.email(
            account.get().email(),
            messages.getMessage("mail.reset.subject", null, locale),
            messages.getMessage(
                "mail.reset.body", new Object[] {account.get().displayName(), link}, locale));
      } else {
        notifier.sms(
            account.get().phone(), messages.getMessage("sms.reset", new Object[] {link}, locale));
      }
    } catch (RuntimeException e) {
      log.warn(
          "Reset for account {} could not be sent: {}", account.get().publicId(), e.toString());
    }
  }

  /** Whether a reset link is still good (to show the form or say it has expired). */
  public boolean resetTokenUsable(String token) {
    if (token == null || token.length() > 100) {
      return false;
    }
    return tokens
        .findByTokenHash(Secrets.sha256(token))
        .filter(
            t -> t.purpose() == AccountToken.Purpose.RESET_PASSWORD && t.usable(clock.instant()))
        .isPresent();
  }

  /**
   * Sets a new password with a reset link; ends every session of the account. A reset by link also
   * proves the contact it was sent to.
   *
   * @throws UserError 400 when the link is unknown, used or expired
   * @throws InvalidInput 400 when the password is not acceptable
   */
  public void resetPassword(String token, String newPassword) {
    if (!resetTokenUsable(token)) {
      throw UserError.badRequest("reset.invalid");
    }
    AccountToken found = tokens.findByTokenHash(Secrets.sha256(token)).orElseThrow();
    Account account = accounts.findById(found.accountId()).orElseThrow();
    policy
        .problem(newPassword, account.displayName(), account.email(), account.phone())
        .ifPresent(
            p -> {
              throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("password", p));
            });
    String hash = encoder.encode(newPassword);
    tx.executeWithoutResult(
        status -> {
          Instant now = clock.instant();
          AccountToken fresh = tokens.findById(found.id()).orElseThrow();
          if (!fresh.usable(now)) {
            throw UserError.badRequest("reset.invalid");
          }
          fresh.use(now);
          Account owner = accounts.findById(account.id()).orElseThrow();
          owner.changePassword(hash, now);
          if (owner.email() != null) {
            owner.verifyEmail(now);
          } else {
            owner.verifyPhone(now);
          }
        });
    audit.record(account.publicId(), "accounts:password-reset", account.publicId(), null);
  }

  /**
   * Changes the password of a signed-in account after checking the current one; every other session
   * of the account ends.
   */
  public void changePassword(Long accountId, String current, String newPassword) {
    Account account = accounts.findById(accountId).orElseThrow();
    if (current == null || !encoder.matches(current, account.passwordHash())) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("current", "password.current-wrong"));
    }
    policy
        .problem(newPassword, account.displayName(), account.email(), account.phone())
        .ifPresent(
            p -> {
              throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("password", p));
            });
    String hash = encoder.encode(newPassword);
    tx.executeWithoutResult(
        status -> accounts.findById(accountId).orElseThrow().changePassword(hash, clock.instant()));
    audit.record(account.publicId(), "accounts:password-changed", account.publicId(), null);
  }

  /** Turns on TOTP when the first code from the app matches the new secret. */
  public boolean enableTotp(Long accountId, String secret, String code) {
    Instant now = clock.instant();
    OptionalLong step = Totp.verify(secret, code, now);
    if (step.isEmpty()) {
      return false;
    }
    tx.executeWithoutResult(
        status ->
            accounts.findById(accountId).orElseThrow().enableTotp(secret, step.getAsLong(), now));
    audit.record(publicIdOf(accountId), "accounts:totp-enabled", publicIdOf(accountId), null);
    return true;
  }

  /** Checks a second-factor code; a code is accepted once only. */
  public boolean checkTotp(Long accountId, String code) {
    Boolean ok =
        tx.execute(
            status -> {
              Account account = accounts.findById(accountId).orElseThrow();
              if (!account.totpEnabled()) {
                return false;
              }
              OptionalLong step = Totp.verify(account.totpSecret(), code, clock.instant());
              return step.isPresent() && account.acceptTotpStep(step.getAsLong());
            });
    return Boolean.TRUE.equals(ok);
  }

  /** The account as signed in now, with its grants; empty when the name is unknown. */
  Optional<AccountPrincipal> principal(String signInName) {
    Optional<String> name = Contacts.signInName(signInName);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<Account> account =
        Contacts.looksLikeEmail(signInName)
            ? accounts.findByEmail(name.get())
            : accounts.findByPhone(name.get());
    return account.map(a -> new AccountPrincipal(a, grantsOf(a.id()), clock.instant()));
  }

  List<AccountPrincipal.Grant> grantsOf(Long accountId) {
    return grants.findByAccountIdOrderByRoleAscCountyCodeAsc(accountId).stream()
        .map(g -> new AccountPrincipal.Grant(g.role(), g.countyCode(), g.scopeRef()))
        .toList();
  }

  /** Whether a session signed in at {@code signedInAt} is still valid for the account. */
  boolean sessionValid(Long accountId, Instant signedInAt) {
    return accounts
        .findById(accountId)
        .map(a -> !signedInAt.isBefore(a.sessionsValidAfter()))
        .orElse(false);
  }

  public Optional<Account> account(Long id) {
    return accounts.findById(id);
  }

  public Optional<Account> accountByPublicId(String publicId) {
    return accounts.findByPublicId(publicId);
  }

  private String publicIdOf(Long accountId) {
    return accounts.findById(accountId).map(Account::publicId).orElse(null);
  }

  /** Keeps the language a signed-in person chose for the e-mails and SMS they receive. */
  @EventListener
  void on(LanguageChosen chosen) {
    tx.executeWithoutResult(
        status ->
            accounts
                .findByPublicId(chosen.accountPublicId())
                .ifPresent(account -> account.changeLanguage(language(chosen.language()))));
  }

  /** A page of accounts for administrators, searched by name or contact, with their grants. */
  public Page<Account> search(String query, int page) {
    String q = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)) + "%";
    return accounts.search(q, PageRequest.of(Math.max(0, page), 25, Sort.by("displayName", "id")));
  }

  /** The grants of several accounts in one query, by account id. */
  public Map<Long, List<RoleGrant>> grantsByAccount(List<Long> accountIds) {
    Map<Long, List<RoleGrant>> result = new LinkedHashMap<>();
    for (RoleGrant grant : grants.findByAccountIdIn(accountIds)) {
      result.computeIfAbsent(grant.accountId(), k -> new java.util.ArrayList<>()).add(grant);
    }
    return result;
  }

  public List<RoleGrant> grantsOfAccount(Long accountId) {
    return grants.findByAccountIdOrderByRoleAscCountyCodeAsc(accountId);
  }

  /**
   * Grants {@code role} in {@code countyCode} ({@code null}: every county). An administrator of a
   * county grants in that county only; only an administrator of every county grants everywhere.
   * Privileged roles go only to accounts with a verified contact. The account's sessions end, so
   * that the role and its second factor take effect at the next sign-in.
   */
  public void grant(
      AccountPrincipal actor,
      String targetPublicId,
      Role role,
      String countyCode,
      String scopeRef) {
    if (role == null) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("role", "grant.role.invalid"));
    }
    if (countyCode != null && !geography.isCounty(countyCode)) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("county", "grant.county.invalid"));
    }
    String scope = scopeRef == null || scopeRef.isBlank() ? null : scopeRef.strip();
    if (role == Role.ORGANISATION_EDITOR && scope == null) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("scope", "grant.scope.needed"));
    }
    if (scope != null && !inCounty(scope, countyCode)) {
      throw new InvalidInput(HttpStatus.BAD_REQUEST, Map.of("scope", "grant.scope.invalid"));
    }
    requireAdministrator(actor, countyCode);
    Account target =
        accounts.findByPublicId(targetPublicId).orElseThrow(() -> UserError.notFound("error.404"));
    if (role.privileged() && !target.contactVerified()) {
      throw UserError.badRequest("grant.unverified");
    }
    try {
      tx.executeWithoutResult(
          status -> {
            Instant now = clock.instant();
            grants.saveAndFlush(
                new RoleGrant(target.id(), role, countyCode, scope, actor.publicId(), now));
            accounts.findById(target.id()).orElseThrow().endSessions(now);
          });
    } catch (DataIntegrityViolationException alreadyHeld) {
      return;
    }
    audit.record(
        actor.publicId(), "accounts:role-granted:" + role.name(), target.publicId(), countyCode);
  }

  /** Revokes one grant; the account's sessions end at once. */
  public void revoke(AccountPrincipal actor, String targetPublicId, Long grantId) {
    Account target =
        accounts.findByPublicId(targetPublicId).orElseThrow(() -> UserError.notFound("error.404"));
    RoleGrant grant =
        grants
            .findById(grantId)
            .filter(g -> g.accountId().equals(target.id()))
            .orElseThrow(() -> UserError.notFound("error.404"));
    requireAdministrator(actor, grant.countyCode());
    tx.executeWithoutResult(
        status -> {
          grants.deleteById(grant.id());
          accounts.findById(target.id()).orElseThrow().endSessions(clock.instant());
        });
    audit.record(
        actor.publicId(),
        "accounts:role-revoked:" + grant.role().name(),
        target.publicId(),
        grant.countyCode());
  }

  /** Whether the organisation or body {@code scope} belongs to {@code countyCode}. */
  private boolean inCounty(String scope, String countyCode) {
    return countyCode != null
        && scopes.stream().anyMatch(s -> s.countyOf(scope).filter(countyCode::equals).isPresent());
  }

  private static void requireAdministrator(AccountPrincipal actor, String countyCode) {
    boolean allowed =
        countyCode == null
            ? actor.grants().stream()
                .anyMatch(g -> g.role() == Role.ADMINISTRATOR && g.countyCode() == null)
            : actor.holds(Role.ADMINISTRATOR, countyCode);
    if (!allowed) {
      throw UserError.forbidden();
    }
  }

  /**
   * Creates the first administrator (of every county) with a one-time link to set a password.
   *
   * @return the link, to be shown once to the operator
   * @throws IllegalStateException when an administrator exists already
   */
  public String bootstrapAdmin(String rawEmail, String name) {
    if (grants.existsByRole(Role.ADMINISTRATOR)) {
      throw new IllegalStateException(
          "An administrator exists already; grant roles on /admin/users.");
    }
    String email =
        Contacts.email(rawEmail)
            .orElseThrow(() -> new IllegalArgumentException("Not an e-mail address"));
    String token =
        tx.execute(
            status -> {
              Instant now = clock.instant();
              Account account =
                  accounts
                      .findByEmail(email)
                      .orElseGet(
                          () ->
                              accounts.save(
                                  new Account(
                                      name,
                                      email,
                                      null,
                                      encoder.encode(Secrets.token()),
                                      "en",
                                      now)));
              grants.save(new RoleGrant(account.id(), Role.ADMINISTRATOR, null, null, null, now));
              account.endSessions(now);
              return issue(account, AccountToken.Purpose.RESET_PASSWORD, now);
            });
    audit.record(null, "accounts:bootstrap-admin", null, null);
    return baseUrl + "/password/reset?token=" + token;
  }

  private static String language(Locale locale) {
    return locale != null && "sw".equals(locale.getLanguage()) ? "sw" : "en";
  }
}
