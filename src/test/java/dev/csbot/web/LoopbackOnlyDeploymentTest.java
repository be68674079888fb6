package dev.csbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import dev.csbot.CsbotApplication;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.RecordingHttpServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The deployment the loopback rules exist for, started for real: no CSBOT_API_TOKEN (the REST API serves
 * this machine only), no MICROSOFT_APP_ID (Teams in local development mode), behind a proxy the service
 * trusts ({@code server.forward-headers-strategy=native}, as Spring Boot sets on Kubernetes, with this
 * machine's own non-loopback address as an internal proxy), and the Slack door switched off although its
 * tokens are set. A caller connecting from that address sends {@code X-Forwarded-For: 127.0.0.1}: Tomcat's
 * RemoteIpValve does rewrite its remote address to loopback (a probe servlet shows it), and still neither
 * door lets it in.
 *
 * <p>Its own application context, not the shared one of {@code IntegrationTest}: this is a different
 * deployment (no token, no app id, a proxy trusted), which the shared context must not be.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoopbackOnlyDeploymentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static InetAddress outside;
    private static RecordingHttpServer connector;
    private static ConfigurableApplicationContext app;
    private static int port;
    private static String startupLog;

    @BeforeAll
    static void start(CapturedOutput output) throws IOException {
        outside = nonLoopbackAddress();
        Assumptions.assumeTrue(outside != null, "this machine has no non-loopback IPv4 address to call from");
        connector = new RecordingHttpServer();
        Path db = Files.createTempDirectory("csbot-loopback").resolve("csbot.db");
        app = new SpringApplicationBuilder(CsbotApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("remoteAddressProbe",
                        ServletRegistrationBean.class, () -> new ServletRegistrationBean<>(new RemoteAddressProbe(),
                                "/probe/remote-address")))
                .run("--server.port=0", "--csbot.db=" + db, "--csbot.today=2026-11-23", "--csbot.api-token=",
                        "--microsoft.app-id=", "--microsoft.app-password=",
                        "--csbot.slack.enabled=false", "--slack.bot-token=xoxb-configured",
                        "--slack.signing-secret=configured-secret",
                        "--server.forward-headers-strategy=native", "--management.server.port=0",
                        "--server.tomcat.remoteip.internal-proxies=" + Pattern.quote(outside.getHostAddress()));
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        startupLog = output.getAll();
        createGlobex();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    /** Echoes the remote address as the servlet API reports it, after any proxy valve. */
    static final class RemoteAddressProbe extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(request.getRemoteAddr());
        }
    }

    private static RawHttp.Reply call(InetAddress from, String method, String path, Map<String, String> headers,
            String body) {
        return RawHttp.send(from, from.getHostAddress(), port, method, path, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Reply forwardedAsLocal(String method, String path, String body) {
        return call(outside, method, path, Map.of("X-Forwarded-For", "127.0.0.1", "Content-Type", "application/json"),
                body);
    }

    @Test
    void theProxyValveIsOnAndRewritesTheRemoteAddress() {
        assertThat(call(outside, "GET", "/probe/remote-address", Map.of(), "").body())
                .isEqualTo(outside.getHostAddress());
        assertThat(forwardedAsLocal("GET", "/probe/remote-address", "").body()).isEqualTo("127.0.0.1");
    }

    @Test
    void theActuatorOnAPortOfItsOwnServesThisMachineOnlyWhateverTheForwardedHeaderSays() {
        int management = Integer.parseInt(app.getEnvironment().getProperty("local.management.port"));
        assertThat(management).isNotEqualTo(port);

        RawHttp.Reply local = RawHttp.send(LOOPBACK, LOOPBACK.getHostAddress(), management, "GET",
                "/actuator/health/readiness", Map.of(), new byte[0]);
        RawHttp.Reply forwarded = RawHttp.send(outside, outside.getHostAddress(), management, "GET",
                "/actuator/prometheus", Map.of("X-Forwarded-For", "127.0.0.1"), new byte[0]);

        assertThat(local.status()).isEqualTo(200);
        assertThat(local.body()).contains("\"db\"").contains("\"status\":\"UP\"");
        assertThat(forwarded.status()).isEqualTo(401);
        assertThat(forwarded.body()).contains("only requests from this machine").doesNotContain("csbot_");
        assertThat(call(LOOPBACK, "GET", "/actuator/health", Map.of(), "").status()).isEqualTo(404);
    }

    @Test
    void aForwardedHeaderDoesNotTurnARemoteCallerLocalForTheRestApi() {
        RawHttp.Reply forwarded = forwardedAsLocal("GET", "/api/v1/accounts", "");
        assertThat(forwarded.status()).isEqualTo(401);
        assertThat(forwarded.body()).contains("only requests from this machine").doesNotContain("globex");

        RawHttp.Reply local = call(LOOPBACK, "GET", "/api/v1/accounts", Map.of(), "");
        assertThat(local.status()).isEqualTo(200);
        assertThat(local.body()).contains("globex");
    }

    @Test
    void teamsDevelopmentModeServesOnlyThisMachineWhateverTheForwardedHeaderSays(CapturedOutput output)
            throws IOException {
        String marker = "MARK" + UUID.randomUUID().toString().replace("-", "");
        String conversation = "a:forged-" + UUID.randomUUID();
        String forgedGuest = activity(conversation, "29:guest-of-another-tenant", "link globex", marker);

        assertThat(forwardedAsLocal("POST", "/api/messages", forgedGuest).status()).isEqualTo(401);
        assertThat(forwardedAsLocal("POST", "/api/messages", forgedGuest).status()).isEqualTo(401);

        ChannelLinks links = app.getBean(ChannelLinks.class);
        assertThat(links.accountFor(Platform.TEAMS, conversation)).isEmpty();
        assertThat(connector.requests(r -> r.path().contains(conversation))).isEmpty();
        assertThat(output.getAll()).doesNotContain(marker);
        assertThat(output.getAll().lines().filter(line -> line.contains("refused a request from "
                + outside.getHostAddress()))).hasSize(1);

        // From this machine the same activity is served (the development mode it is for): the refusal above
        // is what kept the link out of the store.
        String local = activity(conversation, "29:guest-of-another-tenant", "link globex", marker);
        assertThat(call(LOOPBACK, "POST", "/api/messages", Map.of("Content-Type", "application/json"), local).status())
                .isEqualTo(202);
        assertThat(links.accountFor(Platform.TEAMS, conversation)).contains("globex");
        assertThat(startupLog).contains("development mode only").contains("accepts only connections from this machine");
    }

    @Test
    void theSlackDoorSwitchedOffIsNotThereAtAll() {
        RawHttp.Reply reply = call(LOOPBACK, "POST", "/slack/events",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "command=%2Fhealth&text=acme");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(app.getBeansOfType(App.class)).isEmpty();
        assertThat(startupLog.lines().filter(line -> line.contains("Slack door off (CSBOT_SLACK_ENABLED=false)")))
                .hasSize(1);
        assertThat(startupLog).doesNotContain("Slack channel on");
    }

    /** A personal-chat message as the Bot Framework Emulator would send it, replies to the local connector. */
    private static String activity(String conversation, String userId, String text, String marker) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message").put("id", "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L))
                .put("channelId", "msteams").put("serviceUrl", connector.baseUrl()).put("text", text)
                .put("locale", "en-US").put("note", marker);
        activity.putObject("from").put("id", userId).put("name", "Forged Guest " + marker);
        activity.putObject("recipient").put("id", "28:csbot").put("name", "csbot");
        activity.putObject("conversation").put("id", conversation).put("conversationType", "personal")
                .put("tenantId", "0a1b2c3d-0000-4000-8000-00000000beef");
        return activity.toString();
    }

    private static void createGlobex() {
        String account = "{\"account_id\":\"globex\",\"name\":\"Globex\",\"segment\":\"enterprise\",\"arr\":\"250000\","
                + "\"seats_purchased\":\"100\",\"contract_start\":\"2025-01-01\",\"renewal_date\":\"2027-01-01\","
                + "\"csm_email\":\"csm@csbot.example\",\"lifecycle_stage\":\"adoption\"}";
        RawHttp.Reply created = call(LOOPBACK, "POST", "/api/v1/accounts", Map.of("Content-Type", "application/json"),
                account);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address;
                }
            }
        }
        return null;
    }
}
