package vn.planflow.plan;

/**
 * Names of process {@code plan-approval} (CONTRACT §4) used by the model, the code, the forms and
 * the tests alike: the process key, the user-task keys and the variables.
 */
public final class PlanApproval {

  public static final String PROCESS = "plan-approval";

  // User tasks (definition keys are fixed by the contract)
  public static final String DRAFT_PLAN = "draftPlan";
  public static final String REVIEW_DRAFT = "reviewDraft";
  public static final String GIVE_OPINION = "giveOpinion";
  public static final String SYNTHESIZE_OPINIONS = "synthesizeOpinions";
  public static final String APPROVE_SUBMISSION = "approveSubmission";
  public static final String REVIEW_SUBMISSION = "reviewSubmission";
  public static final String CAST_VOTE = "castVote";
  public static final String RECORD_MEETING_DECISION = "recordMeetingDecision";
  public static final String SIGN_PLAN = "signPlan";
  public static final String ISSUE_PLAN = "issuePlan";
  public static final String ACKNOWLEDGE_RECEIPT = "acknowledgeReceipt";

  // Variables of the process instance
  public static final String PLAN_CODE = "planCode";
  public static final String ISSUER = "issuer";
  public static final String LEAD_UNIT = "leadUnit";
  public static final String CONSULTED_UNITS = "consultedUnits";
  public static final String CONSULTATION_DAYS = "consultationDays";
  public static final String CONSULTATION_DEADLINE = "consultationDeadline";
  public static final String CONSULTATION_REMINDER = "consultationReminder";
  public static final String APPROVED = "approved";
  public static final String COMMENT = "comment";
  public static final String RECONSULT = "reconsult";
  public static final String DECISION = "decision";
  public static final String SIGNER = "signer";
  public static final String VOTE_DAYS = "voteDays";
  public static final String VOTE_DEADLINE = "voteDeadline";
  public static final String VOTE_OUTCOME = "voteOutcome";

  // Variables local to one instance of a multi-instance task
  public static final String UNIT = "unit";
  public static final String MEMBER = "member";
  public static final String OPINION = "opinion";
  public static final String VOTE = "vote";
  public static final String OWN_PLAN_REQUIRED = "ownPlanRequired";
  public static final String CHILD_LEAD_UNIT = "childLeadUnit";

  // Variables shown by the forms (task-local, set when a task is created)
  public static final String PLAN_VIEW = "plan";
  public static final String PLAN_TITLE = "planTitle";

  /** Message that starts process reporting-cycle when a plan takes effect. */
  public static final String PLAN_IN_EFFECT_MESSAGE = "PlanInEffect";
  public static final String REPORTING_PROCESS = "reporting-cycle";

  public static final String VOTE_PASSED = "PASSED";
  public static final String VOTE_FAILED = "FAILED";

  private PlanApproval() {}
}
