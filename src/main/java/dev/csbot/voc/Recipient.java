package dev.csbot.voc;

import java.util.Locale;

/**
 * Whom a prompt is addressed to: one contact (by email), one chat user (a Slack {@code <@U123>} mention),
 * or a customer's channel, where members of the customer's organisation may answer.
 */
public sealed interface Recipient {

    /** What the throttle counts: one prompt per key within the throttle days. */
    String key();

    /** How the CSM's reply names the recipient. */
    String describe();

    record ContactRecipient(String email, String name) implements Recipient {
        public String key() {
            return "contact:" + email.toLowerCase(Locale.ROOT);
        }

        public String describe() {
            return name.isBlank() ? email : name + " (" + email + ")";
        }
    }

    record ChatUserRecipient(String platform, String userId, String name) implements Recipient {
        public String key() {
            return platform + "-user:" + userId;
        }

        public String describe() {
            return name.isBlank() ? "user " + userId : "@" + name;
        }
    }

    record ChannelRecipient(String platform, String channelId, String name) implements Recipient {
        public String key() {
            return platform + "-channel:" + channelId;
        }

        public String describe() {
            return name.isBlank() ? "channel " + channelId : "#" + name;
        }
    }
}
