package ke.baraza.accounts.internal;

import java.util.concurrent.Semaphore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with Spring Security's current defaults (16 MiB, 2 passes). At most four hashes run at
 * once, so that a burst of sign-ups or sign-ins cannot take the memory of the machine.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new Bounded(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), 4);
  }

  static final class Bounded implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;

    Bounded(PasswordEncoder delegate, int concurrent) {
      this.delegate = delegate;
      this.permits = new Semaphore(concurrent, true);
    }

    @Override
    public String encode(CharSequence raw) {
      permits.acquireUninterruptibly();
      try {
        return delegate.encode(raw);
      } finally {
        permits.release();
      }
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      permits.acquireUninterruptibly();
      try {
        return delegate.matches(raw, encoded);
      } finally {
        permits.release();
      }
    }
  }
}
