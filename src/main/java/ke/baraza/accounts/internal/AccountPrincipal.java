package ke.baraza.accounts.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.Role;
import ke.baraza.platform.SignedInUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as the session keeps it: ids, name, language and grants, never contact
 * details. The password hash is erased once the password has been checked.
 */
public final class AccountPrincipal
    implements UserDetails, SignedInUser, CredentialsContainer, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * One role in one county ({@code null}: every county), possibly for one organisation or body
   * ({@code scopeRef}, its public id).
   */
  public record Grant(Role role, String countyCode, String scopeRef) implements Serializable {}

  private final Long id;
  private final String publicId;
  private final String displayName;
  private final String language;
  private String passwordHash;
  private final List<Grant> grants;
  private final boolean totpEnabled;
  private final Instant signedInAt;

  AccountPrincipal(Account account, List<Grant> grants, Instant signedInAt) {
    this.id = account.id();
    this.publicId = account.publicId();
    this.displayName = account.displayName();
    this.language = account.language();
    this.passwordHash = account.passwordHash();
    this.grants = List.copyOf(grants);
    this.totpEnabled = account.totpEnabled();
    this.signedInAt = signedInAt;
  }

  public Long id() {
    return id;
  }

  @Override
  public String publicId() {
    return publicId;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public Locale language() {
    return Locale.forLanguageTag(language);
  }

  @Override
  public boolean holds(Role role, String countyCode) {
    return grants.stream()
        .anyMatch(
            g ->
                g.role() == role
                    && g.scopeRef() == null
                    && (g.countyCode() == null || g.countyCode().equals(countyCode)));
  }

  @Override
  public boolean holdsFor(Role role, String scopeRef) {
    return scopeRef != null
        && grants.stream().anyMatch(g -> g.role() == role && scopeRef.equals(g.scopeRef()));
  }

  @Override
  public boolean holdsAnywhere(Role role) {
    return grants.stream().anyMatch(g -> g.role() == role);
  }

  public List<Grant> grants() {
    return grants;
  }

  /** Privileged roles need a second factor at every sign-in. */
  public boolean needsSecondFactor() {
    return grants.stream().anyMatch(g -> g.role().privileged());
  }

  public boolean totpEnabled() {
    return totpEnabled;
  }

  public Instant signedInAt() {
    return signedInAt;
  }

  /** The authorities of a full sign-in: every factor the account needs has been given. */
  public List<GrantedAuthority> fullAuthorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(CurrentUser.SIGNED_IN_AUTHORITY));
    if (needsSecondFactor()) {
      authorities.add(new SimpleGrantedAuthority("STAFF"));
    }
    grants.stream()
        .map(g -> "ROLE_" + g.role().name())
        .distinct()
        .forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
    return authorities;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return publicId;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
