package vn.planflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;

/** The audit screen names every kind of operation Camunda logs in Vietnamese, never by its id. */
class OperationNamesTest {

  @Test
  void everyOperationTypeOfTheEngineHasAVietnameseName() throws IllegalAccessException {
    List<String> missing = new java.util.ArrayList<>();
    for (Field field : operationTypes()) {
      String type = (String) field.get(null);
      if (!OperationNames.known(type)) {
        missing.add(field.getName() + " = " + type);
      }
    }
    assertThat(missing).as("operation types without a Vietnamese name (a Camunda upgrade added them?)").isEmpty();
    assertThat(operationTypes()).hasSizeGreaterThan(40);
  }

  @Test
  void namesAreVietnameseAndAnUnknownKindShowsNoId() {
    assertThat(OperationNames.of(UserOperationLogEntry.OPERATION_TYPE_RECALC_DUEDATE))
        .isEqualTo("Tính lại hạn của bước hẹn giờ");
    assertThat(OperationNames.of(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES)).isEqualTo("Chạy lại bước bị lỗi");
    assertThat(OperationNames.of("SomethingNew")).isEqualTo(OperationNames.OTHER).doesNotContain("SomethingNew");
    assertThat(OperationNames.of(null)).isEqualTo(OperationNames.OTHER);
  }

  private static List<Field> operationTypes() {
    return Arrays.stream(UserOperationLogEntry.class.getFields())
        .filter(f -> f.getName().startsWith("OPERATION_TYPE_") && Modifier.isStatic(f.getModifiers())
            && f.getType() == String.class)
        .toList();
  }
}
