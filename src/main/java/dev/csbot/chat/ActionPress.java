package dev.csbot.chat;

/** A button press: the stable action id and the value the button carried. */
public record ActionPress(String actionId, String value, Caller caller, Conversation conversation) {}
