package vn.planflow.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.planflow.plan.PlanEditor.Draft;
import vn.planflow.plan.PlanEditor.DraftRequest;
import vn.planflow.plan.PlanRequest.TaskData;
import vn.planflow.system.InvalidRequestException;

/**
 * The plan editor: the page {@code /dashboard/plans/{code}/edit?task={taskId}} (behind the
 * Tasklist login, as the dashboard) and the JSON it reads and saves under
 * {@code /api/plans/{code}/draft}.
 */
@RestController
class PlanEditorController {

  private final PlanEditor editor;

  PlanEditorController(PlanEditor editor) {
    this.editor = editor;
  }

  @GetMapping("/dashboard/plans/{code}/edit")
  ResponseEntity<ClassPathResource> page(@PathVariable String code) {
    return vn.planflow.system.Pages.page("dashboard/plan-editor.html");
  }

  /** The draft, with the unit names the page's pickers offer. */
  @GetMapping("/api/plans/{code}/draft")
  ResponseEntity<Draft> read(@PathVariable String code, @RequestParam(required = false) String task,
      Authentication caller) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(editor.read(code, task, caller.getName()));
  }

  @PutMapping("/api/plans/{code}/draft")
  Draft save(@PathVariable String code, @RequestParam(required = false) String task,
      @RequestBody DraftRequest body, Authentication caller) {
    return editor.save(code, task, body, caller.getName());
  }

  /** Reads an appendix spreadsheet (multipart field "file") into rows for the editor; saves nothing. */
  @PostMapping("/api/plans/{code}/draft/appendix")
  Map<String, List<TaskData>> readAppendix(@PathVariable String code, @RequestParam(required = false) String task,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication caller) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidRequestException("file", "chọn tệp Phụ lục (.xlsx hoặc .csv) để tải lên");
    }
    try (InputStream in = file.getInputStream()) {
      return Map.of("tasks", editor.readAppendix(code, task, file.getOriginalFilename(), in, caller.getName()));
    }
  }
}
