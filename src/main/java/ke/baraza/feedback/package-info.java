/**
 * Citizen feedback: complaints, feedback and suggestions from the web, SMS, USSD and county staff,
 * each filed under one of the county's service areas, routed to a county department and tracked in
 * public by its reference.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "directory", "shared"})
package ke.baraza.feedback;
