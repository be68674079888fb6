package dev.csbot.account;

import java.time.LocalDate;

/** One objective of an account's success plan, in the customer's words. */
public record SuccessPlanObjective(
        String accountId, String objective, String metric, String target, LocalDate dueDate, ObjectiveStatus status) {}
