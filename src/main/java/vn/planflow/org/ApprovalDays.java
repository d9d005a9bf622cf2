package vn.planflow.org;

/**
 * Working days each step of the approval of a plan may take, from a People's Committee's working
 * regulation (Quy chế làm việc): each approval task is due that many working days after it is
 * created. Consultation and vote slips keep their own settings ({@code consultationDays},
 * {@code voteDays}).
 */
public record ApprovalDays(
    int drafting, int review, int synthesis, int submission, int officeReview, int signing, int issuing) {

  /** The defaults of CONTRACT §2 where a committee's import leaves a step out. */
  public static final ApprovalDays DEFAULT = new ApprovalDays(10, 3, 5, 3, 5, 3, 2);

  /** Smallest and largest number of working days a step may be given. */
  public static final int MIN = 1;
  public static final int MAX = 60;
}
