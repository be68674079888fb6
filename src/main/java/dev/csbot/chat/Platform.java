package dev.csbot.chat;

/** Where a request came from. */
public enum Platform {
    SLACK,
    TEAMS,
    CLI,
    API
}
