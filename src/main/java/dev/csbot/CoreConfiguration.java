package dev.csbot;

import dev.csbot.account.AccountRepository;
import dev.csbot.alerts.AlertRepository;
import dev.csbot.chat.AuditTrail;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.ChatService;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.HealthService;
import dev.csbot.health.Scorecard;
import dev.csbot.health.ScorecardLoader;
import dev.csbot.voc.VocService;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Spring-free core: clock, scorecard, scorer. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CoreConfiguration.class);

    /**
     * The one clock of the service. {@code csbot.today} (YYYY-MM-DD) pins it, for demos, tests and
     * "as of" evaluation.
     */
    @Bean
    Clock clock(@Value("${csbot.today:}") String today) {
        return BusinessClock.of(today);
    }

    @Bean
    Scorecard scorecard(@Value("${csbot.scorecard:}") String overrideFile) {
        if (overrideFile.isBlank()) {
            return ScorecardLoader.defaults();
        }
        log.info("Health scorecard: defaults overridden by {}", overrideFile);
        return ScorecardLoader.withOverrides(Path.of(overrideFile));
    }

    @Bean
    ChatService chatService(AccountRepository accounts, HealthService health, AlertRepository alerts,
            ChannelLinks links, AuditTrail audit, VocService voc, dev.csbot.chat.AlertDesk alertDesk) {
        return new ChatService(accounts, health, alerts, links, audit, voc, alertDesk);
    }

    @Bean
    HealthService healthService(AccountRepository accounts, Scorecard scorecard, Clock clock,
            @Value("${csbot.health.reused-scores:" + HealthService.DEFAULT_REUSED_SCORES + "}") String reusedScores) {
        return new HealthService(accounts, new HealthScorer(scorecard), clock, reusedScores(reusedScores));
    }

    static int reusedScores(String value) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with what to set instead
        }
        throw new IllegalArgumentException("csbot.health.reused-scores (CSBOT_HEALTH_REUSED_SCORES) is \"" + value
                + "\": set a whole number of accounts, 0 or more (0 scores every request from the store; default "
                + HealthService.DEFAULT_REUSED_SCORES + ")");
    }
}
