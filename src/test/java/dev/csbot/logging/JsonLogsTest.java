package dev.csbot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} turns the service's logs into one JSON object a line, still on
 * stderr. Logging is configured once per JVM, so the service runs in a JVM of its own here.
 */
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void structuredLogsAreJsonLinesOnStderrAndStdoutStaysEmpty() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.csbot.CsbotApplication", "serve",
                "--db", tmp.resolve("store.db").toString());
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        builder.environment().put("PORT", "0");
        builder.environment().put("CSBOT_SLACK_ENABLED", "false");
        builder.environment().put("CSBOT_TEAMS_ENABLED", "false");
        builder.environment().put("CSBOT_TODAY", "2026-11-23");
        builder.environment().remove("CSBOT_DATABASE_URL");
        Path stdout = tmp.resolve("stdout.txt");
        builder.redirectOutput(stdout.toFile());
        Process service = builder.start();
        List<String> stderr = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(service.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    stderr.add(line);
                }
            } catch (IOException e) {
                // the stream closes when the service is stopped
            }
        });
        reader.start();
        try {
            Awaitility.await().atMost(90, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                    .until(() -> stderr.stream().anyMatch(line -> line.contains("Started CsbotApplication"))
                            || !service.isAlive());
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
            reader.join(5_000);
        }

        // The store line the command prints before logging starts is plain text by design; every log line is JSON.
        List<String> logLines = stderr.stream().filter(line -> !line.startsWith("csbot: store ")).toList();
        assertThat(logLines).as(String.join("\n", stderr)).isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("Started CsbotApplication"));
        for (String line : logLines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.path("@timestamp").asText()).as(line).isNotBlank();
            assertThat(event.path("log").path("level").asText()).as(line).isNotBlank();
            assertThat(event.has("message")).as(line).isTrue();
        }
        assertThat(Files.readString(stdout)).isEmpty();
    }
}
