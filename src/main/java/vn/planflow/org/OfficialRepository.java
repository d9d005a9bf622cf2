package vn.planflow.org;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfficialRepository extends JpaRepository<Official, String> {

  List<Official> findByUnitCodeOrderByIdAsc(String unitCode);

  /** The vote-slip roster of a People's Committee. */
  List<Official> findByCommitteeOfOrderByIdAsc(String committeeUnitCode);
}
