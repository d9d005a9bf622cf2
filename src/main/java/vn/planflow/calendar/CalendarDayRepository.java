package vn.planflow.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

  List<CalendarDay> findByDateBetweenOrderByDateAsc(LocalDate first, LocalDate last);

  boolean existsByDateBetween(LocalDate first, LocalDate last);

  /** In bulk, so that the rows of the same dates can be inserted in the same transaction. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from CalendarDay d where d.date between :first and :last")
  int deleteByDateBetween(LocalDate first, LocalDate last);
}
