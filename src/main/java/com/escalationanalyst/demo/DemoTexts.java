package com.escalationanalyst.demo;

import com.escalationanalyst.knowledge.RootCause;
import java.util.Random;

/** Subjects and agent notes for the demo data, written the way support agents write them. */
final class DemoTexts {

    private DemoTexts() {
    }

    // indexed like DemoDataGenerator.AREAS
    private static final String[][] SUBJECTS = {
        {"Charged twice this month", "Invoice shows wrong VAT", "Need a refund for unused seats", "Card declined on renewal",
            "Upgrade not reflected on invoice"},
        {"Not receiving email alerts", "Dashboard email not arriving", "Too many notifications", "Slack alerts stopped",
            "Digest email empty"},
        {"CSV export fails", "Report numbers look wrong", "Seat count on usage dashboard is off", "Chart does not load",
            "Scheduled report missing columns"},
        {"Salesforce sync creates duplicates", "Webhook events missing", "HubSpot connection drops", "Zapier trigger not firing",
            "SSO with Okta broken"},
        {"No push notifications on iPhone", "App crashes on login", "Android app slow", "Offline mode loses edits",
            "Cannot upload photo from app"},
        {"Users cannot log in with SSO", "Cannot remove a user", "Role permissions not applied", "Invite link expired",
            "2FA reset request"},
        {"User import rejects file", "Import stuck at 90%", "Mapping fields on import", "Duplicate records after import",
            "Import of 50k rows failed"},
        {"Rate limit reset time wrong", "401 on valid token", "API returns 500 on pagination", "Webhook signature mismatch",
            "Missing field in API response"}};

    private static final String[] SPIKE_SUBJECTS = {"Dashboard email not arriving for new teammate",
        "New users not getting scheduled report email", "Weekly KPI email missing for some people",
        "Scheduled email only goes to old recipients", "Team lead never receives the Monday dashboard"};

    /** Product-bug notes per area; several describe a documented known issue without naming it. */
    private static final String[][] BUG_NOTES = {
        {"Invoice after the mid-month upgrade listed last plan's VAT rate, total was right. Regenerated invoice from billing console.",
            "Proration calculated on the wrong day after plan change. Engineering confirmed, credit issued meanwhile.",
            "Double charge caused by a retry in the payment job. Refunded second charge; defect logged."},
        {"Slack alerts stopped after workspace reconnect; tokens not refreshed. Engineering confirmed defect.",
            "Digest email renders empty for accounts with more than 50 projects. Bug filed with platform team.",
            "Alert e-mails delayed by several hours during queue backlog. Confirmed by platform on-call."},
        {"Export of the yearly report (about 300k rows) spins, then gateway timeout. Suggested scheduling the export so it arrives as a link. See KI-301.",
            "Large CSV download times out after a minute for the full-year report; smaller date ranges work. Scheduled export instead.",
            "Usage dashboard shows more seats than the billing page; users in two teams counted twice. Told customer invoice is correct.",
            "Chart widget fails to load when a filter contains an ampersand. Engineering reproduced and confirmed."},
        {"After the sync, contacts appear twice - one copy has capitals in the e-mail address. Enabled case-insensitive match, full resync fixed it.",
            "Webhook receiver was down for 10 minutes (503) and those events never came again. Pointed customer at the replay endpoint. KI-327.",
            "HubSpot connection drops every 24h because the refresh token is not stored. Engineering confirmed.",
            "Salesforce duplicates again for contacts whose email changed case, KI-309 workaround applied."},
        {"User changed password this morning and push notifications stopped on iOS. Logging out and back in brought them back.",
            "App crashes at login on Android 14 with a specific font size setting. Mobile team confirmed, fix in next build.",
            "Offline edits lost when app is killed before sync. Reproduced, bug filed."},
        {"SAML login loops back to the login page, 'assertion not yet valid'. Customer IdP clock was 3 minutes ahead; raised allowed skew to 5 min.",
            "Removed user still appears in the seat list; cache not invalidated. Engineering confirmed.",
            "Okta SSO failing for the whole tenant - IdP time drift, asked their IT to fix NTP. KI-305."},
        {"Bulk import says column 'email' is missing but it is there. File saved from Excel with BOM; re-saved as CSV UTF-8 and it worked.",
            "Import stuck at 90% for files with more than 40k rows. Engineering confirmed a lock timeout.",
            "Duplicate records after re-import because the key match ignores leading zeros. Bug filed."},
        {"Client backs off far too long: X-RateLimit-Reset is an hour off for their EU tenant. Told them to use Retry-After.",
            "Pagination with cursor returns 500 on the last page. API team reproduced.",
            "Webhook signature mismatch when payload has non-ASCII characters. Confirmed encoding bug."}};

    private static final String[] SPIKE_NOTES = {
        "Customer added two colleagues to the weekly KPI digest last Tuesday; neither has received it, the original recipients still do. Reproduced on test tenant, engineering confirmed.",
        "New hires on the ops team are not getting the Monday dashboard report by mail although they are listed on the schedule. Existing people get it fine.",
        "People put on the report schedule after it was set up never get the email. Removing and re-adding them did not help; editing and saving the schedule again fixed it.",
        "Weekly dashboard mail goes out, but only to those who were on the list when the schedule was made; later additions are silently skipped.",
        "Manager says her new team lead never receives the automated dashboard email. Delivery log does not contain the address even though it shows in the recipient list.",
        "Recipients added last week are missing from the scheduled dashboard send. Older recipients receive it. Escalated to engineering, confirmed regression after 5.13.",
        "Only the original subscribers get the daily metrics email; the three analysts added on Monday get nothing. Re-saving the schedule sent it to everyone."};

    private static final String[] POLICY_NOTES = {
        "Customer asked for a refund of the annual plan after 4 months. Above frontline limit; billing lead approved a partial credit.",
        "Contract promises a named support engineer, no policy covers this for %s. Manager agreed a temporary arrangement.",
        "GDPR deletion request including backups; no documented handling for backup copies. Privacy desk took over.",
        "Credit request of 25% for downtime in %s; policy only allows 10% at frontline. Escalated to billing lead."};

    private static final String[] TRAINING_NOTES = {
        "Tier 1 treated it as a browser problem; real cause was a permissions setting in %s. Walked agent through the admin screen.",
        "Documented workaround existed but was not offered. Shared the known issue with the agent.",
        "Agent did not know how to use the impersonation tool to check the %s settings. Tier 2 resolved in 10 minutes.",
        "Misdiagnosed as an outage; it was the customer's expired token. Coached agent on the checklist."};

    private static final String[] PROCESS_NOTES = {
        "First response target missed over the weekend, SLA monitor escalated. Replied and resolved the %s question.",
        "Ticket sat in the wrong queue for two days before reaching %s owners. Moved and answered.",
        "Handoff note missing between shifts; customer had to explain again. Resolved by tier 2.",
        "Customer chased three times; ticket was waiting on an internal team without an owner. Assigned and closed."};

    private static final String[] DOCS_NOTES = {
        "Help article for %s describes the old settings page. Sent the customer the current steps; article flagged.",
        "No article explains how %s limits work. Wrote the steps in the reply and requested a new article.",
        "Error message 'Operation failed (code 17)' gives no hint; it means the file is too large. Explained and logged docs request.",
        "Customer followed the setup guide for %s, which skips a required step. Guide update requested."};

    private static final String[] OTHER_NOTES = {
        "VIP account asked for direct tier 2 contact. Handled by tier 2, nothing wrong found.",
        "Escalated from the old tier 2 queue before the reason codes existed. Resolved.",
        "Customer requested escalation; question about %s answered by tier 2."};

    private static final String[] ROUTINE_NOTES = {
        "Answered how-to question about %s. Customer confirmed.",
        "Reset password link sent, customer logged in.",
        "Explained %s settings; no fault found.",
        "Duplicate of an earlier ticket from the same user, merged.",
        "Cleared cache and the %s page loaded again.",
        "Walked customer through the %s configuration."};

    private static final String[] AREA_WORDS = {"billing", "notification", "reporting", "integration", "mobile app",
        "user management", "data import", "API"};

    static String subject(Random random, int area, boolean spike) {
        return spike ? SPIKE_SUBJECTS[random.nextInt(SPIKE_SUBJECTS.length)]
                : SUBJECTS[area][random.nextInt(SUBJECTS[area].length)];
    }

    static String spikeNote(Random random) {
        return SPIKE_NOTES[random.nextInt(SPIKE_NOTES.length)];
    }

    static String routineNote(Random random, int area) {
        return fill(ROUTINE_NOTES[random.nextInt(ROUTINE_NOTES.length)], area);
    }

    static String escalationNote(Random random, RootCause cause, int area) {
        String[] notes = switch (cause) {
            case PRODUCT_BUG -> BUG_NOTES[area];
            case POLICY_GAP -> POLICY_NOTES;
            case TRAINING_GAP -> TRAINING_NOTES;
            case PROCESS_FAILURE -> PROCESS_NOTES;
            case DOCUMENTATION_GAP -> DOCS_NOTES;
            case UNCLASSIFIED -> OTHER_NOTES;
        };
        return fill(notes[random.nextInt(notes.length)], area);
    }

    static String resolutionType(Random random, RootCause cause) {
        String[] types = switch (cause) {
            case PRODUCT_BUG -> new String[] {"fixed", "fixed", "workaround", "workaround", "known_issue"};
            case POLICY_GAP -> new String[] {"refund", "refund", "no_fault", "workaround"};
            case TRAINING_GAP -> new String[] {"fixed", "fixed", "fixed", "workaround"};
            case PROCESS_FAILURE -> new String[] {"fixed", "fixed", "no_fault", "duplicate"};
            case DOCUMENTATION_GAP -> new String[] {"workaround", "fixed"};
            case UNCLASSIFIED -> new String[] {"fixed", "no_fault"};
        };
        return types[random.nextInt(types.length)];
    }

    private static String fill(String template, int area) {
        return template.replace("%s", AREA_WORDS[area]);
    }
}
