package com.escalationanalyst.demo;

import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.dataimport.ImportResult;
import com.escalationanalyst.dataimport.ImportService;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.knowledge.ReasonCodeMap;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Loads the demo data set when {@code escalation.demo-data} is on and both stores are empty. */
@Component
@Profile("!cli")
@ConditionalOnProperty(name = "escalation.demo-data", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ImportService imports;
    private final HelpdeskDatabase helpdesk;
    private final CrmDatabase crm;
    private final Clock clock;
    private final ZoneId zone;
    private final long seed;

    DemoDataLoader(ImportService imports, HelpdeskDatabase helpdesk, CrmDatabase crm, Clock clock,
                   EscalationSettings escalation) {
        this.imports = imports;
        this.helpdesk = helpdesk;
        this.crm = crm;
        this.clock = clock;
        this.zone = escalation.timeZone();
        this.seed = escalation.demoSeed();
    }

    @Override
    public void afterSingletonsInstantiated() {
        long tickets = helpdesk.ticketCounts().tickets();
        long accounts = crm.accountCount();
        if (tickets > 0 || accounts > 0) {
            return;
        }
        long started = System.nanoTime();
        DemoDataGenerator generator = new DemoDataGenerator(seed, clock.instant(), zone, ReasonCodeMap.seed());
        ImportResult accountResult = imports.upsertAccounts(generator.accounts().iterator());
        ImportResult ticketResult = imports.upsertTickets(generator.tickets());
        log.info("Loaded demo data ({} accounts, {} tickets, {} to now, seed {}) in {} ms", accountResult.inserted(),
                ticketResult.inserted(), generator.firstMonth(), seed, (System.nanoTime() - started) / 1_000_000);
    }
}
