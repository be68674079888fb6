package dev.csbot.alerts;

import java.time.LocalDate;
import java.util.Map;

/**
 * Every account's mean daily active users over one window, computed by the store in one aggregate, so a scan
 * of the whole book does not read months of raw usage just to average it.
 */
public interface UsageBaselines {

    /** By account id: the days with usage rows after {@code fromExclusive} up to {@code toInclusive}, and their mean. */
    Map<String, Baseline> meanActiveUsers(LocalDate fromExclusive, LocalDate toInclusive);

    record Baseline(int days, double mean) {}
}
