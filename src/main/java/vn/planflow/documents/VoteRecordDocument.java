package vn.planflow.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.VietnameseDates;
import vn.planflow.org.CommitteePosition;
import vn.planflow.org.OrgUnit;
import vn.planflow.plan.Plan;
import vn.planflow.voting.Vote;
import vn.planflow.voting.VoteRound;
import vn.planflow.voting.VoteSlip;

/**
 * The record of a vote by slip (biên bản kiểm phiếu): when the slips went out and were due, the
 * roster as it was then, every member's slip (vote, opinion, time), the tally against the whole
 * roster and the result.
 */
@Component
class VoteRecordDocument {

  static final String TITLE = "BIÊN BẢN KIỂM PHIẾU";
  static final List<String> COLUMNS = List.of("TT", "Họ và tên", "Chức vụ", "Biểu quyết", "Ý kiến", "Thời điểm gửi phiếu");
  private static final int[] WIDTHS = {70, 215, 135, 185, 225, 170};

  /** The rule the tally applies, as the law words it. */
  static final String RULE_QUOTE = "Nguyên tắc biểu quyết: Kế hoạch được thông qua khi được quá nửa tổng số thành viên"
      + " %s biểu quyết tán thành (Luật Tổ chức chính quyền địa phương).";

  private final IssuingBodies bodies;
  private final Clock clock;

  VoteRecordDocument(IssuingBodies bodies, Clock clock) {
    this.bodies = bodies;
    this.clock = clock;
  }

  byte[] render(Plan plan, VoteRound round) {
    OrgUnit issuer = bodies.find(round.getIssuerCode()).orElseThrow();
    String committee = issuer.getName();
    OfficialDocx docx = new OfficialDocx();
    LocalDate recorded = round.isClosed()
        ? round.getClosedAt().atZoneSameInstant(vn.planflow.calendar.EngineClock.VIETNAM).toLocalDate()
        : LocalDate.now(clock);
    docx.header(bodies.lines(issuer), "", DocumentTexts.placeDate(bodies.place(issuer), recorded, recorded.getYear()));
    docx.centred(TITLE, OfficialDocx.BODY_SIZE, true, false);
    docx.centred("Lấy ý kiến thành viên " + committee + " về việc ban hành " + plan.getTitle().strip(),
        OfficialDocx.BODY_SIZE, true, false);
    docx.subjectRule();
    docx.blank();

    int roster = round.getSlips().size();
    docx.body("Đợt lấy phiếu: " + round.getRound() + ".");
    docx.body("Thời điểm gửi phiếu: " + DocumentTexts.time(round.getSentAt()) + "; thời hạn gửi lại phiếu: "
        + DocumentTexts.time(round.getDeadline()) + ".");
    docx.body("Tổng số thành viên " + committee + ": " + roster + " (theo danh sách dưới đây). Phiếu không gửi lại"
        + " trước thời hạn " + (round.isDeemedAgree() ? "được coi là đồng ý" : "không được tính là đồng ý")
        + " theo Quy chế làm việc của " + bodies.shortName(issuer) + "; việc lấy phiếu "
        + (round.isCloseEarly() ? "kết thúc sớm khi kết quả đã rõ." : "kéo dài đến hết thời hạn, không kết thúc sớm."));
    docx.body(RULE_QUOTE.formatted(committee));

    slips(docx, round);

    docx.blank();
    docx.heading("Kết quả kiểm phiếu:");
    if (!round.isClosed()) {
      docx.body("Việc lấy phiếu chưa kết thúc (số liệu đến " + DocumentTexts.time(java.time.OffsetDateTime.now(clock))
          + "): " + tally(round, roster, countOf(round, Vote.AGREE), countOf(round, Vote.DISAGREE),
              countOf(round, Vote.OTHER), countOf(round, null)));
    } else {
      docx.body(tally(round, roster, round.getAgreeCount(), round.getDisagreeCount(), round.getOtherCount(),
          round.getUnreturnedCount()));
      docx.body("Kết luận: " + ("PASSED".equals(round.getResult())
          ? "Kế hoạch được thông qua (số thành viên đồng ý chiếm quá nửa tổng số thành viên " + committee + ")."
          : "Kế hoạch chưa được thông qua (số thành viên đồng ý không quá nửa tổng số thành viên " + committee
              + "); đưa ra phiên họp Ủy ban nhân dân."));
      docx.body("Việc lấy phiếu kết thúc lúc " + DocumentTexts.time(round.getClosedAt())
          + (Boolean.TRUE.equals(round.getClosedAtDeadline()) ? " (hết thời hạn gửi phiếu)"
              : round.isClosedEarly() ? ", trước thời hạn, vì kết quả đã rõ (Quy chế làm việc cho phép kết thúc sớm)"
              : "") + "./.");
    }
    // Made and signed by the Office official who sent the slips, in their name.
    docx.signatureAndRecipients(List.of(), List.of(
        "VĂN PHÒNG " + IssuingBodies.upper(bodies.shortName(issuer)), "NGƯỜI LẬP BIÊN BẢN"), round.getSentByName());
    return docx.toBytes();
  }

  private void slips(OfficialDocx docx, VoteRound round) {
    int[] widths = new int[WIDTHS.length];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = docx.textWidth() * WIDTHS[i] / 1000;
    }
    XWPFTable table = docx.table(1, widths);
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    for (int i = 0; i < COLUMNS.size(); i++) {
      OfficialDocx.cellText(header.getCell(i), COLUMNS.get(i), 12, true, ParagraphAlignment.CENTER);
      header.getCell(i).setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
    }
    int n = 0;
    for (VoteSlip slip : round.getSlips()) {
      XWPFTableRow row = table.createRow();
      List<String> values = List.of(String.valueOf(++n), slip.getMemberName(), position(slip.getPosition()),
          vote(slip, round), slip.getComment() == null ? "" : slip.getComment(),
          slip.getCastAt() == null ? "" : VietnameseDates.dateTime(java.util.Date.from(slip.getCastAt().toInstant())));
      for (int i = 0; i < values.size(); i++) {
        OfficialDocx.cellText(row.getCell(i), values.get(i), 12, false,
            i == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
      }
    }
  }

  private static String tally(VoteRound round, int roster, Integer agree, Integer disagree, Integer other,
      Integer unreturned) {
    return "Đồng ý: " + agree + "/" + roster + " thành viên (" + percent(agree, roster) + "); không đồng ý: "
        + disagree + "; ý kiến khác: " + other + "; không gửi phiếu: " + unreturned
        + (round.isDeemedAgree() && !round.isClosedEarly() && unreturned != null && unreturned > 0
            ? " (coi như đồng ý)" : round.isClosedEarly() ? " (chưa gửi phiếu — đã kết thúc sớm)" : "") + ".";
  }

  private static int countOf(VoteRound round, Vote vote) {
    return (int) round.getSlips().stream().filter(s -> s.getVote() == vote).count();
  }

  private static String percent(Integer count, int of) {
    if (count == null || of == 0) {
      return "0%";
    }
    BigDecimal share = BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    return share.stripTrailingZeros().toPlainString().replace('.', ',') + "%";
  }

  static String position(CommitteePosition position) {
    return switch (position) {
      case CHAIR -> "Chủ tịch";
      case VICE_CHAIR -> "Phó Chủ tịch";
      case MEMBER -> "Ủy viên";
    };
  }

  private static String vote(VoteSlip slip, VoteRound round) {
    return slip.getVote() != null ? slip.getVote().label() : round.statusOf(slip).label();
  }
}
