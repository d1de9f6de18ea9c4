/**
 * The county budget cycle: fiscal years and their statutory calendar, budget documents and their
 * status, public participation windows with the views received and the county's published response
 * to each ("views considered"), and open budget lines.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "directory", "meetings", "shared"})
package ke.baraza.budget;
