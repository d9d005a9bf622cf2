package vn.planflow.issuance;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RegisterCounterRepository extends JpaRepository<RegisterCounter, RegisterCounter.Key> {

  /**
   * Takes the next number: one atomic update, which locks the row until the transaction ends and
   * always adds to the last committed value. Answers how many counters it changed (0: none yet).
   */
  @Modifying(flushAutomatically = true)
  @Query("update RegisterCounter c set c.lastNumber = c.lastNumber + 1"
      + " where c.issuer = :issuer and c.type = :type and c.year = :year")
  int increment(String issuer, DocumentType type, int year);

  @Query("select c.lastNumber from RegisterCounter c where c.issuer = :issuer and c.type = :type and c.year = :year")
  int current(String issuer, DocumentType type, int year);
}
