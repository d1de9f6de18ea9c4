package ke.baraza.meetings;

import java.util.Optional;
import ke.baraza.shared.PageRequest;
import ke.baraza.shared.PageResult;

/** What other modules may ask of meetings. Read-only; public meetings only. */
public interface MeetingsApi {

  /** A public meeting by public id; empty when unknown or not public. */
  Optional<MeetingSummary> publicMeeting(String publicId);

  /** A page of public meetings matching the filter, by start time. */
  PageResult<MeetingSummary> publicMeetings(CalendarFilter filter, PageRequest page);
}
