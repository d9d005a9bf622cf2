package vn.planflow.issuance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A document's Nơi nhận as Nghị định 30/2020 Phụ lục I writes it, whatever the drafter typed:
 * the recipients one per line, and the bản lưu ("Lưu: VT, KTN") last. The same list is printed
 * under the signature and written in the outgoing register (Phụ lục IV: Nơi nhận one per line,
 * "Đơn vị, người nhận bản lưu", "Số lượng bản").
 *
 * @param names the recipients without dash or closing mark, a note such as "(để b/c)" beside its name
 * @param archive who keeps the file copies, after "Lưu:" ("VT, KTN"); null when none
 */
public record Recipients(List<String> names, String archive) {

  private static final Pattern NOTE = Pattern.compile("^(.*?)[\\s;,.]*(\\([^()]*\\))[\\s;,.]*$");
  private static final Pattern ARCHIVE = Pattern.compile("^Lưu\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  public Recipients {
    names = List.copyOf(names);
  }

  /**
   * Reads the drafter's lines: dashes and trailing marks dropped, a "Bộ Công Thương; (để b/c)"
   * note put back beside its name, blank and repeated lines left out; the "Lưu:" line, wherever
   * it was, becomes the archive — or {@code defaultArchive} when there is none.
   */
  public static Recipients parse(List<String> given, String defaultArchive) {
    List<String> names = new ArrayList<>();
    String archive = null;
    for (String line : given == null ? List.<String>of() : given) {
      String name = name(line);
      if (name.isEmpty()) {
        continue;
      }
      var kept = ARCHIVE.matcher(name);
      if (kept.matches()) {
        archive = kept.group(1).strip();
      } else if (!names.contains(name)) {
        names.add(name);
      }
    }
    if ((archive == null || archive.isEmpty()) && defaultArchive != null && !defaultArchive.isBlank()) {
      archive = defaultArchive.strip();
    }
    return new Recipients(names, archive == null || archive.isEmpty() ? null : archive);
  }

  /** The bản lưu when the drafter named none: the clerk's copy (VT) and the drafting unit's ("VT, SCT"). */
  public static String defaultArchive(String draftingUnitSymbol) {
    return draftingUnitSymbol == null || draftingUnitSymbol.isBlank() ? "VT" : "VT, " + draftingUnitSymbol.strip();
  }

  /** The lines under "Nơi nhận:": "- …;" each, the last ("- Lưu: …") with a full stop. */
  public List<String> printed() {
    List<String> all = new ArrayList<>(names);
    if (archive != null) {
      all.add("Lưu: " + archive);
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      lines.add("- " + all.get(i) + (i == all.size() - 1 ? "." : ";"));
    }
    return lines;
  }

  /** One copy per line of Nơi nhận and one per holder of a bản lưu ("VT, KTN" keeps two). */
  public int copies() {
    int kept = archive == null ? 0 : (int) Arrays.stream(archive.split(",")).filter(s -> !s.isBlank()).count();
    return names.size() + kept;
  }

  private static String name(String line) {
    String text = line == null ? "" : line.strip().replaceFirst("^[-–+•]\\s*", "").strip();
    var note = NOTE.matcher(text);
    if (note.matches() && !note.group(1).isBlank()) {
      return note.group(1).strip() + " " + note.group(2);
    }
    return text.replaceAll("[\\s;,.]+$", "");
  }
}
