package vn.planflow.consultation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsultationOpinionRepository extends JpaRepository<ConsultationOpinion, Long> {

  List<ConsultationOpinion> findByPlanCodeOrderByRoundAscIdAsc(String planCode);

  List<ConsultationOpinion> findByPlanCodeAndRoundOrderByIdAsc(String planCode, int round);

  Optional<ConsultationOpinion> findByPlanCodeAndRoundAndUnitCode(String planCode, int round, String unitCode);
}
