package vn.planflow.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The decisions a completed task carries ({@code approved}, {@code decision}, {@code vote},
 * {@code opinion} …) in the words of the forms, e.g. "Quyết định: Ký ban hành".
 */
public final class Decisions {

  private static final Map<String, String> NAMES = new java.util.LinkedHashMap<>();
  private static final Map<String, String> VALUES = Map.ofEntries(
      Map.entry("decision:SIGN", "Ký ban hành"),
      Map.entry("decision:RETURN", "Trả lại"),
      Map.entry("decision:VOTE_SLIP", "Lấy phiếu biểu quyết thành viên UBND"),
      Map.entry("decision:MEETING", "Đưa ra phiên họp UBND"),
      Map.entry("vote:AGREE", "Đồng ý"),
      Map.entry("vote:DISAGREE", "Không đồng ý"),
      Map.entry("vote:OTHER", "Ý kiến khác"),
      Map.entry("opinion:AGREE", "Đồng ý"),
      Map.entry("opinion:AGREE_WITH_COMMENTS", "Đồng ý, có góp ý"),
      Map.entry("opinion:DISAGREE", "Không đồng ý"),
      Map.entry("approved:true", "Đồng ý"),
      Map.entry("approved:false", "Không đồng ý, trả lại"),
      Map.entry("reconsult:true", "Có"),
      Map.entry("reconsult:false", "Không"),
      Map.entry("ownPlanRequired:true", "Có"),
      Map.entry("ownPlanRequired:false", "Không"));

  static {
    NAMES.put("approved", "Quyết định");
    NAMES.put("decision", "Quyết định");
    NAMES.put("vote", "Biểu quyết");
    NAMES.put("opinion", "Ý kiến");
    NAMES.put("reconsult", "Lấy ý kiến lại");
    NAMES.put("signer", "Người ký");
    NAMES.put("ownPlanRequired", "Xây dựng kế hoạch riêng");
    NAMES.put("comment", "Nội dung");
    NAMES.put("summary", "Tóm tắt");
  }

  private Decisions() {}

  /** The variables a decision is made of; none has a LIKE wildcard ({@code _}, {@code %}) in its name. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(NAMES.keySet());
  }

  public static boolean shown(String variable) {
    return NAMES.containsKey(variable);
  }

  /** "Quyết định: Ký ban hành; Nội dung: …", officials named by {@code officialName}. */
  public static String describe(Map<String, Object> decision, Function<String, String> officialName) {
    List<String> parts = new ArrayList<>();
    NAMES.forEach((variable, name) -> {
      Object value = decision.get(variable);
      if (value == null || value.toString().isBlank()) {
        return;
      }
      String text = "signer".equals(variable) ? officialName.apply(value.toString())
          : VALUES.getOrDefault(variable + ":" + value, value.toString());
      parts.add(name + ": " + text);
    });
    return String.join("; ", parts);
  }
}
