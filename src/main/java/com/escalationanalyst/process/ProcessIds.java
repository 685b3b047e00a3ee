package com.escalationanalyst.process;

/** Process definition keys; each equals its file name under bpmn/. */
public final class ProcessIds {

    public static final String SELF_CHECK = "SelfCheckProcess";
    public static final String ANALYZE_ESCALATION_PATTERNS = "AnalyzeEscalationPatternsProcess";

    private ProcessIds() {
    }
}
