package com.escalationanalyst.archive;

import com.escalationanalyst.analysis.AnalysisRequestException;
import com.escalationanalyst.analysis.RequestNumbers;
import com.escalationanalyst.config.EscalationSettings;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Turns the archive's request parameters (API and page alike) into a {@link RunQuery}, naming the field at fault. */
@Component
class RunQueries {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    private static final Set<String> SKILLS = Set.of(ArchivedRun.PATTERNS, ArchivedRun.SEGMENTS, ArchivedRun.MONTHLY_REPORT,
            ArchivedRun.SLA_ATTAINMENT);

    private final ZoneId zone;

    RunQueries(EscalationSettings escalation) {
        this.zone = escalation.timeZone();
    }

    RunQuery of(String skill, String user, String from, String to, String page, String size) {
        String chosenSkill = blankToNull(skill);
        if (chosenSkill != null && !SKILLS.contains(chosenSkill)) {
            throw new AnalysisRequestException("skill", "'" + skill + "' is not a skill; use one of "
                    + String.join(", ", SKILLS.stream().sorted().toList()));
        }
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new AnalysisRequestException("to", "to (" + toDate + ") is before from (" + fromDate + ")");
        }
        int pageNumber = RequestNumbers.wholeNumber("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = RequestNumbers.wholeNumber("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new RunQuery(chosenSkill, blankToNull(user),
                fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant(), pageNumber, pageSize);
    }

    private static LocalDate date(String field, String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new AnalysisRequestException(field, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
