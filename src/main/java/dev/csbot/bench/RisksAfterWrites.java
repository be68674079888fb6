package dev.csbot.bench;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.Segment;
import dev.csbot.alerts.AlertsOnPortfolioChange;
import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Reply;
import dev.csbot.health.HealthService;
import dev.csbot.ingest.Dataset;
import dev.csbot.ingest.RestIngest;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The /risks half of the benchmarks, on whatever store the context has: the book ranked from the store, /risks
 * unchanged, and the first /risks after a write of one account, after a write of the whole book's usage (today's
 * usage row of each account, written as REST upserts write it: the daily feed), after a write of every account's
 * CRM record (a nightly sync of accounts.csv, which writes no usage; moving what scores do not read, then seats, then
 * segments) and after an import of a ticket, then of a feedback response, of every account. {@code csbot bench} runs it after its import,
 * {@code csbot bench-risks} on a store that is already loaded.
 */
@Component
public class RisksAfterWrites {

    /** What one run measured, in milliseconds. */
    public record Times(double bookRanked, double risksUnchanged, double afterOneWrite, double wholeBookWrite,
            double afterWholeBookWrite, double alertsAfterWholeBookWrite, double crmSync, double afterCrmSync,
            double afterSeatsSync, double afterSegmentSync, double afterTicketImport, double afterFeedbackImport) {}

    private static final Caller OPERATOR = Caller.internal("bench", null, "bench");

    private final ChatService chat;
    private final HealthService health;
    private final RestIngest restIngest;
    private final AlertsOnPortfolioChange alertEvaluations;
    private final AccountRepository accounts;
    private final Clock clock;

    RisksAfterWrites(ChatService chat, HealthService health, RestIngest restIngest,
            AlertsOnPortfolioChange alertEvaluations, AccountRepository accounts, Clock clock) {
        this.chat = chat;
        this.accounts = accounts;
        this.health = health;
        this.restIngest = restIngest;
        this.alertEvaluations = alertEvaluations;
        this.clock = clock;
    }

    /** Times it all on the accounts {@code ids} (every account of the book, sorted). */
    public Times measure(List<String> ids, Random random) throws InterruptedException {
        // Ranked again with no reuse at all: the whole book in one pass, as a scan of every account would be.
        // Twice untimed first, as the /health samples are warmed up: the running service ranks many times a day.
        health.scoreAll(LocalDate.now(clock));
        health.scoreAll(LocalDate.now(clock));
        long[] book = new long[3];
        for (int i = 0; i < book.length; i++) {
            book[i] = timed(() -> health.scoreAll(LocalDate.now(clock)));
        }

        ask("/risks");
        long[] risks = new long[5];
        for (int i = 0; i < risks.length; i++) {
            risks[i] = timed(() -> ask("/risks"));
        }

        // A write through the REST API's code (the event and the changes table as in the service), then the
        // first /risks: one account rescored on top of the ranking, or the whole book's usage read again.
        LocalDate today = LocalDate.now(clock);
        // The alert rules evaluate the same write on their own thread meanwhile, as in the service; each write waits
        // for the previous one's evaluation, so that a /risks shares the machine with its own write's alerts only.
        long[] afterOne = new long[5];
        for (int i = 0; i < afterOne.length; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            settle();
            write(List.of(id), today, 7 + i);
            afterOne[i] = timed(() -> ask("/risks"));
        }
        long[] writeAll = new long[3];
        long[] afterAll = new long[3];
        long[] alertsAfterAll = new long[3];
        for (int i = 0; i < afterAll.length; i++) {
            settle();
            long written = System.nanoTime();
            int activeUsers = 11 + i;
            writeAll[i] = timed(() -> write(ids, today, activeUsers));
            afterAll[i] = timed(() -> ask("/risks"));
            settle();
            alertsAfterAll[i] = System.nanoTime() - written;
        }
        // Every account's CRM record again, its ARR moved (what scores do not read): no account is read again.
        long[] sync = new long[3];
        long[] afterSync = new long[3];
        for (int i = 0; i < sync.length; i++) {
            settle();
            int arrStep = i + 1;
            sync[i] = timed(() -> syncAccounts(arrStep, 0, 0));
            afterSync[i] = timed(() -> ask("/risks"));
        }
        // Again with every account's seats moved (+1, -1, +1), which the usage measures read: weighed again from kept totals.
        long[] afterSeats = new long[3];
        for (int i = 0; i < afterSeats.length; i++) {
            settle();
            syncAccounts(0, i % 2 == 0 ? 1 : -1, 0);
            afterSeats[i] = timed(() -> ask("/risks"));
        }
        // Again with every account moved to the next segment (three times: back where it was), which engagement and
        // relationship read: the book tiered again, so its meetings and contacts are read again.
        long[] afterSegments = new long[3];
        for (int i = 0; i < afterSegments.length; i++) {
            settle();
            syncAccounts(0, 0, 1);
            afterSegments[i] = timed(() -> ask("/risks"));
        }
        // A ticket of every account, written three times (open high, open normal, closed): another table than
        // accounts and usage, so every table but usage is read again.
        long[] afterTickets = new long[3];
        for (int i = 0; i < afterTickets.length; i++) {
            settle();
            importTickets(ids, today, i);
            afterTickets[i] = timed(() -> ask("/risks"));
        }
        // An NPS response of every account, the same response each time (so the store does not grow), its score
        // 9, 7, then 10: no detractor, so that no account's CSM is alerted, as a survey wave that went well.
        long[] afterFeedback = new long[3];
        for (int i = 0; i < afterFeedback.length; i++) {
            settle();
            importFeedback(ids, today, List.of(9, 7, 10).get(i));
            afterFeedback[i] = timed(() -> ask("/risks"));
        }
        settle();
        return new Times(median(book), median(risks), median(afterOne), median(writeAll), median(afterAll),
                median(alertsAfterAll), median(sync), median(afterSync), median(afterSeats), median(afterSegments),
                median(afterTickets), median(afterFeedback));
    }

    /** Prints the rows of {@code times} against the goals for a book of {@code accounts} accounts. */
    static void print(PrintWriter out, Times times, int accounts) {
        BenchCommand.row(out, String.format(Locale.US, "/risks over %,d accounts, unchanged, median of 5 (ms)", accounts),
                String.format(Locale.US, "%.1f", times.risksUnchanged()), "< " + (int) BenchCommand.RISKS_GOAL_MS,
                BenchCommand.verdict(times.risksUnchanged() < BenchCommand.RISKS_GOAL_MS));
        double afterWriteGoal = accounts > 10_000 ? BenchCommand.RISKS_AFTER_WRITE_AT_SCALE_GOAL_MS
                : BenchCommand.RISKS_GOAL_MS;
        BenchCommand.row(out, "first /risks after a one-account write, median of 5 (ms)",
                String.format(Locale.US, "%.1f", times.afterOneWrite()), "< " + (int) afterWriteGoal,
                BenchCommand.verdict(times.afterOneWrite() < afterWriteGoal));
        BenchCommand.row(out, "the whole-book write itself (REST upserts), median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.wholeBookWrite()), "", "");
        BenchCommand.row(out, "first /risks after a whole-book write, median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.afterWholeBookWrite()), "< " + (int) afterWriteGoal,
                BenchCommand.verdict(times.afterWholeBookWrite() < afterWriteGoal));
        BenchCommand.row(out, "whole-book write to its alerts evaluated, median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.alertsAfterWholeBookWrite()), "", "");
        BenchCommand.row(out, "a CRM sync of every account (REST upserts), median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.crmSync()), "", "");
        BenchCommand.row(out, "first /risks after a CRM sync of every account, median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.afterCrmSync()), "< " + (int) afterWriteGoal,
                BenchCommand.verdict(times.afterCrmSync() < afterWriteGoal));
        BenchCommand.row(out, "... that moves every account's seats, median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.afterSeatsSync()), "< " + (int) afterWriteGoal,
                BenchCommand.verdict(times.afterSeatsSync() < afterWriteGoal));
        BenchCommand.row(out, "... that moves every account's segment, median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.afterSegmentSync()), "< " + (int) afterWriteGoal,
                BenchCommand.verdict(times.afterSegmentSync() < afterWriteGoal));
        BenchCommand.row(out, "first /risks after a ticket of every account is imported, median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.afterTicketImport()), "< " + (int) afterWriteGoal,
                BenchCommand.verdict(times.afterTicketImport() < afterWriteGoal));
        BenchCommand.row(out, "first /risks after an NPS response of every account is imported, median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.afterFeedbackImport()), "< " + (int) afterWriteGoal,
                BenchCommand.verdict(times.afterFeedbackImport() < afterWriteGoal));
        BenchCommand.row(out, "the whole book ranked from the store, median of 3 (ms)",
                String.format(Locale.US, "%.0f", times.bookRanked()), "", "");
    }

    /** Waits until the alert rules have evaluated every write so far. */
    void settle() throws InterruptedException {
        if (!alertEvaluations.finish(Duration.ofMinutes(2))) {
            throw new IllegalStateException("the alert evaluation of a write took more than 2 minutes");
        }
    }

    /**
     * Today's usage row of each of {@code accountIds}, written as REST upserts would write them: one request per
     * {@link RestIngest#MAX_ROWS} accounts, the most one request may carry.
     */
    private void write(List<String> accountIds, LocalDate today, int activeUsers) {
        for (int from = 0; from < accountIds.size(); from += RestIngest.MAX_ROWS) {
            List<Map<String, String>> rows = accountIds.subList(from, Math.min(accountIds.size(),
                    from + RestIngest.MAX_ROWS)).stream().map(id -> Map.of("account_id", id, "date", today.toString(),
                    "active_users", String.valueOf(activeUsers), "events", "100", "key_features_used", "3")).toList();
            RestIngest.Outcome outcome = restIngest.ingest(Dataset.USAGE, rows, "bench");
            if (!outcome.accepted()) {
                throw new IllegalStateException("the bench's write was refused: " + outcome.errors().get(0));
            }
        }
    }

    /**
     * Every account's record as a CRM sync writes it (REST upserts of accounts, {@link RestIngest#MAX_ROWS} a request),
     * each ARR raised by {@code arrStep}, its seats by {@code seatsStep} and its segment moved {@code segmentShift}
     * places along {@link Segment#values()}: a write of every account, without usage.
     */
    private void syncAccounts(int arrStep, int seatsStep, int segmentShift) {
        List<Account> all = accounts.findAll().stream().sorted(java.util.Comparator.comparing(Account::id)).toList();
        for (int from = 0; from < all.size(); from += RestIngest.MAX_ROWS) {
            List<Map<String, String>> rows = all.subList(from, Math.min(all.size(), from + RestIngest.MAX_ROWS)).stream()
                    .map(account -> crmRecord(account, arrStep, seatsStep, segmentShift)).toList();
            RestIngest.Outcome outcome = restIngest.ingest(Dataset.ACCOUNTS, rows, "bench");
            if (!outcome.accepted()) {
                throw new IllegalStateException("the bench's CRM sync was refused: " + outcome.errors().get(0));
            }
        }
    }

    /**
     * One ticket of each of {@code accountIds}, the same ticket id each time (so the store does not grow): open and
     * high, open and normal, then closed, as {@code round} 0, 1, 2 says; as REST upserts write them.
     */
    private void importTickets(List<String> accountIds, LocalDate today, int round) {
        for (int from = 0; from < accountIds.size(); from += RestIngest.MAX_ROWS) {
            List<Map<String, String>> rows = accountIds.subList(from, Math.min(accountIds.size(), from + RestIngest.MAX_ROWS))
                    .stream().map(id -> {
                        Map<String, String> row = new java.util.HashMap<>();
                        row.put("ticket_id", "bench-" + id);
                        row.put("account_id", id);
                        row.put("opened_on", today.toString());
                        if (round % 3 == 2) {
                            row.put("closed_on", today.toString());
                        }
                        row.put("severity", round % 3 == 0 ? "2" : "3");
                        row.put("subject", "Bench ticket");
                        return row;
                    }).toList();
            RestIngest.Outcome outcome = restIngest.ingest(Dataset.TICKETS, rows, "bench");
            if (!outcome.accepted()) {
                throw new IllegalStateException("the bench's ticket import was refused: " + outcome.errors().get(0));
            }
        }
    }

    /**
     * The NPS response of each of {@code accountIds} from the same bench contact on {@code today} (a response is
     * keyed by account, contact, date and kind, so each round replaces the last), scored {@code score}.
     */
    private void importFeedback(List<String> accountIds, LocalDate today, int score) {
        for (int from = 0; from < accountIds.size(); from += RestIngest.MAX_ROWS) {
            List<Map<String, String>> rows = accountIds.subList(from, Math.min(accountIds.size(), from + RestIngest.MAX_ROWS))
                    .stream().map(id -> Map.of("account_id", id, "contact_email", "bench.survey@example.com",
                            "date", today.toString(), "kind", "nps", "score", String.valueOf(score))).toList();
            RestIngest.Outcome outcome = restIngest.ingest(Dataset.FEEDBACK, rows, "bench");
            if (!outcome.accepted()) {
                throw new IllegalStateException("the bench's feedback import was refused: " + outcome.errors().get(0));
            }
        }
    }

    private static Map<String, String> crmRecord(Account account, int arrStep, int seatsStep, int segmentShift) {
        Map<String, String> row = new java.util.HashMap<>();
        row.put("account_id", account.id());
        row.put("name", account.name());
        Segment[] segments = Segment.values();
        row.put("segment", segments[(account.segment().ordinal() + segmentShift) % segments.length].label());
        row.put("arr", String.valueOf(account.arr() + arrStep));
        row.put("seats_purchased", String.valueOf(Math.max(0, account.seatsPurchased() + seatsStep)));
        row.put("contract_start", account.contractStart().toString());
        row.put("renewal_date", account.renewalDate().toString());
        row.put("csm_email", account.csmEmail());
        row.put("lifecycle_stage", account.lifecycleStage().label());
        account.slackChannel().ifPresent(channel -> row.put("slack_channel", channel));
        account.teamsChannel().ifPresent(channel -> row.put("teams_channel", channel));
        return row;
    }

    void ask(String text) {
        Reply reply = chat.handle(new ChatRequest(text, OPERATOR, Conversation.cli()));
        if (reply.status() != Reply.Status.ANSWER) {
            throw new IllegalStateException("'" + text + "' did not answer: " + reply.title());
        }
    }

    static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
