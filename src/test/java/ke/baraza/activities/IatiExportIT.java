package ke.baraza.activities;

import static ke.baraza.activities.ActivityFixtures.form;
import static ke.baraza.activities.ActivityFixtures.record;
import static ke.baraza.activities.ActivityFixtures.wards;
import static ke.baraza.activities.ActivityFixtures.with;
import static ke.baraza.directory.PeopleFixtures.n;
import static ke.baraza.directory.PeopleFixtures.organisation;
import static ke.baraza.directory.PeopleFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import ke.baraza.testing.BarazaIntegrationTest;
import ke.baraza.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The IATI 2.03 file of a county's activities validates against the official schemas (copied into
 * {@code src/test/resources/iati}, loaded with no network access) and holds the public activities
 * only.
 */
@BarazaIntegrationTest
class IatiExportIT {

  @Autowired JdbcClient jdbc;

  @Test
  void theCountysFileIsValidIati203WithItsPublicActivitiesOnly() throws Exception {
    String county = "043";
    Browser official = staff(jdbc, "iati-official", "COUNTY_OFFICIAL", county);
    String org = organisation(official, county, "Homa Bay <Health> & Water " + n());
    List<String> wards = wards(jdbc, county);
    String health =
        record(
            official,
            org,
            with(
                form(
                    "Maternal health outreach " + n(),
                    "HEALTH",
                    wards.get(0) + "," + wards.get(1),
                    "2026-01-01",
                    "2026-12-31"),
                "description",
                "Mobile clinics & \"mothers' days\" in two wards"));
    String done =
        record(
            official,
            org,
            with(
                form(
                    "Latrine building " + n(),
                    "WATER_SANITATION",
                    wards.get(2),
                    "2025-01-01",
                    "2025-06-30"),
                "status",
                "COMPLETED",
                "budget",
                "",
                "fundingSource",
                ""));
    String hidden =
        record(
            official,
            org,
            with(
                form(
                    "Internal review " + n(),
                    "GOVERNANCE_ACCOUNTABILITY",
                    wards.get(2),
                    "2026-01-01",
                    "2026-02-28"),
                "visibility",
                "INTERNAL"));

    HttpResponse<String> file =
        new Browser().get("/api/v1/iati/counties/" + county + "/activities.xml", "application/xml");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/xml");
    String xml = file.body();
    assertThat(validate(xml)).as(xml).isEmpty();
    assertThat(xml)
        .contains(
            "<iati-activities version=\"2.03\"",
            "<iati-identifier>KE-BARAZA-" + county + "-" + health + "</iati-identifier>",
            "<iati-identifier>KE-BARAZA-" + county + "-" + done + "</iati-identifier>",
            "<reporting-org ref=\"KE-BARAZA-" + county + "\" type=\"90\" secondary-reporter=\"1\">",
            "<recipient-country code=\"KE\"",
            "<location ref=\"KE-WARD-" + wards.get(0) + "\">",
            "<sector vocabulary=\"1\" code=\"12220\"",
            "<sector vocabulary=\"1\" code=\"14030\"",
            "<activity-status code=\"2\"",
            "<activity-status code=\"3\"",
            "<activity-date type=\"4\" iso-date=\"2025-06-30\"",
            "<value currency=\"KES\" value-date=\"2026-01-01\">250000</value>",
            "Homa Bay &lt;Health&gt; &amp; Water")
        .doesNotContain(hidden);
    assertThat(new Browser().get("/api/v1/iati/counties/999/activities.xml").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theSchemasCatchAWrongFile() throws Exception {
    String wrong =
        "<iati-activities version=\"2.03\"><iati-activity><title><narrative>x</narrative></title>"
            + "</iati-activity></iati-activities>";
    assertThat(validate(wrong)).isNotEmpty();
  }

  /** The schema errors of a document, with every address outside the class path refused. */
  static List<String> validate(String xml) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    URL schemaUrl = IatiExportIT.class.getResource("/iati/iati-activities-schema.xsd");
    assertThat(schemaUrl).isNotNull();
    Schema schema = factory.newSchema(schemaUrl);
    Validator validator = schema.newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    List<String> errors = new ArrayList<>();
    validator.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
          }
        });
    validator.validate(new StreamSource(new StringReader(xml)));
    return errors;
  }
}
