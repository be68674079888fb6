package dev.csbot.chat;

/** A typed command such as "/health acme" or "health acme", from someone in a conversation. */
public record ChatRequest(String text, Caller caller, Conversation conversation) {}
