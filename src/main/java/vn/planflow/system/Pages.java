package vn.planflow.system;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * planflow's own pages under /dashboard (dashboard, audit, plan editor, attachments, substitutes),
 * served the same way: never cached, and with a Content-Security-Policy under which the browser
 * runs only the pages' own scripts, loads nothing from elsewhere and lets no other site frame them
 * — should a value ever be inserted as HTML rather than with {@code textContent}.
 */
public final class Pages {

  public static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'self'; img-src 'self' data:; "
      + "style-src 'self' 'unsafe-inline'";

  private Pages() {}

  /** The page at this classpath location, e.g. {@code dashboard/index.html}. */
  public static ResponseEntity<ClassPathResource> page(String classpathLocation) {
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .body(new ClassPathResource(classpathLocation));
  }
}
