package ke.baraza.directory.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Posts extends JpaRepository<Post, Long> {

  Optional<Post> findByPublicId(String publicId);

  /** Moves every post of one person to another (a merge). */
  @Modifying
  @Query("update Post p set p.personId = :to where p.personId = :from")
  int movePerson(@Param("from") Long from, @Param("to") Long to);
}
