package vn.planflow.org;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.planflow.org.SubstitutionService.Candidate;
import vn.planflow.org.SubstitutionService.OfferedTask;
import vn.planflow.org.SubstitutionService.Request;
import vn.planflow.org.SubstitutionService.View;

/**
 * {@code /api/substitutions} (substitutes, ủy quyền xử lý) and the page {@code
 * /dashboard/substitutes} that uses it with the Tasklist login:
 *
 * <ul>
 *   <li>{@code GET} — the caller's substitutions (given and received); every one for an administrator
 *   <li>{@code POST} — name a substitute ({@code official} only for administrators); 201
 *   <li>{@code DELETE /{id}} — end it early; the record stays
 *   <li>{@code GET /candidates?official=} — who may be named
 *   <li>{@code GET /offered} and {@code POST /tasks/{taskId}/take} — the substitute's side
 * </ul>
 */
@RestController
class SubstitutionController {

  private final SubstitutionService service;
  private final Callers callers;
  private final OfficialRepository officials;

  SubstitutionController(SubstitutionService service, Callers callers, OfficialRepository officials) {
    this.service = service;
    this.callers = callers;
    this.officials = officials;
  }

  @GetMapping("/dashboard/substitutes")
  ResponseEntity<ClassPathResource> page() {
    return vn.planflow.system.Pages.page("dashboard/substitutes.html");
  }

  @GetMapping("/api/substitutions")
  Map<String, Object> list(Authentication caller) {
    Caller who = callers.of(caller.getName());
    return Map.of("administrator", who.administrator(), "official", who.isOfficial(),
        "today", service.today().toString(), "substitutions", service.list(caller.getName()));
  }

  @PostMapping("/api/substitutions")
  ResponseEntity<View> create(@RequestBody Request request, Authentication caller) {
    View created = service.create(caller.getName(), request);
    return ResponseEntity.created(URI.create("/api/substitutions/" + created.id())).body(created);
  }

  @DeleteMapping("/api/substitutions/{id}")
  View end(@PathVariable long id, Authentication caller) {
    return service.end(caller.getName(), id);
  }

  @GetMapping("/api/substitutions/candidates")
  List<Candidate> candidates(@RequestParam(name = "official", required = false) String official,
      Authentication caller) {
    return service.candidates(caller.getName(), official);
  }

  /** For an administrator's picker: every official. */
  @GetMapping("/api/substitutions/officials")
  @Transactional(readOnly = true)
  List<Candidate> officials(Authentication caller) {
    if (!callers.isAdministrator(caller.getName())) {
      throw new AccessDeniedException("Chỉ quản trị hệ thống xem được danh sách này");
    }
    return officials.findAll().stream().sorted(Comparator.comparing(Official::getName).thenComparing(Official::getId))
        .map(o -> new Candidate(o.getId(), o.getName(), o.getUnitCode())).toList();
  }

  @GetMapping("/api/substitutions/offered")
  List<OfferedTask> offered(Authentication caller) {
    return service.offeredTo(caller.getName(), SubstitutionController::tasklistLink);
  }

  @PostMapping("/api/substitutions/tasks/{taskId}/take")
  Map<String, String> take(@PathVariable String taskId, Authentication caller) {
    service.take(caller.getName(), taskId);
    return Map.of("taskId", taskId, "link", tasklistLink(taskId));
  }

  /** The task in Tasklist, relative to this server (the page is on the same origin). */
  private static String tasklistLink(String taskId) {
    return "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
