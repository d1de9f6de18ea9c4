package ke.baraza.directory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import ke.baraza.directory.BodyKind;
import ke.baraza.directory.BodyLevel;
import ke.baraza.shared.PublicId;

/** A network or coordination body of one county: MCCN, KCOP, a steering committee… */
@Entity
@Table(name = "body")
public class Body {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private String countyCode;

  @Enumerated(EnumType.STRING)
  private BodyKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "body_level")
  private BodyLevel level;

  private String areaCode;
  private String name;
  private String acronym;
  private String description;
  private Long secretariatId;
  private String createdBy;
  private Instant createdAt;
  @Version private long version;

  protected Body() {}

  Body(
      String countyCode,
      BodyKind kind,
      BodyLevel level,
      String areaCode,
      String name,
      String acronym,
      String description,
      Long secretariatId,
      String createdBy,
      Instant now) {
    this.publicId = PublicId.next();
    this.countyCode = countyCode;
    this.kind = kind;
    this.level = level;
    this.areaCode = areaCode;
    this.name = name;
    this.acronym = acronym;
    this.description = description;
    this.secretariatId = secretariatId;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public String publicId() {
    return publicId;
  }

  public String countyCode() {
    return countyCode;
  }

  public BodyKind kind() {
    return kind;
  }

  public BodyLevel level() {
    return level;
  }

  /** The sub-county or ward code of a body below county level, or {@code null}. */
  public String areaCode() {
    return areaCode;
  }

  public String name() {
    return name;
  }

  public String acronym() {
    return acronym;
  }

  public String description() {
    return description;
  }

  public Long secretariatId() {
    return secretariatId;
  }
}
