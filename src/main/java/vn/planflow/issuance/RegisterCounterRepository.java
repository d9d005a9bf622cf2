package vn.planflow.issuance;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RegisterCounterRepository extends JpaRepository<RegisterCounter, RegisterCounter.Key> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from RegisterCounter c where c.issuer = :issuer and c.type = :type and c.year = :year")
  Optional<RegisterCounter> lock(String issuer, DocumentType type, int year);
}
