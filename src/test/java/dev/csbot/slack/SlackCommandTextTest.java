package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slack escapes what was typed in a command; csbot reads it as typed, once. */
class SlackCommandTextTest {

    @Test
    void theThreeEscapesSlackAppliesAreUndoneOnceAndMentionsStayAsSlackSentThem() {
        assertThat(SlackCommandText.unescape("set fb-1 shipped \"Fix &amp; ship &lt;soon&gt;\""))
                .isEqualTo("set fb-1 shipped \"Fix & ship <soon>\"");
        assertThat(SlackCommandText.unescape("send nps acme <@U0ABC|pat> <#C0DEF|acme-shared>"))
                .isEqualTo("send nps acme <@U0ABC|pat> <#C0DEF|acme-shared>");
        assertThat(SlackCommandText.unescape("a typed &amp;lt; stays &lt;")).isEqualTo("a typed &lt; stays <");
        assertThat(SlackCommandText.unescape("&quot; and &#39; are not Slack's")).isEqualTo("&quot; and &#39; are not Slack's");
        assertThat(SlackCommandText.unescape("")).isEmpty();
        assertThat(SlackCommandText.unescape(null)).isNull();
    }
}
