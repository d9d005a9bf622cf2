package vn.planflow.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A numbered target (chỉ tiêu) such as "4.1 Giảm 5 - 8% mức tiêu hao …". */
@Embeddable
public class PlanTarget {

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String text;

  private String unit;

  @Column(name = "target_value")
  private BigDecimal value;

  protected PlanTarget() {}

  public PlanTarget(String code, String text, String unit, BigDecimal value) {
    this.code = code;
    this.text = text;
    this.unit = unit;
    this.value = value;
  }

  public String getCode() {
    return code;
  }

  public String getText() {
    return text;
  }

  public String getUnit() {
    return unit;
  }

  public BigDecimal getValue() {
    return value;
  }
}
