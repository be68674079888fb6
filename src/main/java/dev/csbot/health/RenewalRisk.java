package dev.csbot.health;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A renewal close enough to watch that is not green. {@link #reasons()} are the policy's own triggers in a
 * CSM's words ("32% of 1,175 seats active (under 50%)", "poor recent sentiment (41/100, under 50)"), written when
 * read; none when the account is simply not green for other reasons (its drivers say which).
 *
 * @param explanations each trigger's reason, written when read; two risks are equal when they read the same
 */
public record RenewalRisk(long daysToRenewal, List<Supplier<String>> explanations) {

    public RenewalRisk {
        explanations = List.copyOf(explanations);
    }

    /** Whether the renewal policy's own triggers (seats, sentiment) fired, not just a band below green. */
    public boolean triggered() {
        return !explanations.isEmpty();
    }

    public List<String> reasons() {
        return explanations.stream().map(Supplier::get).toList();
    }

    /** "renews in 26 days with 32% of 1,175 seats active (under 50%)", "renews in 40 days and is not green". */
    public String sentence() {
        String when = daysToRenewal == 0 ? "renews today" : "renews in " + daysToRenewal + " day"
                + (daysToRenewal == 1 ? "" : "s");
        return when + (triggered() ? " with " + String.join(" and ", reasons()) : " and is not green");
    }

    /** This risk with its reasons written now (a kept score should not hold what they were built from). */
    RenewalRisk settled() {
        List<Supplier<String>> written = reasons().stream().<Supplier<String>>map(reason -> () -> reason).toList();
        return new RenewalRisk(daysToRenewal, written);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenewalRisk that && daysToRenewal == that.daysToRenewal
                && reasons().equals(that.reasons());
    }

    @Override
    public int hashCode() {
        return Objects.hash(daysToRenewal, reasons());
    }

    @Override
    public String toString() {
        return "RenewalRisk[daysToRenewal=" + daysToRenewal + ", reasons=" + reasons() + "]";
    }
}
