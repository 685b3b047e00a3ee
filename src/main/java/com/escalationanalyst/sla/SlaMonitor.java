package com.escalationanalyst.sla;

import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.knowledge.SlaPolicies.Policy;
import com.escalationanalyst.sla.SlaClock.Reading;
import com.escalationanalyst.sla.SlaClock.State;
import com.escalationanalyst.sla.SlaTickets.OpenTicket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One monitor cycle's assessment: each open ticket's policy (first match of priority, tier, segment, channel), the
 * clock of each of its running targets — first response while unanswered, resolution while open, paused while
 * pending if the policy says so — and the alerts not raised before: a ticket is raised once per target and state.
 * A target already breached and raised is not read again.
 */
@Component
class SlaMonitor {

    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

    /** An alert to raise: a ticket, its target, the state reached, its team and due time. */
    record Raised(String ticketId, String target, State state, String team, Instant due) {
    }

    /** What a cycle found: the alerts it raised and how many open tickets it read. */
    record Cycle(List<Raised> raised, int openTickets, int withoutPolicy) {

        long count(State state) {
            return raised.stream().filter(r -> r.state() == state).count();
        }
    }

    private final SlaTickets tickets;
    private final KnowledgeService knowledge;
    private final SlaSettings settings;
    private final Clock clock;

    SlaMonitor(SlaTickets tickets, KnowledgeService knowledge, SlaSettings settings, Clock clock) {
        this.tickets = tickets;
        this.knowledge = knowledge;
        this.settings = settings;
        this.clock = clock;
    }

    Cycle run() {
        Optional<SlaPolicies> policies = knowledge.current().slaPolicies();
        if (policies.isEmpty()) {
            log.warn("SLA monitor: no SLA policy document is active in the escalation-policies space; nothing is checked");
            return new Cycle(List.of(), 0, 0);
        }
        Instant now = clock.instant();
        List<OpenTicket> open = tickets.openTickets();
        Cycle cycle = assess(open, policies.get(), tickets.raisedKeys(), now, settings.atRiskShare());
        List<Object[]> rows = new ArrayList<>();
        for (Raised r : cycle.raised()) {
            rows.add(new Object[] {r.ticketId(), r.target(), r.state().name(), r.team(), SlaTickets.utc(r.due()),
                    SlaTickets.utc(now)});
        }
        tickets.raise(rows);
        return cycle;
    }

    static Cycle assess(List<OpenTicket> open, SlaPolicies policies, Set<String> raised, Instant now, double atRiskShare) {
        List<Raised> alerts = new ArrayList<>();
        java.util.Map<String, BusinessTime.Spans> calendars = new java.util.HashMap<>();
        int withoutPolicy = 0;
        for (OpenTicket t : open) {
            Optional<Policy> policy = policies.match(t.priority(), t.tier(), t.segment(), t.channel());
            if (policy.isEmpty()) {
                withoutPolicy++;
                continue;
            }
            BusinessTime.Spans calendar = calendars.computeIfAbsent(policy.get().calendar(),
                    c -> new BusinessTime.Spans(policies.calendarOf(policy.get())));
            if (t.firstResponseAt() == null) {
                check(t, policy.get(), calendar, SlaPolicies.FIRST_RESPONSE, List.of(), raised, now, atRiskShare, alerts);
            }
            check(t, policy.get(), calendar, SlaPolicies.RESOLUTION, policy.get().pauseWhilePending() ? t.pauses() : List.of(),
                    raised, now, atRiskShare, alerts);
        }
        return new Cycle(alerts, open.size(), withoutPolicy);
    }

    private static void check(OpenTicket t, Policy policy, BusinessTime.Spans calendar, String target, List<SlaClock.Pause> pauses,
                              Set<String> raised, Instant now, double atRiskShare, List<Raised> alerts) {
        Optional<Duration> duration = policy.target(target, t.priority());
        if (duration.isEmpty() || raised.contains(SlaTickets.key(t.ticketId(), target, State.BREACHED.name()))) {
            return;
        }
        Reading reading = SlaClock.read(calendar, t.createdAt(), null, duration.get(), pauses, now, atRiskShare);
        if ((reading.state() == State.AT_RISK || reading.state() == State.BREACHED)
                && !raised.contains(SlaTickets.key(t.ticketId(), target, reading.state().name()))) {
            alerts.add(new Raised(t.ticketId(), target, reading.state(), t.team(), reading.due()));
        }
    }
}
