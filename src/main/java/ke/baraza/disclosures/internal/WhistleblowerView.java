package ke.baraza.disclosures.internal;

import java.time.Instant;
import java.util.List;
import ke.baraza.disclosures.DisclosureStatus;

/**
 * What the receipt opens: the status, the report as sent, the messages with the handlers and the
 * files sent.
 */
public record WhistleblowerView(
    String receipt,
    String bodyName,
    DisclosureStatus status,
    Instant sentAt,
    Report report,
    List<Message> messages,
    List<DisclosureFiles.FileInfo> files) {}
