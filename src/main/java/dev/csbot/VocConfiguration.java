package dev.csbot;

import dev.csbot.account.AccountRepository;
import dev.csbot.voc.FeedbackLoop;
import dev.csbot.voc.FeedbackStore;
import dev.csbot.voc.PromptCatalog;
import dev.csbot.voc.PromptLoader;
import dev.csbot.voc.PromptSends;
import dev.csbot.voc.ThemeCatalog;
import dev.csbot.voc.ThemeLoader;
import dev.csbot.voc.VocService;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires Voice of the Customer: the prompts and themes (a bad file stops start-up), and the service. */
@Configuration(proxyBeanMethods = false)
class VocConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VocConfiguration.class);

    /** The shipped prompts, or the directory {@code csbot.prompts} (CSBOT_PROMPTS) instead. */
    @Bean
    PromptCatalog promptCatalog(@Value("${csbot.prompts:}") String directory) {
        if (directory.isBlank()) {
            return PromptLoader.shipped();
        }
        PromptCatalog catalog = PromptLoader.fromDirectory(Path.of(directory.trim()));
        log.info("Feedback prompts: {} read from {}", catalog.ids(), catalog.source());
        return catalog;
    }

    /** The shipped themes, with {@code csbot.voc.themes} (CSBOT_VOC_THEMES) laid over them. */
    @Bean
    ThemeCatalog themeCatalog(@Value("${csbot.voc.themes:}") String overrideFile) {
        if (overrideFile.isBlank()) {
            return ThemeLoader.defaults();
        }
        log.info("VoC themes: defaults overridden by {}", overrideFile);
        return ThemeLoader.withOverrides(Path.of(overrideFile.trim()));
    }

    @Bean
    VocService vocService(PromptCatalog prompts, ThemeCatalog themes, AccountRepository accounts, PromptSends sends,
            FeedbackStore feedback, FeedbackLoop loop, Clock clock) {
        return new VocService(prompts, themes, accounts, sends, feedback, loop, clock);
    }
}
