package dev.csbot.health;

import java.util.List;

/** Repeatable responses to repeatable situations, each with its first concrete steps. */
public enum Playbook {
    LOW_ADOPTION("Low adoption", List.of(
            "Find the stuck point: which team or workflow stopped using the product",
            "Book a re-training session for the teams that dropped off",
            "Simplify the workflow they struggle with (templates, integrations)",
            "Re-confirm the success criteria with the champion")),
    ONBOARDING_STALLED("Onboarding stalled", List.of(
            "Find what blocks first value this week: setup, access, integrations or data",
            "Agree the first-value milestone and its date with the champion",
            "Run a hands-on session with the teams not live yet",
            "Escalate the setup blockers to Support or Solutions today")),
    CHAMPION_CHANGE("Champion change", List.of(
            "Map the stakeholders again this week: who owns the tool now",
            "Align with the executive sponsor on goals and the renewal",
            "Re-onboard the new owner with the success plan")),
    SUPPORT_SPIKE("Support spike", List.of(
            "Triage the open urgent and high tickets with Support today",
            "Run a root-cause analysis on the repeated issues",
            "Tell the customer clearly what is being done and when",
            "Agree the fix that prevents a recurrence")),
    DETRACTOR_FOLLOW_UP("Detractor follow-up", List.of(
            "Call the unhappy respondents this week and hear the issue in their words",
            "Log each issue as feedback, with the account's ARR",
            "Agree a fix or a clear answer, with a date",
            "Close the loop: tell them what changed, or why it did not")),
    RE_ENGAGE("Re-engage", List.of(
            "Book a check-in with the champion this week",
            "Send a short recap of the value delivered since the last meeting",
            "Invite the executive sponsor to the next review",
            "Agree the meeting cadence for the rest of the term")),
    RENEWAL_AT_RISK("Renewal at risk", List.of(
            "Refresh the success plan with the customer",
            "Recap the value delivered so far, in their numbers",
            "Agree a renewal timeline and the decision makers",
            "Prepare commercial options with Sales")),
    EXPANSION_READY("Expansion ready", List.of(
            "Validate the outcomes achieved with the champion",
            "Introduce the next use case or team",
            "Quantify the ROI and bring in the account executive"));

    private final String title;
    private final List<String> firstSteps;

    Playbook(String title, List<String> firstSteps) {
        this.title = title;
        this.firstSteps = firstSteps;
    }

    public String title() {
        return title;
    }

    public List<String> firstSteps() {
        return firstSteps;
    }

    /** The stable id used in buttons ("start-playbook" carries it). */
    public String id() {
        return name().toLowerCase().replace('_', '-');
    }

    public static java.util.Optional<Playbook> fromId(String id) {
        return java.util.Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }
}
