package com.escalationanalyst.ask;

import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.knowledge.SentenceEmbeddings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The question reader of the moment: today's date in the business time zone and the product areas, segments,
 * tiers and regions the stores hold, read again after {@link #FRESH_FOR} (an import may add a value).
 */
@Component
class AskVocabulary {

    static final Duration FRESH_FOR = Duration.ofMinutes(5);

    private final HelpdeskDatabase helpdesk;
    private final CrmDatabase crm;
    private final Clock clock;
    private final ZoneId zone;
    private QuestionReader reader;
    private LocalDate readerDay;
    private Instant readAt;

    AskVocabulary(HelpdeskDatabase helpdesk, CrmDatabase crm, Clock clock,
                  EscalationSettings escalation) {
        this.helpdesk = helpdesk;
        this.crm = crm;
        this.clock = clock;
        this.zone = escalation.timeZone();
    }

    synchronized QuestionReader reader() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        if (reader == null || !today.equals(readerDay) || now.isAfter(readAt.plus(FRESH_FOR))) {
            CrmDatabase.AccountValues accounts = crm.accountValues();
            reader = new QuestionReader(new FilterValues(helpdesk.productAreas(), accounts.segments(), accounts.tiers(),
                    accounts.regions()), today, SentenceEmbeddings.shared());
            readerDay = today;
            readAt = now;
        }
        return reader;
    }
}
