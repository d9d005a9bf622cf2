package vn.planflow.attachments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A file attached to a plan. Everything but the withdrawal is written once, at upload, and never
 * changed ({@code updatable = false}); a withdrawal is recorded once and the row and its bytes are
 * kept.
 */
@Entity
@Table(name = "plan_attachment")
class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String planCode;

  @Column(nullable = false, updatable = false)
  private String fileName;

  @Column(nullable = false, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(nullable = false, updatable = false)
  private byte[] content;

  @Column(nullable = false, updatable = false)
  private String uploadedBy;

  @Column(nullable = false, updatable = false)
  private OffsetDateTime uploadedAt;

  @Column(updatable = false)
  private String taskId;

  @Column(updatable = false)
  private String stepName;

  @Column(updatable = false)
  private String note;

  private String withdrawnBy;

  private OffsetDateTime withdrawnAt;

  protected Attachment() {}

  Attachment(String planCode, String fileName, String contentType, byte[] content, String sha256,
      String uploadedBy, OffsetDateTime uploadedAt, String taskId, String stepName, String note) {
    this.planCode = planCode;
    this.fileName = fileName;
    this.contentType = contentType;
    this.size = content.length;
    this.content = content;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.taskId = taskId;
    this.stepName = stepName;
    this.note = note;
  }

  /** Once: a withdrawn file stays withdrawn. */
  void withdraw(String userId, OffsetDateTime at) {
    if (withdrawnAt == null) {
      this.withdrawnBy = userId;
      this.withdrawnAt = at;
    }
  }

  Long getId() {
    return id;
  }

  String getPlanCode() {
    return planCode;
  }

  String getFileName() {
    return fileName;
  }

  String getContentType() {
    return contentType;
  }

  long getSize() {
    return size;
  }

  String getSha256() {
    return sha256;
  }

  byte[] getContent() {
    return content;
  }

  String getUploadedBy() {
    return uploadedBy;
  }

  OffsetDateTime getUploadedAt() {
    return uploadedAt;
  }

  String getTaskId() {
    return taskId;
  }

  String getStepName() {
    return stepName;
  }

  String getNote() {
    return note;
  }

  String getWithdrawnBy() {
    return withdrawnBy;
  }

  OffsetDateTime getWithdrawnAt() {
    return withdrawnAt;
  }
}
