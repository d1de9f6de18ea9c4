package ke.baraza.meetings.internal;

import java.time.LocalDate;

/**
 * What a training certificate says, as issued (a copy that later changes to the register or the
 * directory do not alter).
 *
 * @param topic a {@link TrainingTopic}; {@code topicText} is its free text for {@code OTHER}, else
 *     {@code null}
 * @param language the participant's language ("sw" or "en") for the PDF
 */
public record Certificate(
    String code,
    String name,
    String trainingTitle,
    TrainingTopic topic,
    String topicText,
    LocalDate heldOn,
    String countyCode,
    String organiserName,
    String language) {}
