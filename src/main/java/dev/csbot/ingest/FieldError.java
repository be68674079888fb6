package dev.csbot.ingest;

/** Why one field of one row cannot be imported, in the user's words. */
public record FieldError(String field, String reason) {}
