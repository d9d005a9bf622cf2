package vn.planflow.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.planflow.consultation.ConsultationOpinion;
import vn.planflow.consultation.Opinion;
import vn.planflow.issuance.DocumentType;
import vn.planflow.org.OrgUnit;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanTarget;

/**
 * The lead unit's Tờ trình to the People's Committee asking it to issue the plan: the legal
 * bases, how the draft was made and consulted (every unit's answer, the comments and how they were
 * taken in), the main content of the draft, and the request. Numbered {@code n/TTr-<unit>} when
 * the unit's leader signs it; before that it says "DỰ THẢO".
 */
@Component
class SubmissionDocument {

  static final String TITLE = "TỜ TRÌNH";

  private final IssuingBodies bodies;
  private final Clock clock;

  SubmissionDocument(IssuingBodies bodies, Clock clock) {
    this.bodies = bodies;
    this.clock = clock;
  }

  /**
   * @param opinions the answers of the last consultation round
   * @param signer who signed the Tờ trình (from the register), or null before it is signed
   */
  byte[] render(Plan plan, List<ConsultationOpinion> opinions, String signer) {
    OrgUnit lead = bodies.find(plan.getLeadUnit()).orElseThrow();
    OrgUnit issuer = bodies.find(plan.getIssuer()).orElseThrow();
    String leadName = lead.getName();
    String issuerName = bodies.shortName(issuer);
    OfficialDocx docx = new OfficialDocx();
    if (plan.getSubmissionNumber() == null) {
      docx.draftMark(PlanDocument.DRAFT);
    }
    docx.header(bodies.lines(lead),
        DocumentTexts.numberLine(plan.getSubmissionNumber(), DocumentType.TTR.abbreviation(), lead.getSymbol()),
        DocumentTexts.placeDate(bodies.place(lead), plan.getSubmittedOn(), LocalDate.now(clock).getYear()));
    docx.centred(TITLE, OfficialDocx.BODY_SIZE, true, false);
    docx.centred("Về việc ban hành " + plan.getTitle().strip(), OfficialDocx.BODY_SIZE, true, false);
    docx.subjectRule();
    docx.blank();
    docx.centred("Kính gửi: " + issuer.getName() + ".", OfficialDocx.BODY_SIZE, false, false);
    docx.blank();

    for (String basis : plan.getLegalBases()) {
      if (!basis.isBlank()) {
        docx.body("Căn cứ " + basis.strip().replaceAll("[.;,]+$", "") + ";");
      }
    }
    docx.body(leadName + " kính trình " + issuerName + " xem xét, ban hành " + plan.getTitle().strip()
        + ", cụ thể như sau:");

    docx.heading("I. QUÁ TRÌNH XÂY DỰNG DỰ THẢO KẾ HOẠCH");
    consultation(docx, leadName, opinions);

    docx.heading("II. NỘI DUNG CHÍNH CỦA DỰ THẢO KẾ HOẠCH");
    docx.body("Dự thảo Kế hoạch thực hiện từ ngày " + DocumentTexts.shortDate(plan.getPeriodStart()) + " đến ngày "
        + DocumentTexts.shortDate(plan.getPeriodEnd()) + ", gồm " + plan.getTargets().size() + " chỉ tiêu và "
        + plan.getTasks().size() + " nhiệm vụ tại Phụ lục, giao chủ trì cho " + plan.leadingUnits().size()
        + " cơ quan, đơn vị.");
    for (PlanTarget target : plan.getTargets()) {
      // A target's code is the drafter's reference, not text ("T1"): only outline numbers are read out.
      String code = target.getCode().strip().replaceFirst("\\.$", "");
      docx.body("- " + (DocumentTexts.isOutlineNumber(code) ? "Chỉ tiêu " + code + ": " : "")
          + PlanDocument.asSentence(target.getText()));
    }

    docx.body(leadName + " kính trình " + issuerName + " xem xét, ban hành Kế hoạch./.");
    docx.body("(Gửi kèm theo: Dự thảo Kế hoạch; bảng tổng hợp tiếp thu, giải trình ý kiến góp ý.)");
    docx.signatureAndRecipients(
        DocumentTexts.recipients(List.of("Như trên"), vn.planflow.issuance.Recipients.defaultArchive(lead.getSymbol())),
        List.of(bodies.headTitle(lead)),
        signer);
    return docx.toBytes();
  }

  private void consultation(OfficialDocx docx, String leadName, List<ConsultationOpinion> opinions) {
    if (opinions.isEmpty()) {
      docx.body(leadName + " đã xây dựng dự thảo Kế hoạch.");
      return;
    }
    docx.body(leadName + " đã xây dựng dự thảo Kế hoạch và gửi lấy ý kiến " + opinions.size()
        + " cơ quan, đơn vị: " + String.join("; ", opinions.stream().map(o -> bodies.name(o.getUnitCode())).toList())
        + ".");
    Map<Opinion, Integer> counts = new TreeMap<>();
    int pending = 0;
    for (ConsultationOpinion opinion : opinions) {
      if (opinion.getOpinion() == null) {
        pending++;
      } else {
        counts.merge(opinion.getOpinion(), 1, Integer::sum);
      }
    }
    StringBuilder result = new StringBuilder("Kết quả: ");
    counts.forEach((opinion, count) -> result.append(count).append(" đơn vị ")
        .append(opinion.label().substring(0, 1).toLowerCase(IssuingBodies.VIETNAMESE))
        .append(opinion.label().substring(1)).append("; "));
    if (pending > 0) {
      result.append(pending).append(" đơn vị chưa trả lời; ");
    }
    docx.body(result.substring(0, result.length() - 2) + ".");
    for (ConsultationOpinion opinion : opinions) {
      if (opinion.getComment() != null && !opinion.getComment().isBlank()) {
        String explanation = opinion.getExplanation() == null ? "" : opinion.getExplanation().strip();
        String answer = "";
        if (Boolean.TRUE.equals(opinion.getAccepted())) {
          answer = explanation.isEmpty() ? " Tiếp thu." : " Tiếp thu: " + sentence(explanation);
        } else if (Boolean.FALSE.equals(opinion.getAccepted())) {
          answer = explanation.isEmpty() ? " Không tiếp thu." : " Giải trình: " + sentence(explanation);
        }
        docx.body("- " + bodies.name(opinion.getUnitCode()) + ": " + sentence(opinion.getComment()) + answer);
      }
    }
    docx.body(leadName + " đã tiếp thu, giải trình các ý kiến góp ý và hoàn thiện dự thảo Kế hoạch.");
  }

  private static String sentence(String text) {
    String stripped = text.strip();
    return stripped.endsWith(".") || stripped.endsWith("!") || stripped.endsWith("?") ? stripped : stripped + ".";
  }
}
