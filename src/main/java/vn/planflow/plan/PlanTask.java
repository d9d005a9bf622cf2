package vn.planflow.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A task of the plan's appendix (Phụ lục): who leads it, who coordinates, when. */
@Entity
@Table(name = "plan_task")
public class PlanTask {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "task_no", nullable = false)
  private String no;

  @Column(name = "group_name")
  private String group;

  @Column(nullable = false)
  private String name;

  private String content;

  private String target;

  private String product;

  @Column(name = "lead_unit_code", nullable = false)
  private String leadUnit;

  /** Codes of imported units, or the plan's own words for bodies that are no unit. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "plan_task_coordinator", joinColumns = @JoinColumn(name = "task_id"))
  @OrderColumn(name = "position")
  @Column(name = "entry")
  private List<String> coordinatingUnits = new ArrayList<>();

  private String budgetSource;

  private String timeframe;

  private LocalDate startDate;

  private LocalDate endDate;

  protected PlanTask() {}

  public PlanTask(
      String no,
      String group,
      String name,
      String content,
      String target,
      String product,
      String leadUnit,
      List<String> coordinatingUnits,
      String budgetSource,
      String timeframe,
      LocalDate startDate,
      LocalDate endDate) {
    this.no = no;
    this.group = group;
    this.name = name;
    this.content = content;
    this.target = target;
    this.product = product;
    this.leadUnit = leadUnit;
    this.coordinatingUnits = new ArrayList<>(coordinatingUnits);
    this.budgetSource = budgetSource;
    this.timeframe = timeframe;
    this.startDate = startDate;
    this.endDate = endDate;
  }

  public Long getId() {
    return id;
  }

  public String getNo() {
    return no;
  }

  public String getGroup() {
    return group;
  }

  public String getName() {
    return name;
  }

  public String getContent() {
    return content;
  }

  public String getTarget() {
    return target;
  }

  public String getProduct() {
    return product;
  }

  public String getLeadUnit() {
    return leadUnit;
  }

  public List<String> getCoordinatingUnits() {
    return List.copyOf(coordinatingUnits);
  }

  public String getBudgetSource() {
    return budgetSource;
  }

  public String getTimeframe() {
    return timeframe;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }
}
