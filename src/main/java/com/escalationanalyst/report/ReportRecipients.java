package com.escalationanalyst.report;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who receives the monthly report: {@code escalation.report.recipients} and the e-mail addresses of the
 * members of the Camunda groups {@code escalation.report.recipient-groups} (by default the VP of Customer
 * Experience and the support team leads, see {@link ReportRecipientGroups}), each mailbox once. A member
 * without a usable address is named in the log (never silently left out); a configured recipient that is
 * not an address is kept as refused, so each report lists it.
 */
@Component
class ReportRecipients {

    private static final Logger log = LoggerFactory.getLogger(ReportRecipients.class);

    /** The addresses to send to (RFC 822, display names kept) and the configured ones that cannot be. */
    record Resolved(List<String> recipients, List<AddressList.Refused> refused) {

        /** As "Resolve report month" kept them in the process ({@link ReportVariables#RECIPIENTS}). */
        static Resolved of(JsonNode json) {
            List<String> recipients = new ArrayList<>();
            json.path("recipients").forEach(r -> recipients.add(r.asText()));
            List<AddressList.Refused> refused = new ArrayList<>();
            json.path("refused").forEach(r -> refused.add(new AddressList.Refused(r.path("address").asText(),
                    r.path("reason").asText())));
            return new Resolved(List.copyOf(recipients), List.copyOf(refused));
        }
    }

    private final ReportSettings settings;
    private final IdentityService identityService;

    ReportRecipients(ReportSettings settings, IdentityService identityService) {
        this.settings = settings;
        this.identityService = identityService;
    }

    Resolved resolve() {
        List<String> recipients = new ArrayList<>(settings.recipients());
        Set<String> mailboxes = recipients.stream().map(AddressList::mailbox).collect(Collectors.toCollection(HashSet::new));
        for (String group : settings.recipientGroups()) {
            for (User user : identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
                String email = user.getEmail();
                try {
                    if (email == null || email.isBlank()) {
                        throw new AddressException("no e-mail address");
                    }
                    InternetAddress address = new InternetAddress(email.trim(), true);
                    if (mailboxes.add(address.getAddress())) {
                        recipients.add(address.toUnicodeString());
                    }
                } catch (AddressException e) {
                    log.warn("Group {} member {} gets no monthly report: {} ({})", group, user.getId(),
                            e.getMessage(), email);
                }
            }
        }
        return new Resolved(recipients, settings.refusedRecipients());
    }

    /** Says where recipients come from, for the error when there are none. */
    String describe() {
        String refused = settings.refusedRecipients().isEmpty() ? ""
                : " (refused: " + settings.refusedRecipients().stream()
                        .map(r -> "'" + r.address() + "': " + r.reason()).collect(Collectors.joining(", ")) + ")";
        return ReportSettings.RECIPIENTS_PROPERTY + refused + (settings.recipientGroups().isEmpty()
                ? " (escalation.report.recipient-groups is empty)"
                : " or give members with an e-mail address to the groups " + settings.recipientGroups().stream()
                        .map(g -> "'" + g + "'").collect(Collectors.joining(", ")));
    }
}
