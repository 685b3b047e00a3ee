package com.escalationanalyst.sla;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /sla}: the SLA monitor's recent cycles with their counts, and each team's open alerts now (Cockpit, which
 * links here from its dashboard, does not open the finished monitor runs).
 */
@Controller
class SlaPage {

    static final int CYCLES_SHOWN = 50;

    private final SlaTickets tickets;

    SlaPage(SlaTickets tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/sla")
    String page(Model model) {
        List<SlaTickets.TeamAlerts> teams = tickets.openAlerts(1);
        model.addAttribute("cycles", tickets.recentCycles(CYCLES_SHOWN));
        model.addAttribute("teams", teams);
        return "sla";
    }
}
