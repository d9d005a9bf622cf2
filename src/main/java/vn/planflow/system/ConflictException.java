package vn.planflow.system;

/** The request collides with what exists (a plan code already taken); becomes a 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
