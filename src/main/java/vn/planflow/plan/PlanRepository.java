package vn.planflow.plan;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PlanRepository extends JpaRepository<Plan, String> {

  @Query("select p from Plan p where p.code = :code")
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<Plan> findForUpdate(String code);

  List<Plan> findAllByOrderByCreatedAtDesc();
}
