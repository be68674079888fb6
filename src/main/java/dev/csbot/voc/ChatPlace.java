package dev.csbot.voc;

/** A conversation on a chat platform ("slack", "teams"): where a prompt was answered, where a reply goes back. */
public record ChatPlace(String platform, String conversationId) {}
