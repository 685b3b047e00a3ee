package com.escalationanalyst.archive;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.analysis.patterns.RootCauseBars;
import com.escalationanalyst.analysis.segments.ForestPlot;
import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodVariables;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.report.ReportVariables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Keep in the analyses archive": the run's inputs and answer under its process instance id, so that it can be
 * found after its review task is done (or at once, for an API run); a monthly report run as a pointer to its stored
 * report. Sets {@code archiveLink} for the forms.
 */
@Component("archiveAnalysisDelegate")
class ArchiveAnalysisDelegate implements JavaDelegate {

    /** The start variables a run is asked with, as far as they are set. */
    static final List<String> INPUTS = List.of(AnalysisVariables.PERIOD, AnalysisVariables.FROM, AnalysisVariables.TO,
            AnalysisVariables.PRODUCT_AREA, AnalysisVariables.SEGMENT, AnalysisVariables.TIER, AnalysisVariables.REGION,
            ArchiveVariables.DIMENSION, AnalysisVariables.QUESTION);

    private final AnalysisArchive archive;
    private final Clock clock;
    private final Duration retention;

    ArchiveAnalysisDelegate(AnalysisArchive archive, Clock clock,
                            EscalationSettings escalation) {
        this.archive = archive;
        this.clock = clock;
        this.retention = escalation.archive().retention();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        ArchivedRun run = ProcessIds.MONTHLY_ESCALATION_REPORT.equals(key) ? report(execution) : analysis(execution, key);
        archive.keep(run);
        archive.forgetBefore(clock.instant().minus(retention));
        execution.setVariable(ArchiveVariables.ARCHIVE_LINK, run.page());
        if (execution.getVariable(AnalysisVariables.SOURCE) == null
                || AnalysisVariables.SOURCE_ASK.equals(execution.getVariable(AnalysisVariables.SOURCE))) {
            chart(run).ifPresent(png -> execution.setVariable(ArchiveVariables.CHART_IMAGE, JsonVariables.json(
                    Map.of("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(png)))));
        }
    }

    private ArchivedRun analysis(DelegateExecution execution, String key) {
        ObjectNode inputs = JsonVariables.mapper().createObjectNode();
        for (String name : INPUTS) {
            Object value = execution.getVariable(name);
            if (value != null) {
                inputs.put(name, value.toString());
            }
        }
        Period period = PeriodVariables.read(execution);
        String productArea = (String) execution.getVariable(AnalysisVariables.PRODUCT_AREA);
        String skill;
        String title;
        if (ProcessIds.ANALYZE_ESCALATION_PATTERNS.equals(key)) {
            skill = ArchivedRun.PATTERNS;
            title = RunTitles.patterns(period, productArea, (String) execution.getVariable(AnalysisVariables.SEGMENT),
                    (String) execution.getVariable(AnalysisVariables.TIER),
                    (String) execution.getVariable(AnalysisVariables.REGION));
        } else if (ProcessIds.COMPARE_SEGMENT_ESCALATION_RATES.equals(key)) {
            skill = ArchivedRun.SEGMENTS;
            title = RunTitles.segments(period, (String) execution.getVariable(ArchiveVariables.DIMENSION), productArea);
        } else if (ProcessIds.MEASURE_SLA_ATTAINMENT.equals(key)) {
            skill = ArchivedRun.SLA_ATTAINMENT;
            title = RunTitles.slaAttainment(period);
        } else {
            throw new IllegalStateException("no archive entry is defined for process " + key);
        }
        Object source = execution.getVariable(AnalysisVariables.SOURCE);
        return new ArchivedRun(execution.getProcessInstanceId(), skill, title,
                (String) execution.getVariable(AnalysisVariables.INITIATOR),
                source == null ? ArchiveVariables.SOURCE_TASKLIST : source.toString(), now(), inputs.toString(),
                execution.getVariable(AnalysisVariables.RESULT).toString(),
                execution.getVariable(AnalysisVariables.SUMMARY_TABLE).toString(), null);
    }

    /**
     * The run's chart for a form that shows it (Tasklist's form-js shows images from data: or http(s) URLs only, so
     * the picture travels in the variable); none for a report, which has its own. API runs do not draw one.
     */
    static Optional<byte[]> chart(ArchivedRun run) {
        try {
            JsonNode result = JsonVariables.mapper().readTree(run.result());
            return switch (run.skill()) {
                case ArchivedRun.PATTERNS -> Optional.of(RootCauseBars.png(result));
                case ArchivedRun.SEGMENTS -> Optional.of(ForestPlot.png(result));
                default -> Optional.empty();
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The kept answer of " + run.id() + " is not JSON", e);
        }
    }

    /** A report run: the report itself is kept in the report archive; this entry points to it. */
    private ArchivedRun report(DelegateExecution execution) {
        String month = (String) execution.getVariable(ReportVariables.REPORT_MONTH);
        boolean send = Boolean.TRUE.equals(execution.getVariable(ReportVariables.SEND));
        String reportId = (String) execution.getVariable(ReportVariables.REPORT_ID);
        ObjectNode inputs = JsonVariables.mapper().createObjectNode();
        inputs.put("month", month);
        inputs.put("send", send);
        ObjectNode result = JsonVariables.mapper().createObjectNode();
        result.put("reportId", reportId);
        result.put("subject", (String) execution.getVariable(ReportVariables.SUBJECT));
        String title = RunTitles.report(YearMonth.parse(month), send);
        return new ArchivedRun(execution.getProcessInstanceId(), ArchivedRun.MONTHLY_REPORT, title,
                (String) execution.getVariable(AnalysisVariables.INITIATOR),
                (String) execution.getVariable(ReportVariables.TRIGGER), now(), inputs.toString(), result.toString(),
                null, reportId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
