package vn.planflow.org;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets a committee's working rules from a test, as an import by the administrator would. The
 * demo committees keep the default {@code closeVotingEarly=false}; a test whose walk votes only
 * until the outcome is decided says so with {@link #closeVotingEarly} before the slips are sent
 * (the round keeps the rule it was sent under) and restores the default afterwards.
 */
@Component
public class CommitteeRules {

  private final OrgUnitRepository units;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CommitteeRules(OrgUnitRepository units, TransactionTemplate transactions, Clock clock) {
    this.units = units;
    this.transactions = transactions;
    this.clock = clock;
  }

  public void closeVotingEarly(String committee, boolean on) {
    transactions.executeWithoutResult(status -> {
      OrgUnit unit = units.findById(committee).orElseThrow();
      unit.updateCommitteeRules(on, unit.approvalDays(), OffsetDateTime.now(clock));
    });
  }

  /** Back to the demo organization's rules: no committee closes voting early. */
  public void restoreDefaults() {
    closeVotingEarly("hn-ubnd", false);
    closeVotingEarly("yh-ubnd", false);
  }
}
