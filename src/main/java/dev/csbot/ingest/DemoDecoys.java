package dev.csbot.ingest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Four healthy accounts that look alarming at a glance, so the demo shows alerts that do not cry wolf: a
 * seasonal dip that recovered (Hooli), a one-off urgent ticket fixed in two days (Vandelay), one detractor
 * among promoters (Wonka), a champion who left and was replaced (Stark). On them nothing above {@code low}
 * is raised. They take the book's slots 4-7 (after Acme, Globex, Initech and the first generated account), so
 * a demo of N accounts still has N accounts.
 */
final class DemoDecoys {

    static final int FIRST = 4;
    static final int COUNT = 4;
    private static final int SEATS = 120;

    private record Decoy(String id, String name, String csm) {}

    private static final List<Decoy> DECOYS = List.of(
            new Decoy("hooli", "Hooli", "sam.lee@csbot.example"),
            new Decoy("vandelay", "Vandelay Industries", "priya.raman@csbot.example"),
            new Decoy("wonka", "Wonka Industries", "miguel.santos@csbot.example"),
            new Decoy("stark", "Stark Logistics", "aisha.okafor@csbot.example"));

    private final LocalDate today;
    private final LocalDate firstDay;
    private final int accounts;

    DemoDecoys(int accounts, LocalDate today, LocalDate firstDay) {
        this.accounts = accounts;
        this.today = today;
        this.firstDay = firstDay;
    }

    /** Whether book slot {@code index} is a decoy's (only in books big enough to keep their own stories). */
    boolean covers(int index) {
        return accounts >= FIRST + COUNT + 1 && index >= FIRST && index < FIRST + COUNT;
    }

    void emit(int index, Dataset dataset, RowSink sink) throws Exception {
        Decoy d = DECOYS.get(index - FIRST);
        for (Object[] row : rows(d, dataset)) {
            sink.accept(row);
        }
    }

    /** Usage rows one decoy produces: one a day of the demo. */
    long usageRows() {
        return java.time.temporal.ChronoUnit.DAYS.between(firstDay, today) + 1;
    }

    private List<Object[]> rows(Decoy d, Dataset dataset) {
        List<Object[]> rows = new ArrayList<>();
        String domain = "@" + d.id() + ".example";
        switch (dataset) {
            case ACCOUNTS -> rows.add(new Object[] {d.id(), d.name(), "enterprise", 480_000L, SEATS,
                today.minusYears(2).plusDays(150).toString(), today.plusDays(150 + 40L * DECOYS.indexOf(d)).toString(),
                d.csm(), "adoption", null, null});
            case CONTACTS -> {
                if (d.id().equals("stark")) {
                    rows.add(contact(d, 1, "Lena Fox", "lena.fox" + domain, "Head of Operations", true, false,
                            today.minusDays(35)));
                    rows.add(contact(d, 4, "Ravi Menon", "ravi.menon" + domain, "Director of Operations", true, false,
                            null));
                } else {
                    rows.add(contact(d, 1, "Mia Chen", "mia.chen" + domain, "VP Operations", true, false, null));
                }
                rows.add(contact(d, 2, "Owen Park", "owen.park" + domain, "COO", false, true, null));
                rows.add(contact(d, 3, "Ada Stone", "ada.stone" + domain, "Team Lead", false, false, null));
            }
            case USAGE -> usage(d, rows);
            case TICKETS -> {
                int n = 0;
                for (LocalDate day = firstDay.plusDays(10); day.isBefore(today.minusDays(20)); day = day.plusDays(40)) {
                    rows.add(new Object[] {d.id() + "-t" + (++n), d.id(), day.toString(), day.plusDays(2).toString(), 3,
                        "How do I export a report?"});
                }
                if (d.id().equals("vandelay")) {
                    rows.add(new Object[] {d.id() + "-t" + (++n), d.id(), today.minusDays(18).toString(),
                        today.minusDays(16).toString(), 1, "Login outage for all users"});
                }
            }
            case FEEDBACK -> {
                rows.add(new Object[] {d.id(), "mia.chen" + domain, today.minusDays(50).toString(), "nps", 10,
                    "Saves us hours every week."});
                rows.add(new Object[] {d.id(), "owen.park" + domain, today.minusDays(25).toString(), "nps", 9, null});
                rows.add(new Object[] {d.id(), "ada.stone" + domain, today.minusDays(20).toString(), "csat", 5, null});
                if (d.id().equals("wonka")) {
                    rows.add(new Object[] {d.id(), "ada.stone" + domain, today.minusDays(5).toString(), "nps", 4,
                        "The new editor keeps losing my drafts."});
                }
            }
            case MEETINGS -> {
                for (LocalDate day = today.minusDays(12); !day.isBefore(firstDay); day = day.minusDays(25)) {
                    rows.add(new Object[] {d.id(), day.toString(), "check-in", 0});
                }
                rows.add(new Object[] {d.id(), today.minusDays(40).toString(), "qbr", 1});
                rows.add(new Object[] {d.id(), today.minusDays(130).toString(), "qbr", 1});
            }
            case SUCCESS_PLANS -> rows.add(new Object[] {d.id(), "Roll out to the EMEA support team",
                "active EMEA agents", "120", today.plusDays(60).toString(), "on-track"});
            default -> throw new IllegalStateException("no decoy rows for " + dataset);
        }
        return rows;
    }

    private void usage(Decoy d, List<Object[]> rows) {
        boolean seasonal = d.id().equals("hooli");
        for (LocalDate day = firstDay; !day.isAfter(today); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            double level = 0.88 * (weekend ? 0.45 : 1);
            // Hooli's fiscal year-end shutdown: three quiet weeks, two months ago, then back to normal.
            if (seasonal && day.isAfter(today.minusDays(70)) && day.isBefore(today.minusDays(48))) {
                level *= 0.4;
            }
            int users = (int) Math.round(SEATS * level) - (day.getDayOfMonth() % 3);
            rows.add(new Object[] {d.id(), day.toString(), users, users * 35L, weekend ? 5 : 7});
        }
    }

    private static Object[] contact(Decoy d, int n, String name, String email, String title, boolean champion,
            boolean sponsor, LocalDate leftOn) {
        return new Object[] {d.id() + "-c" + n, d.id(), name, email, title, champion ? 1 : 0, sponsor ? 1 : 0,
            leftOn == null ? null : leftOn.toString()};
    }
}
