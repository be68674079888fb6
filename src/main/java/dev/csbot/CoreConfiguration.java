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
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
        if (today.isBlank()) {
            return Clock.systemDefaultZone();
        }
        ZoneId zone = ZoneId.systemDefault();
        return Clock.fixed(LocalDate.parse(today).atTime(12, 0).atZone(zone).toInstant(), zone);
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
            ChannelLinks links, AuditTrail audit) {
        return new ChatService(accounts, health, alerts, links, audit);
    }

    @Bean
    HealthService healthService(AccountRepository accounts, Scorecard scorecard, Clock clock,
            @Value("${csbot.health.reused-scores:" + HealthService.DEFAULT_REUSED_SCORES + "}") int reusedScores) {
        return new HealthService(accounts, new HealthScorer(scorecard), clock, reusedScores);
    }
}
