/**
 * Meetings: coordination and committee meetings, public participation forums, barazas, workshops,
 * trainings and field visits of the directory's bodies and organisations, with their agenda,
 * invitations, answers and reminders, and the public calendar with its iCalendar feeds.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "directory", "shared"})
package ke.baraza.meetings;
