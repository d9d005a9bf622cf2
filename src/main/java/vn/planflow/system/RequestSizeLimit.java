package vn.planflow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it: a declared length over the limit is a 413
 * at once; a body without a declared length is cut off when it passes the limit. A body is held in
 * memory by whatever reads it (Jackson, the appendix reader, the completion guard), so without a
 * limit one large request can exhaust the heap of the node.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

  static final long MB = 1024L * 1024;
  /** A national organization: ~20,000 units and 50,000 officials at a few hundred bytes each. */
  static final long ORGANIZATION = 32 * MB;
  /** An appendix upload (raw CSV or xlsx; multipart has its own limits in application.yml). */
  static final long APPENDIX = 12 * MB;
  /**
   * A file attached to a plan: the attachment limit (10 MB, {@code planflow.attachments.max-size}
   * and multipart's max-file-size) plus the multipart envelope ({@code max-request-size}).
   */
  static final long ATTACHMENT = 11 * MB;
  /** Deployments made by administrators: models, forms, decision tables. */
  static final long DEPLOYMENT = 20 * MB;
  /** Everything else: a plan of 2,000 tasks, a report, a calendar year, task variables. */
  static final long DEFAULT = 8 * MB;

  private final ProblemResponses problems;

  RequestSizeLimit(ProblemResponses problems) {
    this.problems = problems;
  }

  static long limitFor(String path) {
    if (path.equals("/api/org") || path.equals("/api/org/")) {
      return ORGANIZATION;
    }
    if (path.startsWith("/api/plans/") && (path.endsWith("/tasks") || path.endsWith("/tasks/"))) {
      return APPENDIX;
    }
    if (path.startsWith("/api/plans/") && (path.endsWith("/attachments") || path.endsWith("/attachments/"))) {
      return ATTACHMENT;
    }
    if (path.contains("/deployment/create")) {
      return DEPLOYMENT;
    }
    return DEFAULT;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
    if (request.getContentLengthLong() > limit) {
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.detail(limit));
      // Sent now: Tomcat drains up to max-swallow-size of the unread body before it ends the
      // exchange, and the client should not wait for that to learn the answer.
      response.setHeader("Connection", "close");
      response.flushBuffer();
      return;
    }
    try {
      chain.doFilter(new Limited(request, limit), response);
    } catch (IOException | ServletException | RuntimeException e) {
      // Whatever read the body did not answer the 413 itself: answer it here if still possible.
      if (BodyTooLargeException.in(e) == null || response.isCommitted()) {
        throw e;
      }
      response.reset();
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.detail(limit));
      response.setHeader("Connection", "close");
      response.flushBuffer();
    }
  }

  /** The request with its body stream counted. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    private int count(int n) throws BodyTooLargeException {
      if (n > 0) {
        read += n;
        if (read > limit) {
          throw new BodyTooLargeException(limit);
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return count(in.read(b, off, len));
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
