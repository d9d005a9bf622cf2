package vn.planflow.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** A generated {@code .docx} opened with POI, read as a person reads it: lines, tables, fonts. */
final class DocxContent {

  final XWPFDocument document;

  DocxContent(byte[] bytes) {
    try {
      document = new XWPFDocument(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line in reading order: body paragraphs, and each table cell's paragraphs in turn. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (IBodyElement element : document.getBodyElements()) {
      if (element instanceof XWPFParagraph paragraph) {
        lines.add(paragraph.getText());
      } else if (element instanceof XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            cell.getParagraphs().forEach(p -> lines.add(p.getText()));
          }
        }
      }
    }
    return lines;
  }

  /** The lines that hold text, stripped. */
  List<String> textLines() {
    return lines().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Body paragraphs only (outside tables), non-empty, in order. */
  List<String> paragraphs() {
    return document.getParagraphs().stream().map(XWPFParagraph::getText).filter(s -> !s.isBlank()).toList();
  }

  /**
   * Whether the paragraph right after the one reading {@code text} is the short line under it:
   * empty, centred, a top border, indented on both sides so it is shorter than the text.
   */
  boolean ruledUnder(String text) {
    List<XWPFParagraph> all = document.getParagraphs();
    for (int i = 0; i < all.size() - 1; i++) {
      if (all.get(i).getText().equals(text)) {
        XWPFParagraph rule = all.get(i + 1);
        return rule.getText().isEmpty()
            && rule.getAlignment() == org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER
            && rule.getBorderTop() == org.apache.poi.xwpf.usermodel.Borders.SINGLE
            && rule.getIndentationLeft() > 0 && rule.getIndentationRight() > 0;
      }
    }
    return false;
  }

  /** How many times "./." occurs in the whole text, tables included. */
  long closingMarks() {
    String all = String.join("\n", lines());
    return (all.length() - all.replace("./.", "").length()) / 3;
  }

  List<XWPFTable> tables() {
    return document.getTables();
  }

  /** A cell's text: its paragraphs joined with line breaks, as it was written. */
  static String cell(XWPFTableCell cell) {
    return String.join("\n", cell.getParagraphs().stream().map(XWPFParagraph::getText).toList());
  }

  /** The rows of a table as cell texts. */
  static List<List<String>> rows(XWPFTable table) {
    return table.getRows().stream()
        .map(row -> row.getTableCells().stream().map(DocxContent::cell).toList())
        .toList();
  }

  /** Every run's font family and size that carries text. */
  Set<String> fonts() {
    Set<String> fonts = new TreeSet<>();
    forEachRun(run -> fonts.add(run.getFontFamily()));
    return fonts;
  }

  Set<Double> fontSizes() {
    Set<Double> sizes = new TreeSet<>();
    forEachRun(run -> sizes.add(run.getFontSizeAsDouble()));
    return sizes;
  }

  /** The run holding exactly this text (first one). */
  XWPFRun run(String text) {
    List<XWPFRun> found = new ArrayList<>();
    forEachRun(run -> {
      if (found.isEmpty() && text.equals(run.text())) {
        found.add(run);
      }
    });
    if (found.isEmpty()) {
      throw new AssertionError("no run '" + text + "'");
    }
    return found.get(0);
  }

  private void forEachRun(java.util.function.Consumer<XWPFRun> action) {
    for (IBodyElement element : document.getBodyElements()) {
      if (element instanceof XWPFParagraph paragraph) {
        paragraph.getRuns().stream().filter(r -> !r.text().isEmpty()).forEach(action);
      } else if (element instanceof XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            cell.getParagraphs().forEach(p -> p.getRuns().stream().filter(r -> !r.text().isEmpty()).forEach(action));
          }
        }
      }
    }
  }

  /** Page orientations of the sections in order. */
  List<String> orientations() {
    List<String> orientations = new ArrayList<>();
    for (XWPFParagraph paragraph : document.getParagraphs()) {
      if (paragraph.getCTP().isSetPPr() && paragraph.getCTP().getPPr().isSetSectPr()) {
        orientations.add(orientation(paragraph.getCTP().getPPr().getSectPr()));
      }
    }
    orientations.add(orientation(document.getDocument().getBody().getSectPr()));
    return orientations;
  }

  private static String orientation(CTSectPr section) {
    return section.getPgSz().getOrient() == STPageOrientation.LANDSCAPE ? "landscape" : "portrait";
  }
}
