package com.escalationanalyst.archive;

/** Variable names the archive step reads or writes beside {@link com.escalationanalyst.analysis.AnalysisVariables}. */
public final class ArchiveVariables {

    /** The segment comparison's dimension (segment, tier, region, segment×tier). */
    static final String DIMENSION = "dimension";
    /** Where the run's archive page is, for a form's link. */
    public static final String ARCHIVE_LINK = "archiveLink";
    /** The run's chart as {@code {"src": "data:image/png;base64,…"}} for the forms (Tasklist and asked runs only). */
    public static final String CHART_IMAGE = "chartImage";
    /** The source of a run started from a Tasklist form (no {@code source} variable). */
    static final String SOURCE_TASKLIST = "tasklist";

    private ArchiveVariables() {
    }
}
