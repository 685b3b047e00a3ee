package com.escalationanalyst.archive;

/** Variable names the archive step reads or writes beside {@link com.escalationanalyst.analysis.AnalysisVariables}. */
public final class ArchiveVariables {

    /** The segment comparison's dimension (segment, tier, region, segment×tier). */
    static final String DIMENSION = "dimension";
    /** Where the run's archive page is, for a form's link. */
    public static final String ARCHIVE_LINK = "archiveLink";
    /** The source of a run started from a Tasklist form (no {@code source} variable). */
    static final String SOURCE_TASKLIST = "tasklist";

    private ArchiveVariables() {
    }
}
