package ke.baraza.platform;

import java.util.Locale;

/**
 * A signed-in person switched the language of the pages; the account keeps it for e-mails and SMS.
 *
 * @param accountPublicId the public id of the account
 * @param language English or Kiswahili
 */
public record LanguageChosen(String accountPublicId, Locale language) {}
