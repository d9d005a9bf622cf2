package vn.planflow.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A content section of the plan ("II. NỘI DUNG") with its text. */
@Embeddable
public class PlanSection {

  @Column(nullable = false)
  private String heading;

  private String body;

  protected PlanSection() {}

  public PlanSection(String heading, String body) {
    this.heading = heading;
    this.body = body;
  }

  public String getHeading() {
    return heading;
  }

  public String getBody() {
    return body;
  }
}
