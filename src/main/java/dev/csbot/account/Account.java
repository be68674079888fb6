package dev.csbot.account;

import java.time.LocalDate;
import java.util.Optional;

/** A customer account as imported from the CRM. ARR is in whole currency units. */
public record Account(
        String id,
        String name,
        Segment segment,
        long arr,
        int seatsPurchased,
        LocalDate contractStart,
        LocalDate renewalDate,
        String csmEmail,
        LifecycleStage lifecycleStage,
        Optional<String> slackChannel,
        Optional<String> teamsChannel) {

    public long daysToRenewal(LocalDate asOf) {
        return java.time.temporal.ChronoUnit.DAYS.between(asOf, renewalDate);
    }
}
