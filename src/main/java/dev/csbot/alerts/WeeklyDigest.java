package dev.csbot.alerts;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Queues each CSM's weekly digest (open alerts, low ones included, and renewals in the next 90 days) as a
 * direct message through the outbox. At most one per CSM and week, even if the schedule fires twice or on two
 * instances: the store's unique key says so.
 */
public final class WeeklyDigest {

    private final AccountRepository accounts;
    private final Digests digests;
    private final AlertRouter router;
    private final Supplier<String> ids;
    private final Runnable deliveriesWaiting;

    public WeeklyDigest(AccountRepository accounts, Digests digests, AlertRouter router, Supplier<String> ids,
            Runnable deliveriesWaiting) {
        this.accounts = accounts;
        this.digests = digests;
        this.router = router;
        this.ids = ids;
        this.deliveriesWaiting = deliveriesWaiting;
    }

    /** Returns how many digests it queued. */
    public int queue(LocalDate asOf) {
        LocalDate weekOf = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Set<String> csms = new TreeSet<>();
        for (Account account : accounts.findAll()) {
            csms.add(account.csmEmail().trim().toLowerCase(Locale.ROOT));
        }
        int queued = 0;
        for (String csm : csms) {
            if (digests.createAndQueue(ids.get(), csm, weekOf, asOf, router.directMessage(csm))) {
                queued++;
            }
        }
        if (queued > 0) {
            deliveriesWaiting.run();
        }
        return queued;
    }
}
