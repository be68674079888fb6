package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A bad pruning schedule stops start-up with the setting named and an example. */
class InboundEventsPruningTest {

    @Test
    void aCronThatIsNotSixFieldsIsNamedWithAnExample() {
        assertThatThrownBy(() -> new InboundEventsPruning(null, null, "hourly"))
                .hasMessage("csbot.inbound.prune-cron (CSBOT_INBOUND_PRUNE_CRON) is \"hourly\": use six fields"
                        + " (second minute hour day month weekday), e.g. \"0 17 * * * *\"");
    }
}
