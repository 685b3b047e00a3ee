package com.escalationanalyst.sla;

import org.springframework.stereotype.Component;

/** The SLA monitor's timer cycle for the BPMN timer ({@code ${slaMonitorSchedule.cycle()}}). */
@Component("slaMonitorSchedule")
public class SlaMonitorSchedule {

    private final SlaSettings settings;

    SlaMonitorSchedule(SlaSettings settings) {
        this.settings = settings;
    }

    public String cycle() {
        return settings.timerCycle();
    }

    /** The Camunda group whose members see the teams' SLA alert tasks ({@code ${slaMonitorSchedule.taskGroup()}}). */
    public String taskGroup() {
        return settings.taskGroup();
    }
}
