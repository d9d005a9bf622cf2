package vn.planflow.org;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SubstitutionRepository extends JpaRepository<Substitution, Long> {

  List<Substitution> findByOfficialIdOrderByFromDateDescIdDesc(String officialId);

  List<Substitution> findByOfficialIdOrSubstituteIdOrderByFromDateDescIdDesc(String officialId, String substituteId);

  List<Substitution> findAllByOrderByFromDateDescIdDesc();

  /** The substitutions of an official still in force (not ended) that may run on some day. */
  List<Substitution> findByOfficialIdAndEndedAtIsNull(String officialId);

  /**
   * The official's row, locked until the transaction ends: two substitutions of one official
   * created at once are checked for overlap one after the other.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from Official o where o.id = :id")
  Optional<Official> lockOfficial(@Param("id") String id);

  @Query("select s from Substitution s where s.id in :ids")
  List<Substitution> findByIds(@Param("ids") Collection<Long> ids);
}
