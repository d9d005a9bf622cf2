package vn.planflow.plan;

import java.util.List;

/**
 * The files attached to a plan, as {@link PlanView} lists them: implemented by the attachments
 * feature, so that the plan does not depend on how files are kept.
 */
public interface PlanAttachments {

  /** The plan's attachments not withdrawn, oldest first. */
  List<PlanView.Attachment> of(String planCode);
}
