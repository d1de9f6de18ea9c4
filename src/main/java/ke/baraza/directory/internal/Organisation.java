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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import ke.baraza.directory.OrganisationStatus;
import ke.baraza.directory.OrganisationType;
import ke.baraza.directory.RegistrationBody;
import ke.baraza.shared.PublicId;
import org.hibernate.annotations.BatchSize;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * An organisation of one county: a CSO, a self-help group, a county department, a donor…
 *
 * <p>Indexed for the public directory's search ({@link OrganisationIndex}). The index name carries
 * a version: change it with the mapping, and the next start-up builds the new index from the
 * database ({@link SearchIndexStartup}).
 */
@Entity
@Table(name = "organisation")
@Indexed(index = "organisation-v1")
public class Organisation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @KeywordField(sortable = Sortable.YES)
  private String publicId;

  @KeywordField private String countyCode;
  private String identifier;

  @FullTextField(analyzer = SearchIndexSettings.TEXT)
  private String name;

  @KeywordField(name = "nameSort", sortable = Sortable.YES)
  private String nameKey;

  @FullTextField(analyzer = SearchIndexSettings.TEXT)
  private String acronym;

  @Enumerated(EnumType.STRING)
  @Column(name = "org_type")
  @KeywordField
  private OrganisationType type;

  @Enumerated(EnumType.STRING)
  private RegistrationBody registrationBody;

  private String registrationNumber;
  private LocalDate registrationDate;
  private String homeWardCode;
  private String email;
  private String phone;
  private String website;

  @FullTextField(analyzer = SearchIndexSettings.TEXT)
  private String description;

  @Enumerated(EnumType.STRING)
  private OrganisationStatus status;

  private boolean verified;
  private Long affiliatedToId;
  private String createdBy;
  private Instant createdAt;

  @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
  private Instant updatedAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "organisation_ward", joinColumns = @JoinColumn(name = "organisation_id"))
  @Column(name = "ward_code")
  @BatchSize(size = 100)
  @KeywordField(name = "wards", aggregable = Aggregable.YES)
  private Set<String> wardCodes = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "organisation_theme", joinColumns = @JoinColumn(name = "organisation_id"))
  @Column(name = "thematic_area_id")
  @BatchSize(size = 100)
  @GenericField(name = "themes", aggregable = Aggregable.YES)
  private Set<Long> themeIds = new HashSet<>();

  protected Organisation() {}

  Organisation(String countyCode, OrganisationDetails details, String createdBy, Instant now) {
    this.publicId = PublicId.next();
    this.countyCode = countyCode;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.status = OrganisationStatus.ACTIVE;
    apply(details, now);
  }

  /** Replaces what a coordinator or editor may change; the identifier follows the registration. */
  void apply(OrganisationDetails details, Instant now) {
    this.name = details.name();
    this.nameKey = OrganisationDetails.key(details.name());
    this.acronym = details.acronym();
    this.type = details.type();
    this.registrationBody = details.registrationBody();
    this.registrationNumber = details.registrationNumber();
    this.registrationDate = details.registrationDate();
    this.homeWardCode = details.homeWardCode();
    this.email = details.email();
    this.phone = details.phone();
    this.website = details.website();
    this.description = details.description();
    if (details.status() != null) {
      this.status = details.status();
    }
    this.affiliatedToId = details.affiliatedToId();
    this.wardCodes.clear();
    this.wardCodes.addAll(details.wardCodes());
    if (homeWardCode != null) {
      this.wardCodes.add(homeWardCode); // the home ward is a ward of operation: one field to filter
    }
    this.themeIds.clear();
    this.themeIds.addAll(details.themeIds());
    this.identifier = identifierFor(details, countyCode, publicId);
    this.updatedAt = now;
  }

  /** Marks the registration as checked by county staff. */
  void verify(boolean verified) {
    this.verified = verified;
  }

  static String identifierFor(OrganisationDetails details, String countyCode, String publicId) {
    RegistrationBody body = details.registrationBody();
    String number = details.registrationNumber();
    if (body != null && body.orgIdPrefix() != null && number != null && !number.isBlank()) {
      return body.orgIdPrefix()
          + "-"
          + number.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9/.-]", "");
    }
    return "KE-BARAZA-" + countyCode + "-" + publicId.toUpperCase(java.util.Locale.ROOT);
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

  public String identifier() {
    return identifier;
  }

  public String name() {
    return name;
  }

  String nameKey() {
    return nameKey;
  }

  public String acronym() {
    return acronym;
  }

  public OrganisationType type() {
    return type;
  }

  public RegistrationBody registrationBody() {
    return registrationBody;
  }

  public String registrationNumber() {
    return registrationNumber;
  }

  public LocalDate registrationDate() {
    return registrationDate;
  }

  public String homeWardCode() {
    return homeWardCode;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public String website() {
    return website;
  }

  public String description() {
    return description;
  }

  public OrganisationStatus status() {
    return status;
  }

  public boolean verified() {
    return verified;
  }

  public Long affiliatedToId() {
    return affiliatedToId;
  }

  public Set<String> wardCodes() {
    return Set.copyOf(wardCodes);
  }

  public Set<Long> themeIds() {
    return Set.copyOf(themeIds);
  }

  public long version() {
    return version;
  }
}
