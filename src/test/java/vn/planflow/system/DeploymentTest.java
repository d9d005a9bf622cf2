package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.planflow.PlanflowIntegrationTest;

/**
 * Every model under {@code bpmn/} and every form under {@code forms/} is deployed at start, and
 * every {@code camunda:formRef} of every deployed process names a form that is deployed where its
 * binding looks for it.
 */
@PlanflowIntegrationTest
class DeploymentTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ObjectMapper json;

  private static Set<String> filesIn(String directory) throws IOException {
    Path root = Path.of(directory);
    if (!Files.isDirectory(root)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> names = new HashSet<>();
      files.filter(Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$"))
          .forEach(f -> names.add(f.getFileName().toString()));
      return names;
    }
  }

  private Set<String> deployedResourceNames() {
    Set<String> names = new HashSet<>();
    repositoryService.createDeploymentQuery().list().forEach(deployment ->
        repositoryService.getDeploymentResources(deployment.getId()).forEach(resource ->
            names.add(Path.of(resource.getName()).getFileName().toString())));
    return names;
  }

  @Test
  void everyModelAndFormOfTheProjectIsDeployed() throws IOException {
    Set<String> onDisk = new HashSet<>(filesIn("bpmn"));
    onDisk.addAll(filesIn("forms"));
    assertThat(deployedResourceNames()).containsAll(onDisk);
  }

  @Test
  void everyFormRefResolvesToADeployedForm() throws IOException {
    Map<String, Set<String>> formIdsByDeployment = new HashMap<>();
    Set<String> allFormIds = new HashSet<>();
    for (var deployment : repositoryService.createDeploymentQuery().list()) {
      Set<String> ids = new HashSet<>();
      for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        if (resource.getName().endsWith(".form")) {
          try (InputStream in = repositoryService.getResourceAsStreamById(deployment.getId(), resource.getId())) {
            ids.add(json.readTree(in).get("id").asText());
          }
        }
      }
      formIdsByDeployment.put(deployment.getId(), ids);
      allFormIds.addAll(ids);
    }

    List<String> unresolved = new ArrayList<>();
    for (ProcessDefinition definition :
        repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      List<BaseElement> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
      withForms.addAll(model.getModelElementsByType(StartEvent.class));
      for (BaseElement element : withForms) {
        String formRef = element instanceof UserTask task ? task.getCamundaFormRef()
            : ((StartEvent) element).getCamundaFormRef();
        String binding = element instanceof UserTask task ? task.getCamundaFormRefBinding()
            : ((StartEvent) element).getCamundaFormRefBinding();
        if (formRef == null) {
          continue;
        }
        Set<String> visible = "deployment".equals(binding)
            ? formIdsByDeployment.getOrDefault(definition.getDeploymentId(), Set.of())
            : allFormIds;
        if (!visible.contains(formRef)) {
          unresolved.add(definition.getKey() + "/" + element.getId() + " → " + formRef);
        }
      }
    }
    assertThat(unresolved).as("formRefs without a deployed form").isEmpty();
  }
}
