package dev.csbot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.csbot.CsbotApplication;
import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Platform;
import dev.csbot.chat.Reply;
import dev.csbot.health.HealthService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code csbot bench-slack}: signed {@code /health <account>} requests per second and latency over HTTP
 * against the real service, beside the same load on a trivial Bolt app (the framework floor), in one run.
 */
public final class SlackBenchmark {

    private static final String SECRET = "bench-signing-secret";
    private static final String USER = "U0BENCH";
    private static final String CHANNEL = "C0BENCH";

    /** What one target did under load; {@code cpuMicros} is the whole process's CPU time (all threads). */
    record Result(String name, long requests, long errors, double seconds, long p50Micros, long p99Micros, long maxMicros,
            long cpuMicros) {
        double perSecond() {
            return requests / seconds;
        }

        double cpuMicrosPerRequest() {
            return requests == 0 ? 0 : (double) cpuMicros / requests;
        }
    }

    private SlackBenchmark() {}

    public static int run(Map<String, Object> storeProperties, int seconds, int warmupSeconds, int concurrency,
            PrintWriter out) throws Exception {
        HttpServer fakeSlack = fakeSlack();
        String apiUrl = "http://127.0.0.1:" + fakeSlack.getAddress().getPort() + "/";
        WebServer floor = null;
        try (ConfigurableApplicationContext csbot = startCsbot(storeProperties, apiUrl, true)) {
            List<String> names = csbot.getBean(AccountRepository.class).findAll().stream().map(Account::name).toList();
            if (names.isEmpty()) {
                out.println("csbot: the store is empty; generate one first, for example:"
                        + " csbot demo --db /tmp/bench.db --accounts 10000 --days 365");
                return 2;
            }
            // What the running service does in the background after every change; done (and timed) here so
            // that it does not run during a measurement.
            long preparing = System.nanoTime();
            csbot.getBean(HealthService.class).all();
            double preparedSeconds = (System.nanoTime() - preparing) / 1e9;
            // The steady state between changes: every account asked about once, so its score and reply are kept.
            long asking = System.nanoTime();
            askEveryAccountOnce(csbot.getBean(ChatService.class), names);
            double askedSeconds = (System.nanoTime() - asking) / 1e9;
            floor = floorServer(apiUrl);
            out.printf("Store: %,d accounts, ranked in %.1f s, each asked about once in %.1f s. Load: %d concurrent"
                    + " clients, %d s warm-up, %d s measured, per target.%n", names.size(), preparedSeconds, askedSeconds,
                    concurrency, warmupSeconds, seconds);
            out.flush();
            Result floorResult = load("floor (Bolt, ack \"pong\")", floor.getPort(), names, FLOOR_ANSWER, seconds, warmupSeconds,
                    concurrency);
            Result csbotResult = load("csbot /health", port(csbot), names, CSBOT_ANSWER, seconds, warmupSeconds,
                    concurrency);
            Result coreResult = core(csbot.getBean(ChatService.class), names, seconds, warmupSeconds, concurrency);
            long keptHeap = heapInUseMegabytes();
            csbot.close();
            Result computedResult;
            long computingHeap;
            try (ConfigurableApplicationContext computing = startCsbot(storeProperties, apiUrl, false)) {
                computing.getBean(HealthService.class).all();
                computedResult = load("csbot /health, no reuse", port(computing), names, CSBOT_ANSWER, seconds, warmupSeconds,
                        concurrency);
                computingHeap = heapInUseMegabytes();
            }
            report(out, floorResult, csbotResult, coreResult, computedResult);
            out.printf("Heap in use after a full GC: %,d MB with the ranking and every asked-for score and reply kept,"
                    + " %,d MB with reuse off (the floor app and the load generator included in both).%n", keptHeap,
                    computingHeap);
            out.flush();
            return 0;
        } finally {
            if (floor != null) {
                floor.stop();
            }
            fakeSlack.stop(0);
        }
    }

    private static void askEveryAccountOnce(ChatService chat, List<String> names) {
        Caller caller = Caller.internal(USER, "bench@example.com", "bench");
        Conversation conversation = new Conversation(Platform.SLACK, CHANNEL, false);
        for (String name : names) {
            chat.handle(new ChatRequest("/health " + name, caller, conversation));
        }
    }

    /** The real service on a free port; {@code reuse} false scores every /health request from the store. */
    private static ConfigurableApplicationContext startCsbot(Map<String, Object> storeProperties, String apiUrl,
            boolean reuse) {
        List<String> args = new ArrayList<>();
        storeProperties.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(List.of("--server.port=0", "--slack.signing-secret=" + SECRET, "--slack.bot-token=xoxb-bench",
                "--slack.api-url=" + apiUrl, "--logging.level.root=WARN", "--logging.level.dev.csbot=WARN"));
        if (!reuse) {
            args.add("--csbot.health.reused-scores=0");
        }
        return new SpringApplicationBuilder(CsbotApplication.class).web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static void report(PrintWriter out, Result floor, Result csbot, Result core, Result computed) {
        out.printf("%n%-28s %10s %10s %10s %10s %12s %8s%n", "target", "req/s", "p50 ms", "p99 ms", "max ms",
                "CPU us/req", "errors");
        for (Result r : List.of(floor, csbot, core, computed)) {
            out.printf("%-28s %10.0f %10.2f %10.2f %10.2f %12.0f %8d%n", r.name(), r.perSecond(), r.p50Micros() / 1000.0,
                    r.p99Micros() / 1000.0, r.maxMicros() / 1000.0, r.cpuMicrosPerRequest(), r.errors());
        }
        double share = csbot.perSecond() / floor.perSecond();
        out.printf("%ncsbot throughput is %.0f%% of the floor's (goal: at least 50%%): %s%n", share * 100,
                share >= 0.5 ? "met" : "NOT met");
        out.printf("csbot p99 is %.2f ms (goal: under 50 ms): %s%n", csbot.p99Micros() / 1000.0,
                csbot.p99Micros() < 50_000 ? "met" : "NOT met");
        out.printf("%nRows: \"csbot /health\" is the service as it runs, each account's full score and reply kept"
                + " once asked for until the next change; \"core only\" calls the core's ChatService directly (no HTTP, no"
                + " Slack); \"no reuse\" is csbot with csbot.health.reused-scores=0, reading and scoring the account"
                + " on every request. CPU us/req is the whole process (load generator included) per request.%n");
        out.flush();
    }

    /** Each target starts on a collected heap, so no target pays for the garbage of the one before. */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    private static long heapInUseMegabytes() throws InterruptedException {
        settle();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** Process CPU time so far, all threads, in microseconds. */
    private static long processCpuMicros() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1000;
    }

    /** The framework floor: a Bolt app with one command that acknowledges "pong", on the same Tomcat. */
    private static WebServer floorServer(String apiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        config.setStatsEnabled(false);
        App app = new App(AppConfig.builder().slack(Slack.getInstance(config)).singleTeamBotToken("xoxb-bench")
                .signingSecret(SECRET).authTestCacheEnabled(true).build());
        app.command("/health", (req, ctx) -> ctx.ack("pong"));
        WebServer server = new TomcatServletWebServerFactory(0).getWebServer(
                servletContext -> servletContext.addServlet("floor", new SlackAppServlet(app)).addMapping("/slack/events"));
        server.start();
        return server;
    }

    /** The same load straight into the core, to show how much of csbot's time is the answer itself. */
    static Result core(ChatService chat, List<String> accounts, int seconds, int warmupSeconds, int concurrency)
            throws InterruptedException {
        settle();
        Caller caller = Caller.internal(USER, "bench@example.com", "bench");
        Conversation conversation = new Conversation(Platform.SLACK, CHANNEL, false);
        for (int pass = 0; pass < 2; pass++) {
            boolean measured = pass == 1;
            long deadline = System.nanoTime() + Duration.ofSeconds(measured ? seconds : warmupSeconds).toNanos();
            long[][] latencies = new long[concurrency][];
            AtomicLong requests = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            CountDownLatch done = new CountDownLatch(concurrency);
            long started = System.nanoTime();
            long cpuBefore = processCpuMicros();
            for (int t = 0; t < concurrency; t++) {
                int client = t;
                new Thread(() -> {
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    try {
                        while (System.nanoTime() < deadline) {
                            String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                            long start = System.nanoTime();
                            Reply reply = chat.handle(new ChatRequest("/health " + account, caller, conversation));
                            if (!reply.isAnswer()) {
                                errors.incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = (System.nanoTime() - start) / 1000;
                            requests.incrementAndGet();
                        }
                    } finally {
                        latencies[client] = Arrays.copyOf(mine, n);
                        done.countDown();
                    }
                }, "bench-core-" + t).start();
            }
            done.await();
            if (measured) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                long cpu = processCpuMicros() - cpuBefore;
                long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
                return new Result("core only (ChatService)", requests.get(), errors.get(), elapsed,
                        percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1], cpu);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** What counts as answered: the floor's "pong", and csbot's answer in the acknowledgement (it carries blocks). */
    private static final Predicate<String> FLOOR_ANSWER = body -> body.contains("pong");
    private static final Predicate<String> CSBOT_ANSWER = body -> body.contains("\"blocks\"");

    static Result load(String name, int port, List<String> accounts, Predicate<String> answered, int seconds,
            int warmupSeconds, int concurrency)
            throws InterruptedException {
        settle();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/slack/events");
        run(http, uri, accounts, answered, warmupSeconds, concurrency, null, new AtomicLong(), new AtomicLong());
        long[][] latencies = new long[concurrency][];
        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        long started = System.nanoTime();
        long cpuBefore = processCpuMicros();
        run(http, uri, accounts, answered, seconds, concurrency, latencies, requests, errors);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long cpu = processCpuMicros() - cpuBefore;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, requests.get(), errors.get(), elapsed, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1], cpu);
    }

    private static void run(HttpClient http, URI uri, List<String> accounts, Predicate<String> answered, int seconds,
            int concurrency,
            long[][] latencies, AtomicLong requests, AtomicLong errors) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    while (System.nanoTime() < deadline) {
                        String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                        HttpRequest request = signedHealth(uri, account);
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - start) / 1000;
                        // csbot's "working on it" (the answer comes later) is not an answer in the acknowledgement.
                        if (response.statusCode() != 200 || !answered.test(response.body())) {
                            errors.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = micros;
                        requests.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (latencies != null) {
                        latencies[client] = Arrays.copyOf(mine, n);
                    }
                    done.countDown();
                }
            }, "bench-client-" + t);
            thread.start();
        }
        done.await();
    }

    static HttpRequest signedHealth(URI uri, String account) {
        String body = "token=bench&team_id=T0BENCH&team_domain=bench&channel_id=" + CHANNEL + "&channel_name=bench"
                + "&user_id=" + USER + "&user_name=bench&command=%2Fhealth&text=" + enc(account)
                + "&api_app_id=A0BENCH&response_url=" + enc("http://127.0.0.1:9/unused")
                + "&trigger_id=" + UUID.randomUUID();
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String signature = new SlackSignature.Generator(SECRET).generate(timestamp, body);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Slack's Web API as far as the benchmark needs it: one internal user in one internal channel. */
    private static HttpServer fakeSlack() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.startsWith("/auth.test")) {
                body = "{\"ok\":true,\"team_id\":\"T0BENCH\",\"team\":\"Bench\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
            } else if (path.startsWith("/users.info")) {
                body = "{\"ok\":true,\"user\":{\"id\":\"" + USER + "\",\"team_id\":\"T0BENCH\",\"name\":\"bench\","
                        + "\"profile\":{\"email\":\"bench@example.com\"}}}";
            } else if (path.startsWith("/conversations.info")) {
                body = "{\"ok\":true,\"channel\":{\"id\":\"" + CHANNEL + "\",\"is_channel\":true}}";
            } else {
                body = "{\"ok\":true}";
            }
            respond(exchange, body);
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
