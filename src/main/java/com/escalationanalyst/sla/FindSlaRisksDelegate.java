package com.escalationanalyst.sla;

import com.escalationanalyst.sla.SlaClock.State;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Find tickets at risk or breached": one assessment; the cycle's counts stay with the run (and in the log). */
@Component("findSlaRisksDelegate")
class FindSlaRisksDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(FindSlaRisksDelegate.class);

    private final SlaMonitor monitor;

    FindSlaRisksDelegate(SlaMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaMonitor.Cycle cycle = monitor.run();
        execution.setVariable(SlaVariables.OPEN_TICKETS, cycle.openTickets());
        execution.setVariable(SlaVariables.WITHOUT_POLICY, cycle.withoutPolicy());
        execution.setVariable(SlaVariables.NEWLY_AT_RISK, cycle.count(State.AT_RISK));
        execution.setVariable(SlaVariables.NEWLY_BREACHED, cycle.count(State.BREACHED));
        log.info("SLA monitor: {} open tickets ({} without a policy), {} newly at risk, {} newly breached",
                cycle.openTickets(), cycle.withoutPolicy(), cycle.count(State.AT_RISK), cycle.count(State.BREACHED));
    }
}
