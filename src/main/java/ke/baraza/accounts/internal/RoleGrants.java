package ke.baraza.accounts.internal;

import java.util.Collection;
import java.util.List;
import ke.baraza.platform.Role;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoleGrants extends JpaRepository<RoleGrant, Long> {

  List<RoleGrant> findByAccountIdOrderByRoleAscCountyCodeAsc(Long accountId);

  List<RoleGrant> findByAccountIdIn(Collection<Long> accountIds);

  boolean existsByRole(Role role);
}
