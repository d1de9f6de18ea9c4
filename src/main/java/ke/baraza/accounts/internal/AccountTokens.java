package ke.baraza.accounts.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountTokens extends JpaRepository<AccountToken, Long> {

  Optional<AccountToken> findByTokenHash(String tokenHash);

  long countByAccountIdAndPurposeAndCreatedAtAfter(
      Long accountId, AccountToken.Purpose purpose, Instant since);
}
