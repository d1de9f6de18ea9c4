package ke.baraza.directory.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Organisations extends JpaRepository<Organisation, Long> {

  Optional<Organisation> findByPublicId(String publicId);

  boolean existsByIdentifier(String identifier);

  List<Organisation> findByAffiliatedToIdOrderByNameKey(Long parentId);

  /** Same name in the same home ward: a likely duplicate for the coordinator to look at. */
  boolean existsByCountyCodeAndHomeWardCodeAndNameKeyAndIdNot(
      String countyCode, String homeWardCode, String nameKey, Long id);
}
