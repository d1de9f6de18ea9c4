package ke.baraza.feedback.internal;

import java.util.Locale;
import ke.baraza.feedback.Channel;

/** A {@link NewCase} whose fields passed every check. */
record CheckedCase(
    ServiceArea area,
    String wardCode,
    String description,
    Channel channel,
    Locale language,
    String phone,
    String email,
    String intakeKey) {}
