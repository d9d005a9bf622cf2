package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What {@link FormText} makes of user text before a form's Markdown sees it. */
class FormTextTest {

  @Test
  void htmlBecomesCharacterReferences() {
    assertThat(FormText.escape("<img src=x onerror=alert(1)>"))
        .isEqualTo("&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt;");
    assertThat(FormText.escape("<script>alert('x')</script>"))
        .isEqualTo("&lt;script&gt;alert&#40;&#39;x&#39;&#41;&lt;&#47;script&gt;");
    assertThat(FormText.escape("a & b \"c\"")).isEqualTo("a &amp; b &quot;c&quot;");
  }

  @Test
  void markdownSyntaxIsNeutralized() {
    assertThat(FormText.escape("[link](javascript:alert(1))"))
        .isEqualTo("&#91;link&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;");
    assertThat(markup("![x](https://evil.example/p.png)")).doesNotContain("!", "[", "]", "(", ")", ":");
    assertThat(markup("**bold** _em_ `code` ~~s~~ # h | t {{x}} \\*"))
        .doesNotContain("*", "_", "`", "~", "#", "|", "{", "\\");
    // A bare address or e-mail is not turned into a link either.
    assertThat(markup("www.evil.example a@b.vn https://x.vn")).doesNotContain("www.", "@", "://");
    // A numbered or bulleted line stays text, not a list.
    assertThat(FormText.escape("1. một\n- hai\n+ ba")).isEqualTo("1&#46; một\n&#45; hai\n&#43; ba");
  }

  /** The escaped text without its character references: what Markdown could still read as syntax. */
  private static String markup(String text) {
    return FormText.escape(text).replaceAll("&#\\d+;", "");
  }

  @Test
  void indentationDoesNotMakeACodeBlock() {
    assertThat(FormText.escape("    mã\n\tb")).isEqualTo("&#32;&#32;&#32;&#32;mã\n&#9;b");
  }

  @Test
  void vietnameseTextLineBreaksAndSpacesStay() {
    String text = "Kế hoạch thực hiện Chương trình hành động quốc gia\nnăm 2026";
    assertThat(FormText.escape(text)).isEqualTo(text);
    assertThat(FormText.escape("a\r\nb\rc")).isEqualTo("a\nb\nc");
    assertThat(FormText.escape((String) null)).isNull();
  }

  @Test
  void charactersXmlForbidsAreDropped() {
    assertThat(FormText.escape("a\u0000b\u000Bc\u0007")).isEqualTo("abc");
    assertThat(XmlText.clean("a\u0000b\u000Bc\uFFFEd\uD800")).isEqualTo("abcd");
    assertThat(XmlText.clean("Hà Nội\t\n😀")).isEqualTo("Hà Nội\t\n😀");
  }

  @Test
  void everyStringOfAJsonTreeIsEscapedNamesAndNumbersAreNot() throws Exception {
    JsonNode plan = new ObjectMapper().readTree(
        "{\"title\":\"<b>x</b>\",\"no\":3,\"ok\":true,\"none\":null,\"sections\":[{\"heading\":\"[a](b)\"}]}");
    JsonNode escaped = FormText.escape(plan);
    assertThat(escaped.get("title").asText()).isEqualTo("&lt;b&gt;x&lt;&#47;b&gt;");
    assertThat(escaped.get("no").asInt()).isEqualTo(3);
    assertThat(escaped.get("ok").asBoolean()).isTrue();
    assertThat(escaped.get("none").isNull()).isTrue();
    assertThat(escaped.at("/sections/0/heading").asText()).isEqualTo("&#91;a&#93;&#40;b&#41;");
    assertThat(plan.get("title").asText()).as("the original is untouched").isEqualTo("<b>x</b>");
  }
}
