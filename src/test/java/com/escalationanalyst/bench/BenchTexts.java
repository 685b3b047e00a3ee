package com.escalationanalyst.bench;

import java.util.StringJoiner;

/**
 * Subjects and resolution notes for the benchmark's tickets that vary like agents' texts: each is put together
 * from templates whose slots (feature, client, number, weekday) are filled from the ticket's hash, so nearly
 * every escalated ticket of a month has a text of its own and no cache can hide what embedding them costs.
 * The generated SQL expressions depend only on the ticket id, so a size's data is the same in every run.
 */
final class BenchTexts {

    static final String[] FEATURES = {"scheduled dashboard e-mail", "CSV export", "invoice PDF", "password reset",
        "single sign-on", "webhook delivery", "mobile push notification", "usage report", "API token",
        "bulk user import", "audit log", "custom field", "Slack integration", "time zone setting", "refund request",
        "seat upgrade", "two-factor prompt", "saved filter", "data retention rule", "Salesforce sync"};
    static final String[] CLIENTS = {"Chrome", "Safari on iOS", "Firefox", "the Android app", "Edge", "the desktop app"};
    static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    static final String[] SUBJECTS = {
        "{f} not working", "Problem with {f} since {d}", "{f} fails in {c}", "Urgent: {f} broken for our team",
        "Question about {f}", "{f} shows wrong data", "Cannot use {f} after update", "{f} error {n}",
        "{f} very slow", "Help with {f} please", "{f} stopped on {d}", "Issue #{n} with {f}"};

    static final String[] SYMPTOMS = {
        "Customer reports the {f} fails with error {n} in {c}.",
        "Since {d} the {f} has not worked for about {n} of their users.",
        "The {f} times out after a minute when they use {c}; smaller requests work.",
        "They see stale values in the {f}, roughly {n} records behind.",
        "The {f} sends duplicates, {n} copies yesterday.",
        "Admin says the {f} option is greyed out for new members in {c}.",
        "The {f} worked until {d} and now returns a blank page.",
        "Only users in the EU workspace are affected by the {f} issue, {n} tickets so far.",
        "Their {f} shows the previous plan's amounts after a change mid-cycle.",
        "Customer cannot finish the {f} flow, the button spins forever in {c}.",
        "The {f} arrives hours late, around {n} minutes on average.",
        "After the release on {d} the {f} drops characters with accents.",
        "The {f} ignores the permission set for {n} restricted users.",
        "Caller asked how to set up the {f} for a new team of {n} people.",
        "The {f} shows an internal error code {n} to end users in {c}.",
        "Customer says the {f} logs them out every few minutes in {c}.",
        "Refund for {n} euros via the {f} was above the approval limit.",
        "The {f} rejects valid input with a validation message since {d}.",
        "Half of the {f} entries are missing when opened in {c}.",
        "The {f} counts {n} items twice in the totals.",
        "They get a 403 from the {f} although the role allows it.",
        "The {f} does not respect the account's time zone, off by {n} minutes.",
        "Customer wants the {f} limit raised above {n}.",
        "The {f} link in the e-mail opens the wrong workspace in {c}."};
    static final String[] TRIED = {
        "Cleared cache and cookies, no change.", "Reproduced it on our test account.",
        "Could not reproduce in {c}.", "Asked for a HAR file and screenshots.", "Checked the status page, nothing posted.",
        "Tried the workaround from the help center, it did not help.", "Re-sent the invitation and re-synced.",
        "Toggled the setting off and on.", "Compared with another account on the same plan.",
        "Looked at the logs around {n} UTC.", "Walked the customer through the steps on a call.",
        "Restarted the integration from the admin page.", "Checked their plan limits, all within bounds.",
        "Confirmed the behaviour matches the documentation.", "Collected the request ids for {n} failures."};
    static final String[] OUTCOMES = {
        "Escalated to tier 2 for investigation.", "Escalated to engineering as a likely defect.",
        "Escalated because the customer threatened to churn.", "Needed billing approval, escalated.",
        "Handed to the integrations team.", "Escalated on the customer's request to a manager.",
        "Escalated after the SLA was close to breach.", "Sent to product for a decision on the limit.",
        "Engineering confirmed a bug, workaround shared.", "Resolved by tier 2 with a config change.",
        "Linked to the open incident and escalated.", "Escalated, waiting for a hotfix."};

    private BenchTexts() {
    }

    /** A subject: a template with its slots filled, from {@code hash} (a non-negative integer SQL expression). */
    static String subjectSql(String hash) {
        return fill(pick(SUBJECTS, hash, 1), hash);
    }

    /** Resolution notes: a symptom, what was tried and the outcome, each picked and filled from {@code hash}. */
    static String notesSql(String hash) {
        return fill(pick(SYMPTOMS, hash, 13) + " || ' ' || " + pick(TRIED, hash, 331) + " || ' ' || "
                + pick(OUTCOMES, hash, 4967), hash);
    }

    /** How many different notes the templates can make (not counting the number slot's 500 values). */
    static long combinations() {
        return (long) SYMPTOMS.length * TRIED.length * OUTCOMES.length * FEATURES.length * CLIENTS.length
                * WEEKDAYS.length;
    }

    private static String pick(String[] values, String hash, int divisor) {
        return array(values) + "[1 + (" + hash + " / " + divisor + ") % " + values.length + "]";
    }

    private static String fill(String text, String hash) {
        return "replace(replace(replace(replace(" + text
                + ", '{f}', " + pick(FEATURES, hash, 7) + ")"
                + ", '{c}', " + pick(CLIENTS, hash, 97) + ")"
                + ", '{d}', " + pick(WEEKDAYS, hash, 1009) + ")"
                + ", '{n}', ((" + hash + " / 65537) % 500 + 1)::text)";
    }

    private static String array(String[] values) {
        StringJoiner joined = new StringJoiner("', '", "(ARRAY['", "'])");
        for (String value : values) {
            joined.add(value.replace("'", "''"));
        }
        return joined.toString();
    }
}
