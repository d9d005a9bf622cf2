package vn.planflow.issuance;

/**
 * A plan has just been numbered and dated by the clerk, in the transaction that issues it. Those
 * who keep the issued record (the documents) take it from here, in the same transaction.
 */
public record PlanIssued(String planCode) {}
