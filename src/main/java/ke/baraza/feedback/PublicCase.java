package ke.baraza.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A case as anyone holding its reference sees it: never the description, the reporter's contact,
 * photos or the reporter's own replies.
 *
 * @param reference e.g. {@code MKS-7K3Q9}
 * @param countyCode three digits
 * @param serviceAreaEn the service area's English name
 * @param serviceAreaSw its Kiswahili name
 * @param wardCode four digits
 * @param filedAt when the case was received
 * @param timeline status changes and public replies, oldest first
 */
public record PublicCase(
    String reference,
    String countyCode,
    String serviceAreaEn,
    String serviceAreaSw,
    String wardCode,
    CaseStatus status,
    Instant filedAt,
    List<Entry> timeline) {

  /**
   * One line of the public timeline.
   *
   * @param status the status reached, for a status change; null for a reply
   * @param reply the text of a public reply from the county; null for a status change
   */
  public record Entry(Instant at, CaseStatus status, String reply) {}
}
