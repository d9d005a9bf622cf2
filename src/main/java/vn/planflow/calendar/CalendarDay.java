package vn.planflow.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.data.domain.Persistable;

/**
 * A stored day of the calendar. A year is stored whole: once it has rows, they are the year's
 * holidays and swapped days, and nothing is computed for it any more.
 *
 * <p>{@link Persistable} because the date is the key: rows are only ever inserted (a year is
 * replaced by deleting and inserting), and Spring Data would otherwise look each one up first.
 */
@Entity
@Table(name = "calendar_day")
class CalendarDay implements Persistable<LocalDate> {

  @Id
  @Column(name = "calendar_date")
  private LocalDate date;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DayKind kind;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DaySource source;

  private String updatedBy;

  @Column(nullable = false)
  private OffsetDateTime updatedAt;

  @Transient
  private boolean fresh;

  protected CalendarDay() {}

  CalendarDay(MarkedDay day, DaySource source, String updatedBy, OffsetDateTime updatedAt) {
    this.date = day.date();
    this.kind = day.kind();
    this.name = day.name();
    this.source = source;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
    this.fresh = true;
  }

  MarkedDay toMarkedDay() {
    return new MarkedDay(date, kind, name, source);
  }

  @Override
  public LocalDate getId() {
    return date;
  }

  @Override
  public boolean isNew() {
    return fresh;
  }
}
