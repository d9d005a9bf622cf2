package vn.planflow.documents;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.office.LocalOfficeManager;
import org.jodconverter.local.office.LocalOfficeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.planflow.system.UnavailableException;

/**
 * Renders a {@code .docx} to PDF/A-2b with LibreOffice (headless, through JODConverter): fonts
 * embedded, Times New Roman laid out with its metric twin Liberation Serif where the font itself
 * is not installed. LibreOffice starts on the first PDF asked for, on a free local port and a
 * profile of its own, and stops with the application; conversions wait their turn. Where it is
 * not installed, a PDF is answered 503 with a message that says so, and the {@code .docx} stays
 * available.
 */
@Component
class PdfRenderer {

  private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
  /** LibreOffice's PDF export: 2 is PDF/A-2b (ISO 19005-2, level B), which embeds every font. */
  private static final Map<String, Object> PDF_A_2B = Map.of(
      "SelectPdfVersion", 2,
      "UseTaggedPDF", true,
      "ExportFormFields", false,
      "ExportBookmarks", true);

  private final String officeHome;
  private LocalOfficeManager office;
  private LocalConverter converter;

  PdfRenderer(@Value("${planflow.documents.office-home:}") String officeHome) {
    this.officeHome = officeHome;
  }

  /** Whether LibreOffice can be found here (configured, or in its usual places). */
  boolean available() {
    return home() != null;
  }

  byte[] toPdf(byte[] docx) {
    LocalConverter ready = converter();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(docx.length * 2);
    try {
      ready.convert(new ByteArrayInputStream(docx)).as(DefaultDocumentFormatRegistry.DOCX)
          .to(pdf).as(DefaultDocumentFormatRegistry.PDF).execute();
    } catch (OfficeException e) {
      throw new UnavailableException("Không tạo được bản PDF lúc này (LibreOffice: " + e.getMessage()
          + "); bản .docx vẫn tải được.", e);
    }
    return pdf.toByteArray();
  }

  private synchronized LocalConverter converter() {
    if (converter != null) {
      return converter;
    }
    File home = home();
    if (home == null) {
      throw new UnavailableException("Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; bản .docx vẫn tải"
          + " được. Quản trị viên cài gói libreoffice-writer (hoặc đặt planflow.documents.office-home).", null);
    }
    LocalOfficeManager manager = LocalOfficeManager.builder()
        .officeHome(home)
        .portNumbers(freePort())
        .processTimeout(120_000L)
        .taskExecutionTimeout(120_000L)
        .taskQueueTimeout(300_000L)
        .maxTasksPerProcess(200)
        .build();
    try {
      manager.start();
    } catch (OfficeException e) {
      throw new UnavailableException("LibreOffice không khởi động được nên chưa tạo được bản PDF: " + e.getMessage(), e);
    }
    log.info("LibreOffice started from {} for PDF rendering", home);
    office = manager;
    converter = LocalConverter.builder().officeManager(manager).storeProperty("FilterData", PDF_A_2B).build();
    return converter;
  }

  private File home() {
    if (officeHome != null && !officeHome.isBlank()) {
      File configured = new File(officeHome);
      return LocalOfficeUtils.getOfficeExecutable(configured).isFile() ? configured : null;
    }
    return LocalOfficeUtils.getDefaultOfficeHome();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      return LocalOfficeUtils.DEFAULT_PORT;
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (office != null) {
      try {
        office.stop();
      } catch (OfficeException e) {
        log.warn("LibreOffice did not stop cleanly: {}", e.getMessage());
      }
      office = null;
      converter = null;
    }
  }
}
