package ke.baraza.accounts.internal;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Accounts extends JpaRepository<Account, Long> {

  Optional<Account> findByEmail(String email);

  Optional<Account> findByPhone(String phone);

  Optional<Account> findByPublicId(String publicId);

  boolean existsByEmail(String email);

  boolean existsByPhone(String phone);

  @Query(
      """
      select a from Account a
      where lower(a.displayName) like :q or a.email like :q or a.phone like :q
      """)
  Page<Account> search(String q, Pageable page);
}
