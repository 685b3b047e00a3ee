package com.escalationanalyst.report;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who receives the monthly report: {@code escalation.report.recipients} and the e-mail addresses of the
 * members of the Camunda group {@code escalation.report.recipient-group}, each address once. A member
 * without a usable address is named in the log (never silently left out).
 */
@Component
class ReportRecipients {

    private static final Logger log = LoggerFactory.getLogger(ReportRecipients.class);

    private final ReportSettings settings;
    private final IdentityService identityService;

    ReportRecipients(ReportSettings settings, IdentityService identityService) {
        this.settings = settings;
        this.identityService = identityService;
    }

    List<String> resolve() {
        List<String> recipients = new ArrayList<>(settings.recipients());
        if (settings.recipientGroup().isEmpty()) {
            return recipients;
        }
        for (User user : identityService.createUserQuery().memberOfGroup(settings.recipientGroup()).orderByUserId().asc().list()) {
            String email = user.getEmail();
            try {
                if (email == null || email.isBlank()) {
                    throw new AddressException("no e-mail address");
                }
                String address = new InternetAddress(email.trim(), true).getAddress();
                if (!recipients.contains(address)) {
                    recipients.add(address);
                }
            } catch (AddressException e) {
                log.warn("Group {} member {} gets no monthly report: {} ({})", settings.recipientGroup(), user.getId(),
                        e.getMessage(), email);
            }
        }
        return recipients;
    }

    /** Says where recipients come from, for the error when there are none. */
    String describe() {
        return "escalation.report.recipients" + (settings.recipientGroup().isEmpty()
                ? " (escalation.report.recipient-group is not set)"
                : " and the members of group '" + settings.recipientGroup() + "' with an e-mail address");
    }
}
