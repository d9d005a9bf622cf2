package vn.planflow.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * The Hà Nội 2025 seed appendix for tests outside this package: its rows as the reader takes them
 * from the seed CSV, and the same rows as the {@code .xlsx} an official would upload.
 */
public final class SeedAppendix {

  private SeedAppendix() {}

  public static List<AppendixRow> hanoi2025() {
    try (InputStream in = new ClassPathResource("seeds/hanoi-2025-appendix.csv").getInputStream()) {
      return new AppendixReader().readCsv(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] xlsx(List<AppendixRow> rows) {
    return AppendixWorkbooks.toXlsx(rows);
  }
}
