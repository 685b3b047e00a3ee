package com.escalationanalyst.report;

import com.escalationanalyst.analysis.patterns.KnownIssueMatching;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.process.JsonVariables;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Match the month's known issues": the known issues the report month's escalations match, per root cause, and
 * its candidate new known issues (clusters of similar unmatched product-bug notes).
 */
@Component("matchReportKnownIssuesDelegate")
class MatchReportKnownIssuesDelegate implements JavaDelegate {

    private final KnownIssueMatching matching;
    private final KnowledgeService knowledge;
    private final PeriodResolver periods;

    MatchReportKnownIssuesDelegate(KnownIssueMatching matching, KnowledgeService knowledge, PeriodResolver periods) {
        this.matching = matching;
        this.knowledge = knowledge;
        this.periods = periods;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = ReportVariables.reportMonth(execution);
        KnownIssueMatching.PeriodMatches matches = matching.of(periods.month(month),
                knowledge.snapshot(ReportVariables.knowledgeGeneration(execution)));
        execution.setVariable(ReportVariables.KNOWN_ISSUES, JsonVariables.json(matches.byRootCause()));
        execution.setVariable(ReportVariables.CANDIDATE_ISSUES, JsonVariables.json(matches.candidates()));
    }
}
