package ke.baraza.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ThematicAreas extends JpaRepository<ThematicArea, Long> {

  List<ThematicArea> findByCountyCodeOrderByNameEn(String countyCode);

  List<ThematicArea> findByIdIn(Collection<Long> ids);

  Optional<ThematicArea> findByPublicId(String publicId);

  @org.springframework.data.jpa.repository.Query("select distinct t.countyCode from ThematicArea t")
  java.util.Set<String> countiesWithThemes();
}
