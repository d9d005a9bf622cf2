package vn.planflow.system;

/** Something the request needs is not available on this server (answered 503, in Vietnamese). */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
