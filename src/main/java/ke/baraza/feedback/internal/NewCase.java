package ke.baraza.feedback.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import ke.baraza.feedback.Channel;

/**
 * A case as it arrives from a channel, unchecked: {@link Intake#file} checks every field.
 *
 * @param countyCode three digits
 * @param serviceArea the public id of one of the county's active service areas
 * @param wardCode four digits, a ward of the county
 * @param description 10 to {@value Intake#MAX_DESCRIPTION} characters
 * @param language the reporter's language (English or Kiswahili)
 * @param contact an optional Kenyan phone number or e-mail address for updates; for SMS and USSD,
 *     the sender's number
 * @param intakeKey what makes a retry the same case within its channel: the gateway's message id,
 *     the USSD session id, the form's submission token; at most 100 characters
 * @param photos up to {@value Intake#MAX_PHOTOS} images, read once
 * @param client the network address of an anonymous web request, for the rate limit only (never
 *     stored); null for other channels
 * @param publish whether the reporter allowed the case to be listed in public (web form only)
 */
public record NewCase(
    String countyCode,
    String serviceArea,
    String wardCode,
    String description,
    Channel channel,
    Locale language,
    String contact,
    String intakeKey,
    List<Photo> photos,
    String client,
    boolean publish) {

  /** A case whose reporter did not allow publication. */
  public NewCase(
      String countyCode,
      String serviceArea,
      String wardCode,
      String description,
      Channel channel,
      Locale language,
      String contact,
      String intakeKey,
      List<Photo> photos,
      String client) {
    this(
        countyCode,
        serviceArea,
        wardCode,
        description,
        channel,
        language,
        contact,
        intakeKey,
        photos,
        client,
        false);
  }

  public NewCase {
    photos = photos == null ? List.of() : List.copyOf(photos);
  }

  /** One uploaded photo: its content (not closed here) and the name the uploader gave it. */
  public record Photo(InputStream content, String name) {}
}
