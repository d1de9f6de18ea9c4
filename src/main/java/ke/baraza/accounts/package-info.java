/**
 * Accounts: sign-up by e-mail or Kenyan phone number, sign-in with a second factor (TOTP) for
 * privileged roles, verification, password reset, and roles granted per county.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "geography", "shared"})
package ke.baraza.accounts;
