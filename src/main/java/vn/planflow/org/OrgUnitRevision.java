package vn.planflow.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One state a unit has had; units are merged and renamed, and old plans name the old unit. */
@Entity
@Table(name = "org_unit_revision")
class OrgUnitRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String unitCode;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UnitKind kind;

  @Column(nullable = false)
  private String symbol;

  private String place;

  private String parentCode;

  @Column(nullable = false)
  private OffsetDateTime changedAt;

  private String changedBy;

  protected OrgUnitRevision() {}

  OrgUnitRevision(OrgUnit unit, String changedBy) {
    this.unitCode = unit.getCode();
    this.name = unit.getName();
    this.kind = unit.getKind();
    this.symbol = unit.getSymbol();
    this.place = unit.getPlace();
    this.parentCode = unit.getParentCode();
    this.changedAt = unit.getUpdatedAt();
    this.changedBy = changedBy;
  }

  String getName() {
    return name;
  }

  String getParentCode() {
    return parentCode;
  }

  OffsetDateTime getChangedAt() {
    return changedAt;
  }

  String getChangedBy() {
    return changedBy;
  }
}
