package vn.planflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms of plan-approval link to the documents with the variables DocumentLinks provides. */
class DocumentLinksFormTest {

  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(\\{\\{(\\w+)\\}\\}\\)");

  @ParameterizedTest
  @ValueSource(strings = {"reviewDraft", "giveOpinion", "synthesizeOpinions", "approveSubmission", "reviewSubmission",
      "castVote", "recordMeetingDecision", "signPlan", "issuePlan", "acknowledgeReceipt"})
  void theFormLinksToItsDocuments(String form) throws Exception {
    JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("forms", form + ".form")));
    assertThat(schema.get("schemaVersion").asInt()).isEqualTo(16);
    JsonNode documents = null;
    for (JsonNode component : schema.get("components")) {
      if ("documents".equals(component.get("id").asText())) {
        documents = component;
      }
    }
    assertThat(documents).as(form + " has a 'documents' text").isNotNull();
    assertThat(documents.get("type").asText()).isEqualTo("text");
    List<String> variables = new ArrayList<>();
    Matcher links = LINK.matcher(documents.get("text").asText());
    while (links.find()) {
      assertThat(links.group(1)).contains(".docx");
      variables.add(links.group(2));
    }
    assertThat(variables).isNotEmpty().allMatch(Set.of(DocumentLinks.PLAN_DOCUMENT, DocumentLinks.SUBMISSION_DOCUMENT,
        DocumentLinks.VOTE_RECORD_DOCUMENT)::contains);
  }

  @Test
  void theVoterAndTheSignerOpenTheDraft() throws Exception {
    for (String form : List.of("castVote", "signPlan")) {
      assertThat(Files.readString(Path.of("forms", form + ".form"))).contains("({{" + DocumentLinks.PLAN_DOCUMENT + "}})");
    }
  }
}
