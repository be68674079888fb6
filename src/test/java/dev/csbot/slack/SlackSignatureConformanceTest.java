package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The vendored signing vectors, through the check /slack/events runs on every request
 * ({@link SlackRequestSignature}), with its clock pinned to each vector's "now"; and the edges the vectors
 * leave out: the five-minute window in both directions, and bodies that are not UTF-8.
 */
class SlackSignatureConformanceTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long NOW = 1_700_000_000L;

    private static SlackRequestSignature at(long epochSeconds, String secret) {
        return new SlackRequestSignature(secret, Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC));
    }

    @TestFactory
    List<DynamicTest> everySigningVectorIsJudgedAsSlackSpecifies() throws IOException {
        JsonObject file;
        try (InputStream in = getClass().getResourceAsStream("/conformance/slack/signing-vectors.json")) {
            file = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement element : file.getAsJsonArray("vectors")) {
            JsonObject vector = element.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(vector.get("id").getAsString(), () -> {
                SlackRequestSignature signature = at(vector.get("now_epoch_seconds").getAsLong(),
                        vector.get("signing_secret").getAsString());
                boolean valid = signature.isValid(string(vector, "x_slack_request_timestamp"),
                        string(vector, "x_slack_signature"), vector.get("body").getAsString().getBytes(StandardCharsets.UTF_8));
                assertThat(valid).as(vector.get("description").getAsString())
                        .isEqualTo(vector.get("expected_valid").getAsBoolean());
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
        return tests;
    }

    @Test
    void aTimestampUpToFiveMinutesOffEitherWayIsAcceptedAndOneSecondMoreIsNot() {
        byte[] body = "command=%2Fhealth&text=acme".getBytes(StandardCharsets.UTF_8);
        for (long offset : new long[] {-300, 0, 300}) {
            String ts = String.valueOf(NOW + offset);
            assertThat(at(NOW, SECRET).isValid(ts, sign(ts, body), body)).as("offset %d s", offset).isTrue();
        }
        for (long offset : new long[] {-301, 301, 100_000}) {
            String ts = String.valueOf(NOW + offset);
            assertThat(at(NOW, SECRET).isValid(ts, sign(ts, body), body)).as("offset %d s", offset).isFalse();
        }
    }

    @Test
    void theSignatureCoversTheExactBytesEvenWhenTheyAreNotUtf8() {
        byte[] body = {'t', 'e', 'x', 't', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        String ts = String.valueOf(NOW);
        String signature = sign(ts, body);

        assertThat(at(NOW, SECRET).isValid(ts, signature, body)).isTrue();
        byte[] tampered = body.clone();
        tampered[7] = (byte) 0xFE;
        assertThat(at(NOW, SECRET).isValid(ts, signature, tampered)).isFalse();
    }

    @Test
    void junkHeadersAreRefusedWithoutAnException() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        SlackRequestSignature signature = at(NOW, SECRET);
        for (String ts : new String[] {"", "abc", "-1", "1e9", "99999999999999999999", " 1700000000"}) {
            assertThat(signature.isValid(ts, "v0=00", body)).as("timestamp '%s'", ts).isFalse();
        }
        assertThat(signature.isValid(String.valueOf(NOW), "", body)).isFalse();
        assertThat(signature.isValid(String.valueOf(NOW), "v0=\u00e9\u00e9", body)).isFalse();
    }

    private static String sign(String timestamp, byte[] body) {
        return SlackRequests.sign(SECRET, Long.parseLong(timestamp), body);
    }

    private static String string(JsonObject vector, String field) {
        JsonElement value = vector.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
