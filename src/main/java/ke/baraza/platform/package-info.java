/**
 * The platform every module stands on: layout and page context, English and Kiswahili, the security
 * chain and its deny-by-default rules, errors, the audit log and the notification port. It holds no
 * business rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ke.baraza.platform;
