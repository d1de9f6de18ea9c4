package ke.baraza.disclosures.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import ke.baraza.platform.FlowingPdf;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A disclosure's case file as PDF, in the handler's language: the report, every message and comment
 * in order, and the list of files (their content is downloaded one by one). For handing a case to
 * an investigator or court; it holds everything the report holds, so it is marked confidential on
 * every page.
 */
@Component
public class DisclosureCasePdf {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Africa/Nairobi"));

  private final MessageSource messages;

  DisclosureCasePdf(MessageSource messages) {
    this.messages = messages;
  }

  /** The case as PDF bytes, in {@code locale}'s language (Kiswahili or English). */
  public byte[] render(DisclosureHandling.Opened opened, Locale locale, Instant printedAt) {
    String title = t(locale, "disclosures.pdf.title", opened.publicId());
    FlowingPdf pdf = FlowingPdf.a4(title + " · " + t(locale, "disclosures.pdf.confidential"));
    pdf.heading(title)
        .paragraph(t(locale, "disclosures.pdf.confidential.lead"))
        .field(t(locale, "disclosures.pdf.body"), opened.bodyName())
        .field(t(locale, "disclosures.handling.sent"), when(opened.sentAt(), locale))
        .field(t(locale, "disclosures.view.status"), t(locale, opened.status().messageKey()))
        .field(t(locale, "disclosures.pdf.printed"), when(printedAt, locale));
    Report report = opened.report();
    pdf.subheading(t(locale, "disclosures.view.report"))
        .field(t(locale, "disclosures.field.what"), report.what())
        .field(t(locale, "disclosures.field.who"), report.who())
        .field(t(locale, "disclosures.field.where"), report.where())
        .field(t(locale, "disclosures.field.when"), report.when())
        .field(t(locale, "disclosures.field.howKnown"), report.howKnown())
        .field(
            t(locale, "disclosures.field.othersKnow"),
            report.othersKnow().isEmpty()
                ? ""
                : t(locale, Report.othersKnowKey(report.othersKnow())))
        .field(
            t(locale, "disclosures.identity"),
            report.identity().isEmpty()
                ? t(locale, "disclosures.identity.none")
                : report.identity());
    pdf.subheading(t(locale, "disclosures.messages"));
    if (opened.messages().isEmpty()) {
      pdf.paragraph(t(locale, "disclosures.messages.none"));
    }
    for (Message m : opened.messages()) {
      pdf.field(t(locale, m.kindKey()) + " · " + when(m.at(), locale), m.text());
    }
    pdf.subheading(t(locale, "disclosures.files"));
    if (opened.files().isEmpty()) {
      pdf.paragraph(t(locale, "disclosures.files.none-sent"));
    }
    for (DisclosureFiles.FileInfo f : opened.files()) {
      pdf.paragraph(
          f.name()
              + " · "
              + f.sizeLabel()
              + " · "
              + when(f.addedAt(), locale)
              + " · "
              + t(
                  locale,
                  f.stripped() ? "disclosures.files.stripped" : "disclosures.files.kept-metadata"));
    }
    return pdf.finish();
  }

  private String t(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String when(Instant at, Locale locale) {
    return WHEN.withLocale(locale).format(at);
  }
}
