package vn.planflow.org;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubstitutionActRepository extends JpaRepository<SubstitutionAct, Long> {

  List<SubstitutionAct> findByTaskIdOrderByIdAsc(String taskId);

  List<SubstitutionAct> findByTaskIdIn(Collection<String> taskIds);

  List<SubstitutionAct> findBySubstitutionIdAndKind(Long substitutionId, SubstitutionAct.Kind kind);

  List<SubstitutionAct> findBySubstituteIdAndKindOrderByIdDesc(String substituteId, SubstitutionAct.Kind kind);
}
