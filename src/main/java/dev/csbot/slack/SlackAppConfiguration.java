package dev.csbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.InboundEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Slack channel, in the web application only ({@code csbot serve}): one Bolt {@link App} at
 * {@code POST /slack/events}, or over Socket Mode when {@code SLACK_APP_TOKEN} is set. Without a bot token
 * and a signing secret (or app token) the channel is off, with one log line, and the service starts anyway.
 * {@code csbot.slack.enabled=false} (CSBOT_SLACK_ENABLED) turns the whole door off: none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = SlackAppConfiguration.ENABLED, matchIfMissing = true)
class SlackAppConfiguration {

    static final String ENABLED = "csbot.slack.enabled";

    private static final Logger log = LoggerFactory.getLogger(SlackAppConfiguration.class);

    /** Slack waits 3 s for an acknowledgement; answers that take longer than this go via response_url. */
    static final Duration ANSWER_WITHIN = Duration.ofMillis(2000);

    @Bean
    SlackSettings slackSettings(@Value("${slack.bot-token:}") String botToken,
            @Value("${slack.signing-secret:}") String signingSecret, @Value("${slack.app-token:}") String appToken,
            @Value("${slack.api-url:https://slack.com/api/}") String apiUrl,
            @Value("${slack.internal-team-ids:}") String internalTeamIds) {
        Set<String> teams = Arrays.stream(internalTeamIds.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        SlackSettings settings = new SlackSettings(botToken.trim(), signingSecret.trim(), appToken.trim(), apiUrl.trim(),
                teams);
        // Says once, at start-up, whether Slack is on and how it is reached.
        if (!settings.enabled()) {
            log.info("Slack channel off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for"
                    + " Socket Mode) to turn it on");
        } else if (settings.socketMode()) {
            log.info("Slack channel on: Socket Mode, Web API at {}", settings.apiUrl());
        } else {
            log.info("Slack channel on: POST /slack/events, Web API at {}", settings.apiUrl());
        }
        return settings;
    }

    @Bean(destroyMethod = "shutdown")
    @Conditional(SlackEnabled.class)
    ExecutorService slackWorkers() {
        AtomicInteger n = new AtomicInteger();
        // Bounded: under overload Slack gets a prompt "busy" rather than a queue that outlives its 3 seconds.
        return new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "slack-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    @Conditional(SlackEnabled.class)
    App slackApp(SlackSettings settings, ChatService chat, ObjectProvider<InboundEvents> inbound,
            ExecutorService slackWorkers, @Value("${csbot.database-url:}") String databaseUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/");
        config.setStatsEnabled(false);
        Slack slack = Slack.getInstance(config);
        App app = new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().isEmpty() ? null : settings.signingSecret())
                // SlackEventsServlet checks every HTTP request's signature before Bolt sees it (Bolt's own
                // check comes after parsing and logging); Socket Mode has none to check.
                .requestVerificationEnabled(false)
                .authTestCacheEnabled(true)
                .build());
        InboundEvents deliveries = inbound.getIfAvailable(() -> {
            log.info("Slack: no InboundEvents in the store, so retries are recognised in memory (one instance only)");
            return new SlackInMemoryDeliveries(Clock.systemUTC());
        });
        // Caches expire on real time even when csbot.today pins the business clock.
        SlackCallerResolver resolver = new SlackCallerResolver(slack.methods(settings.botToken()),
                settings.internalTeamIds(), Clock.systemUTC());
        new SlackListeners(chat, resolver, new SlackBlockKitRenderer(), slack.methods(settings.botToken()),
                slackWorkers, ANSWER_WITHIN, new SlackRetryGuard(deliveries, new SlackInMemoryDeliveries(Clock.systemUTC()),
                        !databaseUrl.isBlank()),
                new SlackResponseUrl(slack.getHttpClient().getOkHttpClient()))
                .register(app);
        return app;
    }

    @Bean
    @Conditional(SlackHttpEnabled.class)
    ServletRegistrationBean<SlackEventsServlet> slackEventsServlet(App slackApp, SlackSettings settings) {
        // Signatures are judged on real time, even when csbot.today pins the business clock.
        return new ServletRegistrationBean<>(new SlackEventsServlet(slackApp,
                new SlackRequestSignature(settings.signingSecret(), Clock.systemUTC())), "/slack/events");
    }

    @Bean(initMethod = "startAsync", destroyMethod = "close")
    @Conditional(SlackSocketModeEnabled.class)
    SlackSocketMode slackSocketMode(SlackSettings settings, App slackApp) {
        return new SlackSocketMode(settings.appToken(), slackApp);
    }

    @Bean
    @Conditional(SlackEnabled.class)
    org.springframework.boot.health.contributor.HealthIndicator slackHealthIndicator(SlackSettings settings,
            ObjectProvider<SlackSocketMode> socketMode) {
        return new SlackDoorHealth(settings, socketMode);
    }

    /** Socket Mode: Slack pushes requests over a websocket the app opens, so no public URL is needed. */
    static final class SlackSocketMode implements AutoCloseable {
        private final String appToken;
        private final App app;
        private SocketModeApp socketModeApp;

        SlackSocketMode(String appToken, App app) {
            this.appToken = appToken;
            this.app = app;
        }

        void startAsync() {
            try {
                socketModeApp = new SocketModeApp(appToken, app);
                socketModeApp.startAsync();
            } catch (Exception e) {
                // Slack unreachable or the app token refused: Slack stays off, the rest of the service runs.
                log.error("Slack Socket Mode could not connect; the Slack channel is off until csbot restarts", e);
            }
        }

        /** Whether the websocket to Slack is open now. */
        boolean connected() {
            return socketModeApp != null && socketModeApp.getClient() != null
                    && socketModeApp.getClient().verifyConnection();
        }

        @Override
        public void close() throws Exception {
            if (socketModeApp != null) {
                socketModeApp.close();
            }
        }
    }

    private static String property(ConditionContext context, String name) {
        return context.getEnvironment().getProperty(name, "").trim();
    }

    static final class SlackEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !property(context, "slack.bot-token").isEmpty()
                    && (!property(context, "slack.signing-secret").isEmpty() || !property(context, "slack.app-token").isEmpty());
        }
    }

    static final class SlackHttpEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !property(context, "slack.bot-token").isEmpty() && !property(context, "slack.signing-secret").isEmpty();
        }
    }

    static final class SlackSocketModeEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !property(context, "slack.bot-token").isEmpty() && !property(context, "slack.app-token").isEmpty();
        }
    }
}
