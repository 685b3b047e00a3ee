package com.escalationanalyst.analysis;

import com.escalationanalyst.period.Period;
import java.util.List;

/**
 * Which tickets an analysis looks at: a period, optionally one product area and one segment, tier and region.
 * Segment, tier and region are resolved to account ids in the CRM first (the CRM may be another database);
 * {@code unknownSegment} selects tickets whose account the CRM does not know.
 */
public record TicketFilter(Period period, String productArea, String segment, String tier, String region,
                           List<String> accountIds, boolean unknownSegment) {

    public static final String UNKNOWN_SEGMENT = "unknown";
}
