/**
 * Disclosures: an anonymous whistleblowing channel. Reports are encrypted with a key of their own,
 * wrapped for the designated handlers of the recipient body and for the whistleblower's receipt;
 * nothing of the report leaves this module.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "directory", "shared"})
package ke.baraza.disclosures;
