package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * The 503 of {@link DatabaseUnavailableFilter} inside Camunda REST ({@code /engine-rest}), whose
 * own exception mappers turn every failure into a 500 before a servlet filter could see it. The
 * event listener notes, before the mapping, that the failure came from the unreachable database;
 * the response filter then replaces the mapped 500 by the 503 problem.
 */
final class DatabaseUnavailableJersey implements ApplicationEventListener, ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableJersey.class);
  private static final String UNREACHABLE = DatabaseUnavailableJersey.class.getName() + ".unreachable";
  private static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json;charset=UTF-8");

  private final ObjectMapper objectMapper;

  DatabaseUnavailableJersey(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void onEvent(ApplicationEvent event) {
    // Only requests matter.
  }

  @Override
  public RequestEventListener onRequest(RequestEvent requestEvent) {
    return event -> {
      if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getException() != null
          && DatabaseUnavailable.isCauseOf(event.getException())) {
        event.getContainerRequest().setProperty(UNREACHABLE, DatabaseUnavailableFilter.rootMessage(event.getException()));
      }
    };
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object cause = request.getProperty(UNREACHABLE);
    if (cause == null || response.getStatus() < 500) {
      return;
    }
    String uri = request.getUriInfo().getRequestUri().getRawPath();
    LOG.warn("{} {}: database unreachable, answered 503 ({})", request.getMethod(), uri, cause);
    response.setStatus(503);
    response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    response.setEntity(DatabaseUnavailable.json(objectMapper, uri), new Annotation[0], PROBLEM_JSON);
  }
}
