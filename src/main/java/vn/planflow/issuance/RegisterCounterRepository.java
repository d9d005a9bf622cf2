package vn.planflow.issuance;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RegisterCounterRepository extends JpaRepository<RegisterCounter, RegisterCounter.Key> {

  /**
   * Locks the counter until the transaction ends (an update that changes nothing), waiting for a
   * clerk who holds it; answers 0 when the counter does not exist yet.
   */
  @Modifying(flushAutomatically = true)
  @Query("update RegisterCounter c set c.lastNumber = c.lastNumber"
      + " where c.issuer = :issuer and c.type = :type and c.year = :year")
  int lock(String issuer, DocumentType type, int year);

  /** The last number given; read after {@link #lock}, it is the last one committed. */
  @Query("select c.lastNumber from RegisterCounter c where c.issuer = :issuer and c.type = :type and c.year = :year")
  int last(String issuer, DocumentType type, int year);

  @Modifying(flushAutomatically = true)
  @Query("update RegisterCounter c set c.lastNumber = :number"
      + " where c.issuer = :issuer and c.type = :type and c.year = :year")
  int setLast(String issuer, DocumentType type, int year, int number);
}
