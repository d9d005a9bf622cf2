package vn.planflow.history;

/**
 * One line of a plan's history as a task form shows it: when (ISO and dd/MM/yyyy HH:mm), which
 * step, who (name and unit), what they did and what they wrote. {@code kind}: {@code START},
 * {@code STEP}, {@code RETURN} (a step that sent the plan back, with its reason), {@code COMMENT}
 * (a Tasklist comment), {@code EXPIRED} (closed by its deadline, no answer), {@code SUMMARY} (the
 * approval in one line, on reporting tasks). {@code text} is the whole line after the time.
 */
public record TimelineEntry(String at, String atText, String kind, String step, String actor, String actorUnit,
    String action, String detail, String text) {}
