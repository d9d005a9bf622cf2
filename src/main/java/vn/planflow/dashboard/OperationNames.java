package vn.planflow.dashboard;

import static java.util.Map.entry;

import java.util.Map;

/**
 * The Vietnamese name of each kind of entry in Camunda's user operation log, for the audit screen
 * and its CSV: what an administrator did in Cockpit or through the REST API ("SetJobRetries",
 * "RecalculateDueDate", …) reads as an action, never as the engine's id. The officials' own steps
 * (claim, complete, …) are named in {@link DashboardData} with who they concern.
 */
final class OperationNames {

  /** Said of anything the engine may add in a later version: still no raw id on the screen. */
  static final String OTHER = "Thao tác quản trị khác";

  private static final Map<String, String> NAMES = Map.ofEntries(
      entry("Assign", "Giao việc"),
      entry("Claim", "Nhận xử lý"),
      entry("Complete", "Hoàn thành"),
      entry("Create", "Tạo mới"),
      entry("Delegate", "Ủy quyền xử lý"),
      entry("Delete", "Xóa"),
      entry("Resolve", "Xử lý xong"),
      entry("SetOwner", "Đổi người chịu trách nhiệm"),
      entry("SetPriority", "Đổi mức ưu tiên"),
      entry("SetName", "Đổi tên công việc"),
      entry("SetDescription", "Đổi mô tả công việc"),
      entry("SetFollowUpDate", "Đặt ngày nhắc việc"),
      entry("Update", "Cập nhật"),
      entry("Activate", "Tiếp tục quy trình"),
      entry("Suspend", "Tạm dừng quy trình"),
      entry("Migrate", "Chuyển quy trình sang phiên bản mới"),
      entry("AddUserLink", "Thêm người được giao"),
      entry("DeleteUserLink", "Bỏ người được giao"),
      entry("AddGroupLink", "Thêm đơn vị được giao"),
      entry("DeleteGroupLink", "Bỏ đơn vị được giao"),
      entry("SetDueDate", "Đổi hạn"),
      entry("RecalculateDueDate", "Tính lại hạn của bước hẹn giờ"),
      entry("Unlock", "Mở khóa bước đang chạy"),
      entry("Execute", "Chạy ngay bước hẹn giờ"),
      entry("Evaluate", "Áp dụng bảng quyết định"),
      entry("AddAttachment", "Đính kèm tệp"),
      entry("DeleteAttachment", "Xóa tệp đính kèm"),
      entry("SuspendJobDefinition", "Tạm dừng loại bước tự động"),
      entry("ActivateJobDefinition", "Tiếp tục loại bước tự động"),
      entry("SuspendProcessDefinition", "Tạm dừng mẫu quy trình"),
      entry("ActivateProcessDefinition", "Tiếp tục mẫu quy trình"),
      entry("CreateHistoryCleanupJobs", "Lập lịch dọn dữ liệu lịch sử"),
      entry("UpdateHistoryTimeToLive", "Đổi thời hạn lưu lịch sử"),
      entry("DeleteHistory", "Xóa lịch sử"),
      entry("ModifyProcessInstance", "Chuyển bước quy trình"),
      entry("RestartProcessInstance", "Khởi động lại quy trình"),
      entry("SuspendJob", "Tạm dừng bước tự động"),
      entry("ActivateJob", "Tiếp tục bước tự động"),
      entry("SetJobRetries", "Chạy lại bước bị lỗi"),
      entry("SetExternalTaskRetries", "Chạy lại việc bên ngoài bị lỗi"),
      entry("SetVariable", "Sửa dữ liệu"),
      entry("SetVariables", "Sửa dữ liệu"),
      entry("UpdateComment", "Sửa ý kiến"),
      entry("DeleteComment", "Xóa ý kiến"),
      entry("RemoveVariable", "Xóa dữ liệu"),
      entry("ModifyVariable", "Sửa dữ liệu"),
      entry("SuspendBatch", "Tạm dừng xử lý hàng loạt"),
      entry("ActivateBatch", "Tiếp tục xử lý hàng loạt"),
      entry("CreateIncident", "Ghi nhận sự cố"),
      entry("SetRemovalTime", "Đặt thời điểm xóa lịch sử"),
      entry("SetAnnotation", "Ghi chú"),
      entry("ClearAnnotation", "Xóa ghi chú"),
      entry("CorrelateMessage", "Gửi thông báo vào quy trình"));

  private OperationNames() {}

  /** The action in Vietnamese; {@link #OTHER} for a kind this list does not know. */
  static String of(String operationType) {
    return operationType == null ? OTHER : NAMES.getOrDefault(operationType, OTHER);
  }

  /** Whether the engine's id of this kind has a Vietnamese name here (for the tests). */
  static boolean known(String operationType) {
    return NAMES.containsKey(operationType);
  }
}
