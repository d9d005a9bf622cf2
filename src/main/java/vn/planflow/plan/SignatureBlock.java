package vn.planflow.plan;

import java.util.List;
import vn.planflow.org.CommitteePosition;

/**
 * The signature block of Nghị định 30/2020, Art. 13: the chair signs for the committee
 * ("TM." = thay mặt); a vice chair signs on the chair's behalf ("KT." = ký thay).
 */
public final class SignatureBlock {

  private SignatureBlock() {}

  public static List<String> of(CommitteePosition position, String name) {
    if (position == CommitteePosition.CHAIR) {
      return List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name);
    }
    return List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name);
  }
}
