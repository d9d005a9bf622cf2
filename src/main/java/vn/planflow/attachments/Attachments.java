package vn.planflow.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.planflow.calendar.EngineClock;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanAttachments;
import vn.planflow.plan.PlanRepository;
import vn.planflow.plan.PlanStatus;
import vn.planflow.plan.PlanView;
import vn.planflow.plan.ReadPolicy;
import vn.planflow.system.BodyTooLargeException;
import vn.planflow.system.ConflictException;
import vn.planflow.system.EngineUser;
import vn.planflow.system.InvalidRequestException;
import vn.planflow.system.NotFoundException;

/**
 * Files attached to a plan at any step.
 *
 * <ul>
 *   <li>Reading (the list, a download) follows {@link ReadPolicy} exactly: whoever reads the plan
 *       reads its files.
 *   <li>Uploading: an official who reads the plan <em>and</em> has work on it now — holds one of
 *       its open tasks or could claim one (a candidate of an unassigned task), in either process.
 *       Those are the people whose step the file belongs to (the drafter's Word file, the clerk's
 *       signed scan, a unit's supporting documents for its opinion or report); a reader with no
 *       step open (another unit's official after issuance, a member whose slip is cast) has
 *       nothing to add to the record. A file sent with a task is recorded with that task's step.
 *   <li>Limits: {@code planflow.attachments.max-size} (10 MB, application.yml; multipart's own
 *       {@code spring.servlet.multipart.max-file-size} is the same) and the kinds of
 *       {@link FileTypes}, checked by content.
 *   <li>Nothing is changed after upload. The uploader may withdraw a mistaken file while the plan
 *       is not issued; it then leaves the lists of the forms, and the record (who, when, the bytes)
 *       stays.
 * </ul>
 */
@Service
public class Attachments implements PlanAttachments {

  static final int MAX_NAME = 255;
  static final int MAX_NOTE = 2000;
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final AttachmentRepository repository;
  private final PlanRepository plans;
  private final ReadPolicy policy;
  private final TaskService taskService;
  private final org.camunda.bpm.engine.IdentityService identityService;
  private final EngineUser engineUser;
  private final OfficialRepository officials;
  private final OrgUnitRepository units;
  private final Clock clock;
  private final long maxSize;

  Attachments(AttachmentRepository repository, PlanRepository plans, ReadPolicy policy, TaskService taskService,
      org.camunda.bpm.engine.IdentityService identityService, EngineUser engineUser,
      OfficialRepository officials, OrgUnitRepository units, Clock clock,
      @Value("${planflow.attachments.max-size:10MB}") DataSize maxSize) {
    this.repository = repository;
    this.plans = plans;
    this.policy = policy;
    this.taskService = taskService;
    this.identityService = identityService;
    this.engineUser = engineUser;
    this.officials = officials;
    this.units = units;
    this.clock = clock;
    this.maxSize = maxSize.toBytes();
  }

  long maxSize() {
    return maxSize;
  }

  /** A file to store: its name as the browser sent it, its bytes, and optionally the task and a note. */
  record Upload(String fileName, byte[] content, String taskId, String note) {}

  @Transactional
  public AttachmentEntry upload(String planCode, String userId, Upload upload) {
    Plan plan = policy.readable(userId, planCode);
    Task task = uploadingTask(plan, userId, upload.taskId());
    if (upload.content() == null || upload.content().length == 0) {
      throw new InvalidRequestException("file", "chưa chọn tệp hoặc tệp rỗng");
    }
    if (upload.content().length > maxSize) {
      throw new FileTooLargeException(maxSize);
    }
    String name = fileName(upload.fileName());
    FileTypes type = FileTypes.byName(name).orElseThrow(() -> new InvalidRequestException("file",
        "loại tệp '" + name + "' không được phép (chỉ nhận " + FileTypes.ALLOWED + ")"));
    if (!type.matches(upload.content())) {
      throw new InvalidRequestException("file", "nội dung tệp '" + name + "' không phải là tệp "
          + type.name().toLowerCase(Locale.ROOT) + " như phần mở rộng của tên tệp");
    }
    String note = upload.note() == null || upload.note().isBlank() ? null : upload.note().strip();
    if (note != null && (note.length() > MAX_NOTE || hasControl(note.replace('\n', ' ').replace('\r', ' ')))) {
      throw new InvalidRequestException("note", "ghi chú dài quá " + MAX_NOTE + " ký tự hoặc có ký tự điều khiển");
    }
    Attachment saved = repository.saveAndFlush(new Attachment(plan.getCode(), name, type.mediaType(),
        upload.content(), sha256(upload.content()), userId, OffsetDateTime.now(clock),
        task.getId(), task.getName(), note));
    return entry(saved);
  }

  /** Every attachment of the plan, withdrawn ones included (marked), for a reader of the plan. */
  @Transactional(readOnly = true)
  public List<AttachmentEntry> list(String planCode, String userId) {
    policy.readable(userId, planCode);
    return repository.entriesOf(planCode);
  }

  @Transactional(readOnly = true)
  public Attachment download(String planCode, long id, String userId) {
    policy.readable(userId, planCode);
    return repository.findById(id).filter(a -> a.getPlanCode().equals(planCode))
        .orElseThrow(() -> new NotFoundException("Không có tệp đính kèm số " + id + " của kế hoạch '" + planCode + "'"));
  }

  @Transactional
  public AttachmentEntry withdraw(String planCode, long id, String userId) {
    Plan plan = policy.readable(userId, planCode);
    Attachment attachment = repository.findById(id).filter(a -> a.getPlanCode().equals(planCode))
        .orElseThrow(() -> new NotFoundException("Không có tệp đính kèm số " + id + " của kế hoạch '" + planCode + "'"));
    if (!attachment.getUploadedBy().equals(userId)) {
      throw new AccessDeniedException("Chỉ người đã tải tệp lên mới rút được tệp này");
    }
    if (plan.getStatus() == PlanStatus.IN_EFFECT || plan.getStatus() == PlanStatus.CLOSED) {
      throw new ConflictException("Kế hoạch '" + planCode + "' đã ban hành: không rút tệp đính kèm được nữa");
    }
    attachment.withdraw(userId, OffsetDateTime.now(clock));
    return entry(repository.saveAndFlush(attachment));
  }

  static final int MAX_COMMENT = 4000;

  /**
   * A comment on one of the caller's open tasks of the plan, kept as a Camunda task comment: the
   * history of every later task shows it. (Tasklist's own "Thêm ghi chú" cannot work for
   * officials: Camunda REST first looks the task up in the history, which officials may not read,
   * and granting it would open every variable of the plan, vote slips included.)
   */
  @Transactional
  public void comment(String planCode, String userId, String taskId, String message) {
    Plan plan = policy.readable(userId, planCode);
    if (taskId == null || taskId.isBlank()) {
      throw new InvalidRequestException("task", "chưa chọn nhiệm vụ để ghi chú");
    }
    String text = message == null ? "" : message.strip();
    if (text.isEmpty()) {
      throw new InvalidRequestException("message", "chưa nhập nội dung ghi chú");
    }
    if (text.length() > MAX_COMMENT || hasControl(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '))) {
      throw new InvalidRequestException("message", "ghi chú dài quá " + MAX_COMMENT + " ký tự hoặc có ký tự điều khiển");
    }
    Task task = uploadingTask(plan, userId, taskId);
    List<String> groups = engineUser.asSystem(() -> identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    engineUser.as(userId, groups, () -> taskService.createComment(task.getId(), task.getProcessInstanceId(), text));
  }

  /** Whether this official may attach files to the plan now (the page shows its form only then). */
  @Transactional(readOnly = true)
  public boolean mayUpload(String planCode, String userId) {
    Plan plan = policy.readable(userId, planCode);
    return !openTasksOf(plan, userId).isEmpty();
  }

  /** Whether the plan is issued (in effect or closed): its files can no longer be withdrawn. */
  @Transactional(readOnly = true)
  public boolean issued(String planCode) {
    return plans.findById(planCode).map(Plan::getStatus).map(s -> s == PlanStatus.IN_EFFECT || s == PlanStatus.CLOSED)
        .orElse(false);
  }

  String officialName(String userId) {
    return userId == null ? null : officials.findById(userId).map(Official::getName).orElse(userId);
  }

  static String dateTime(OffsetDateTime at) {
    return at == null ? null : DATE_TIME.format(at.atZoneSameInstant(EngineClock.VIETNAM));
  }

  /** For the plan view and the forms: the files not withdrawn. */
  @Override
  public List<PlanView.Attachment> of(String planCode) {
    return repository.entriesOf(planCode).stream().filter(e -> !e.withdrawn()).map(this::view).toList();
  }

  PlanView.Attachment view(AttachmentEntry e) {
    Official official = officials.findById(e.uploadedBy()).orElse(null);
    String unitName = official == null ? null
        : units.findById(official.getUnitCode()).map(OrgUnit::getName).orElse(official.getUnitCode());
    return new PlanView.Attachment(e.id(), e.fileName(), e.contentType(), e.size(), sizeText(e.size()),
        e.uploadedBy(), official == null ? e.uploadedBy() : official.getName(), unitName, e.uploadedAt(),
        dateTime(e.uploadedAt()), e.stepName(), e.note(),
        downloadUrl(e.planCode(), e.id()));
  }

  static String downloadUrl(String planCode, long id) {
    return "/api/plans/" + planCode + "/attachments/" + id;
  }

  /** "850 KB", "1,3 MB": as an official reads a size. */
  static String sizeText(long bytes) {
    if (bytes < 1024) {
      return bytes + " byte";
    }
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    String megabytes = String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024));
    return (megabytes.endsWith(".0") ? megabytes.substring(0, megabytes.length() - 2) : megabytes.replace('.', ','))
        + " MB";
  }

  /** The task the file is attached with: the one named, or the caller's first open task of the plan. */
  private Task uploadingTask(Plan plan, String userId, String taskId) {
    List<Task> open = openTasksOf(plan, userId);
    if (taskId != null && !taskId.isBlank()) {
      return open.stream().filter(t -> t.getId().equals(taskId.strip())).findFirst()
          .orElseThrow(() -> new AccessDeniedException("Nhiệm vụ '" + taskId.strip() + "' không phải nhiệm vụ đang mở của "
              + "anh/chị trong kế hoạch '" + plan.getCode() + "': không đính kèm tệp theo nhiệm vụ này được"));
    }
    if (open.isEmpty()) {
      throw new AccessDeniedException("Chỉ người đang xử lý (hoặc có thể nhận xử lý) một nhiệm vụ của kế hoạch '"
          + plan.getCode() + "' mới đính kèm tệp được");
    }
    return open.get(0);
  }

  /** The plan's open tasks this official holds, or could claim, in either of its processes. */
  private List<Task> openTasksOf(Plan plan, String userId) {
    return engineUser.asSystem(() -> taskService.createTaskQuery().processInstanceBusinessKey(plan.getCode())
        .or().taskAssignee(userId).taskCandidateUser(userId).endOr()
        .orderByTaskCreateTime().asc().list());
  }

  /** The name without any folder, NFC, without control characters, at most {@value #MAX_NAME} characters. */
  static String fileName(String raw) {
    String name = raw == null ? "" : raw;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new InvalidRequestException("file", "tệp không có tên");
    }
    if (hasControl(name) || name.length() > MAX_NAME) {
      throw new InvalidRequestException("file", "tên tệp dài quá " + MAX_NAME + " ký tự hoặc có ký tự điều khiển");
    }
    return name;
  }

  private static boolean hasControl(String text) {
    return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
        || Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private AttachmentEntry entry(Attachment a) {
    return new AttachmentEntry(a.getId(), a.getPlanCode(), a.getFileName(), a.getContentType(), a.getSize(),
        a.getSha256(), a.getUploadedBy(), a.getUploadedAt(), a.getTaskId(), a.getStepName(), a.getNote(),
        a.getWithdrawnBy(), a.getWithdrawnAt());
  }

  /** A file over the limit: a 413 that names the field. */
  static final class FileTooLargeException extends RuntimeException {
    private final long limit;

    FileTooLargeException(long limit) {
      super(BodyTooLargeException.detail(limit));
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }
}
