package vn.planflow.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachedReportRepository extends JpaRepository<AttachedReport, Long> {

  List<AttachedReport> findByPeriodIdOrderByChildPlanCodeAsc(Long periodRef);

  boolean existsByPeriodIdAndChildPlanCodeAndChildPeriodId(Long periodRef, String childPlanCode, String childPeriodId);
}
