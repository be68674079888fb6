package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csbot.alerts.AlertService;
import dev.csbot.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What operations see of alerts at /actuator/prometheus: alerts raised by rule and severity, deliveries finished
 * (delivered, parked) by item kind and platform, and the outbox's backlog as gauges (waiting, the oldest's age,
 * parked), for the real service delivering to the fake Slack.
 */
class AlertMetricsTest extends IntegrationTest {

    private static final String CSM_EMAIL = "metrics.csm@csbot.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RAISED = "csbot_alerts_raised_total\\{application=\"csbot\",rule=\"support_spike\","
            + "severity=\"high\"\\}";
    private static final String DELIVERED = "csbot_outbox_deliveries_total\\{application=\"csbot\","
            + "item_kind=\"alert-notice\",outcome=\"delivered\",platform=\"slack\"\\}";
    private static final String PARKED = "csbot_outbox_deliveries_total\\{application=\"csbot\","
            + "item_kind=\"alert-notice\",outcome=\"parked\",platform=\"slack\"\\}";

    @Autowired
    Jdbi jdbi;

    @Autowired
    dev.csbot.account.AccountRepository accounts;

    @Autowired
    AlertService alerts;

    @BeforeEach
    void workspace() {
        SlackAlertFake.install(CSM_EMAIL, SlackTestPortfolio.acme(accounts).csmEmail());
    }

    private String prometheus() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double sample(String exposition, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** A new account whose urgent ticket raises a high support_spike alert for its Slack channel. */
    private String urgentAccount(String channel) {
        String id = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.parse(TODAY);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased, contract_start,"
                            + " renewal_date, csm_email, lifecycle_stage, slack_channel) VALUES (:id, :id, 'enterprise',"
                            + " 500000, 100, :start, :renewal, :csm, 'adoption', :channel)")
                    .bind("id", id).bind("start", today.minusYears(1).toString())
                    .bind("renewal", today.plusDays(300).toString()).bind("csm", CSM_EMAIL).bind("channel", channel)
                    .execute();
            h.createUpdate("INSERT INTO tickets (ticket_id, account_id, opened_on, severity, subject)"
                            + " VALUES (:id, :account, :opened, 1, 'Checkout down')")
                    .bind("id", id + "-t1").bind("account", id).bind("opened", today.minusDays(2).toString()).execute();
            h.configure(dev.csbot.store.PortfolioListeners.class, quiet -> quiet.tellEach(List::of));
            dev.csbot.store.PortfolioChangeLog.record(h, Set.of(id));
        });
        return id;
    }

    private String outboxState(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state FROM outbox WHERE account_id = :a AND operation ="
                + " 'post'").bind("a", accountId).mapTo(String.class).one());
    }

    @Test
    void alertsRaisedAndDeliveriesDeliveredOrParkedAreCountedByRuleSeverityKindAndOutcome() throws Exception {
        String before = prometheus();
        String delivered = urgentAccount(SlackAlertFake.CHANNEL);
        String refused = urgentAccount(SlackAlertFake.SHARED);

        alerts.evaluate(List.of(delivered, refused));
        await().atMost(Duration.ofSeconds(15)).until(() -> outboxState(delivered).equals("delivered")
                && outboxState(refused).equals("parked"));

        String after = prometheus();
        assertThat(sample(after, RAISED)).isEqualTo(sample(before, RAISED) + 2);
        assertThat(sample(after, DELIVERED)).isGreaterThanOrEqualTo(sample(before, DELIVERED) + 1);
        assertThat(sample(after, PARKED)).isGreaterThanOrEqualTo(sample(before, PARKED) + 1);
    }

    @Test
    void theOutboxBacklogIsReadFromTheStoreAsGauges() {
        // A delivery queued an hour ago that is not due before 2100: it waits, and its age grows.
        String id = "metrics-" + UUID.randomUUID();
        Instant queued = Instant.now().minus(Duration.ofHours(1));
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO outbox (outbox_id, idempotency_key, item_kind, item_id,"
                        + " operation, platform, target_kind, target, state, attempts, next_attempt_at, in_doubt,"
                        + " created_at, updated_at) VALUES (:id, :id, 'alert-notice', :id, 'post', 'SLACK',"
                        + " 'conversation', 'C0WAITING', 'pending', 0, '2100-01-01T00:00:00.000Z', 0, :at, :at)")
                .bind("id", id).bind("at", queued.toString().replaceFirst("(\\.\\d{3})\\d*Z$", "$1Z")).execute());
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                String now = prometheus();
                return sample(now, "csbot_outbox_depth\\{application=\"csbot\"\\}") >= 1
                        && sample(now, "csbot_outbox_oldest_age_seconds\\{application=\"csbot\"\\}") >= 3600;
            });
            int parked = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = 'parked'")
                    .mapTo(Integer.class).one());
            await().atMost(Duration.ofSeconds(15)).until(() -> sample(prometheus(),
                    "csbot_outbox_parked\\{application=\"csbot\"\\}") >= parked);
        } finally {
            jdbi.useHandle(h -> h.execute("DELETE FROM outbox WHERE outbox_id = ?", id));
        }
    }
}
