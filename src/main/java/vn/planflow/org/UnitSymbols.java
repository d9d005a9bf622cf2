package vn.planflow.org;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The symbol a unit signs its document numbers with ({@code 03/KH-UBND}, {@code 12/TTr-SCT}) when
 * the import gives none: {@code UBND} for a People's Committee, otherwise the initials of the name
 * without diacritics, leaving out the conjunction "và" as the official abbreviations do
 * ({@code Sở Tài nguyên và Môi trường} → {@code STNMT}).
 */
final class UnitSymbols {

  private static final Set<String> SKIPPED_WORDS = Set.of("và");

  private UnitSymbols() {}

  static String defaultFor(String name, UnitKind kind) {
    if (kind == UnitKind.PEOPLES_COMMITTEE) {
      return "UBND";
    }
    StringBuilder initials = new StringBuilder();
    for (String word : name.trim().split("[\\s,;:.()\\-–/]+")) {
      if (word.isEmpty() || SKIPPED_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        continue;
      }
      initials.append(withoutDiacritics(word.substring(0, 1)));
    }
    return initials.toString().toUpperCase(Locale.ROOT);
  }

  static String withoutDiacritics(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
  }
}
