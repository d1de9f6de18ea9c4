package ke.baraza.activities.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ke.baraza.activities.ActivityStatus;
import ke.baraza.activities.Theme;
import ke.baraza.directory.DirectoryApi;
import ke.baraza.geography.County;
import ke.baraza.geography.GeographyApi;
import ke.baraza.geography.Ward;
import ke.baraza.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a county's public activities as an IATI 2.03 activity file, streaming 500 activities a
 * query (keyset on id). Baraza reports as a secondary reporter ({@code KE-BARAZA-<county>}); each
 * activity's organisation is its implementing participating-org. See docs/decisions.md.
 */
@Component
public class IatiExport {

  private static final int BATCH = 500;

  /** Characters XML 1.0 cannot carry (controls that a form may still let through). */
  private static final java.util.regex.Pattern NOT_XML =
      java.util.regex.Pattern.compile(
          "[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  private final JdbcClient jdbc;
  private final DirectoryApi directory;
  private final GeographyApi geography;
  private final Clock clock;

  IatiExport(JdbcClient jdbc, DirectoryApi directory, GeographyApi geography, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.geography = geography;
    this.clock = clock;
  }

  /** The reporting organisation's identifier for a county's activities. */
  public static String reportingOrg(String countyCode) {
    return "KE-BARAZA-" + countyCode;
  }

  /**
   * Writes the file of a county's public activities.
   *
   * @throws IllegalArgumentException for a county that does not exist (the caller answers 404)
   */
  public void write(String countyCode, OutputStream out) throws XMLStreamException {
    County county =
        geography.county(countyCode).orElseThrow(() -> new IllegalArgumentException("county"));
    Map<String, Ward> wards =
        geography.wards(county.code(), new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
            .collect(Collectors.toMap(Ward::code, w -> w));
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("iati-activities");
    xml.writeAttribute("version", "2.03");
    xml.writeAttribute(
        "generated-datetime",
        OffsetDateTime.now(clock)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    long after = 0;
    while (true) {
      List<Activity> batch =
          jdbc.sql(
                  "select "
                      + Activity.COLUMNS
                      + " from activity where county_code = :county and public_record = true"
                      + " and id > :after order by id fetch first "
                      + BATCH
                      + " rows only")
              .param("county", county.code())
              .param("after", after)
              .query(Activity.class)
              .list();
      if (batch.isEmpty()) {
        break;
      }
      Map<Long, List<String>> wardsOf = wardCodes(batch.stream().map(Activity::id).toList());
      Set<String> orgs = batch.stream().map(Activity::organisationRef).collect(Collectors.toSet());
      Map<String, String> names = directory.names(orgs);
      for (Activity a : batch) {
        activity(xml, county, a, wardsOf.getOrDefault(a.id(), List.of()), wards, names);
      }
      xml.flush();
      after = batch.get(batch.size() - 1).id();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
    xml.close();
  }

  private Map<Long, List<String>> wardCodes(List<Long> ids) {
    record Row(long activityId, String wardCode) {}
    Map<Long, List<String>> result = new HashMap<>();
    jdbc.sql(
            "select activity_id, ward_code from activity_ward where activity_id in (:ids)"
                + " order by ward_code")
        .param("ids", ids)
        .query(Row.class)
        .list()
        .forEach(
            r ->
                result
                    .computeIfAbsent(r.activityId(), k -> new java.util.ArrayList<>())
                    .add(r.wardCode()));
    return result;
  }

  private static void activity(
      XMLStreamWriter xml,
      County county,
      Activity a,
      List<String> wardCodes,
      Map<String, Ward> wards,
      Map<String, String> names)
      throws XMLStreamException {
    xml.writeStartElement("iati-activity");
    xml.writeAttribute("xml", XML_NS, "lang", "en");
    xml.writeAttribute("default-currency", "KES");
    xml.writeAttribute("hierarchy", "1");
    text(xml, "iati-identifier", reportingOrg(county.code()) + "-" + a.publicId());
    xml.writeStartElement("reporting-org");
    xml.writeAttribute("ref", reportingOrg(county.code()));
    xml.writeAttribute("type", "90");
    xml.writeAttribute("secondary-reporter", "1");
    narrative(xml, "Baraza – " + county.name() + " County");
    xml.writeEndElement();
    xml.writeStartElement("title");
    narrative(xml, a.title());
    xml.writeEndElement();
    xml.writeStartElement("description");
    xml.writeAttribute("type", "1");
    narrative(xml, a.description() == null ? a.title() : a.description());
    xml.writeEndElement();
    xml.writeStartElement("participating-org");
    xml.writeAttribute("role", "4");
    narrative(xml, names.getOrDefault(a.organisationRef(), a.organisationRef()));
    xml.writeEndElement();
    if (a.fundingSource() != null) {
      xml.writeStartElement("participating-org");
      xml.writeAttribute("role", "1");
      narrative(xml, a.fundingSource());
      xml.writeEndElement();
    }
    empty(xml, "activity-status", "code", a.statusValue().iatiCode());
    ActivityStatus status = a.statusValue();
    boolean started = status == ActivityStatus.ONGOING || status == ActivityStatus.COMPLETED;
    date(xml, started ? "2" : "1", a.startsOn());
    date(xml, status == ActivityStatus.COMPLETED ? "4" : "3", a.endsOn());
    xml.writeEmptyElement("recipient-country");
    xml.writeAttribute("code", "KE");
    xml.writeAttribute("percentage", "100");
    for (String code : wardCodes) {
      Ward ward = wards.get(code);
      xml.writeStartElement("location");
      xml.writeAttribute("ref", "KE-WARD-" + code);
      empty(xml, "location-reach", "code", "1");
      xml.writeStartElement("name");
      narrative(xml, ward == null ? code : ward.name());
      xml.writeEndElement();
      if (ward != null) {
        xml.writeStartElement("description");
        narrative(
            xml,
            ward.name()
                + " Ward, "
                + ward.subCountyName()
                + " Sub-County, "
                + county.name()
                + " County");
        xml.writeEndElement();
      }
      empty(xml, "location-class", "code", "1");
      xml.writeEndElement();
    }
    Theme theme = a.themeValue();
    xml.writeEmptyElement("sector");
    xml.writeAttribute("vocabulary", "1");
    xml.writeAttribute("code", theme.dacCode());
    xml.writeAttribute("percentage", "100");
    if (a.budgetKes() != null) {
      xml.writeStartElement("budget");
      xml.writeAttribute("type", "1");
      xml.writeAttribute("status", "1");
      empty(xml, "period-start", "iso-date", a.startsOn().toString());
      empty(xml, "period-end", "iso-date", a.endsOn().toString());
      xml.writeStartElement("value");
      xml.writeAttribute("currency", "KES");
      xml.writeAttribute("value-date", a.startsOn().toString());
      xml.writeCharacters(a.budgetKes().toString());
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void date(XMLStreamWriter xml, String type, LocalDate day)
      throws XMLStreamException {
    xml.writeEmptyElement("activity-date");
    xml.writeAttribute("type", type);
    xml.writeAttribute("iso-date", day.toString());
  }

  private static void empty(XMLStreamWriter xml, String name, String attribute, String value)
      throws XMLStreamException {
    xml.writeEmptyElement(name);
    xml.writeAttribute(attribute, value);
  }

  private static void text(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(NOT_XML.matcher(value).replaceAll(""));
    xml.writeEndElement();
  }

  private static void narrative(XMLStreamWriter xml, String value) throws XMLStreamException {
    text(xml, "narrative", value);
  }
}
