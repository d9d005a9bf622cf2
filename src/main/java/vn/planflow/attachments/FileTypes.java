package vn.planflow.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file an official may attach, each recognised by its extension <em>and</em> by its
 * content: a renamed executable, an HTML page or a zip of anything is refused whatever its name
 * says. The content type stored and sent back is the one of the kind found, never the one the
 * browser declared.
 */
enum FileTypes {
  PDF("pdf", "application/pdf"),
  DOC("doc", "application/msword"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  XLS("xls", "application/vnd.ms-excel"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  CSV("csv", "text/csv"),
  ODT("odt", "application/vnd.oasis.opendocument.text"),
  ODS("ods", "application/vnd.oasis.opendocument.spreadsheet"),
  PNG("png", "image/png"),
  JPG("jpg", "image/jpeg");

  /** What the messages list as allowed. */
  static final String ALLOWED = "pdf, doc, docx, xls, xlsx, csv, odt, ods, png, jpg";

  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  /** A document package names its parts within the first entries; a zip with more is not read on. */
  private static final int MAX_ZIP_ENTRIES = 2000;

  private final String extension;
  private final String mediaType;

  FileTypes(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  String mediaType() {
    return mediaType;
  }

  /** The kind its name claims: by its last extension ({@code .jpeg} counts as jpg). */
  static Optional<FileTypes> byName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (ext.equals("jpeg")) {
      ext = "jpg";
    }
    for (FileTypes type : values()) {
      if (type.extension.equals(ext)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Whether the content is what the extension says. */
  boolean matches(byte[] content) {
    return switch (this) {
      case PDF -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
      // Word 97-2003 and Excel 97-2003 are both OLE2 compound files; which one needs their streams.
      case DOC, XLS -> startsWith(content, OLE2);
      case DOCX -> zipWith(content, names -> names.contains("[Content_Types].xml") && anyStartsWith(names, "word/"));
      case XLSX -> zipWith(content, names -> names.contains("[Content_Types].xml") && anyStartsWith(names, "xl/"));
      case ODT -> openDocument(content, "application/vnd.oasis.opendocument.text");
      case ODS -> openDocument(content, "application/vnd.oasis.opendocument.spreadsheet");
      case PNG -> startsWith(content, PNG_SIGNATURE);
      case JPG -> content.length > 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
          && (content[2] & 0xFF) == 0xFF;
      case CSV -> text(content);
    };
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean anyStartsWith(Set<String> names, String prefix) {
    return names.stream().anyMatch(n -> n.startsWith(prefix));
  }

  private static boolean zipWith(byte[] content, java.util.function.Predicate<Set<String>> test) {
    if (!startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return false;
    }
    Set<String> names = new HashSet<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null && names.size() < MAX_ZIP_ENTRIES) {
        names.add(entry.getName());
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
    return test.test(names);
  }

  /** An OpenDocument package starts with its uncompressed {@code mimetype} entry. */
  private static boolean openDocument(byte[] content, String mimetype) {
    if (!startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return false;
    }
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry first = zip.getNextEntry();
      if (first == null || !"mimetype".equals(first.getName())) {
        return false;
      }
      byte[] declared = zip.readNBytes(200);
      return new String(declared, StandardCharsets.US_ASCII).trim().equals(mimetype);
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A CSV is UTF-8 text (a BOM allowed) without NUL or other binary control bytes. */
  private static boolean text(byte[] content) {
    if (content.length == 0) {
      return false;
    }
    for (byte b : content) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
