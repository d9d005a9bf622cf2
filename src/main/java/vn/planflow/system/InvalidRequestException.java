package vn.planflow.system;

import java.util.List;
import java.util.stream.Collectors;

/** A request that cannot be accepted as it is; becomes a 400 problem naming every bad field. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
