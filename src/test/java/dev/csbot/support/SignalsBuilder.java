package dev.csbot.support;

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
import java.util.function.IntUnaryOperator;

/**
 * Test data for one account, built fluently: a healthy, well-run enterprise account unless told
 * otherwise, so each test states only what it is about.
 */
public final class SignalsBuilder {

    public static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private String id;
    private String name;
    private Segment segment = Segment.ENTERPRISE;
    private long arr = 500_000;
    private int seats = 100;
    private LocalDate contractStart = TODAY.minusYears(2);
    private LocalDate renewal = TODAY.plusDays(200);
    private String csm = "dana.cho@csbot.example";
    private LifecycleStage stage = LifecycleStage.ADOPTION;
    private final List<Contact> contacts = new ArrayList<>();
    private final List<UsageDay> usage = new ArrayList<>();
    private final List<Ticket> tickets = new ArrayList<>();
    private final List<FeedbackResponse> feedback = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    private final List<SuccessPlanObjective> objectives = new ArrayList<>();
    private int ticketCounter;

    private SignalsBuilder(String id) {
        this.id = id;
        this.name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** An account with no signals at all. */
    public static SignalsBuilder bare(String id) {
        return new SignalsBuilder(id);
    }

    /**
     * A healthy account: 85 of 100 seats active for a year, 7 key features, a champion and a sponsor,
     * a promoter NPS, a recent exec meeting, no tickets.
     */
    public static SignalsBuilder healthy(String id) {
        return new SignalsBuilder(id)
                .usage(TODAY.minusDays(365), TODAY, day -> 85, 7)
                .champion("Priya Shah", "VP Operations")
                .sponsor("Tom Berg", "COO")
                .feedback(FeedbackKind.NPS, 9, TODAY.minusDays(40), "Great product")
                .meeting(TODAY.minusDays(20), MeetingKind.QBR, true);
    }

    public SignalsBuilder name(String value) {
        this.name = value;
        return this;
    }

    public SignalsBuilder segment(Segment value) {
        this.segment = value;
        return this;
    }

    public SignalsBuilder arr(long value) {
        this.arr = value;
        return this;
    }

    public SignalsBuilder seats(int value) {
        this.seats = value;
        return this;
    }

    public SignalsBuilder stage(LifecycleStage value) {
        this.stage = value;
        return this;
    }

    public SignalsBuilder contractStart(LocalDate value) {
        this.contractStart = value;
        return this;
    }

    public SignalsBuilder renewal(LocalDate value) {
        this.renewal = value;
        return this;
    }

    public SignalsBuilder csm(String email) {
        this.csm = email;
        return this;
    }

    /** Replaces usage from {@code from} to {@code to} (inclusive); {@code activeByDayIndex} gets 0, 1, ... */
    public SignalsBuilder usage(LocalDate from, LocalDate to, IntUnaryOperator activeByDayIndex, int keyFeatures) {
        usage.removeIf(d -> !d.date().isBefore(from) && !d.date().isAfter(to));
        int index = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1), index++) {
            usage.add(new UsageDay(id, day, activeByDayIndex.applyAsInt(index), 40L * activeByDayIndex.applyAsInt(index),
                    keyFeatures));
        }
        return this;
    }

    public SignalsBuilder noUsage() {
        usage.clear();
        return this;
    }

    public SignalsBuilder champion(String person, String title) {
        contacts.add(contact(person, title, true, false, null));
        return this;
    }

    public SignalsBuilder championLeft(String person, String title, LocalDate leftOn) {
        contacts.removeIf(c -> c.champion());
        contacts.add(contact(person, title, true, false, leftOn));
        return this;
    }

    public SignalsBuilder sponsor(String person, String title) {
        contacts.add(contact(person, title, false, true, null));
        return this;
    }

    public SignalsBuilder sponsorLeft(String person, String title, LocalDate leftOn) {
        contacts.removeIf(c -> c.execSponsor());
        contacts.add(contact(person, title, false, true, leftOn));
        return this;
    }

    public SignalsBuilder noContacts() {
        contacts.clear();
        return this;
    }

    private Contact contact(String person, String title, boolean champion, boolean sponsor, LocalDate leftOn) {
        String email = person.toLowerCase().replace(' ', '.') + "@" + id + ".example";
        return new Contact(id + "-c" + (contacts.size() + 1), id, person, email, title, champion, sponsor,
                Optional.ofNullable(leftOn));
    }

    public SignalsBuilder ticket(LocalDate opened, LocalDate closed, int severity, String subject) {
        tickets.add(new Ticket(id + "-t" + (++ticketCounter), id, opened, Optional.ofNullable(closed), severity, subject));
        return this;
    }

    public SignalsBuilder noTickets() {
        tickets.clear();
        return this;
    }

    public SignalsBuilder feedback(FeedbackKind kind, int score, LocalDate date, String comment) {
        feedback.add(new FeedbackResponse(id, "someone@" + id + ".example", date, kind, score,
                Optional.ofNullable(comment)));
        return this;
    }

    public SignalsBuilder noFeedback() {
        feedback.clear();
        return this;
    }

    public SignalsBuilder meeting(LocalDate date, MeetingKind kind, boolean execAttended) {
        meetings.add(new Meeting(id, date, kind, execAttended));
        return this;
    }

    public SignalsBuilder noMeetings() {
        meetings.clear();
        return this;
    }

    public SignalsBuilder objective(String objective, ObjectiveStatus status, LocalDate due) {
        objectives.add(new SuccessPlanObjective(id, objective, "weekly active teams", "12", due, status));
        return this;
    }

    public Account account() {
        return new Account(id, name, segment, arr, seats, contractStart, renewal, csm, stage, Optional.empty(),
                Optional.empty());
    }

    public AccountSignals build() {
        usage.sort(Comparator.comparing(UsageDay::date));
        tickets.sort(Comparator.comparing(Ticket::openedOn));
        feedback.sort(Comparator.comparing(FeedbackResponse::date));
        meetings.sort(Comparator.comparing(Meeting::date));
        return new AccountSignals(account(), contacts, usage, tickets, feedback, meetings, objectives);
    }
}
