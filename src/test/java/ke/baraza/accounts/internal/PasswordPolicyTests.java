package ke.baraza.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

  final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void acceptsLongPassphrasesWithoutCompositionRules() {
    assertThat(policy.problem("mvua ya masika inanyesha")).isEmpty();
    assertThat(policy.problem("x".repeat(64) + "y".repeat(64))).isEmpty();
  }

  @Test
  void refusesShortLongCommonAndPersonalPasswords() {
    assertThat(policy.problem("short7!")).hasValue("password.too-short");
    assertThat(policy.problem("z".repeat(129))).hasValue("password.too-long");
    assertThat(policy.problem("password123")).hasValue("password.common");
    assertThat(policy.problem("Password123")).hasValue("password.common");
    assertThat(policy.problem("iloveyou2")).hasValue("password.common");
    assertThat(policy.problem("amina@example.org", "Amina", "amina@example.org"))
        .hasValue("password.personal");
  }
}
