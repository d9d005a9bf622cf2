package vn.planflow.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads PDFs with poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm), the independent tools
 * an archivist would use — not with the library that wrote them.
 */
final class PdfTools {

  private PdfTools() {}

  static boolean installed() {
    return List.of("pdfinfo", "pdffonts", "pdftotext", "pdftoppm").stream().allMatch(PdfTools::onPath);
  }

  static boolean onPath(String name) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
        return true;
      }
    }
    return false;
  }

  static Path keep(String name, byte[] pdf) {
    try {
      Files.createDirectories(DocumentFiles.DIRECTORY);
      return Files.write(DocumentFiles.DIRECTORY.resolve(name + ".pdf"), pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish");
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static int pages(Path pdf) {
    return Integer.parseInt(run("pdfinfo", pdf.toString()).lines().filter(l -> l.startsWith("Pages:"))
        .findFirst().orElseThrow().replace("Pages:", "").strip());
  }

  /** Each page's text, in reading layout. */
  static List<String> pageTexts(Path pdf) {
    List<String> texts = new ArrayList<>();
    for (int page = 1, pages = pages(pdf); page <= pages; page++) {
      texts.add(run("pdftotext", "-layout", "-f", String.valueOf(page), "-l", String.valueOf(page), pdf.toString(), "-"));
    }
    return texts;
  }

  /** pdffonts' rows: name, type, encoding, emb, sub, uni, object. */
  static List<List<String>> fonts(Path pdf) {
    return run("pdffonts", pdf.toString()).lines().skip(2).filter(l -> !l.isBlank())
        .map(l -> List.of(l.trim().split("\\s+"))).toList();
  }

  /** The page sizes in points, "595 x 842" style, rounded. */
  static List<String> pageSizes(Path pdf) {
    return run("pdfinfo", "-f", "1", "-l", String.valueOf(pages(pdf)), pdf.toString()).lines()
        .filter(l -> l.matches("^Page\\s+\\d+ size:.*"))
        .map(l -> {
          String[] parts = l.replaceFirst("^Page\\s+\\d+ size:\\s*", "").split("\\s+");
          return Math.round(Double.parseDouble(parts[0])) + " x " + Math.round(Double.parseDouble(parts[2]));
        }).toList();
  }

  /** Renders a page to PNG beside the PDF (for the person who looks at it). */
  static void png(Path pdf, int page, String name) {
    run("pdftoppm", "-r", "60", "-png", "-singlefile", "-f", String.valueOf(page), "-l", String.valueOf(page),
        pdf.toString(), DocumentFiles.DIRECTORY.resolve(name).toString());
  }
}
