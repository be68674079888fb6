package dev.csbot.slack;

import static dev.csbot.support.IntegrationTest.FAKE_SLACK;

import dev.csbot.support.RecordingHttpServer.Recorded;
import dev.csbot.support.RecordingHttpServer.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parts of Slack's Web API that Voice of the Customer uses, on top of {@link SlackAlertFake}: customers of
 * another organisation (Slack Connect users, with or without a visible email), direct messages with each of them,
 * modals opened ({@code views.open}) and ephemeral messages.
 */
final class SlackVocFake {

    static final String CUSTOMER_TEAM = "T0CUSTORG";
    /** What users.lookupByEmail finds each customer by. */
    private static final Map<String, String> EMAILS = new ConcurrentHashMap<>();
    /** Customers whose organisation lets Slack show their email in users.info. */
    private static final Map<String, Boolean> VISIBLE = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> CUSTOMERS = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();

    private SlackVocFake() {}

    static void install(String emailOfCsm, String emailOfWorkspaceCsm) {
        SlackAlertFake.install(emailOfCsm, emailOfWorkspaceCsm);
        FAKE_SLACK.respond("/users.info", SlackVocFake::usersInfo);
        FAKE_SLACK.respond("/users.lookupByEmail", r -> {
            String email = SlackFake.form(r.body()).getOrDefault("email", "");
            String id = EMAILS.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(email)).map(Map.Entry::getKey)
                    .findFirst().orElse(email.equalsIgnoreCase(emailOfCsm) ? SlackAlertFake.ALERTS_CSM : null);
            return id == null ? Response.json("{\"ok\":false,\"error\":\"users_not_found\"}")
                    : Response.json("{\"ok\":true,\"user\":{\"id\":\"" + id + "\"}}");
        });
        FAKE_SLACK.respond("/conversations.open", r -> Response.json("{\"ok\":true,\"channel\":{\"id\":\""
                + dmWith(SlackFake.form(r.body()).getOrDefault("users", "")) + "\"}}"));
        FAKE_SLACK.respond("/views.open", r -> Response.json("{\"ok\":true,\"view\":{\"id\":\"V0" + IDS.incrementAndGet()
                + "\",\"type\":\"modal\"}}"));
        FAKE_SLACK.respond("/chat.postEphemeral", r -> Response.json("{\"ok\":true,\"message_ts\":\"1.2\"}"));
    }

    /** A Slack Connect user of the customer's organisation, whose email Slack shows. */
    static String customer(String email) {
        String id = customerHidingEmail(email);
        VISIBLE.put(id, true);
        return id;
    }

    /**
     * A Slack Connect user whose organisation hides their email from users.info (Slack's default for external
     * users); users.lookupByEmail still finds them by it when their organisation allows that ({@code email} null:
     * not even that).
     */
    static String customerHidingEmail(String email) {
        String id = "U0CUST" + IDS.incrementAndGet();
        CUSTOMERS.put(id, true);
        if (email != null) {
            EMAILS.put(id, email);
        }
        return id;
    }

    /** The direct message csbot has with a user: each customer their own, everyone else the CSM's. */
    static String dmWith(String userId) {
        return CUSTOMERS.containsKey(userId) ? "D" + userId.substring(1) : SlackAlertFake.DM;
    }

    private static Response usersInfo(Recorded request) {
        String user = SlackFake.form(request.body()).getOrDefault("user", "");
        if (!CUSTOMERS.containsKey(user)) {
            return SlackFake.usersInfo(request);
        }
        String email = VISIBLE.containsKey(user) ? EMAILS.get(user) : null;
        return Response.json("{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + CUSTOMER_TEAM
                + "\",\"name\":\"" + user.toLowerCase() + "\",\"real_name\":\"Customer " + user + "\","
                + "\"is_restricted\":false,\"is_ultra_restricted\":false,\"is_bot\":false,\"deleted\":false,"
                + "\"is_stranger\":true,\"profile\":{" + (email == null ? "" : "\"email\":\"" + email + "\",")
                + "\"real_name\":\"Customer " + user + "\"}}}");
    }

    /** The modals csbot opened, newest last: each {@code views.open} request's view JSON with its trigger id. */
    static List<Recorded> viewsOpened() {
        return FAKE_SLACK.requests(r -> r.path().equals("/views.open"));
    }
}
