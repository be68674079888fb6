package dev.csbot.ingest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A realistic, deterministic demo portfolio (same seed, same data) whose history ends on {@code today}.
 * Three stories a CSM recognises come first: Acme (enterprise, usage sliding, champion gone, detractor,
 * urgent ticket, renewal in 60 days), Globex (fully used, promoters, executives engaged: expansion ready)
 * and Initech (onboarding 48 days in, first value not reached); then two renewals that look fine on
 * average but are not: Redwood Health Partners ($1.4M, renews in 26 days, 32% of 1,175 seats active) and
 * Silverline Freight ($635k, 18 days, 28% of seats, a recent detractor). The rest is a book of business with
 * segments, CSMs, weekday rhythms, a late-December dip, ramping new accounts and some trouble.
 * Rows are produced per dataset on demand, so 3.65M usage rows are streamed, never held.
 */
public final class DemoPortfolio {

    public static final int DEFAULT_ACCOUNTS = 200;
    public static final int DEFAULT_DAYS = 365;
    public static final long DEFAULT_SEED = 42;

    static final List<String> CSMS = List.of("dana.cho@csbot.example", "sam.lee@csbot.example",
            "priya.raman@csbot.example", "miguel.santos@csbot.example", "aisha.okafor@csbot.example");

    // None of these starts like Acme, Globex or Initech, so the stories resolve by name without rivals;
    // Redwood and Silverline are renamed as they are drawn (see generatedName), for the same reason.
    private static final String[] NAME_FIRST = {"Northwind", "Bluepeak", "Brightline", "Cobalt", "Crestview",
        "Driftwood", "Evergreen", "Fairmont", "Granite", "Harborline", "Ironwood", "Juniper", "Keystone", "Lakeside",
        "Maplecrest", "Meridian", "Nimbus", "Oakridge", "Pinnacle", "Quarry", "Redwood", "Riverbend", "Sagebrush",
        "Silverline", "Summit", "Tidewater", "Umber", "Vantage", "Westfield", "Willow", "Yellowtail", "Zenith",
        "Alder", "Beacon", "Cedar", "Dunmore", "Ember", "Falcon", "Glacier", "Helix"};
    private static final String[] NAME_SECOND = {"Analytics", "Logistics", "Health", "Foods", "Robotics", "Energy",
        "Capital", "Labs", "Media", "Retail", "Systems", "Software", "Freight", "Bank", "Insurance", "Pharma",
        "Studios", "Networks", "Outdoor", "Apparel", "Dental", "Clinics", "Motors", "Marine", "Learning", "Hotels",
        "Brewing", "Security", "Realty", "Aerospace"};
    private static final String[] NAME_SUFFIX = {"", " Group", " Inc", " Co", " Partners", " Holdings", " Ltd",
        " Works", " Collective"};
    private static final String[] FIRST_NAMES = {"Alex", "Ben", "Carla", "Deepa", "Elena", "Farid", "Grace", "Hugo",
        "Ines", "Jonas", "Kemi", "Luis", "Mara", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tara", "Uma",
        "Victor", "Wen", "Yara", "Zoe"};
    private static final String[] LAST_NAMES = {"Adler", "Brooks", "Castillo", "Dubois", "Eriksen", "Fischer",
        "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okoro", "Petrov", "Quinto",
        "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Young", "Zhang"};
    private static final String[] CHAMPION_TITLES = {"Head of Customer Operations", "Director of Support",
        "VP Operations", "Operations Manager", "Support Team Lead"};
    private static final String[] SPONSOR_TITLES = {"COO", "CFO", "VP Customer Experience", "CIO"};
    private static final String[] OTHER_TITLES = {"IT Administrator", "Support Agent", "Team Lead", "Analyst",
        "Project Manager"};
    private static final String[] SUBJECTS_URGENT = {"Login outage for all users", "Data sync stopped",
        "API returns 500 for every request"};
    private static final String[] SUBJECTS_HIGH = {"Reports fail to load", "SSO errors for some users",
        "Webhooks delayed by hours"};
    private static final String[] SUBJECTS_NORMAL = {"How do I export a report?", "Add seats to our plan",
        "Dashboard filter resets", "Question about roles and permissions", "Email digest arrives twice",
        "Custom field not shown in export", "Request: dark mode"};
    private static final String[] COMMENTS_GOOD = {"Setup was quick, and the team picked it up fast.",
        "The \"weekly digest\" is the first thing I read on Mondays.",
        "Support answered within the hour, thanks!",
        "Saves us hours every week.\nThe dashboards are what our execs look at.",
        "Great product, great people."};
    private static final String[] COMMENTS_MIXED = {"Good overall, but reports are slow at month end.",
        "We like it; the \"bulk edit\" is still missing, though.",
        "Fine for the core team.\nOther teams have not adopted it yet."};
    private static final String[] COMMENTS_BAD = {"Too many outages lately, and nobody tells us why.",
        "Exports time out after 10,000 rows.\nWe had to rebuild the report by hand.",
        "It \"works\", but it is hard to get the team to use it."};
    private static final String[][] OBJECTIVES = {
        {"Cut first response time by 30%", "median first response time", "under 2 hours"},
        {"Roll out to the EMEA support team", "active EMEA agents", "120"},
        {"Automate the weekly executive report", "manual reporting hours a week", "0"},
        {"Raise CSAT above 4.5", "average CSAT", "4.5"},
        {"Retire the legacy ticketing tool", "tickets in the legacy tool", "0"},
        {"Onboard every regional team", "regional teams live", "all 6"}};

    private final int accountCount;
    private final int days;
    private final long seed;
    private final LocalDate today;
    private final LocalDate firstDay;
    private final String[] dateTexts;
    private final double[] season;
    private final boolean[] weekend;
    private final List<Profile> profiles;
    private final DemoDecoys decoys;

    public DemoPortfolio(int accounts, int days, long seed, LocalDate today) {
        if (accounts < 1 || days < 1) {
            throw new IllegalArgumentException("the demo needs at least 1 account and 1 day");
        }
        this.accountCount = accounts;
        this.days = days;
        this.seed = seed;
        this.today = today;
        this.firstDay = today.minusDays(days - 1L);
        this.dateTexts = new String[days];
        this.season = new double[days];
        this.weekend = new boolean[days];
        for (int k = 0; k < days; k++) {
            LocalDate date = firstDay.plusDays(k);
            dateTexts[k] = date.toString();
            season[k] = seasonal(date);
            weekend[k] = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        }
        this.decoys = new DemoDecoys(accounts, today, firstDay);
        this.profiles = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            profiles.add(profile(i));
        }
    }

    public int accounts() {
        return accountCount;
    }

    public LocalDate today() {
        return today;
    }

    /** Rows of one dataset, in the dataset's column order, stored form (ISO dates, 0/1 booleans). */
    void emit(Dataset dataset, RowSink sink) throws Exception {
        for (Profile p : profiles) {
            if (decoys.covers(p.index)) {
                decoys.emit(p.index, dataset, sink);
                continue;
            }
            switch (dataset) {
                case ACCOUNTS -> sink.accept(accountRow(p));
                case CONTACTS -> emitAll(contacts(p), sink);
                case USAGE -> usage(p, sink);
                case TICKETS -> emitAll(tickets(p), sink);
                case FEEDBACK -> emitAll(DemoFeedback.withComments(p.story, feedback(p), random(p.index, 9)), sink);
                case MEETINGS -> emitAll(meetings(p), sink);
                case SUCCESS_PLANS -> emitAll(objectives(p), sink);
                default -> throw new IllegalStateException("no demo rows for " + dataset);
            }
        }
    }

    /** The number of usage rows {@link #emit} produces for usage_daily. */
    long usageRows() {
        long rows = 0;
        for (Profile p : profiles) {
            rows += decoys.covers(p.index) ? decoys.usageRows()
                    : ChronoUnit.DAYS.between(max(firstDay, p.contractStart), today) + 1;
        }
        return rows;
    }

    private static void emitAll(List<Object[]> rows, RowSink sink) throws Exception {
        for (Object[] row : rows) {
            sink.accept(row);
        }
    }

    // --- accounts ---------------------------------------------------------------------------------------

    enum Story {
        ACME, GLOBEX, INITECH, REDWOOD, SILVERLINE, STEADY, RAMPING, DRIFTING, CHAMPION_LEFT, SUPPORT_TROUBLE,
        ONE_OFF_TICKET
    }

    /** The stories written by hand: the first five of {@link Story}, and the first five accounts. */
    static final int STORIES = 5;

    record Profile(int index, Story story, String id, String name, String segment, long arr, int seats,
            LocalDate contractStart, LocalDate renewal, String csm, String stage, double utilization,
            double weekendFactor, int breadth, double change, int changeDays) {}

    private SplittableRandom random(int index, int salt) {
        return new SplittableRandom(seed * 1_000_003L + index * 7_919L + salt * 104_729L);
    }

    private Profile profile(int i) {
        if (i == 0) {
            LocalDate renewal = today.plusDays(60);
            return new Profile(0, Story.ACME, "acme", "Acme", "enterprise", 1_200_000, 500, renewal.minusYears(3),
                    renewal, CSMS.get(0), "renewal", 0.95, 0.5, 5, -0.40, 28);
        }
        if (i == 1) {
            LocalDate renewal = today.plusDays(200);
            return new Profile(1, Story.GLOBEX, "globex", "Globex", "enterprise", 800_000, 300,
                    renewal.minusYears(2), renewal, CSMS.get(1), "expansion", 0.97, 0.62, 7, 0.10, 30);
        }
        if (i == 2) {
            LocalDate start = today.minusDays(48);
            return new Profile(2, Story.INITECH, "initech", "Initech", "smb", 30_000, 40, start, start.plusYears(1),
                    CSMS.get(2), "onboarding", 0.18, 0.2, 2, 0, 0);
        }
        if (i == 3) {
            LocalDate renewal = today.plusDays(26);
            return new Profile(-3, Story.REDWOOD, "redwood-health-partners", "Redwood Health Partners", "enterprise",
                    1_400_000, 1_175, renewal.minusYears(3), renewal, CSMS.get(3), "renewal", 0.38, 0.45, 6, 0, 0);
        }
        if (i == 4) {
            LocalDate renewal = today.plusDays(18);
            return new Profile(-4, Story.SILVERLINE, "silverline-freight", "Silverline Freight", "enterprise",
                    635_000, 880, renewal.minusYears(2), renewal, CSMS.get(4), "renewal", 0.33, 0.45, 6, 0, 0);
        }
        return generated(i - 2);
    }

    /**
     * A generated account. {@code g} is its place among accounts before the renewal stories were added
     * (the account after Initech is 3), so its id, CSM and data stay what they were.
     */
    private Profile generated(int g) {
        String name = generatedName(g - 3);
        if (name.isEmpty()) {
            // A renewal story took this account's name (and, with seed 42, its numbers): a fresh one stands in.
            return generated(g + accountCount + STORIES);
        }
        SplittableRandom r = random(g, 0);
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        double s = r.nextDouble();
        String segment = s < 0.15 ? "enterprise" : s < 0.5 ? "mid-market" : "smb";
        int seats;
        long perSeat;
        switch (segment) {
            case "enterprise" -> {
                seats = 150 + r.nextInt(1350);
                perSeat = 600 + r.nextInt(600);
            }
            case "mid-market" -> {
                seats = 40 + r.nextInt(260);
                perSeat = 400 + r.nextInt(400);
            }
            default -> {
                seats = 5 + r.nextInt(45);
                perSeat = 300 + r.nextInt(300);
            }
        }
        long arr = Math.max(1, seats * perSeat / 1000) * 1000;
        double k = r.nextDouble();
        Story story = g == 3 ? Story.ONE_OFF_TICKET
                : k < 0.06 ? Story.RAMPING : k < 0.14 ? Story.DRIFTING : k < 0.18 ? Story.CHAMPION_LEFT
                : k < 0.22 ? Story.SUPPORT_TROUBLE : k < 0.25 ? Story.ONE_OFF_TICKET : Story.STEADY;
        LocalDate start = story == Story.RAMPING ? today.minusDays(10 + r.nextInt(70))
                : today.minusDays(120 + r.nextInt(1700));
        LocalDate renewal = start.plusYears(1);
        while (!renewal.isAfter(today)) {
            renewal = renewal.plusYears(1);
        }
        String stage = story == Story.RAMPING ? "onboarding"
                : ChronoUnit.DAYS.between(today, renewal) <= 90 ? "renewal"
                : r.nextDouble() < 0.3 ? "expansion" : "adoption";
        double utilization = story == Story.DRIFTING ? 0.3 + r.nextDouble() * 0.3 : 0.35 + r.nextDouble() * 0.6;
        double weekendFactor = segment.equals("enterprise") ? 0.3 + r.nextDouble() * 0.2 : 0.1 + r.nextDouble() * 0.2;
        int breadth = segment.equals("smb") ? 2 + r.nextInt(5) : 3 + r.nextInt(6);
        double change = story == Story.DRIFTING ? -(0.3 + r.nextDouble() * 0.25) : (r.nextDouble() - 0.5) * 0.1;
        int changeDays = story == Story.DRIFTING ? 30 + r.nextInt(30) : 60;
        return new Profile(g, story, id, name, segment, arr, seats, start, renewal, CSMS.get(g % CSMS.size()),
                stage, utilization, weekendFactor, breadth, change, changeDays);
    }

    /**
     * Unique names: a permutation of first x second x suffix, numbered beyond that. Redwood and Silverline
     * become Rosewood and Sterling (no rival for the renewal stories' names; every other name, and so its
     * id, stays what it was before those stories came); empty for the stories' own two names.
     */
    private String generatedName(int n) {
        int combos = NAME_FIRST.length * NAME_SECOND.length * NAME_SUFFIX.length;
        // 7,919 is prime and does not divide the combinations, so stepping by it visits each once.
        int slot = (int) (((long) n * 7_919L + seed % combos + combos) % combos);
        String name = NAME_FIRST[slot % NAME_FIRST.length] + " "
                + NAME_SECOND[(slot / NAME_FIRST.length) % NAME_SECOND.length]
                + NAME_SUFFIX[slot / (NAME_FIRST.length * NAME_SECOND.length)];
        if (name.startsWith("Redwood Health") || name.startsWith("Silverline Freight")) {
            return "";
        }
        name = name.replaceFirst("^Redwood ", "Rosewood ").replaceFirst("^Silverline ", "Sterling ");
        return n < combos ? name : name + " " + (n / combos + 1);
    }

    private static Object[] accountRow(Profile p) {
        return new Object[] {p.id, p.name, p.segment, p.arr, p.seats, p.contractStart.toString(),
            p.renewal.toString(), p.csm, p.stage, null, null};
    }

    // --- usage ------------------------------------------------------------------------------------------

    private void usage(Profile p, RowSink sink) throws Exception {
        SplittableRandom r = random(p.index, 1);
        int from = (int) Math.max(0, ChronoUnit.DAYS.between(firstDay, p.contractStart));
        int rampDays = 20 + r.nextInt(15);
        for (int k = from; k < days; k++) {
            int daysIn = (int) (ChronoUnit.DAYS.between(p.contractStart, firstDay) + k);
            int daysLeft = days - 1 - k;
            double level = p.utilization;
            if (p.story == Story.RAMPING) {
                level *= Math.min(1, 0.1 + 0.9 * daysIn / rampDays);
            } else if (p.story == Story.INITECH) {
                // Setup dragged on: a handful of users, never the 30% of seats that counts as first value.
                level = daysIn < 7 ? 0.05 : 0.14 + 0.04 * Math.min(1, daysIn / 30.0);
            }
            if (p.changeDays > 0 && daysLeft < p.changeDays) {
                level *= 1 + p.change * (p.changeDays - daysLeft) / p.changeDays;
            }
            double noise = 1 + (r.nextDouble() - 0.5) * 0.08;
            double active = p.seats * level * season[k] * noise * (weekend[k] ? p.weekendFactor : 1);
            int users = (int) Math.min(p.seats, Math.max(0, Math.round(active)));
            long events = users * (20L + r.nextInt(25));
            int features = users == 0 ? 0 : weekend[k] ? Math.max(1, p.breadth - 2)
                    : Math.max(1, p.breadth - (r.nextInt(4) == 0 ? 1 : 0));
            if (p.story == Story.RAMPING) {
                features = Math.min(features, 1 + daysIn / 6);
            }
            if (p.story.ordinal() < STORIES) { // a hand-written story keeps its breadth every weekday
                features = users == 0 ? 0 : weekend[k] ? Math.max(1, p.breadth - 2) : p.breadth;
            }
            sink.accept(new Object[] {p.id, dateTexts[k], users, events, features});
        }
    }

    /** Late December is quiet, August a little; the rest of the year is business as usual. */
    private static double seasonal(LocalDate date) {
        if ((date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 22)
                || (date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= 2)) {
            return 0.45;
        }
        if (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 15) {
            return 0.8;
        }
        return date.getMonth() == Month.AUGUST ? 0.88 : 1;
    }

    // --- contacts ---------------------------------------------------------------------------------------

    private record Person(String id, String name, String email, String title, boolean champion, boolean sponsor,
            LocalDate leftOn) {
        Object[] row(String accountId) {
            return new Object[] {id, accountId, name, email, title, champion ? 1 : 0, sponsor ? 1 : 0,
                leftOn == null ? null : leftOn.toString()};
        }

        boolean activeOn(LocalDate date) {
            return leftOn == null || leftOn.isAfter(date);
        }
    }

    private List<Person> people(Profile p) {
        List<Person> people = new ArrayList<>();
        String domain = "@" + p.id + ".example";
        switch (p.story) {
            case ACME -> {
                people.add(new Person("acme-c1", "Jane Doe", "jane.doe" + domain, "VP Operations", true, false,
                        today.minusDays(25)));
                people.add(new Person("acme-c2", "Robert Kim", "robert.kim" + domain, "CFO", false, true, null));
                people.add(new Person("acme-c3", "Li Wei", "li.wei" + domain, "IT Manager", false, false, null));
                people.add(new Person("acme-c4", "Sara Nilsson", "sara.nilsson" + domain, "Support Lead", false, false,
                        null));
                return people;
            }
            case GLOBEX -> {
                people.add(new Person("globex-c1", "Nina Patel", "nina.patel" + domain, "Head of Support Operations",
                        true, false, null));
                people.add(new Person("globex-c2", "Marcus Bell", "marcus.bell" + domain, "COO", false, true, null));
                people.add(new Person("globex-c3", "Ola Svensson", "ola.svensson" + domain, "Team Lead", false, false,
                        null));
                return people;
            }
            case INITECH -> {
                people.add(new Person("initech-c1", "Maya Lindqvist", "maya.lindqvist" + domain, "Operations Manager",
                        true, false, null));
                people.add(new Person("initech-c2", "Omar Haddad", "omar.haddad" + domain, "IT Administrator", false,
                        false, null));
                return people;
            }
            case REDWOOD -> {
                people.add(new Person(p.id + "-c1", "Hana Okafor", "hana.okafor" + domain,
                        "Director of Clinical Operations", true, false, null));
                people.add(new Person(p.id + "-c2", "David Mensah", "david.mensah" + domain, "CIO", false, true, null));
                people.add(new Person(p.id + "-c3", "Ines Moreau", "ines.moreau" + domain, "IT Administrator", false,
                        false, null));
                return people;
            }
            case SILVERLINE -> {
                people.add(new Person(p.id + "-c1", "Pete Lindgren", "pete.lindgren" + domain,
                        "Head of Dispatch Operations", true, false, null));
                people.add(new Person(p.id + "-c2", "Grace Ito", "grace.ito" + domain, "COO", false, true, null));
                people.add(new Person(p.id + "-c3", "Noah Brooks", "noah.brooks" + domain, "Depot Manager", false,
                        false, null));
                return people;
            }
            default -> {
                // generated below
            }
        }
        SplittableRandom r = random(p.index, 2);
        int n = 0;
        Set<String> used = new HashSet<>();
        LocalDate championLeft = p.story == Story.CHAMPION_LEFT ? today.minusDays(15 + r.nextInt(65)) : null;
        if (championLeft != null) {
            people.add(person(p, ++n, r, used, domain, CHAMPION_TITLES, true, false, championLeft));
            if (r.nextBoolean()) {
                people.add(person(p, ++n, r, used, domain, CHAMPION_TITLES, true, false, null));
            }
        } else {
            if (r.nextDouble() < 0.1) {
                people.add(person(p, ++n, r, used, domain, CHAMPION_TITLES, true, false,
                        today.minusDays(200 + r.nextInt(150))));
            }
            people.add(person(p, ++n, r, used, domain, CHAMPION_TITLES, true, false, null));
        }
        if (!p.segment.equals("smb") || r.nextDouble() < 0.3) {
            people.add(person(p, ++n, r, used, domain, SPONSOR_TITLES, false, true, null));
        }
        int others = 1 + r.nextInt(3);
        for (int j = 0; j < others; j++) {
            people.add(person(p, ++n, r, used, domain, OTHER_TITLES, false, false,
                    r.nextDouble() < 0.1 ? today.minusDays(30 + r.nextInt(300)) : null));
        }
        return people;
    }

    private static Person person(Profile p, int n, SplittableRandom r, Set<String> used, String domain,
            String[] titles, boolean champion, boolean sponsor, LocalDate leftOn) {
        String first;
        String last;
        do {
            first = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)];
            last = LAST_NAMES[r.nextInt(LAST_NAMES.length)];
        } while (!used.add(first + last));
        return new Person(p.id + "-c" + n, first + " " + last,
                first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + domain,
                titles[r.nextInt(titles.length)], champion, sponsor, leftOn);
    }

    private List<Object[]> contacts(Profile p) {
        List<Object[]> rows = new ArrayList<>();
        for (Person person : people(p)) {
            rows.add(person.row(p.id));
        }
        return rows;
    }

    // --- tickets ----------------------------------------------------------------------------------------

    private record Issue(LocalDate opened, LocalDate closed, int severity, String subject) {}

    private List<Issue> issues(Profile p) {
        List<Issue> issues = new ArrayList<>();
        LocalDate from = max(firstDay, p.contractStart);
        SplittableRandom r = random(p.index, 3);
        switch (p.story) {
            case ACME -> {
                int n = 0;
                for (LocalDate day = from.plusDays(5); day.isBefore(today.minusDays(30)); day = day.plusDays(12)) {
                    issues.add(new Issue(day, day.plusDays(3), n % 3 == 0 ? 3 : 4,
                            SUBJECTS_NORMAL[n++ % SUBJECTS_NORMAL.length]));
                }
                issues.add(new Issue(today.minusDays(20), today.minusDays(15), 3, "Sync delayed overnight"));
                issues.add(new Issue(today.minusDays(6), null, 1, "Sync failing for all users"));
                return issues;
            }
            case INITECH -> {
                issues.add(new Issue(p.contractStart.plusDays(5), p.contractStart.plusDays(12), 2,
                        "SSO setup failing with our identity provider"));
                issues.add(new Issue(p.contractStart.plusDays(20), p.contractStart.plusDays(22), 3,
                        "How do we import our historical data?"));
                return issues;
            }
            case REDWOOD -> {
                // Two tickets share "out" and nothing else; two share a real theme ("export times out").
                issues.add(new Issue(today.minusDays(70), today.minusDays(69), 3, "Clinic users locked out after SSO change"));
                issues.add(new Issue(today.minusDays(41), today.minusDays(37), 3, "Export times out on large reports"));
                issues.add(new Issue(today.minusDays(12), today.minusDays(9), 3, "Export times out for the monthly report"));
                return issues;
            }
            case SILVERLINE -> {
                issues.add(new Issue(today.minusDays(50), today.minusDays(48), 4, "Add depot managers as users"));
                issues.add(new Issue(today.minusDays(22), today.minusDays(20), 3, "Route import fails for one depot"));
                return issues;
            }
            default -> {
                // generated below
            }
        }
        double perMonth = p.story == Story.GLOBEX ? 1.0
                : p.segment.equals("enterprise") ? 2.0 : p.segment.equals("mid-market") ? 1.0 : 0.4;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            if (r.nextDouble() >= perMonth / 30) {
                continue;
            }
            double s = r.nextDouble();
            int severity = s < 0.03 ? 1 : s < 0.15 ? 2 : s < 0.6 ? 3 : 4;
            boolean recent = day.isAfter(today.minusDays(30));
            if (recent && severity <= 2) {
                severity = 3; // urgent trouble is a story of its own, not noise
            }
            LocalDate closed = day.plusDays(severity <= 2 ? 1 + r.nextInt(2) : 1 + r.nextInt(10));
            issues.add(new Issue(day, closed.isAfter(today) ? null : closed, severity, subject(severity, r)));
        }
        if (p.story == Story.SUPPORT_TROUBLE) {
            issues.add(new Issue(today.minusDays(3 + r.nextInt(5)), null, 2, subject(2, r)));
            if (r.nextBoolean()) {
                issues.add(new Issue(today.minusDays(1 + r.nextInt(3)), null, 1, subject(1, r)));
            }
            for (int j = 0; j < 3; j++) {
                LocalDate opened = today.minusDays(5 + r.nextInt(20));
                issues.add(new Issue(opened, opened.plusDays(2), 3, subject(3, r)));
            }
        }
        if (p.story == Story.ONE_OFF_TICKET) {
            // One bad day at a healthy account: fixed in two days; it should not read as a trend.
            issues.add(new Issue(today.minusDays(18), today.minusDays(16), 1, subject(1, r)));
        }
        issues.sort(java.util.Comparator.comparing(Issue::opened));
        return issues;
    }

    private static String subject(int severity, SplittableRandom r) {
        String[] pool = severity == 1 ? SUBJECTS_URGENT : severity == 2 ? SUBJECTS_HIGH : SUBJECTS_NORMAL;
        return pool[r.nextInt(pool.length)];
    }

    private List<Object[]> tickets(Profile p) {
        List<Object[]> rows = new ArrayList<>();
        int n = 0;
        for (Issue issue : issues(p)) {
            rows.add(new Object[] {p.id + "-t" + (++n), p.id, issue.opened.toString(),
                issue.closed == null ? null : issue.closed.toString(), issue.severity, issue.subject});
        }
        return rows;
    }

    // --- feedback ---------------------------------------------------------------------------------------

    private List<Object[]> feedback(Profile p) {
        List<Object[]> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<Person> people = people(p);
        switch (p.story) {
            case ACME -> {
                answer(rows, keys, p, people.get(0), today.minusDays(300), "nps", 9, COMMENTS_GOOD[0]);
                answer(rows, keys, p, people.get(0), today.minusDays(200), "nps", 8, COMMENTS_MIXED[0]);
                answer(rows, keys, p, people.get(2), today.minusDays(120), "csat", 4, null);
                answer(rows, keys, p, people.get(2), today.minusDays(10), "nps", 3,
                        "Too slow since the update, and exports time out.\nWe are \"evaluating options\" before the"
                                + " renewal.");
                answer(rows, keys, p, people.get(3), today.minusDays(14), "csat", 2,
                        "Sync has failed three days in a row, again.");
                return rows;
            }
            case GLOBEX -> {
                answer(rows, keys, p, people.get(1), today.minusDays(75), "nps", 9, COMMENTS_GOOD[3]);
                answer(rows, keys, p, people.get(2), today.minusDays(40), "csat", 5, COMMENTS_GOOD[2]);
                answer(rows, keys, p, people.get(0), today.minusDays(30), "nps", 10,
                        "We rolled it out to two more teams, and they love it.");
                return rows;
            }
            case INITECH -> {
                answer(rows, keys, p, people.get(0), today.minusDays(20), "ces", 3,
                        "Setting up SSO took weeks, and we still can't invite the whole team.");
                return rows;
            }
            case REDWOOD -> {
                answer(rows, keys, p, people.get(0), today.minusDays(110), "nps", 8, COMMENTS_MIXED[2]);
                answer(rows, keys, p, people.get(2), today.minusDays(45), "csat", 4, null);
                answer(rows, keys, p, people.get(0), today.minusDays(20), "nps", 9,
                        "The pilot clinics love it. The other clinics have not started yet.");
                return rows;
            }
            case SILVERLINE -> {
                answer(rows, keys, p, people.get(0), today.minusDays(150), "nps", 9, COMMENTS_GOOD[3]);
                answer(rows, keys, p, people.get(2), today.minusDays(60), "csat", 4, null);
                answer(rows, keys, p, people.get(2), today.minusDays(25), "nps", 6,
                        "Dispatch likes it, but most depots still plan routes in spreadsheets.");
                return rows;
            }
            default -> {
                // generated below
            }
        }
        SplittableRandom r = random(p.index, 4);
        boolean troubled = p.story == Story.DRIFTING || p.story == Story.SUPPORT_TROUBLE
                || p.story == Story.CHAMPION_LEFT;
        LocalDate from = max(firstDay, p.contractStart.plusDays(30));
        for (LocalDate day = from.plusDays(r.nextInt(60)); !day.isAfter(today); day = day.plusDays(90 + r.nextInt(60))) {
            Person who = activeOn(people, day, r);
            if (who == null) {
                continue;
            }
            boolean late = day.isAfter(today.minusDays(60));
            int score = troubled && late ? 2 + r.nextInt(5) : r.nextDouble() < 0.1 ? 5 + r.nextInt(2) : 7 + r.nextInt(4);
            answer(rows, keys, p, who, day, "nps", score, r.nextDouble() < 0.5 ? null : comment(score >= 9 ? 2
                    : score >= 7 ? 1 : 0, r));
        }
        for (Issue issue : issues(p)) {
            if (issue.closed != null && r.nextDouble() < 0.3) {
                Person who = activeOn(people, issue.closed, r);
                if (who != null) {
                    int score = issue.severity <= 2 ? 2 + r.nextInt(2) : 3 + r.nextInt(3);
                    answer(rows, keys, p, who, issue.closed, "csat", score, r.nextDouble() < 0.7 ? null
                            : comment(score >= 4 ? 2 : score == 3 ? 1 : 0, r));
                }
            }
        }
        if (r.nextDouble() < 0.25) {
            LocalDate day = today.minusDays(r.nextInt(Math.max(1, Math.min(days, 300))));
            Person who = activeOn(people, day, r);
            if (who != null && !day.isBefore(p.contractStart)) {
                answer(rows, keys, p, who, day, "ces", 4 + r.nextInt(4), null);
            }
        }
        return rows;
    }

    private static Person activeOn(List<Person> people, LocalDate day, SplittableRandom r) {
        List<Person> active = people.stream().filter(x -> x.activeOn(day)).toList();
        return active.isEmpty() ? null : active.get(r.nextInt(active.size()));
    }

    private static String comment(int tone, SplittableRandom r) {
        String[] pool = tone == 2 ? COMMENTS_GOOD : tone == 1 ? COMMENTS_MIXED : COMMENTS_BAD;
        return pool[r.nextInt(pool.length)];
    }

    private static void answer(List<Object[]> rows, Set<String> keys, Profile p, Person who, LocalDate day,
            String kind, int score, String comment) {
        if (keys.add(who.email + day + kind)) {
            rows.add(new Object[] {p.id, who.email, day.toString(), kind, score, comment});
        }
    }

    // --- meetings ---------------------------------------------------------------------------------------

    private List<Object[]> meetings(Profile p) {
        List<Object[]> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        LocalDate from = max(firstDay, p.contractStart);
        switch (p.story) {
            case ACME -> {
                for (LocalDate day = today.minusDays(20); !day.isBefore(from); day = day.minusDays(30)) {
                    meet(rows, keys, p, day, "check-in", false);
                }
                meet(rows, keys, p, today.minusDays(200), "qbr", true);
                meet(rows, keys, p, today.minusDays(110), "qbr", false);
                return rows;
            }
            case GLOBEX -> {
                for (LocalDate day = today.minusDays(8); !day.isBefore(from); day = day.minusDays(30)) {
                    meet(rows, keys, p, day, "check-in", false);
                }
                meet(rows, keys, p, today.minusDays(35), "qbr", true);
                meet(rows, keys, p, today.minusDays(100), "exec", true);
                meet(rows, keys, p, today.minusDays(125), "qbr", true);
                return rows;
            }
            case INITECH -> {
                meet(rows, keys, p, p.contractStart.plusDays(2), "training", false);
                meet(rows, keys, p, p.contractStart.plusDays(16), "check-in", false);
                meet(rows, keys, p, today.minusDays(12), "check-in", false);
                return rows;
            }
            case REDWOOD, SILVERLINE -> {
                // On cadence, executives in the room: nothing here says "renewal at risk"; the seats do.
                for (LocalDate day = today.minusDays(10); !day.isBefore(from); day = day.minusDays(30)) {
                    meet(rows, keys, p, day, "check-in", false);
                }
                meet(rows, keys, p, today.minusDays(55), "qbr", true);
                meet(rows, keys, p, today.minusDays(145), "qbr", true);
                return rows;
            }
            default -> {
                // generated below
            }
        }
        SplittableRandom r = random(p.index, 5);
        if (p.story == Story.RAMPING) {
            meet(rows, keys, p, p.contractStart.plusDays(1 + r.nextInt(3)), "training", false);
            for (LocalDate day = p.contractStart.plusDays(10); !day.isAfter(today); day = day.plusDays(14)) {
                meet(rows, keys, p, day, "check-in", false);
            }
            return rows;
        }
        int cadence = p.segment.equals("enterprise") ? 30 : p.segment.equals("mid-market") ? 45 : 90;
        double execShare = p.segment.equals("enterprise") ? 0.7 : p.segment.equals("mid-market") ? 0.4 : 0.1;
        int n = 0;
        for (LocalDate day = from.plusDays(r.nextInt(cadence)); !day.isAfter(today);
                day = day.plusDays(cadence - 5 + r.nextInt(11))) {
            boolean qbr = ++n % 3 == 0 && !p.segment.equals("smb");
            meet(rows, keys, p, day, qbr ? "qbr" : "check-in", qbr && r.nextDouble() < execShare);
        }
        return rows;
    }

    private static void meet(List<Object[]> rows, Set<String> keys, Profile p, LocalDate day, String kind,
            boolean exec) {
        if (keys.add(day + kind)) {
            rows.add(new Object[] {p.id, day.toString(), kind, exec ? 1 : 0});
        }
    }

    // --- success plans ----------------------------------------------------------------------------------

    private List<Object[]> objectives(Profile p) {
        List<Object[]> rows = new ArrayList<>();
        switch (p.story) {
            case ACME -> {
                rows.add(objective(p, OBJECTIVES[1], today.plusDays(20), "at-risk"));
                rows.add(objective(p, OBJECTIVES[0], today.minusDays(30), "done"));
                return rows;
            }
            case GLOBEX -> {
                rows.add(objective(p, OBJECTIVES[3], today.minusDays(60), "done"));
                rows.add(objective(p, OBJECTIVES[2], today.minusDays(20), "done"));
                rows.add(objective(p, OBJECTIVES[5], today.plusDays(90), "on-track"));
                return rows;
            }
            case INITECH -> {
                rows.add(new Object[] {p.id, "Every agent live on the platform", "weekly active agents", "40",
                    p.contractStart.plusDays(60).toString(), "at-risk"});
                return rows;
            }
            case REDWOOD -> {
                rows.add(new Object[] {p.id, "Roll out to every clinic", "clinics live", "all 24",
                    today.plusDays(40).toString(), "at-risk"});
                rows.add(objective(p, OBJECTIVES[2], today.minusDays(50), "done"));
                return rows;
            }
            case SILVERLINE -> {
                rows.add(new Object[] {p.id, "Move every depot off spreadsheets", "depots planning in the product",
                    "all 14", today.plusDays(10).toString(), "at-risk"});
                return rows;
            }
            default -> {
                // generated below
            }
        }
        if (p.segment.equals("smb") && p.story != Story.RAMPING) {
            return rows;
        }
        SplittableRandom r = random(p.index, 6);
        int count = 1 + r.nextInt(3);
        int first = r.nextInt(OBJECTIVES.length);
        boolean troubled = p.story == Story.DRIFTING || p.story == Story.SUPPORT_TROUBLE;
        for (int j = 0; j < count; j++) {
            LocalDate due = today.plusDays(r.nextInt(240) - 120);
            String status = due.isBefore(today) ? (r.nextDouble() < 0.8 ? "done" : "at-risk")
                    : troubled ? "at-risk" : "on-track";
            rows.add(objective(p, OBJECTIVES[(first + j) % OBJECTIVES.length], due, status));
        }
        return rows;
    }

    private static Object[] objective(Profile p, String[] objective, LocalDate due, String status) {
        return new Object[] {p.id, objective[0], objective[1], objective[2], due.toString(), status};
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
