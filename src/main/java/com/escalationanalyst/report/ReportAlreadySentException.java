package com.escalationanalyst.report;

import com.escalationanalyst.api.ConflictException;
import com.escalationanalyst.process.RefusedStart;
import java.util.Map;

/** A report run through {@code /api} that would mail a month already mailed, without force: 409 naming the report. */
class ReportAlreadySentException extends ConflictException implements RefusedStart {

    ReportAlreadySentException(String month, Object sentAt, String reportId) {
        super(ReportVariables.FORCE, "the report for " + month + " was already sent at " + sentAt + " (report "
                + reportId + "); set force to true to send it again", Map.of("reportId", reportId));
    }
}
