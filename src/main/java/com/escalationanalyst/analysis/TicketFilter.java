package com.escalationanalyst.analysis;

import com.escalationanalyst.period.Period;
import java.util.List;

/**
 * Which tickets an analysis looks at: a period, optionally one product area and one segment.
 * A segment is resolved to its account ids in the CRM first (the CRM may be another database);
 * {@code unknownSegment} selects tickets whose account the CRM does not know.
 */
public record TicketFilter(Period period, String productArea, String segment, List<String> accountIds,
                           boolean unknownSegment) {

    public static final String UNKNOWN_SEGMENT = "unknown";
}
