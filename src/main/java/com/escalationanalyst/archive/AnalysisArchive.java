package com.escalationanalyst.archive;

import com.escalationanalyst.report.ReportDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of the analyses archive (table {@code analysis_run}, in the report database beside the stored reports). */
@Repository
public class AnalysisArchive {

    private static final String SUMMARY_COLUMNS = "run_id, skill, title, started_by, source, created_at, report_id";
    private static final RowMapper<ArchivedRun> SUMMARY = (rs, n) -> new ArchivedRun(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), null, null,
            null, rs.getString(7));

    /** A page of runs and how many match in all. */
    public record Page(List<ArchivedRun> runs, long total) {
    }

    private final JdbcTemplate jdbc;

    AnalysisArchive(ReportDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** Keeps a run; a run kept before (a retried step) is replaced. */
    public void keep(ArchivedRun run) {
        jdbc.update("DELETE FROM analysis_run WHERE run_id = ?", run.id());
        jdbc.update("""
                INSERT INTO analysis_run (run_id, skill, title, started_by, source, created_at, inputs, result, summary,
                    report_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", run.id(), run.skill(), shorten(run.title()), run.startedBy(),
                run.source(), run.createdAt(), run.inputs(), run.result(), run.summary(), run.reportId());
    }

    public Optional<ArchivedRun> find(String id) {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + ", inputs, result, summary FROM analysis_run WHERE run_id = ?",
                (rs, n) -> new ArchivedRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(7)), id).stream().findFirst();
    }

    public Page list(RunQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.skill() != null) {
            where.append(" AND skill = ?");
            args.add(query.skill());
        }
        if (query.startedBy() != null) {
            where.append(" AND started_by = ?");
            args.add(query.startedBy());
        }
        if (query.from() != null) {
            where.append(" AND created_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND created_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM analysis_run" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) query.page() * query.size());
        pageArgs.add(query.size());
        List<ArchivedRun> runs = jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM analysis_run" + where
                + " ORDER BY created_at DESC, run_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", SUMMARY, pageArgs.toArray());
        return new Page(runs, total);
    }

    /** Removes the runs kept before {@code before}; returns how many. */
    public int forgetBefore(Instant before) {
        return jdbc.update("DELETE FROM analysis_run WHERE created_at < ?", Timestamp.from(before));
    }

    private static String shorten(String title) {
        return title.length() <= 500 ? title : title.substring(0, 499) + "…";
    }
}
