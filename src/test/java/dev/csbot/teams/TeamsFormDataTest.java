package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Teams posts when a card form is submitted: its data merged with the inputs' values. */
class TeamsFormDataTest {

    private static ObjectNode value() {
        return TeamsActivities.JSON.createObjectNode();
    }

    @Test
    void aFormsDataAndItsInputsBecomeOneSubmissionWhileAButtonPressIsNotOne() {
        ObjectNode submitted = value().put("form", "feedback-answer").put("token", "tok-123").put("score", "7")
                .put("comment", "Fine").put("anonymous", "true");
        submitted.putObject("msteams").put("type", "messageBack");

        TeamsFormData data = TeamsFormData.from(submitted).orElseThrow();

        assertThat(data.formId()).isEqualTo("feedback-answer");
        assertThat(data.token()).isEqualTo("tok-123");
        assertThat(data.inputs()).isEqualTo(Map.of("score", "7", "comment", "Fine", "anonymous", "true"));
        assertThat(TeamsFormData.from(value().put("action", "show-health").put("value", "acme"))).isEmpty();
        assertThat(TeamsFormData.from(null)).isEmpty();
        assertThat(TeamsFormData.from(value().put("form", " "))).isEmpty();
    }

    @Test
    void noMoreInputsAreReadThanAFormCouldHave() {
        ObjectNode many = value().put("form", "feedback-answer").put("token", "t");
        for (int i = 0; i < 500; i++) {
            many.put("field" + i, "x");
        }

        assertThat(TeamsFormData.from(many).orElseThrow().inputs()).hasSize(TeamsFormData.MAX_INPUTS + 1);
    }
}
