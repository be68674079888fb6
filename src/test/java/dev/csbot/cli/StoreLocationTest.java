package dev.csbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which store a command opens: the demo has a default store of its own, any explicit choice wins. */
class StoreLocationTest {

    private static StoreLocation resolve(Path option, boolean demo, Map<String, String> settings) {
        return StoreLocation.resolve(option, demo, settings::get);
    }

    @Test
    void theDemoDefaultsToItsOwnStoreAndEverythingElseToTheRealOne() {
        StoreLocation demo = resolve(null, true, Map.of());
        StoreLocation real = resolve(null, false, Map.of());

        assertThat(demo.file()).isEqualTo(Path.of("data/demo.db").toAbsolutePath());
        assertThat(demo.openedLine()).isEqualTo("csbot: store " + demo.file() + " (the demo's own store; --db or"
                + " CSBOT_DB for another)");
        assertThat(real.file()).isEqualTo(Path.of("data/csbot.db").toAbsolutePath());
        assertThat(real.openedLine()).isEqualTo("csbot: store " + real.file());
    }

    @Test
    void aConfiguredStoreOrDbOptionWinsForTheDemoToo() {
        assertThat(resolve(null, true, Map.of("csbot.db", "/srv/csbot/one.db")).file()).isEqualTo(
                Path.of("/srv/csbot/one.db"));
        assertThat(resolve(Path.of("/tmp/x/../two.db"), true, Map.of("csbot.db", "/srv/csbot/one.db")).file())
                .isEqualTo(Path.of("/tmp/two.db"));
    }

    @Test
    void aDatabaseUrlWinsAndIsShownWithoutItsPassword() {
        StoreLocation location = resolve(Path.of("x.db"), true,
                Map.of("csbot.database-url", "jdbc:postgresql://db/csbot?user=cs&password=secret"));

        assertThat(location.sqlite()).isFalse();
        assertThat(location.openedLine()).isEqualTo("csbot: store jdbc:postgresql://db/csbot?user=cs&password=***");
    }
}
