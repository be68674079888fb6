package dev.csbot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gives the demo's survey responses comments that recur across accounts, so Voice of the Customer has themes
 * to find: slow reports and exports, sync with other tools, SSO and invites, a missing bulk edit, the mobile
 * app, praise for support. Only the generated accounts' responses without a comment get one: the stories of
 * Acme, Globex and Initech keep theirs as written.
 */
final class DemoFeedback {

    private static final String[] UNHAPPY = {
        "Reports take ages to load at month end, and exports time out.",
        "The CRM sync drops records every week; we fix them by hand.",
        "SSO keeps logging people out, and invites to new users fail.",
        "Dashboards are slow since the last update.",
        "The mobile app crashes when I open a ticket.",
        "Too many outages this quarter, and nobody tells us why.",
        "Setup was confusing and the documentation is thin.",
        "Pricing went up but the product did not get better.",
    };
    private static final String[] MIXED = {
        "Good overall, but we still need bulk edit for tickets.",
        "We would love a Salesforce integration that syncs both ways.",
        "Reports are fine; scheduled exports would save us time.",
        "Works well on the desktop; the mobile app lags behind.",
        "Permissions are hard to get right for a large team.",
    };
    private static final String[] HAPPY = {
        "Support answered within the hour, thanks!",
        "The dashboards are what our execs look at every Monday.",
        "Setup was quick and the team picked it up fast.",
        "The Jira integration saves us hours every week.",
    };

    private DemoFeedback() {}

    /**
     * The responses of one account ({@code account_id, contact_email, date, kind, score, comment}), each one
     * without a comment given one about half the time, in the tone its score has.
     */
    static List<Object[]> withComments(DemoPortfolio.Story story, List<Object[]> rows, SplittableRandom random) {
        if (story == DemoPortfolio.Story.ACME || story == DemoPortfolio.Story.GLOBEX
                || story == DemoPortfolio.Story.INITECH) {
            return rows;
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] copy = row.clone();
            if (copy[5] == null && random.nextDouble() < 0.5) {
                copy[5] = comment((String) copy[3], (Integer) copy[4], random);
            }
            out.add(copy);
        }
        return out;
    }

    private static String comment(String kind, int score, SplittableRandom random) {
        boolean unhappy = switch (kind) {
            case "nps" -> score <= 6;
            case "csat" -> score <= 2;
            default -> score <= 3;
        };
        boolean happy = switch (kind) {
            case "nps" -> score >= 9;
            case "csat" -> score >= 4;
            default -> score >= 6;
        };
        String[] pool = unhappy ? UNHAPPY : happy ? HAPPY : MIXED;
        return pool[random.nextInt(pool.length)];
    }
}
