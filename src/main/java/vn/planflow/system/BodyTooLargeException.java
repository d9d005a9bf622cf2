package vn.planflow.system;

import java.io.IOException;

/**
 * A request body went past its limit while being read (a body sent without Content-Length). An
 * {@link IOException}, so that whatever reads the body stops at once; it becomes a 413.
 */
public class BodyTooLargeException extends IOException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("request body larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  /** The Vietnamese detail of the 413. */
  public static String detail(long limit) {
    return "Nội dung yêu cầu quá lớn (tối đa " + (limit / (1024 * 1024)) + " MB)";
  }

  /** The exception in a chain of causes, or null. */
  public static BodyTooLargeException in(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException tooLarge) {
        return tooLarge;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
