package ke.baraza.directory.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Memberships extends JpaRepository<Membership, Long> {

  Optional<Membership> findByBodyIdAndOrganisationId(Long bodyId, Long organisationId);
}
