package vn.planflow.plan;

import java.util.List;

/**
 * One task row of a plan appendix as the official wrote it, before unit names are resolved to
 * codes. Texts are kept exactly as typed apart from surrounding spaces, because they are printed
 * back into the issued document; empty cells are null.
 *
 * @param line the spreadsheet row number (the header is row 1), used to point at mistakes
 * @param coordinatingUnits the 'Đơn vị phối hợp' cell split on ';', never null
 */
public record AppendixRow(
    int line,
    String no,
    String group,
    String name,
    String content,
    String target,
    String product,
    String leadUnit,
    List<String> coordinatingUnits,
    String budgetSource,
    String timeframe) {

  public AppendixRow {
    coordinatingUnits = coordinatingUnits == null ? List.of() : List.copyOf(coordinatingUnits);
  }
}
