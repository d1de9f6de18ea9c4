package ke.baraza.directory.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Bodies extends JpaRepository<Body, Long> {

  Optional<Body> findByPublicId(String publicId);

  List<Body> findByCountyCodeOrderByName(String countyCode);
}
