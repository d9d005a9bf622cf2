package vn.planflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtrRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A {@code .docx} laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I, asks of an administrative
 * document: A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman; the
 * issuing body beside the Quốc hiệu and Tiêu ngữ, the number under the body, the place and date
 * under the motto (the Quốc hiệu in 12 pt bold capitals, the Tiêu ngữ and the body's name in 13 pt
 * bold); body text 14 pt, justified, first line indented 1 cm, at least 6 pt between
 * paragraphs; page numbers at the top centre from the second page; "Nơi nhận" 12 pt bold italic
 * with its list in 11 pt. Landscape pages (for wide appendix tables) are a section of their own.
 */
final class OfficialDocx {

  static final String FONT = "Times New Roman";
  /** The mark that ends the text of a document, once. */
  static final String CLOSING = "./.";
  static final int BODY_SIZE = 14;
  static final int HEADER_SIZE = 13;

  /** Sizes in twentieths of a point ("twips"). */
  private static final int A4_SHORT = 11906;
  private static final int A4_LONG = 16838;
  private static final int PORTRAIT_LEFT = mm(30);
  private static final int PORTRAIT_RIGHT = mm(15);
  private static final int VERTICAL_MARGIN = mm(20);
  private static final int LANDSCAPE_SIDE = mm(20);
  static final int PORTRAIT_WIDTH = A4_SHORT - PORTRAIT_LEFT - PORTRAIT_RIGHT;
  static final int LANDSCAPE_WIDTH = A4_LONG - 2 * LANDSCAPE_SIDE;
  private static final int FIRST_LINE_INDENT = 567;

  private static int mm(int millimetres) {
    return Math.round(millimetres * 1440f / 25.4f);
  }

  /** One line of text with its weight, as in the header block and signature block. */
  record Line(String text, boolean bold) {
    static Line bold(String text) {
      return new Line(text, true);
    }

    static Line plain(String text) {
      return new Line(text, false);
    }
  }

  private final XWPFDocument document = new XWPFDocument();
  private boolean landscape;
  private String lastBodyText = "";
  private final List<XWPFParagraph> bodyParagraphs = new ArrayList<>();

  OfficialDocx() {
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    fonts.setEastAsia(FONT);
    document.createStyles().setDefaultFonts(fonts);
    CTSectPr section = document.getDocument().getBody().isSetSectPr()
        ? document.getDocument().getBody().getSectPr()
        : document.getDocument().getBody().addNewSectPr();
    pageSetup(section, false);
  }

  int textWidth() {
    return landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  }

  /** The text of the last body paragraph written, to tell whether the closing "./." is there. */
  String lastBodyText() {
    return lastBodyText;
  }

  // --- Paragraphs ---------------------------------------------------------------------------

  XWPFParagraph paragraph(ParagraphAlignment alignment) {
    return tight(document.createParagraph(), alignment);
  }

  /** A body paragraph: justified, first line indented, 6 pt after, lines at 1.15. */
  XWPFParagraph body(String text) {
    return bodyParagraph(text, false);
  }

  /** A bold body heading ("I. MỤC TIÊU, YÊU CẦU", "1. Sở Công Thương"). */
  XWPFParagraph heading(String text) {
    return bodyParagraph(text, true);
  }

  private XWPFParagraph bodyParagraph(String text, boolean bold) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setAlignment(ParagraphAlignment.BOTH);
    paragraph.setIndentationFirstLine(FIRST_LINE_INDENT);
    paragraph.setSpacingBefore(0);
    paragraph.setSpacingAfter(120);
    paragraph.setSpacingBetween(1.15, LineSpacingRule.AUTO);
    run(paragraph, text, BODY_SIZE, bold, false);
    lastBodyText = text == null ? "" : text;
    bodyParagraphs.add(paragraph);
    return paragraph;
  }

  /**
   * Ends the text with one "./." (Phụ lục I): where the last paragraph written already ends with
   * it (the drafter's own closing words), that one keeps it; otherwise {@code closingSentence}
   * is added. Any "./." inside the text — a drafter's part that closed an earlier draft — becomes
   * a plain full stop.
   */
  void close(String closingSentence) {
    close(closingSentence, true);
  }

  /** Like {@link #close(String)}, but always ending with {@code closingSentence} (a report's "kính báo cáo"). */
  void closeWith(String closingSentence) {
    close(closingSentence, false);
  }

  private void close(String closingSentence, boolean drafterMayClose) {
    boolean lastCloses = drafterMayClose && lastBodyText.strip().endsWith(CLOSING);
    XWPFParagraph last = bodyParagraphs.isEmpty() ? null : bodyParagraphs.get(bodyParagraphs.size() - 1);
    for (XWPFParagraph paragraph : bodyParagraphs) {
      if (lastCloses && paragraph == last) {
        continue;
      }
      for (XWPFRun run : paragraph.getRuns()) {
        String text = run.getText(0);
        if (text != null && text.contains(CLOSING)) {
          run.setText(text.replace(CLOSING, "."), 0);
        }
      }
    }
    if (!lastCloses) {
      body(closingSentence.strip().endsWith(CLOSING) ? closingSentence : closingSentence + "/.");
    }
  }

  /** The short line under the trích yếu: a third of the text's width, centred (Phụ lục I). */
  void subjectRule() {
    rule(paragraph(ParagraphAlignment.CENTER), textWidth(), textWidth() / 3);
  }

  /** Centred lines in one paragraph each (document type, subject). */
  void centred(String text, int size, boolean bold, boolean italic) {
    run(paragraph(ParagraphAlignment.CENTER), text, size, bold, italic);
  }

  void blank() {
    paragraph(ParagraphAlignment.LEFT);
  }

  /** "DỰ THẢO" in a box at the top left: the text is not an issued document. */
  void draftMark(String text) {
    XWPFParagraph paragraph = paragraph(ParagraphAlignment.LEFT);
    paragraph.setBorderTop(Borders.SINGLE);
    paragraph.setBorderBottom(Borders.SINGLE);
    paragraph.setBorderLeft(Borders.SINGLE);
    paragraph.setBorderRight(Borders.SINGLE);
    paragraph.setIndentationRight(textWidth() - 1900);
    paragraph.setSpacingAfter(120);
    run(paragraph, text, HEADER_SIZE, true, false);
  }

  static XWPFRun run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
    XWPFRun run = paragraph.createRun();
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
    run.setLang("vi-VN");
    if (text != null) {
      // XML cannot carry a NUL or vertical tab pasted into a plan; XmlBeans would write a stray "?".
      run.setText(vn.planflow.system.XmlText.clean(text));
    }
    return run;
  }

  private static XWPFParagraph tight(XWPFParagraph paragraph, ParagraphAlignment alignment) {
    paragraph.setAlignment(alignment);
    paragraph.setSpacingBefore(0);
    paragraph.setSpacingAfter(0);
    paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
    return paragraph;
  }

  // --- Header block (Art. 8: issuing body, Quốc hiệu and Tiêu ngữ, number, place and date) ----

  /**
   * The two columns at the top of the first page: the issuing body over its number on the left,
   * the Quốc hiệu and Tiêu ngữ over the place and date on the right. Without a number line and
   * date line (the appendix), only the first row.
   */
  void header(List<Line> issuingBody, String numberLine, String placeDateLine) {
    boolean withNumber = numberLine != null || placeDateLine != null;
    // As wide as the text plus 15 mm into the left margin, so the Quốc hiệu stays on one line.
    int outdent = landscape ? 0 : mm(15);
    int left = (textWidth() + outdent) * 37 / 100;
    int right = textWidth() + outdent - left;
    XWPFTable table = borderless(withNumber ? 2 : 1, new int[] {left, right});
    if (outdent > 0) {
      CTTblPr properties = table.getCTTbl().getTblPr();
      CTTblWidth indent = properties.isSetTblInd() ? properties.getTblInd() : properties.addNewTblInd();
      indent.setType(STTblWidth.DXA);
      indent.setW(BigInteger.valueOf(-outdent));
    }
    XWPFTableCell body = table.getRow(0).getCell(0);
    boolean first = true;
    for (Line line : issuingBody) {
      XWPFParagraph paragraph = first ? body.getParagraphs().get(0) : body.addParagraph();
      tight(paragraph, ParagraphAlignment.CENTER);
      run(paragraph, line.text(), HEADER_SIZE, line.bold(), false);
      first = false;
    }
    rule(body.addParagraph(), left, left / 3);

    XWPFTableCell nation = table.getRow(0).getCell(1);
    XWPFParagraph republic = tight(nation.getParagraphs().get(0), ParagraphAlignment.CENTER);
    run(republic, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
    run(tight(nation.addParagraph(), ParagraphAlignment.CENTER), "Độc lập - Tự do - Hạnh phúc", HEADER_SIZE, true, false);
    rule(nation.addParagraph(), right, right * 11 / 20);

    if (withNumber) {
      XWPFParagraph number = tight(table.getRow(1).getCell(0).getParagraphs().get(0), ParagraphAlignment.CENTER);
      run(number, numberLine == null ? "" : numberLine, HEADER_SIZE, false, false);
      XWPFParagraph date = tight(table.getRow(1).getCell(1).getParagraphs().get(0), ParagraphAlignment.CENTER);
      run(date, placeDateLine == null ? "" : placeDateLine, BODY_SIZE, false, true);
    }
    blank();
  }

  /** A short centred line under the issuing body or the motto (a top border on an empty paragraph). */
  private static void rule(XWPFParagraph paragraph, int cellWidth, int length) {
    tight(paragraph, ParagraphAlignment.CENTER);
    paragraph.setSpacingBefore(40);
    paragraph.setBorderTop(Borders.SINGLE);
    int indent = Math.max(0, (cellWidth - length) / 2 - 110);
    paragraph.setIndentationLeft(indent);
    paragraph.setIndentationRight(indent);
    run(paragraph, null, 6, false, false);
  }

  // --- Signature and recipients (Art. 8, 13) -----------------------------------------------------

  /**
   * "Nơi nhận:" and its list (lines as {@link DocumentTexts#recipients} writes them) on the left, the signature block on the right: the authority lines
   * in bold, room for the signature and seal, then the signer's name in bold.
   */
  void signatureAndRecipients(List<String> recipients, List<String> authority, String signerName) {
    blank();
    int half = textWidth() / 2;
    XWPFTable table = borderless(1, new int[] {half, textWidth() - half});
    XWPFTableCell left = table.getRow(0).getCell(0);
    if (recipients != null && !recipients.isEmpty()) {
      run(tight(left.getParagraphs().get(0), ParagraphAlignment.LEFT), "Nơi nhận:", 12, true, true);
      for (String recipient : recipients) {
        run(tight(left.addParagraph(), ParagraphAlignment.LEFT), recipient, 11, false, false);
      }
    }
    XWPFTableCell right = table.getRow(0).getCell(1);
    boolean first = true;
    for (String line : authority) {
      XWPFParagraph paragraph = first ? right.getParagraphs().get(0) : right.addParagraph();
      run(tight(paragraph, ParagraphAlignment.CENTER), line, BODY_SIZE, true, false);
      first = false;
    }
    for (int i = 0; i < 4; i++) {
      tight(right.addParagraph(), ParagraphAlignment.CENTER);
    }
    if (signerName != null && !signerName.isBlank()) {
      run(tight(right.addParagraph(), ParagraphAlignment.CENTER), signerName, BODY_SIZE, true, false);
    }
  }

  // --- Tables -------------------------------------------------------------------------------

  /** A table without borders, columns of these widths (twips), fixed layout. */
  XWPFTable borderless(int rows, int[] widths) {
    XWPFTable table = table(rows, widths);
    table.removeBorders();
    return table;
  }

  /** A ruled table with columns of these widths (twips), fixed layout, as wide as the text. */
  XWPFTable table(int rows, int[] widths) {
    XWPFTable table = document.createTable(rows, widths.length);
    CTTblPr properties = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr() : table.getCTTbl().getTblPr();
    CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
    width.setType(STTblWidth.DXA);
    width.setW(BigInteger.valueOf(sum(widths)));
    (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout()).setType(STTblLayoutType.FIXED);
    CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int w : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
    }
    for (XWPFTableRow row : table.getRows()) {
      for (int i = 0; i < widths.length; i++) {
        cellWidth(row.getCell(i), widths[i]);
      }
    }
    return table;
  }

  static void cellWidth(XWPFTableCell cell, int twips) {
    CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    CTTblWidth width = properties.isSetTcW() ? properties.getTcW() : properties.addNewTcW();
    width.setType(STTblWidth.DXA);
    width.setW(BigInteger.valueOf(twips));
  }

  /**
   * Writes the text into the cell, one paragraph per line, exactly as given: reading the cell's
   * paragraphs back and joining them with line breaks gives the same text.
   */
  static void cellText(XWPFTableCell cell, String text, int size, boolean bold, ParagraphAlignment alignment) {
    String[] lines = (text == null ? "" : text).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
      tight(paragraph, alignment);
      if (!lines[i].isEmpty()) {
        run(paragraph, lines[i], size, bold, false);
      }
    }
  }

  private static int sum(int[] widths) {
    int total = 0;
    for (int w : widths) {
      total += w;
    }
    return total;
  }

  // --- Sections, page numbers, output --------------------------------------------------------

  /**
   * Ends the portrait pages here; what follows is on landscape pages. (In Word's model a section
   * is described at its end: the paragraph that closes the portrait part carries its settings,
   * the body's own settings describe the last part.)
   */
  void startLandscapeSection() {
    XWPFParagraph end = paragraph(ParagraphAlignment.LEFT);
    var paragraphProperties = end.getCTP().isSetPPr() ? end.getCTP().getPPr() : end.getCTP().addNewPPr();
    CTSectPr portrait = paragraphProperties.addNewSectPr();
    pageSetup(portrait, false);
    pageSetup(document.getDocument().getBody().getSectPr(), true);
    landscape = true;
  }

  private static void pageSetup(CTSectPr section, boolean landscape) {
    CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
    size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
    size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
    size.setOrient(landscape ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
    CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(VERTICAL_MARGIN));
    margins.setBottom(BigInteger.valueOf(VERTICAL_MARGIN));
    margins.setLeft(BigInteger.valueOf(landscape ? LANDSCAPE_SIDE : PORTRAIT_LEFT));
    margins.setRight(BigInteger.valueOf(landscape ? LANDSCAPE_SIDE : PORTRAIT_RIGHT));
    margins.setHeader(BigInteger.valueOf(mm(10)));
    margins.setFooter(BigInteger.valueOf(mm(10)));
  }

  /** Page numbers at the top centre, in Arabic numerals, not on the first page (Art. 8 and Phụ lục I). */
  private void pageNumbers() {
    XWPFHeader header = document.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph paragraph = tight(header.createParagraph(), ParagraphAlignment.CENTER);
    run(paragraph, null, HEADER_SIZE, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    run(paragraph, null, HEADER_SIZE, false, false).getCTR().addNewInstrText().setStringValue(" PAGE ");
    run(paragraph, null, HEADER_SIZE, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
    run(paragraph, "2", HEADER_SIZE, false, false);
    run(paragraph, null, HEADER_SIZE, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    String id = document.getRelationId(header);
    CTSectPr last = document.getDocument().getBody().getSectPr();
    // The first section has its own settings when the document turns landscape: it shows the
    // same header, but not on its first page.
    CTSectPr first = last;
    for (XWPFParagraph p : document.getParagraphs()) {
      if (p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr()) {
        first = p.getCTP().getPPr().getSectPr();
        break;
      }
    }
    if (first != last) {
      CTHdrFtrRef reference = first.addNewHeaderReference();
      reference.setType(STHdrFtr.DEFAULT);
      reference.setId(id);
    }
    first.addNewTitlePg();
  }

  byte[] toBytes() {
    pageNumbers();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.write(out);
      document.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
