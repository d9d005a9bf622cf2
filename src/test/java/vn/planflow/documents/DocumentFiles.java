package vn.planflow.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Generated documents kept under {@code target/documents/} for a person to open, and their PDF
 * rendering by LibreOffice where it is installed.
 */
final class DocumentFiles {

  static final Path DIRECTORY = Path.of("target", "documents");

  private DocumentFiles() {}

  static Path path(String name) {
    return DIRECTORY.resolve(name + ".docx");
  }

  static Path keep(String name, byte[] content) {
    try {
      Files.createDirectories(DIRECTORY);
      return Files.write(path(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code soffice} or {@code libreoffice} on the PATH, if any. */
  static Optional<String> libreOffice() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("soffice", "libreoffice")) {
      for (String directory : path.split(java.io.File.pathSeparator)) {
        if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
          return Optional.of(Path.of(directory, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  /** Renders the document to a PDF beside it; answers the PDF, or empty without LibreOffice. */
  static Optional<Path> toPdfWhereLibreOfficeIs(Path docx) {
    Optional<String> office = libreOffice();
    if (office.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path profile = Files.createTempDirectory("planflow-lo-profile");
      Process process = new ProcessBuilder(office.get(), "--headless", "--norestore",
          "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir",
          docx.toAbsolutePath().getParent().toString(), docx.toAbsolutePath().toString())
          .redirectErrorStream(true)
          .redirectOutput(DIRECTORY.resolve("libreoffice.log").toFile())
          .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("LibreOffice did not convert " + docx + " within 120 s");
      }
      String name = docx.getFileName().toString().replaceFirst("\\.docx$", ".pdf");
      return Optional.of(docx.toAbsolutePath().getParent().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
