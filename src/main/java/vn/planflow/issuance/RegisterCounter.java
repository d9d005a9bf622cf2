package vn.planflow.issuance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The last number given in one register: per issuer, per document type, per year. */
@Entity
@Table(name = "document_register")
@IdClass(RegisterCounter.Key.class)
class RegisterCounter {

  @Id
  @Column(name = "issuer_code")
  private String issuer;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "doc_type")
  private DocumentType type;

  @Id
  @Column(name = "reg_year")
  private int year;

  @Column(nullable = false)
  private int lastNumber;

  protected RegisterCounter() {}

  RegisterCounter(String issuer, DocumentType type, int year) {
    this.issuer = issuer;
    this.type = type;
    this.year = year;
  }

  record Key(String issuer, DocumentType type, int year) implements Serializable {
    @SuppressWarnings("unused")
    Key() {
      this(null, null, 0);
    }
  }
}
