package vn.planflow.documents;

import java.time.OffsetDateTime;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IssuedDocumentRepository extends JpaRepository<IssuedDocument, String> {

  /** Keeps the PDF once: answers 0 when another request kept its rendering first. */
  @Modifying
  @Query("update IssuedDocument d set d.pdf = :pdf, d.pdfSha256 = :sha256, d.pdfAt = :at"
      + " where d.planCode = :planCode and d.pdf is null")
  int keepPdf(String planCode, byte[] pdf, String sha256, OffsetDateTime at);
}
