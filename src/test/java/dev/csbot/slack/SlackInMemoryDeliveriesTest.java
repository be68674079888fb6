package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackInMemoryDeliveriesTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theSameDeliveryCountsOnce() {
        SlackInMemoryDeliveries deliveries = new SlackInMemoryDeliveries(Clock.systemUTC());
        assertThat(deliveries.firstDelivery("slack", "command:t1")).isTrue();
        assertThat(deliveries.firstDelivery("slack", "command:t1")).isFalse();
        assertThat(deliveries.firstDelivery("slack", "command:t2")).isTrue();
        assertThat(deliveries.firstDelivery("other", "command:t1")).isTrue();
    }

    @Test
    void oldDeliveriesAreForgottenSoMemoryStaysBounded() {
        Hand clock = new Hand();
        SlackInMemoryDeliveries deliveries = new SlackInMemoryDeliveries(clock);
        for (int i = 0; i < 9_999; i++) {
            deliveries.firstDelivery("slack", "old-" + i);
        }
        clock.now = clock.now.plus(Duration.ofHours(2));
        deliveries.firstDelivery("slack", "new");
        assertThat(deliveries.size()).isEqualTo(1);
    }
}
