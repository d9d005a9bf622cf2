package vn.planflow.documents;

import vn.planflow.reporting.PeriodConsolidation;
import vn.planflow.reporting.UnitReports;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.consultation.ConsultationOpinion;
import vn.planflow.consultation.ConsultationOpinionRepository;
import vn.planflow.issuance.DocumentType;
import vn.planflow.issuance.RegisterEntry;
import vn.planflow.issuance.RegisterEntryRepository;
import vn.planflow.org.OrgUnit;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.ReadPolicy;
import vn.planflow.system.InvalidRequestException;
import vn.planflow.system.NotFoundException;
import vn.planflow.voting.VoteRound;
import vn.planflow.voting.VoteRoundRepository;

/**
 * Renders the official documents of a plan and the outgoing register, each read in one
 * transaction, for those {@link ReadPolicy} lets read them: the plan and its Tờ trình for its
 * readers, the vote record for those who may see every slip, the consolidated report and its
 * figures for those who read the plan's reports, a register for its keepers.
 */
@Service
class Documents {

  private final PlanRepository plans;
  private final ConsultationOpinionRepository opinions;
  private final VoteRoundRepository voteRounds;
  private final RegisterEntryRepository register;
  private final IssuingBodies bodies;
  private final PlanDocument planDocument;
  private final SubmissionDocument submissionDocument;
  private final VoteRecordDocument voteRecordDocument;
  private final ReportDocument reportDocument;
  private final UnitReports reports;
  private final ReadPolicy policy;
  private final IssuedDocuments issued;
  private final PdfRenderer pdf;

  Documents(ReadPolicy policy, PlanRepository plans, ConsultationOpinionRepository opinions, VoteRoundRepository voteRounds,
      RegisterEntryRepository register, IssuingBodies bodies, PlanDocument planDocument,
      SubmissionDocument submissionDocument, VoteRecordDocument voteRecordDocument, ReportDocument reportDocument,
      UnitReports reports, IssuedDocuments issued, PdfRenderer pdf) {
    this.issued = issued;
    this.pdf = pdf;
    this.policy = policy;
    this.reportDocument = reportDocument;
    this.reports = reports;
    this.plans = plans;
    this.opinions = opinions;
    this.voteRounds = voteRounds;
    this.register = register;
    this.bodies = bodies;
    this.planDocument = planDocument;
    this.submissionDocument = submissionDocument;
    this.voteRecordDocument = voteRecordDocument;
  }

  /** The plan as its readers open it: the draft as it stands, or the issued record as kept. */
  @Transactional(readOnly = true)
  public byte[] plan(String code, String userId) {
    Plan plan = policy.readable(userId, code);
    return plan.getNumber() == null ? planDocument.render(plan) : issued.docx(plan);
  }

  /** The plan as PDF/A: the draft rendered now, or the issued record's PDF as kept. */
  @Transactional(readOnly = true)
  public byte[] planPdf(String code, String userId) {
    Plan plan = policy.readable(userId, code);
    return plan.getNumber() == null ? pdf.toPdf(planDocument.render(plan)) : issued.pdf(plan);
  }

  @Transactional(readOnly = true)
  public byte[] submission(String code, String userId) {
    Plan plan = policy.readable(userId, code);
    int round = plan.getConsultationRound();
    List<ConsultationOpinion> lastRound = round == 0 ? List.of() : opinions.findByPlanCodeAndRoundOrderByIdAsc(code, round);
    String signer = plan.getSubmissionNumber() == null
        ? null
        : register.findFirstByPlanCodeAndTypeOrderByIdDesc(code, DocumentType.TTR)
            .map(RegisterEntry::getSigner).orElse(null);
    return submissionDocument.render(plan, lastRound, signer);
  }

  @Transactional(readOnly = true)
  public byte[] voteRecord(String code, String userId) {
    Plan plan = policy.readable(userId, code);
    VoteRound round = voteRounds.findFirstByPlanCodeOrderByRoundDesc(code)
        .orElseThrow(() -> new NotFoundException("Kế hoạch '" + code + "' chưa lấy phiếu biểu quyết"));
    policy.requireAllSlips(userId, plan, round);
    return voteRecordDocument.render(plan, round);
  }

  /** The consolidated report of a period; signed by whoever approved it (the register's signer). */
  @Transactional(readOnly = true)
  public byte[] report(String code, String period, String userId) {
    PeriodConsolidation consolidation = reports.readableConsolidation(code, period, userId);
    String signer = consolidation.number() == null ? null
        : register.findFirstByPlanCodeAndTypeAndSymbol(code, DocumentType.BC, consolidation.number())
            .map(RegisterEntry::getSigner).orElse(null);
    return reportDocument.render(find(code), consolidation, signer);
  }

  @Transactional(readOnly = true)
  public byte[] reportWorkbook(String code, String period, String userId) {
    return ReportWorkbook.render(reports.readableConsolidation(code, period, userId));
  }

  @Transactional(readOnly = true)
  public RegisterView register(String issuer, String year, String userId) {
    int y = year(year);
    OrgUnit unit = bodies.find(issuer)
        .orElseThrow(() -> new NotFoundException("Không có cơ quan ban hành '" + issuer + "'"));
    policy.requireRegister(userId, unit);
    List<RegisterView.Entry> entries = register.findByIssuerAndYearOrderByIdAsc(issuer, y).stream()
        .map(Documents::entry)
        .toList();
    return new RegisterView(unit.getCode(), unit.getName(), y, entries);
  }

  private static RegisterView.Entry entry(RegisterEntry e) {
    String label = e.getType().label();
    String summary = e.getSummary() == null ? "" : e.getSummary().strip();
    String typeAndSummary = summary.toLowerCase(Locale.ROOT).startsWith(label.toLowerCase(Locale.ROOT))
        ? summary
        : label + " " + summary;
    return new RegisterView.Entry(e.getSymbol(), e.getNumber(), e.getType().abbreviation(), label, e.getIssuedOn(),
        e.getSummary(), typeAndSummary, e.getSigner(), e.getRecipients(), e.getArchive(), e.getCopies(), e.getNotes(),
        e.getPlanCode());
  }

  private static int year(String year) {
    if (year == null || !year.matches("\\d{4}")) {
      throw new InvalidRequestException("year", "năm phải gồm 4 chữ số (đang là '" + year + "')");
    }
    int y = Integer.parseInt(year);
    if (y < 1945) {
      throw new InvalidRequestException("year", "năm " + y + " không hợp lệ");
    }
    return y;
  }

  private Plan find(String code) {
    return plans.findById(code).orElseThrow(() -> new NotFoundException("Không có kế hoạch '" + code + "'"));
  }
}
