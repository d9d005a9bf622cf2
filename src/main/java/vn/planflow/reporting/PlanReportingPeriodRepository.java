package vn.planflow.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanReportingPeriodRepository extends JpaRepository<PlanReportingPeriod, Long> {

  List<PlanReportingPeriod> findByPlanCodeOrderByDeadlineAscIdAsc(String planCode);

  Optional<PlanReportingPeriod> findByPlanCodeAndPeriodId(String planCode, String periodId);
}
