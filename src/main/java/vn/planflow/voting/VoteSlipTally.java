package vn.planflow.voting;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * The rule of the vote (decision {@code vote-slip-outcome}): passes when the agreeing votes are
 * more than half of the whole roster; unreturned slips count as agreement only where the
 * committee's working rules say so. The rule lives in DMN so that it can change without code.
 */
@Component
public class VoteSlipTally {

  public static final String DECISION = "vote-slip-outcome";

  private final DecisionService decisionService;

  VoteSlipTally(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  public String outcome(long agree, long unreturned, int rosterSize, boolean deemedAgreeOnTimeout) {
    Map<String, Object> inputs = Map.of(
        "agreeVotes", agree,
        "unreturnedSlips", unreturned,
        "rosterSize", rosterSize,
        "deemedAgreeOnTimeout", deemedAgreeOnTimeout);
    // The tally is the engine's own act, not the official whose vote triggered it.
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.disableAuthorizationCheck();
    }
    try {
      return decisionService.evaluateDecisionTableByKey(DECISION, inputs).getSingleEntry();
    } finally {
      if (context != null) {
        context.enableAuthorizationCheck();
      }
    }
  }

  /**
   * Whether the outcome can no longer change, whatever the outstanding members do: it passes even
   * if they all disagree, or fails even if they all agree.
   */
  public boolean decided(long agree, long outstanding, int rosterSize) {
    boolean passesAlready = "PASSED".equals(outcome(agree, 0, rosterSize, false));
    boolean cannotPass = "FAILED".equals(outcome(agree + outstanding, 0, rosterSize, false));
    return passesAlready || cannotPass;
  }
}
