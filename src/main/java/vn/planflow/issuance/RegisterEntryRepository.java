package vn.planflow.issuance;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegisterEntryRepository extends JpaRepository<RegisterEntry, Long> {

  List<RegisterEntry> findByIssuerAndYearOrderByTypeAscNumberAsc(String issuer, int year);

  List<RegisterEntry> findByIssuerAndTypeAndYearOrderByNumberAsc(String issuer, DocumentType type, int year);
}
