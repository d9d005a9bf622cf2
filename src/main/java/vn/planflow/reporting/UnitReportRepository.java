package vn.planflow.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitReportRepository extends JpaRepository<UnitReport, Long> {

  List<UnitReport> findByPeriodIdOrderByUnitCodeAsc(Long periodRef);

  Optional<UnitReport> findByPeriodIdAndUnitCode(Long periodRef, String unitCode);
}
