package dev.csbot.health;

import java.util.List;

/**
 * A renewal close enough to watch that is not green. {@code reasons} are the policy's own triggers in a
 * CSM's words ("32% of 1,175 seats active (under 50%)", "poor recent sentiment (41/100, under 50)");
 * empty when the account is simply not green for other reasons (its drivers say which).
 */
public record RenewalRisk(long daysToRenewal, List<String> reasons) {

    public RenewalRisk {
        reasons = List.copyOf(reasons);
    }

    /** Whether the renewal policy's own triggers (seats, sentiment) fired, not just a band below green. */
    public boolean triggered() {
        return !reasons.isEmpty();
    }

    /** "renews in 26 days with 32% of 1,175 seats active (under 50%)", "renews in 40 days and is not green". */
    public String sentence() {
        String when = daysToRenewal == 0 ? "renews today" : "renews in " + daysToRenewal + " day"
                + (daysToRenewal == 1 ? "" : "s");
        return when + (triggered() ? " with " + String.join(" and ", reasons) : " and is not green");
    }
}
