package vn.planflow.issuance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A line of the outgoing-document register (sổ đăng ký văn bản đi). */
@Entity
@Table(name = "register_entry")
public class RegisterEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "issuer_code", nullable = false)
  private String issuer;

  @Enumerated(EnumType.STRING)
  @Column(name = "doc_type", nullable = false)
  private DocumentType type;

  @Column(name = "reg_year", nullable = false)
  private int year;

  @Column(nullable = false)
  private int number;

  /** The number as printed: {@code 03/KH-UBND}. */
  @Column(nullable = false)
  private String symbol;

  @Column(nullable = false)
  private LocalDate issuedOn;

  @Column(nullable = false)
  private String summary;

  private String signer;

  private String recipients;

  private Integer copies;

  /** "VT, KTN": who keeps the bản lưu (Phụ lục IV, "Đơn vị, người nhận bản lưu"). */
  private String archive;

  private String notes;

  private String planCode;

  private String recordedBy;

  @Column(nullable = false)
  private OffsetDateTime recordedAt;

  protected RegisterEntry() {}

  RegisterEntry(
      String issuer,
      DocumentType type,
      int year,
      int number,
      String symbol,
      LocalDate issuedOn,
      String summary,
      String signer,
      String recipients,
      String archive,
      Integer copies,
      String planCode,
      String recordedBy,
      OffsetDateTime recordedAt) {
    this.issuer = issuer;
    this.type = type;
    this.year = year;
    this.number = number;
    this.symbol = symbol;
    this.issuedOn = issuedOn;
    this.summary = summary;
    this.signer = signer;
    this.recipients = recipients;
    this.archive = archive;
    this.copies = copies;
    this.planCode = planCode;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public String getIssuer() {
    return issuer;
  }

  public DocumentType getType() {
    return type;
  }

  public int getYear() {
    return year;
  }

  public int getNumber() {
    return number;
  }

  public String getSymbol() {
    return symbol;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public String getSummary() {
    return summary;
  }

  public String getSigner() {
    return signer;
  }

  public String getRecipients() {
    return recipients;
  }

  public String getArchive() {
    return archive;
  }

  public Integer getCopies() {
    return copies;
  }

  public String getNotes() {
    return notes;
  }

  public String getPlanCode() {
    return planCode;
  }
}
