package ke.baraza.directory.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import ke.baraza.directory.Demographics;
import ke.baraza.directory.Demographics.AgeBand;
import ke.baraza.directory.Demographics.Gender;
import ke.baraza.shared.PublicId;

/**
 * A person of one county who works with one or more of its organisations, with a title in each.
 * Once merged into another record (the same person entered twice) it keeps its history but no
 * links: {@link #mergedIntoId()} names the survivor.
 */
@Entity
@Table(name = "person")
public class Person {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private String countyCode;
  private String name;
  private String nameKey;
  private String title;
  private String email;
  private String phone;
  private String language;

  @Enumerated(EnumType.STRING)
  private Gender gender;

  @Enumerated(EnumType.STRING)
  private AgeBand ageBand;

  private Boolean disability;
  private Instant consentAt;
  private Long mergedIntoId;
  private String createdBy;
  private Instant createdAt;
  private Instant updatedAt;
  @Version private long version;

  /** Organisation id to the person's title there ("" for none). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "person_organisation", joinColumns = @JoinColumn(name = "person_id"))
  @MapKeyColumn(name = "organisation_id")
  @Column(name = "title")
  private Map<Long, String> organisations = new HashMap<>();

  protected Person() {}

  Person(String countyCode, PersonDetails details, String createdBy, Instant now) {
    this.publicId = PublicId.next();
    this.countyCode = countyCode;
    this.createdBy = createdBy;
    this.createdAt = now;
    apply(details, now);
  }

  /**
   * Replaces what an editor may change. Demographics are kept only while consent is given: without
   * it they are erased, with it the moment of consent is the first time it was given.
   */
  void apply(PersonDetails details, Instant now) {
    this.name = details.name();
    this.nameKey = OrganisationDetails.key(details.name());
    this.title = details.title();
    this.email = details.email();
    this.phone = details.phone();
    this.language = details.language();
    if (details.consent()) {
      this.consentAt = consentAt == null ? now : consentAt;
      this.gender = details.demographics().gender();
      this.ageBand = details.demographics().ageBand();
      this.disability = details.demographics().disability();
    } else {
      this.consentAt = null;
      this.gender = null;
      this.ageBand = null;
      this.disability = null;
    }
    this.updatedAt = now;
  }

  /** Links the person to an organisation, or changes their title there. */
  void join(Long organisationId, String title) {
    organisations.put(organisationId, title == null ? "" : title);
  }

  void leave(Long organisationId) {
    organisations.remove(organisationId);
  }

  /**
   * Takes over everything of {@code other}, the same person entered twice: its organisations (a
   * title is kept where this record has one), contacts and consented demographics where this record
   * has none. {@code other} is marked merged into this one and loses its links.
   */
  void absorb(Person other, Instant now) {
    other.organisations.forEach(
        (org, otherTitle) -> organisations.merge(org, otherTitle, (t, o) -> t.isEmpty() ? o : t));
    if (email == null) {
      email = other.email;
    }
    if (phone == null) {
      phone = other.phone;
    }
    if (title == null) {
      title = other.title;
    }
    if (consentAt == null && other.consentAt != null) {
      consentAt = other.consentAt;
      gender = other.gender;
      ageBand = other.ageBand;
      disability = other.disability;
    }
    other.organisations.clear();
    other.mergedIntoId = id;
    other.updatedAt = now;
    updatedAt = now;
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

  public String name() {
    return name;
  }

  /** The person's usual title (e.g. "Programme Officer"), or {@code null}. */
  public String title() {
    return title;
  }

  /** The e-mail address, or {@code null}: show it only where contacts are visible. */
  public String email() {
    return email;
  }

  /** The phone number in E.164, or {@code null}: show it only where contacts are visible. */
  public String phone() {
    return phone;
  }

  /** {@code en} or {@code sw}. */
  public String language() {
    return language;
  }

  /** What the person consented to tell, or {@link Demographics#NONE}. */
  public Demographics demographics() {
    return new Demographics(gender, ageBand, disability);
  }

  /** When the person consented to keep their demographics, or {@code null}. */
  public Instant consentAt() {
    return consentAt;
  }

  /** The record this one was merged into, or {@code null} while it is live. */
  public Long mergedIntoId() {
    return mergedIntoId;
  }

  /** Organisation id to the person's title there ("" for none). */
  public Map<Long, String> organisations() {
    return Map.copyOf(organisations);
  }

  public long version() {
    return version;
  }

  String nameKey() {
    return nameKey;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
