package vn.planflow.org;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An official: works in one unit with some roles, and may sit on one People's Committee. */
@Entity
@Table(name = "official")
public class Official {

  @Id
  private String id;

  @Column(nullable = false)
  private String name;

  private String email;

  @Column(nullable = false)
  private String unitCode;

  private String committeeOf;

  @Enumerated(EnumType.STRING)
  private CommitteePosition committeePosition;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "official_role", joinColumns = @JoinColumn(name = "official_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role")
  private Set<UnitRole> roles = EnumSet.noneOf(UnitRole.class);

  @Column(nullable = false)
  private OffsetDateTime createdAt;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected Official() {}

  Official(String id, OffsetDateTime now) {
    this.id = id;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void update(
      String name,
      String email,
      String unitCode,
      Set<UnitRole> roles,
      String committeeOf,
      CommitteePosition committeePosition,
      OffsetDateTime now) {
    boolean changed =
        !Objects.equals(this.name, name)
            || !Objects.equals(this.email, email)
            || !Objects.equals(this.unitCode, unitCode)
            || !Objects.equals(this.roles, roles)
            || !Objects.equals(this.committeeOf, committeeOf)
            || this.committeePosition != committeePosition;
    this.name = name;
    this.email = email;
    this.unitCode = unitCode;
    this.roles.clear();
    this.roles.addAll(roles);
    this.committeeOf = committeeOf;
    this.committeePosition = committeePosition;
    if (changed) {
      this.updatedAt = now;
    }
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public Set<UnitRole> getRoles() {
    return roles.isEmpty() ? EnumSet.noneOf(UnitRole.class) : EnumSet.copyOf(roles);
  }

  public boolean hasRole(UnitRole role) {
    return roles.contains(role);
  }

  public String getCommitteeOf() {
    return committeeOf;
  }

  public CommitteePosition getCommitteePosition() {
    return committeePosition;
  }

  OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
