package ke.baraza.directory;

/** The kinds of organisation a county's coordination brings together. */
public enum OrganisationType {
  CSO,
  CBO,
  NGO,
  FBO,
  SELF_HELP_GROUP,
  WOMENS_GROUP,
  YOUTH_GROUP,
  PWD_GROUP,
  IMPLEMENTING_PARTNER,
  DONOR,
  COUNTY_DEPARTMENT,
  ASSEMBLY_COMMITTEE,
  NATIONAL_AGENCY,
  MEDIA,
  ACADEMIA,
  PRIVATE_SECTOR;

  public String messageKey() {
    return "org.type." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
