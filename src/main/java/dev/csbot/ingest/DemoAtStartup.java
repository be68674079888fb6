package dev.csbot.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code csbot serve --demo} ({@code csbot.serve.demo=true}): loads the demo portfolio when the store has no
 * accounts yet. A store with data is left alone, and a plain start never invents data.
 */
@Component
class DemoAtStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAtStartup.class);

    private final DemoService demo;
    private final boolean enabled;

    DemoAtStartup(DemoService demo, @Value("${csbot.serve.demo:false}") boolean enabled) {
        this.demo = demo;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long existing = demo.accountsInStore();
        if (existing > 0) {
            log.info("Demo portfolio not loaded: the store already holds {} accounts", existing);
            return;
        }
        DemoService.Generated generated = demo.load(DemoPortfolio.DEFAULT_ACCOUNTS, DemoPortfolio.DEFAULT_DAYS,
                DemoPortfolio.DEFAULT_SEED);
        log.info("Demo portfolio loaded: {} accounts, {} rows through {} in {} ms",
                generated.rows().get(Dataset.ACCOUNTS.fileName()), generated.total(), generated.through(),
                generated.millis());
    }
}
