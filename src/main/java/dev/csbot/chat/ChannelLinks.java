package dev.csbot.chat;

import java.util.List;
import java.util.Optional;

/** Which chat conversation belongs to which account ("link acme" in a channel). */
public interface ChannelLinks {

    void link(Platform platform, String conversationId, String accountId, String linkedBy);

    /** Removes the link; returns the account it pointed to, if any. */
    Optional<String> unlink(Platform platform, String conversationId);

    Optional<String> accountFor(Platform platform, String conversationId);

    List<String> conversationsOf(Platform platform, String accountId);
}
