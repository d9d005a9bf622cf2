package vn.planflow.voting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VoteRoundRepository extends JpaRepository<VoteRound, Long> {

  List<VoteRound> findByPlanCodeOrderByRoundAsc(String planCode);

  Optional<VoteRound> findFirstByPlanCodeOrderByRoundDesc(String planCode);
}
