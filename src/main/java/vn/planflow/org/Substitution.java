package vn.planflow.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A substitute (ủy quyền xử lý): from {@code fromDate} to {@code toDate} inclusive (dates in
 * Vietnam), new tasks assigned to the official also go to the substitute. Ending one early keeps
 * the record; it only stops it.
 */
@Entity
@Table(name = "substitution")
public class Substitution {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String officialId;

  @Column(nullable = false)
  private String substituteId;

  @Column(nullable = false)
  private LocalDate fromDate;

  @Column(nullable = false)
  private LocalDate toDate;

  private String reason;

  @Column(nullable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private String createdBy;

  private OffsetDateTime endedAt;

  private String endedBy;

  @Version
  private long version;

  protected Substitution() {}

  Substitution(String officialId, String substituteId, LocalDate fromDate, LocalDate toDate, String reason,
      String createdBy, OffsetDateTime now) {
    this.officialId = officialId;
    this.substituteId = substituteId;
    this.fromDate = fromDate;
    this.toDate = toDate;
    this.reason = reason;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /** Running on this day: not ended, and the day within the range. */
  public boolean runsOn(LocalDate day) {
    return endedAt == null && !day.isBefore(fromDate) && !day.isAfter(toDate);
  }

  /** Shares at least one day with this range, unless ended. */
  boolean overlaps(LocalDate from, LocalDate to) {
    return endedAt == null && !from.isAfter(toDate) && !to.isBefore(fromDate);
  }

  void end(String by, OffsetDateTime now) {
    this.endedAt = now;
    this.endedBy = by;
  }

  public boolean isEnded() {
    return endedAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getOfficialId() {
    return officialId;
  }

  public String getSubstituteId() {
    return substituteId;
  }

  public LocalDate getFromDate() {
    return fromDate;
  }

  public LocalDate getToDate() {
    return toDate;
  }

  public String getReason() {
    return reason;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public OffsetDateTime getEndedAt() {
    return endedAt;
  }

  public String getEndedBy() {
    return endedBy;
  }
}
