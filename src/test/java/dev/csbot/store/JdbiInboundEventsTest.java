package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.support.TestDatabase;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The batched insert of delivery keys on this pass's store: one statement names exactly the new keys. */
class JdbiInboundEventsTest {

    private static DeliveryKeyBatcher.Key key(int n) {
        return new DeliveryKeyBatcher.Key("slack", "command:" + n);
    }

    @Test
    void batchesOfEverySizeNameExactlyTheKeysThatWereNewAndStoreEachOnce() {
        TestDatabase database = TestDatabase.fresh("inbound").migrate();
        Jdbi jdbi = Jdbi.create(database.url());
        try (JdbiInboundEvents events = new JdbiInboundEvents(jdbi)) {
            assertThat(events.insertReturningNew(List.of(key(1)))).containsExactly(key(1));
            // Three keys, one of them stored already.
            assertThat(events.insertReturningNew(List.of(key(1), key(2), key(3)))).containsExactlyInAnyOrder(key(2), key(3));
            // 130 keys in one statement.
            List<DeliveryKeyBatcher.Key> many = IntStream.range(3, 133).mapToObj(JdbiInboundEventsTest::key).toList();
            Set<DeliveryKeyBatcher.Key> fresh = events.insertReturningNew(many);
            assertThat(fresh).hasSize(129).doesNotContain(key(3));
            assertThat(events.insertReturningNew(many)).isEmpty();
        }
        long stored = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbound_events").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(132);
    }
}
