-- Rollup tables (PostgreSQL only; docs/adr/0021-rollup-tables.md): the tickets counted per business-zone day and
-- month, kept up to date by statement triggers on ticket in the writer's transaction, so that analyses read whole
-- days and months from a few thousand rows instead of millions of tickets. On H2 the analyses read ticket.

-- The zone the rollups were built for; NULL until the application builds them (at start, or when
-- escalation.time-zone changes). While it is NULL the triggers do nothing and nothing reads the rollups.
CREATE TABLE ticket_rollup_state (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    zone      VARCHAR(64),
    built_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO ticket_rollup_state (singleton, zone) VALUES (TRUE, NULL);

-- per month and account: the segment comparison's per-account totals
CREATE TABLE ticket_month_rollup (
    month_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    account_id   VARCHAR(64),
    tickets      BIGINT NOT NULL,
    escalated    BIGINT NOT NULL,
    CONSTRAINT uq_ticket_month_rollup UNIQUE NULLS NOT DISTINCT (month_start, account_id)
);

-- per day, product area, escalated or not, reason code and team: ticket counts (report, freshness check,
-- drill-down totals) and the escalations' handle and escalation times (report)
CREATE TABLE ticket_day_rollup (
    day_start              TIMESTAMP WITH TIME ZONE NOT NULL,
    product_area           VARCHAR(128),
    escalated              BOOLEAN NOT NULL,
    escalation_reason_code VARCHAR(64),
    assignee_group         VARCHAR(128),
    tickets                BIGINT NOT NULL,
    handle_minutes_sum     BIGINT NOT NULL,
    handle_minutes_count   BIGINT NOT NULL,
    escalation_millis_sum  BIGINT NOT NULL,
    escalation_timed       BIGINT NOT NULL,
    CONSTRAINT uq_ticket_day_rollup UNIQUE NULLS NOT DISTINCT
        (day_start, product_area, escalated, escalation_reason_code, assignee_group)
);

-- Adds the rows of a statement's transition tables to the rollups: +1 for each new row, -1 for each old row (an
-- update that moves a ticket to another month or area takes it from one key and adds it to the other).
-- Writers of tickets take their turns: the state row is locked from a transaction's first ticket write to its end.
-- Two writers (an import's merge and a sync page) touch the same rollup rows (today, this month, an account), and a
-- transaction that writes tickets in several statements would otherwise hold some of those rows while waiting for
-- others: a deadlock. Readers do not lock the state row.
CREATE FUNCTION ticket_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone TEXT;
    changes TEXT;
BEGIN
    SELECT s.zone INTO zone FROM ticket_rollup_state s FOR UPDATE;
    IF zone IS NULL THEN
        RETURN NULL;
    END IF;
    changes := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
        WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
        ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o' END;
    EXECUTE format($sql$
        INSERT INTO ticket_month_rollup AS r (month_start, account_id, tickets, escalated)
        SELECT * FROM (
            SELECT date_trunc('month', c.created_at, %1$L) AS month_start, c.account_id,
                   SUM(c.sign) AS tickets, SUM(CASE WHEN c.escalated THEN c.sign ELSE 0 END) AS escalated
            FROM (%2$s) c
            GROUP BY 1, 2) d
        WHERE d.tickets <> 0 OR d.escalated <> 0
        ORDER BY 1, 2
        ON CONFLICT ON CONSTRAINT uq_ticket_month_rollup DO UPDATE
            SET tickets = r.tickets + EXCLUDED.tickets, escalated = r.escalated + EXCLUDED.escalated
        $sql$, zone, changes);
    EXECUTE format($sql$
        INSERT INTO ticket_day_rollup AS r (day_start, product_area, escalated, escalation_reason_code, assignee_group,
                                            tickets, handle_minutes_sum, handle_minutes_count, escalation_millis_sum,
                                            escalation_timed)
        SELECT * FROM (
            SELECT date_trunc('day', c.created_at, %1$L) AS day_start, c.product_area, c.escalated,
                   c.escalation_reason_code, c.assignee_group, SUM(c.sign) AS tickets,
                   COALESCE(SUM(c.sign * c.handle_time_minutes), 0) AS handle_minutes_sum,
                   SUM(CASE WHEN c.handle_time_minutes IS NULL THEN 0 ELSE c.sign END) AS handle_minutes_count,
                   COALESCE(SUM(c.sign * CAST(EXTRACT(EPOCH FROM (c.escalated_at - c.created_at)) * 1000 AS BIGINT)),
                            0) AS escalation_millis_sum,
                   SUM(CASE WHEN c.escalated_at IS NULL THEN 0 ELSE c.sign END) AS escalation_timed
            FROM (%2$s) c
            GROUP BY 1, 2, 3, 4, 5) d
        WHERE d.tickets <> 0 OR d.handle_minutes_sum <> 0 OR d.handle_minutes_count <> 0
           OR d.escalation_millis_sum <> 0 OR d.escalation_timed <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT uq_ticket_day_rollup DO UPDATE
            SET tickets = r.tickets + EXCLUDED.tickets,
                handle_minutes_sum = r.handle_minutes_sum + EXCLUDED.handle_minutes_sum,
                handle_minutes_count = r.handle_minutes_count + EXCLUDED.handle_minutes_count,
                escalation_millis_sum = r.escalation_millis_sum + EXCLUDED.escalation_millis_sum,
                escalation_timed = r.escalation_timed + EXCLUDED.escalation_timed
        $sql$, zone, changes);
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_ticket_rollup_insert AFTER INSERT ON ticket
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_rollup_apply();
CREATE TRIGGER tr_ticket_rollup_update AFTER UPDATE ON ticket
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_rollup_apply();
CREATE TRIGGER tr_ticket_rollup_delete AFTER DELETE ON ticket
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_rollup_apply();

CREATE FUNCTION ticket_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE ticket_month_rollup, ticket_day_rollup;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_ticket_rollup_truncate AFTER TRUNCATE ON ticket
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_rollup_truncate();
