package vn.planflow.voting;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VoteSlipRepository extends JpaRepository<VoteSlip, Long> {

  @Query(value = "select * from vote_slip where vote_round_id = :roundId and member_id = :memberId",
      nativeQuery = true)
  Optional<VoteSlip> findSlip(Long roundId, String memberId);
}
