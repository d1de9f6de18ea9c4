package ke.baraza.disclosures.internal;

import java.time.Instant;

/**
 * One message of a disclosure, decrypted: {@code kind} is {@code WHISTLEBLOWER}, {@code HANDLER}
 * (to the whistleblower) or {@code COMMENT} (among handlers only); {@code mine} when the reader
 * wrote it.
 */
public record Message(String kind, String text, Instant at, boolean mine) {

  /** The message key naming who wrote it. */
  public String kindKey() {
    return "disclosures.message.kind." + kind.toLowerCase(java.util.Locale.ROOT);
  }
}
