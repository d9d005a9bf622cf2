package vn.planflow.attachments;

import java.time.OffsetDateTime;

/** An attachment as lists show it: everything but its bytes. */
record AttachmentEntry(Long id, String planCode, String fileName, String contentType, long size, String sha256,
    String uploadedBy, OffsetDateTime uploadedAt, String taskId, String stepName, String note,
    String withdrawnBy, OffsetDateTime withdrawnAt) {

  boolean withdrawn() {
    return withdrawnAt != null;
  }
}
