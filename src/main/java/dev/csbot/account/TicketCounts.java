package dev.csbot.account;

import java.time.LocalDate;
import java.util.List;

/**
 * What support burden weighs of an account's tickets as of one day, counted instead of listed: how many were opened
 * by then, how many urgent and high ones were open then, and how many were opened in the recent window and in the
 * baseline before it. A read of the whole book can count them in the database, one row per account instead of ten.
 *
 * @param onRecord tickets opened on or before the day
 * @param urgentOpen severity 1 tickets open on the day
 * @param highOpen severity 2 tickets open on the day
 * @param recent tickets opened in the {@code recentDays} up to the day
 * @param baseline tickets opened in the {@code baselineDays} before those
 */
public record TicketCounts(int onRecord, int urgentOpen, int highOpen, int recent, int baseline) {

    /** An account without tickets. */
    public static final TicketCounts NONE = new TicketCounts(0, 0, 0, 0, 0);

    /** The windows counted: {@code recentDays} up to the day, and {@code baselineDays} before them. */
    public record Windows(int recentDays, int baselineDays) {}

    /** {@code tickets} (every ticket opened in both windows, and any open on {@code day}) counted as of {@code day}. */
    public static TicketCounts of(List<Ticket> tickets, LocalDate day, Windows windows) {
        LocalDate recentStart = day.minusDays(windows.recentDays());
        LocalDate baselineStart = recentStart.minusDays(windows.baselineDays());
        int onRecord = 0;
        int urgent = 0;
        int high = 0;
        int recent = 0;
        int baseline = 0;
        for (Ticket ticket : tickets) {
            LocalDate opened = ticket.openedOn();
            if (opened.isAfter(day)) {
                continue;
            }
            onRecord++;
            if (ticket.openOn(day) && ticket.severity() == 1) {
                urgent++;
            } else if (ticket.openOn(day) && ticket.severity() == 2) {
                high++;
            }
            if (opened.isAfter(recentStart)) {
                recent++;
            } else if (opened.isAfter(baselineStart)) {
                baseline++;
            }
        }
        return new TicketCounts(onRecord, urgent, high, recent, baseline);
    }
}
