package vn.planflow.attachments;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

  /** What a list shows, without the bytes. */
  @Query("select new vn.planflow.attachments.AttachmentEntry(a.id, a.planCode, a.fileName, "
      + "a.contentType, a.size, a.sha256, a.uploadedBy, a.uploadedAt, a.taskId, a.stepName, a.note, "
      + "a.withdrawnBy, a.withdrawnAt) from Attachment a where a.planCode = ?1 order by a.uploadedAt, a.id")
  List<AttachmentEntry> entriesOf(String planCode);
}
