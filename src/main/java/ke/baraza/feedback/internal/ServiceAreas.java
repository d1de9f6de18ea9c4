package ke.baraza.feedback.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceAreas extends JpaRepository<ServiceArea, Long> {

  List<ServiceArea> findByCountyCodeOrderByPositionAscIdAsc(String countyCode);

  Optional<ServiceArea> findByPublicId(String publicId);
}
