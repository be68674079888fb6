package dev.csbot.account;

import java.time.LocalDate;

/** One day of product usage for an account. */
public record UsageDay(String accountId, LocalDate date, int activeUsers, long events, int keyFeaturesUsed) {}
