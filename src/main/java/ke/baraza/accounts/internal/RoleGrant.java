package ke.baraza.accounts.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import ke.baraza.platform.Role;

/** A role held by an account in one county, or in every county when the county is null. */
@Entity
@Table(name = "role_grant")
public class RoleGrant {

  static final String EVERY_COUNTY = "*";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long accountId;

  @Enumerated(EnumType.STRING)
  private Role role;

  private String countyCode;
  private String scopeKey;
  private String scopeRef;
  private String grantedBy;
  private Instant grantedAt;

  protected RoleGrant() {}

  RoleGrant(
      Long accountId,
      Role role,
      String countyCode,
      String scopeRef,
      String grantedBy,
      Instant now) {
    this.accountId = accountId;
    this.role = role;
    this.countyCode = countyCode;
    this.scopeRef = scopeRef;
    this.scopeKey =
        (countyCode == null ? EVERY_COUNTY : countyCode) + (scopeRef == null ? "" : ":" + scopeRef);
    this.grantedBy = grantedBy;
    this.grantedAt = now;
  }

  public Long id() {
    return id;
  }

  Long accountId() {
    return accountId;
  }

  public Role role() {
    return role;
  }

  /** The county code, or {@code null} for every county. */
  public String countyCode() {
    return countyCode;
  }

  /** The public id of the organisation or body the role is for, or {@code null}. */
  public String scopeRef() {
    return scopeRef;
  }

  public Instant grantedAt() {
    return grantedAt;
  }
}
