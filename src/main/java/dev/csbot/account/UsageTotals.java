package dev.csbot.account;

/** One account's usage over one {@link UsageWindow}: the days with a row, their active users summed, the best day's key features. */
public record UsageTotals(int days, long activeUsers, int maxKeyFeatures) {

    public static final UsageTotals NONE = new UsageTotals(0, 0, 0);

    /** These totals and {@code other}'s, of a span of days next to these (days and users add up, the best day is kept). */
    public UsageTotals plus(UsageTotals other) {
        return new UsageTotals(days + other.days, activeUsers + other.activeUsers,
                Math.max(maxKeyFeatures, other.maxKeyFeatures));
    }

    /** Active users a day on the days with a row (0 when there is none). */
    public double meanActiveUsers() {
        return days == 0 ? 0 : (double) activeUsers / days;
    }

    /** These totals with one more day counted in. */
    public UsageTotals plus(UsageDay day) {
        return new UsageTotals(days + 1, activeUsers + day.activeUsers(), Math.max(maxKeyFeatures, day.keyFeaturesUsed()));
    }
}
