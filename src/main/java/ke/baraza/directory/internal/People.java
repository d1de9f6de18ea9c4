package ke.baraza.directory.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface People extends JpaRepository<Person, Long> {

  Optional<Person> findByPublicId(String publicId);

  /**
   * Live records of the county with this e-mail or phone (pass a value no record has, such as
   * {@code "-"}, for one that is not known), other than {@code exceptId}.
   */
  @Query(
      "select p from Person p where p.countyCode = :county and p.mergedIntoId is null"
          + " and p.id <> :exceptId and (p.email = :email or p.phone = :phone) order by p.nameKey")
  List<Person> sameContacts(
      @Param("county") String countyCode,
      @Param("email") String email,
      @Param("phone") String phone,
      @Param("exceptId") Long exceptId);

  /** Records merged into {@code from} now point at {@code to}, so a chain is one step long. */
  @Modifying
  @Query("update Person p set p.mergedIntoId = :to where p.mergedIntoId = :from")
  int redirectMerged(@Param("from") Long from, @Param("to") Long to);
}
