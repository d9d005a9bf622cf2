package vn.planflow.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The issued plan as kept: the {@code .docx} rendered when the clerk numbered it and, once asked
 * for, its PDF/A rendered from that {@code .docx}. Neither is ever rendered again.
 */
@Entity
@Table(name = "issued_document")
class IssuedDocument {

  @Id
  @Column(name = "plan_code")
  private String planCode;

  @Column(nullable = false, updatable = false)
  private String number;

  @Column(nullable = false, updatable = false)
  private byte[] docx;

  @Column(name = "docx_sha256", nullable = false, updatable = false)
  private String docxSha256;

  @Column(updatable = false, insertable = false)
  private byte[] pdf;

  @Column(name = "pdf_sha256", updatable = false, insertable = false)
  private String pdfSha256;

  @Column(name = "pdf_at", updatable = false, insertable = false)
  private OffsetDateTime pdfAt;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private OffsetDateTime issuedAt;

  protected IssuedDocument() {}

  IssuedDocument(String planCode, String number, byte[] docx, String docxSha256, OffsetDateTime issuedAt) {
    this.planCode = planCode;
    this.number = number;
    this.docx = docx;
    this.docxSha256 = docxSha256;
    this.issuedAt = issuedAt;
  }

  String getPlanCode() {
    return planCode;
  }

  String getNumber() {
    return number;
  }

  byte[] getDocx() {
    return docx;
  }

  String getDocxSha256() {
    return docxSha256;
  }

  byte[] getPdf() {
    return pdf;
  }

  String getPdfSha256() {
    return pdfSha256;
  }
}
