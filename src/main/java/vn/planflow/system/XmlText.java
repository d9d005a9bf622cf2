package vn.planflow.system;

/**
 * Characters an XML 1.0 document may contain. A {@code .docx} is XML, which cannot carry a NUL or
 * a vertical tab pasted into a plan (from a spreadsheet, a PDF): POI's XmlBeans writes each as a
 * stray {@code ?} (checked: the text read back had "?" in their places), other writers produce a
 * file Word refuses. Such characters are dropped instead, so the document reads as written.
 */
public final class XmlText {

  private XmlText() {
  }

  /** The text without the characters XML 1.0 forbids; {@code null} stays {@code null}. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean keep = allowed(c) && !unpairedSurrogate(text, i);
      if (!keep && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (keep && out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Char, production [2] of XML 1.0, for one UTF-16 unit (surrogates are checked in pairs apart). */
  static boolean allowed(char c) {
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xD800 && c <= 0xDFFF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }

  private static boolean unpairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
