package com.escalationanalyst.analysis.segments;

import com.escalationanalyst.analysis.AnalysisRequestException;
import java.util.Arrays;
import java.util.Locale;

/** What customers are grouped by. Tickets of accounts the CRM does not know form the value "unknown". */
enum SegmentDimension {
    SEGMENT("segment"),
    TIER("tier"),
    REGION("region"),
    SEGMENT_TIER("segment×tier");

    static final String UNKNOWN = "unknown";
    static final String NONE = "(none)";

    private final String id;

    SegmentDimension(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** The value of an account; null fields of a known account are "(none)". */
    String valueOf(String segment, String tier, String region) {
        return switch (this) {
            case SEGMENT -> orNone(segment);
            case TIER -> orNone(tier);
            case REGION -> orNone(region);
            case SEGMENT_TIER -> orNone(segment) + " × " + orNone(tier);
        };
    }

    static SegmentDimension parse(String text) {
        if (text == null || text.isBlank()) {
            return SEGMENT;
        }
        String normalised = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (normalised) {
            case "segment" -> SEGMENT;
            case "tier" -> TIER;
            case "region" -> REGION;
            case "segment×tier", "segmentxtier", "segment*tier", "segment-tier", "segment_tier", "segmenttier",
                 "segment,tier" -> SEGMENT_TIER;
            default -> throw new AnalysisRequestException("dimension", "'" + text + "' is not a dimension; use one of "
                    + String.join(", ", Arrays.stream(values()).map(SegmentDimension::id).toList()));
        };
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
