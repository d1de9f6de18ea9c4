package ke.baraza.accounts.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import ke.baraza.shared.PublicId;

/** A person's account. State changes go through methods named for what happens. */
@Entity
@Table(name = "account")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private String displayName;
  private String email;
  private String phone;
  private String passwordHash;
  private String language;
  private Instant emailVerifiedAt;
  private Instant phoneVerifiedAt;
  private String totpSecret;
  private Instant totpEnabledAt;
  private Long totpLastStep;
  private Instant sessionsValidAfter;
  private Instant createdAt;

  protected Account() {}

  Account(
      String displayName,
      String email,
      String phone,
      String passwordHash,
      String language,
      Instant now) {
    this.publicId = PublicId.next();
    this.displayName = displayName;
    this.email = email;
    this.phone = phone;
    this.passwordHash = passwordHash;
    this.language = language;
    this.createdAt = now;
    this.sessionsValidAfter = now;
  }

  void verifyEmail(Instant now) {
    if (emailVerifiedAt == null) {
      emailVerifiedAt = now;
    }
  }

  void verifyPhone(Instant now) {
    if (phoneVerifiedAt == null) {
      phoneVerifiedAt = now;
    }
  }

  /** Sets a new password and ends every session signed in before now. */
  void changePassword(String newHash, Instant now) {
    this.passwordHash = newHash;
    endSessions(now);
  }

  /** Every session signed in before {@code now} ends at its next request. */
  void endSessions(Instant now) {
    this.sessionsValidAfter = now;
  }

  void enableTotp(String secret, long step, Instant now) {
    this.totpSecret = secret;
    this.totpEnabledAt = now;
    this.totpLastStep = step;
  }

  /** Records the time step of an accepted code so that it cannot be used twice. */
  boolean acceptTotpStep(long step) {
    if (totpLastStep != null && step <= totpLastStep) {
      return false;
    }
    totpLastStep = step;
    return true;
  }

  void changeLanguage(String language) {
    this.language = language;
  }

  public Long id() {
    return id;
  }

  public String publicId() {
    return publicId;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  String passwordHash() {
    return passwordHash;
  }

  public String language() {
    return language;
  }

  public boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  public boolean phoneVerified() {
    return phoneVerifiedAt != null;
  }

  /** Whether the account has shown that it controls its e-mail address or phone number. */
  public boolean contactVerified() {
    return emailVerified() || phoneVerified();
  }

  String totpSecret() {
    return totpSecret;
  }

  public boolean totpEnabled() {
    return totpEnabledAt != null;
  }

  Instant sessionsValidAfter() {
    return sessionsValidAfter;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
