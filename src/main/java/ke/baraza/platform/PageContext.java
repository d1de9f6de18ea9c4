package ke.baraza.platform;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page template receives as {@code ctx}: the language and its messages, the CSRF token,
 * who is signed in and the county selector. Built per request by the platform.
 */
public final class PageContext {

  /**
   * The request attribute in which a page names the county it is about, so that the county selector
   * shows it.
   */
  public static final String COUNTY_ATTRIBUTE = "baraza.county";

  private final MessageSource messages;
  private final Locale locale;
  private final java.util.function.Supplier<String> csrfParameter;
  private final java.util.function.Supplier<String> csrfToken;
  private final SignedInUser user;
  private final boolean partiallySignedIn;
  private final String path;
  private final String query;
  private final java.util.function.Supplier<List<CountyChoices.Choice>> counties;
  private final java.util.function.Supplier<String> countyCode;

  public PageContext(
      MessageSource messages,
      Locale locale,
      java.util.function.Supplier<String> csrfParameter,
      java.util.function.Supplier<String> csrfToken,
      SignedInUser user,
      boolean partiallySignedIn,
      String path,
      String query,
      java.util.function.Supplier<List<CountyChoices.Choice>> counties,
      java.util.function.Supplier<String> countyCode) {
    this.messages = messages;
    this.locale = locale;
    this.csrfParameter = csrfParameter;
    this.csrfToken = csrfToken;
    this.user = user;
    this.partiallySignedIn = partiallySignedIn;
    this.path = path;
    this.query = query;
    this.counties = counties;
    this.countyCode = countyCode;
  }

  /** The message {@code key} in the page's language, with {@code args} filled in. */
  public String t(String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /**
   * A moment as people in Kenya read it (East Africa Time), e.g. "23 Nov 2026, 14:05"; "" for null.
   */
  public String dateTime(java.time.Instant instant) {
    return instant == null
        ? ""
        : java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale)
            .withZone(java.time.ZoneId.of("Africa/Nairobi"))
            .format(instant);
  }

  /** A month ({@code 2026-07}) as people read it in the page's language, e.g. "Jul 2026". */
  public String month(String yearMonth) {
    return java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", locale)
        .format(java.time.YearMonth.parse(yearMonth));
  }

  public String lang() {
    return locale.getLanguage();
  }

  public boolean kiswahili() {
    return "sw".equals(locale.getLanguage());
  }

  public Locale locale() {
    return locale;
  }

  public String csrfParameter() {
    return csrfParameter.get();
  }

  public String csrfToken() {
    return csrfToken.get();
  }

  /** The signed-in user, or {@code null} when nobody is (or the second factor is pending). */
  public SignedInUser user() {
    return user;
  }

  public boolean signedIn() {
    return user != null;
  }

  public boolean partiallySignedIn() {
    return partiallySignedIn;
  }

  public boolean administrator() {
    return user != null && user.holdsAnywhere(Role.ADMINISTRATOR);
  }

  public String path() {
    return path;
  }

  /** This page's address in the other language: the same path and query with {@code lang} set. */
  public String switchLanguageHref() {
    String other = kiswahili() ? "en" : "sw";
    return UriComponentsBuilder.fromPath(path)
        .query(query)
        .replaceQueryParam("lang", other)
        .build()
        .toUriString();
  }

  /** The same page with another page number. */
  public String pageHref(int page) {
    return UriComponentsBuilder.fromPath(path)
        .query(query)
        .replaceQueryParam("page", page)
        .replaceQueryParam("lang")
        .build()
        .toUriString();
  }

  /** The county the page is about, or {@code null}. */
  public String countyCode() {
    return countyCode.get();
  }

  public List<CountyChoices.Choice> counties() {
    return counties.get();
  }
}
