package dev.csbot.store;

import dev.csbot.alerts.Outbox;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The store's own implementations for tests in other packages that play a part the service plays (its outbox worker). */
public final class StoreFixtures {

    private StoreFixtures() {}

    public static Outbox outbox(Jdbi jdbi) {
        return new JdbiOutbox(jdbi, Clock.systemUTC());
    }
}
