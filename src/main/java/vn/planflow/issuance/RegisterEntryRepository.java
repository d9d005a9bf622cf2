package vn.planflow.issuance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegisterEntryRepository extends JpaRepository<RegisterEntry, Long> {

  List<RegisterEntry> findByIssuerAndYearOrderByTypeAscNumberAsc(String issuer, int year);

  List<RegisterEntry> findByIssuerAndTypeAndYearOrderByNumberAsc(String issuer, DocumentType type, int year);

  /** The register of an issuer and year as the clerk wrote it, line after line. */
  List<RegisterEntry> findByIssuerAndYearOrderByIdAsc(String issuer, int year);

  /** The latest entry of this type for a plan (its Tờ trình, its number). */
  Optional<RegisterEntry> findFirstByPlanCodeAndTypeOrderByIdDesc(String planCode, DocumentType type);

  /** A plan's entry with this number (one of its period reports, say). */
  Optional<RegisterEntry> findFirstByPlanCodeAndTypeAndSymbol(String planCode, DocumentType type, String symbol);
}
