package vn.planflow.org;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrgUnitRevisionRepository extends JpaRepository<OrgUnitRevision, Long> {

  List<OrgUnitRevision> findByUnitCodeOrderByIdAsc(String unitCode);
}
