package com.escalationanalyst.ask;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.archive.RunTitles;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodException;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.process.JsonVariables;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Understand the question": the skill and its inputs as variables for the call that runs it ({@code askedSkill}
 * "clarify" when the question is asked back), and what was understood in one line.
 */
@Component("understandQuestionDelegate")
class UnderstandQuestionDelegate implements JavaDelegate {

    private final AskVocabulary vocabulary;
    private final PeriodResolver periods;

    UnderstandQuestionDelegate(AskVocabulary vocabulary, PeriodResolver periods) {
        this.vocabulary = vocabulary;
        this.periods = periods;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Understanding u = vocabulary.reader().read((String) execution.getVariable(AnalysisVariables.QUESTION));
        String understood = null;
        if (!u.skill().equals(Understanding.CLARIFY)) {
            try {
                understood = switch (u.skill()) {
                    case Understanding.REPORT -> RunTitles.report(YearMonth.parse(u.month()), false);
                    case Understanding.SEGMENTS -> RunTitles.segments(period(u), u.dimension(), u.productArea());
                    default -> RunTitles.patterns(period(u), u.productArea(), u.segment(), u.tier(), u.region());
                };
            } catch (PeriodException e) {
                u = Understanding.clarify("I read the period as '" + u.period() + "', but " + e.getMessage()
                        + ". Which period do you mean?");
            }
        }
        execution.setVariable(AnalysisVariables.READER_WAITING, execution.getVariable(AnalysisVariables.SOURCE) == null);
        execution.setVariable(AskVariables.ASKED_SKILL, u.skill());
        execution.setVariable(AnalysisVariables.PERIOD, u.period());
        execution.setVariable(AnalysisVariables.PRODUCT_AREA, u.productArea());
        execution.setVariable(AnalysisVariables.SEGMENT, u.segment());
        execution.setVariable(AnalysisVariables.TIER, u.tier());
        execution.setVariable(AnalysisVariables.REGION, u.region());
        execution.setVariable(AskVariables.DIMENSION, u.dimension());
        execution.setVariable(AskVariables.MONTH, u.month());
        execution.setVariable(AskVariables.UNDERSTOOD, understood);
        execution.setVariable(AskVariables.CLARIFICATION, u.clarification());
        execution.setVariable(AskVariables.NOTES, JsonVariables.json(u.notes()));
    }

    private Period period(Understanding u) {
        return periods.resolve(u.period(), null, null);
    }
}
