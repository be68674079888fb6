package dev.csbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A store filled before it recorded the demo is recognised as holding it when it is migrated. */
@Tag("store")
class StoreMetadataTest {

    private static void insertAccount(Jdbi jdbi, String id, String csm) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased,"
                        + " contract_start, renewal_date, csm_email, lifecycle_stage) VALUES (:id, :id, 'smb', 1, 1,"
                        + " '2025-01-01', '2027-01-01', :csm, 'adoption')")
                .bind("id", id).bind("csm", csm).execute());
    }

    private StoreMetadata migratedFromVersion4(String... accountsAndCsms) {
        TestDatabase old = TestDatabase.fresh("old");
        Flyway.configure().dataSource(old.url(), null, null).locations(old.migrationLocations()).target("4").load()
                .migrate();
        Jdbi jdbi = old.jdbi();
        for (int i = 0; i < accountsAndCsms.length; i += 2) {
            insertAccount(jdbi, accountsAndCsms[i], accountsAndCsms[i + 1]);
        }
        old.migrate();
        return new StoreMetadata(jdbi);
    }

    @Test
    void theDemosThreeStoriesWithItsCsmsMarkAnOlderStoreAsTheDemo() {
        StoreMetadata store = migratedFromVersion4("acme", "dana.cho@csbot.example", "globex", "sam.lee@csbot.example",
                "initech", "priya.raman@csbot.example", "umbrella", "ops@umbrella.example");

        assertThat(store.demoPortfolio()).contains("loaded before csbot recorded which");
    }

    @Test
    void realAccountsThatShareADemoNameDoNot() {
        StoreMetadata store = migratedFromVersion4("acme", "jane@acme-customer.example", "globex",
                "sam.lee@csbot.example", "initech", "priya.raman@csbot.example");

        assertThat(store.demoPortfolio()).isEmpty();
        assertThat(store.accounts()).isEqualTo(3);
    }
}
