package com.escalationanalyst.helpdesk;

import com.escalationanalyst.config.EscalationSettings;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Builds the ticket rollups for the business zone ({@code escalation.time-zone}) when the application starts, before
 * anything reads them: on the first start on PostgreSQL and after the zone changes. See {@link TicketRollups}.
 */
@Component
class TicketRollupBuilder implements InitializingBean {

    private final HelpdeskDatabase helpdesk;
    private final EscalationSettings settings;

    TicketRollupBuilder(HelpdeskDatabase helpdesk, EscalationSettings settings) {
        this.helpdesk = helpdesk;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        helpdesk.rollups().buildFor(settings.timeZone());
    }
}
