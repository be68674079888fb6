package dev.csbot.account;

import java.time.LocalDate;

public record Meeting(String accountId, LocalDate date, MeetingKind kind, boolean execAttended) {}
