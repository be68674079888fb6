package dev.csbot.health;

import dev.csbot.account.Segment;

/**
 * How a measure that reads the account's segment weighs for any segment, from what it read of its rows (the last
 * meeting, whether a sponsor is in place): after a CRM sync tiers the book again, the measure is weighed for the new
 * segment without reading the meetings and contacts again.
 */
@FunctionalInterface
public interface SegmentReading {

    MeasureResult weigh(Segment segment);
}
