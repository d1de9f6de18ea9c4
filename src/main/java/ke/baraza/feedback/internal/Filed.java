package ke.baraza.feedback.internal;

/**
 * What filing a case gave.
 *
 * @param reference the case's public reference
 * @param privateCode the reporter's private code, shown once; null when the submission was a retry
 *     of one already filed (its code was given the first time)
 * @param duplicate whether the submission was such a retry
 */
public record Filed(String reference, String privateCode, boolean duplicate) {}
