package ke.baraza.meetings.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import ke.baraza.meetings.MeetingStatus;
import ke.baraza.meetings.MeetingSummary;
import ke.baraza.meetings.internal.MeetingQueries.FeedEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an iCalendar feed (RFC 5545) of public meetings: times in Africa/Nairobi with its
 * VTIMEZONE, a UID per meeting that never changes, SEQUENCE and DTSTAMP from the meeting's version
 * and last change, cancelled meetings with STATUS:CANCELLED. Lines end in CRLF and are folded at 75
 * octets without splitting a character.
 */
@Component
public class CalendarFeed {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final MessageSource messages;
  private final String baseUrl;

  CalendarFeed(MessageSource messages, @Value("${baraza.base-url}") String baseUrl) {
    this.messages = messages;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The feed named {@code name}, its texts in {@code locale}. */
  public String write(String name, List<FeedEntry> entries, Locale locale) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Baraza//Meetings//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "X-WR-CALNAME:" + text(name));
    line(out, "X-WR-TIMEZONE:Africa/Nairobi");
    line(out, "BEGIN:VTIMEZONE");
    line(out, "TZID:Africa/Nairobi");
    line(out, "BEGIN:STANDARD");
    line(out, "DTSTART:19700101T000000");
    line(out, "TZOFFSETFROM:+0300");
    line(out, "TZOFFSETTO:+0300");
    line(out, "TZNAME:EAT");
    line(out, "END:STANDARD");
    line(out, "END:VTIMEZONE");
    for (FeedEntry entry : entries) {
      event(out, entry, locale);
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private void event(StringBuilder out, FeedEntry entry, Locale locale) {
    MeetingSummary m = entry.summary();
    line(out, "BEGIN:VEVENT");
    line(out, "UID:meeting-" + m.publicId() + "@baraza");
    line(out, "DTSTAMP:" + UTC.format(entry.updated()));
    line(out, "CREATED:" + UTC.format(entry.created()));
    line(out, "LAST-MODIFIED:" + UTC.format(entry.updated()));
    line(out, "SEQUENCE:" + entry.version());
    line(out, "DTSTART;TZID=Africa/Nairobi:" + local(m.start()));
    line(out, "DTEND;TZID=Africa/Nairobi:" + local(m.end()));
    line(out, "SUMMARY:" + text(m.title()));
    String kind = messages.getMessage(m.kind().messageKey(), null, locale);
    StringBuilder description = new StringBuilder(kind);
    if (m.organiserName() != null) {
      description.append(" · ").append(m.organiserName());
    }
    if (entry.description() != null) {
      description.append("\n\n").append(entry.description());
    }
    if (m.onlineUrl() != null) {
      description
          .append("\n\n")
          .append(messages.getMessage("meeting.mail.online", new Object[] {m.onlineUrl()}, locale));
    }
    String page = baseUrl + "/meetings/" + m.publicId();
    description.append("\n\n").append(page);
    line(out, "DESCRIPTION:" + text(description.toString()));
    String location =
        m.venue() == null
            ? messages.getMessage("meeting.online-only", null, locale)
            : m.venue() + (m.place() == null ? "" : ", " + m.place());
    line(out, "LOCATION:" + text(location));
    line(out, "CATEGORIES:" + text(kind));
    line(out, "URL:" + page);
    line(out, "CLASS:PUBLIC");
    line(out, "STATUS:" + (m.status() == MeetingStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
    line(out, "END:VEVENT");
  }

  private static String local(OffsetDateTime t) {
    return LOCAL.format(t.atZoneSameInstant(MeetingTimes.NAIROBI));
  }

  /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
  static String text(String value) {
    StringBuilder out = new StringBuilder();
    String v = value.replace("\r\n", "\n").replace('\r', '\n');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\n' -> out.append("\\n");
        default -> {
          if (c >= 0x20 && c != 0x7f || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Appends a content line, folded (RFC 5545 3.1) so that no line is longer than 75 octets. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int i = 0;
    while (i < content.length()) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
