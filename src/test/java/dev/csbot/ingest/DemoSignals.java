package dev.csbot.ingest;

import dev.csbot.account.Account;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.Contact;
import dev.csbot.account.FeedbackKind;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.Meeting;
import dev.csbot.account.MeetingKind;
import dev.csbot.account.ObjectiveStatus;
import dev.csbot.account.Segment;
import dev.csbot.account.SuccessPlanObjective;
import dev.csbot.account.Ticket;
import dev.csbot.account.UsageDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One demo account's generated rows as the domain's signals, so the scorer can judge the stories. */
final class DemoSignals {

    private DemoSignals() {}

    static AccountSignals of(DemoPortfolio portfolio, String accountId) throws Exception {
        List<Object[]> accounts = rows(portfolio, Dataset.ACCOUNTS, accountId);
        Object[] a = accounts.get(0);
        Account account = new Account((String) a[0], (String) a[1], Segment.fromLabel((String) a[2]).orElseThrow(),
                (Long) a[3], (Integer) a[4], date(a[5]), date(a[6]), (String) a[7],
                LifecycleStage.fromLabel((String) a[8]).orElseThrow(), Optional.empty(), Optional.empty());
        List<Contact> contacts = rows(portfolio, Dataset.CONTACTS, accountId).stream()
                .map(c -> new Contact((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                        (Integer) c[5] == 1, (Integer) c[6] == 1, Optional.ofNullable(c[7]).map(DemoSignals::date)))
                .toList();
        List<UsageDay> usage = rows(portfolio, Dataset.USAGE, accountId).stream()
                .map(u -> new UsageDay((String) u[0], date(u[1]), (Integer) u[2], (Long) u[3], (Integer) u[4]))
                .sorted(Comparator.comparing(UsageDay::date))
                .toList();
        List<Ticket> tickets = rows(portfolio, Dataset.TICKETS, accountId).stream()
                .map(t -> new Ticket((String) t[0], (String) t[1], date(t[2]),
                        Optional.ofNullable(t[3]).map(DemoSignals::date), (Integer) t[4], (String) t[5]))
                .sorted(Comparator.comparing(Ticket::openedOn))
                .toList();
        List<FeedbackResponse> feedback = rows(portfolio, Dataset.FEEDBACK, accountId).stream()
                .map(f -> new FeedbackResponse((String) f[0], (String) f[1], date(f[2]),
                        FeedbackKind.fromLabel((String) f[3]).orElseThrow(), (Integer) f[4],
                        Optional.ofNullable((String) f[5])))
                .sorted(Comparator.comparing(FeedbackResponse::date))
                .toList();
        List<Meeting> meetings = rows(portfolio, Dataset.MEETINGS, accountId).stream()
                .map(m -> new Meeting((String) m[0], date(m[1]), MeetingKind.fromLabel((String) m[2]).orElseThrow(),
                        (Integer) m[3] == 1))
                .sorted(Comparator.comparing(Meeting::date))
                .toList();
        List<SuccessPlanObjective> objectives = rows(portfolio, Dataset.SUCCESS_PLANS, accountId).stream()
                .map(o -> new SuccessPlanObjective((String) o[0], (String) o[1], (String) o[2], (String) o[3],
                        date(o[4]), ObjectiveStatus.fromLabel((String) o[5]).orElseThrow()))
                .toList();
        return new AccountSignals(account, contacts, usage, tickets, feedback, meetings, objectives);
    }

    static List<Object[]> rows(DemoPortfolio portfolio, Dataset dataset, String accountId) throws Exception {
        int accountColumn = dataset.indexOf("account_id");
        List<Object[]> rows = new ArrayList<>();
        portfolio.emit(dataset, row -> {
            if (accountId.equals(row[accountColumn])) {
                rows.add(row);
            }
        });
        return rows;
    }

    static List<Object[]> all(DemoPortfolio portfolio, Dataset dataset) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        portfolio.emit(dataset, rows::add);
        return rows;
    }

    private static LocalDate date(Object text) {
        return LocalDate.parse((String) text);
    }
}
