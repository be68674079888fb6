package dev.csbot;

import dev.csbot.account.AccountRepository;
import dev.csbot.alerts.AlertEvaluator;
import dev.csbot.alerts.AlertJobs;
import dev.csbot.alerts.AlertRouter;
import dev.csbot.alerts.AlertRules;
import dev.csbot.alerts.AlertRulesLoader;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.AlertsOnPortfolioChange;
import dev.csbot.alerts.ConversationMessenger;
import dev.csbot.alerts.Digests;
import dev.csbot.alerts.LinkedConversations;
import dev.csbot.alerts.Outbox;
import dev.csbot.alerts.OutboxContent;
import dev.csbot.alerts.OutboxWorker;
import dev.csbot.alerts.WeeklyDigest;
import dev.csbot.chat.AlertChecklistContent;
import dev.csbot.chat.AlertDesk;
import dev.csbot.chat.AlertNoticeContent;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.DetractorFollowUps;
import dev.csbot.chat.DigestContent;
import dev.csbot.chat.Platform;
import dev.csbot.health.HealthService;
import dev.csbot.health.Scorecard;
import dev.csbot.store.InstanceId;
import dev.csbot.store.ScheduledJobLock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the alerts: rules (shipped defaults, {@code CSBOT_ALERT_RULES} laid over them), evaluation, the outbox
 * and its contents. The service ({@code serve}) also runs the outbox worker, the daily scan and the weekly digest;
 * one-shot commands ({@code csbot scan}) only write to the outbox, and the service's worker delivers.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlertsConfiguration.class);

    @Bean
    AlertRules alertRules(@Value("${csbot.alert-rules:}") String overrideFile) {
        if (overrideFile.isBlank()) {
            return AlertRulesLoader.defaults();
        }
        log.info("Alert rules: defaults overridden by {}", overrideFile);
        return AlertRulesLoader.withOverrides(Path.of(overrideFile.trim()));
    }

    @Bean
    OutboxDeliveries outboxDeliveries(Outbox outbox, ObjectProvider<ConversationMessenger> messengers,
            ObjectProvider<OutboxContent> contents,
            @Value("${csbot.outbox.max-attempts:6}") int maxAttempts,
            @Value("${csbot.outbox.initial-backoff:5s}") Duration initialBackoff,
            @Value("${csbot.outbox.lease:2m}") Duration lease) {
        OutboxWorker.Settings settings = outboxSettings(maxAttempts, initialBackoff, lease);
        // Real time: backoff and leases are about the wire, not the business date csbot.today may pin.
        OutboxWorker worker = new OutboxWorker(outbox, messengers.orderedStream().toList(),
                contents.orderedStream().toList(), Clock.systemUTC(), settings, InstanceId.ofThisProcess(),
                duration -> Thread.sleep(duration.toMillis()));
        return new OutboxDeliveries(worker);
    }

    @Bean
    AlertService alertService(AccountRepository accounts, Scorecard scorecard, AlertRules rules, AlertStore store,
            Outbox outbox, ChannelLinks links, Clock clock, OutboxDeliveries deliveries, HealthService health,
            LinkedConversations linked,
            @Value("${slack.bot-token:}") String slackToken, @Value("${microsoft.app-id:}") String teamsAppId) {
        List<Platform> platforms = new ArrayList<>();
        if (!slackToken.isBlank()) {
            platforms.add(Platform.SLACK);
        }
        if (!teamsAppId.isBlank()) {
            platforms.add(Platform.TEAMS);
        }
        return new AlertService(accounts, scorecard, new AlertEvaluator(rules, scorecard::bandOf), store, outbox,
                new AlertRouter(links, platforms), clock, () -> UUID.randomUUID().toString(), deliveries::wake,
                health::bookParts, linked);
    }

    @Bean
    AlertDesk alertDesk(AlertStore store, Outbox outbox, AccountRepository accounts, HealthService health, Clock clock,
            OutboxDeliveries deliveries, DetractorFollowUps followUps) {
        return new AlertDesk(store, outbox, accounts, health::directory, clock, deliveries::wake, followUps);
    }

    @Bean
    AlertNoticeContent alertNoticeContent(AlertStore store, AccountRepository accounts, HealthService health,
            DetractorFollowUps followUps) {
        return new AlertNoticeContent(store, accounts, health, followUps);
    }

    @Bean
    DigestContent digestContent(Digests digests, AlertStore store, HealthService health) {
        return new DigestContent(digests, store, health);
    }

    @Bean
    WeeklyDigest weeklyDigest(AccountRepository accounts, Digests digests, AlertService alerts,
            OutboxDeliveries deliveries) {
        return new WeeklyDigest(accounts, digests, alerts.router(), () -> UUID.randomUUID().toString(),
                deliveries::wake);
    }

    @Bean
    AlertChecklistContent alertChecklistContent(AlertStore store, AccountRepository accounts) {
        return new AlertChecklistContent(store, accounts);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService alertEvaluations() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "alert-evaluation");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    AlertsOnPortfolioChange alertsOnPortfolioChange(AlertService alerts, ExecutorService alertEvaluations,
            HealthService health, @Value("${csbot.alerts.after-write-quiet:1s}") Duration quiet) {
        return new AlertsOnPortfolioChange(alerts, alertEvaluations, health::all, afterWriteQuiet(quiet));
    }

    /** The quiet wait before writes are evaluated, checked: 0 to 1 min. */
    static Duration afterWriteQuiet(Duration quiet) {
        between("csbot.alerts.after-write-quiet (CSBOT_ALERTS_AFTER_WRITE_QUIET)", quiet, Duration.ZERO,
                Duration.ofMinutes(1), "1s");
        return quiet;
    }

    /** Only in the service: the worker loop, the daily scan and the weekly digest. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Scheduled {

        @Bean
        AlertSchedule alertSchedule(OutboxDeliveries deliveries, AlertService alerts, WeeklyDigest digest,
                ScheduledJobLock lock,
                @Value("${csbot.scan.cron:0 0 8 * * *}") String scanCron, @Value("${csbot.scan.zone:}") String scanZone,
                @Value("${csbot.digest.cron:0 0 8 * * MON}") String digestCron,
                @Value("${csbot.outbox.poll:2s}") Duration poll) {
            return new AlertSchedule(deliveries, new AlertJobs(alerts, digest), lock, scanCron, scanZone, digestCron,
                    poll);
        }
    }

    /** The outbox worker's settings, each within its range: one out of it stops start-up, named. */
    static OutboxWorker.Settings outboxSettings(int maxAttempts, Duration initialBackoff, Duration lease) {
        between("csbot.outbox.max-attempts (CSBOT_OUTBOX_MAX_ATTEMPTS)", maxAttempts, 1, 100, "6");
        between("csbot.outbox.initial-backoff (CSBOT_OUTBOX_INITIAL_BACKOFF)", initialBackoff, Duration.ofMillis(100),
                Duration.ofHours(1), "5s");
        between("csbot.outbox.lease (CSBOT_OUTBOX_LEASE)", lease, Duration.ofSeconds(1), Duration.ofHours(1), "2m");
        OutboxWorker.Settings defaults = OutboxWorker.Settings.defaults();
        return new OutboxWorker.Settings(maxAttempts, initialBackoff, defaults.maxBackoff(), lease, defaults.batch());
    }

    /** A setting out of its range stops start-up, naming it, the range and the default. */
    private static <T extends Comparable<T>> void between(String name, T value, T min, T max, String defaultValue) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " is " + value + ": set it between " + min + " and " + max
                    + " (default " + defaultValue + ")");
        }
    }
}
