package ke.baraza.accounts.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A single-use, short-lived secret sent to a person: only its SHA-256 hash is stored, so the
 * database never holds a usable code.
 */
@Entity
@Table(name = "account_token")
class AccountToken {

  enum Purpose {
    VERIFY_EMAIL,
    VERIFY_PHONE,
    RESET_PASSWORD
  }

  static final int MAX_ATTEMPTS = 5;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long accountId;

  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  private String tokenHash;
  private Instant expiresAt;
  private Instant usedAt;
  private int attempts;
  private Instant createdAt;

  protected AccountToken() {}

  AccountToken(Long accountId, Purpose purpose, String tokenHash, Instant expiresAt, Instant now) {
    this.accountId = accountId;
    this.purpose = purpose;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  boolean usable(Instant now) {
    return usedAt == null && now.isBefore(expiresAt) && attempts < MAX_ATTEMPTS;
  }

  void use(Instant now) {
    usedAt = now;
  }

  void failedAttempt() {
    attempts++;
  }

  Long id() {
    return id;
  }

  Long accountId() {
    return accountId;
  }

  Purpose purpose() {
    return purpose;
  }

  String tokenHash() {
    return tokenHash;
  }
}
