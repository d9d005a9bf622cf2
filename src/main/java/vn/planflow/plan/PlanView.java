package vn.planflow.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A plan as {@code GET /api/plans/{code}} returns it, and as the task forms show it. */
public record PlanView(
    String code,
    String title,
    String issuer,
    String issuerName,
    String leadUnit,
    String leadUnitName,
    LocalDate periodStart,
    LocalDate periodEnd,
    List<String> legalBases,
    String objectives,
    List<Target> targets,
    List<Section> sections,
    String budget,
    List<Task> tasks,
    List<String> recipients,
    Reporting reporting,
    String parentPlan,
    String status,
    String statusLabel,
    String number,
    LocalDate issuedOn,
    Signer signer,
    String submissionNumber,
    LocalDate submittedOn,
    String voteResult,
    VoteRecord voteRecord,
    List<OpinionView> consultations,
    String processInstanceId,
    List<Attachment> attachments) {

  public record Target(String code, String text, String unit, BigDecimal value) {}

  public record Section(String heading, String body) {}

  public record UnitRef(String code, String name) {}

  public record Task(
      String no,
      String group,
      String name,
      String content,
      String target,
      String product,
      UnitRef leadUnit,
      List<UnitRef> coordinatingUnits,
      String budgetSource,
      String timeframe,
      LocalDate startDate,
      LocalDate endDate) {}

  public record Reporting(String reportTo, List<String> deadlines) {}

  public record Signer(String id, String name, String position, List<String> signatureBlock) {}

  /**
   * One slip; {@code status} is a {@code SlipStatus} name ({@code CLOSED_EARLY}: not returned
   * because voting closed early, never counted as agreement) and {@code statusLabel} its words.
   */
  public record Slip(String member, String name, String position, String vote, String comment,
      OffsetDateTime castAt, String status, String statusLabel) {}

  public record VoteRecord(int round, OffsetDateTime sentAt, OffsetDateTime deadline,
      OffsetDateTime closedAt, Boolean closedAtDeadline, Boolean closedEarly, boolean deemedAgreeOnTimeout,
      boolean closeVotingEarly, int rosterSize,
      Integer agree, Integer disagree, Integer other, Integer unreturned, String result,
      List<Slip> slips) {}

  public record OpinionView(int round, String unit, String unitName, OffsetDateTime deadline,
      String opinion, String opinionLabel, String comment, String answeredBy,
      OffsetDateTime answeredAt, Boolean accepted, String explanation) {}

  /** A file attached to the plan (not withdrawn): who attached it when, at which step, and where to get it. */
  public record Attachment(long id, String name, String type, long size, String sizeText, String uploadedBy,
      String uploadedByName, String uploadedByUnitName, OffsetDateTime uploadedAt, String uploadedAtText,
      String step, String note, String downloadUrl) {}

}
