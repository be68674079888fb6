package dev.csbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.support.IntegrationTest;
import dev.csbot.web.LogLines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Strangers at the REST API with a token configured: what they get, that nothing is stored, and that
 * neither what they sent as a token nor their body reaches the log. (Without a token, the loopback-only rule
 * against forwarded headers: LoopbackOnlyDeploymentTest.)
 */
@ExtendWith(OutputCaptureExtension.class)
class RestAccessHostileInputTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Jdbi jdbi;

    private String marker;

    @BeforeEach
    void setUp() {
        marker = "mark" + UUID.randomUUID().toString().replace("-", "");
    }

    private HttpResponse<String> postAccount(String authorization, String body, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/accounts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String account() {
        return "{\"account_id\":\"" + marker + "\",\"name\":\"Probe " + marker + "\",\"segment\":\"smb\",\"arr\":\"1\","
                + "\"seats_purchased\":\"1\",\"contract_start\":\"2025-01-01\",\"renewal_date\":\"2027-01-01\","
                + "\"csm_email\":\"probe@csbot.example\",\"lifecycle_stage\":\"adoption\"}";
    }

    private long stored() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE account_id = :id")
                .bind("id", marker).mapTo(Long.class).one());
    }

    @Test
    void withoutTheTokenNothingIsStoredWhateverElseTheCallerSends(CapturedOutput output) throws Exception {
        HttpResponse<String> none = postAccount(null, account(), null);
        HttpResponse<String> wrong = postAccount("Bearer " + marker, account(), null);
        HttpResponse<String> forwarded = postAccount(null, account(), "127.0.0.1");
        HttpResponse<String> basic = postAccount("Basic " + API_TOKEN, account(), "127.0.0.1");

        for (HttpResponse<String> response : java.util.List.of(none, wrong, forwarded, basic)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(response.body()).contains("CSBOT_API_TOKEN").doesNotContain(marker);
        }
        assertThat(stored()).isZero();
        assertThat(output.getAll()).doesNotContain(marker);
    }

    @Test
    void aBodyThatIsNotJsonIs400AndNotLogged(CapturedOutput output) throws Exception {
        HttpResponse<String> response = postAccount("Bearer " + API_TOKEN, "{\"account_id\": " + marker + " oops", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(stored()).isZero();
        assertThat(output.getAll().lines().filter(LogLines::warnOrAbove))
                .noneMatch(line -> line.contains(marker));
    }
}
