-- The journal-line summaries are planned afresh for each statement. As static SQL the plan was cached in
-- the session: a bulk load that started on a small journal kept seq-scanning the whole journal for every
-- batch as it grew (48 s of a scale-100 seed; 12–15 s now). EXECUTE plans for this statement's lines and
-- today's journal.
CREATE OR REPLACE FUNCTION summarize_journal_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- postEntry holds this lock already; a bulk load (db/seed/scale.ts) takes it here.
  PERFORM pg_advisory_xact_lock(7243001);
  EXECUTE $q$
    WITH lines AS (
      SELECT l.account_id, a.kind AS account_kind, e.kind AS entry_kind, l.amount_fen,
             to_char(e.posted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
      FROM new_rows l JOIN journal_entries e ON e.id = l.entry_id JOIN ledger_accounts a ON a.id = l.account_id
    ), per_account AS (
      INSERT INTO ledger_account_totals AS t (account_id, entry_kind, amount_fen)
      SELECT account_id, entry_kind, sum(amount_fen) FROM lines GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (account_id, entry_kind) DO UPDATE SET amount_fen = t.amount_fen + excluded.amount_fen
    )
    INSERT INTO ledger_monthly_totals AS t (month, account_kind, entry_kind, amount_fen)
    SELECT month, account_kind, entry_kind, sum(amount_fen) FROM lines GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (month, account_kind, entry_kind) DO UPDATE SET amount_fen = t.amount_fen + excluded.amount_fen
  $q$;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Summary rows are updated in place all day long: room left in each page lets PostgreSQL put a row's new
-- version beside the old one (a HOT update, no index write) and prune the old one without a vacuum, so
-- the tables stay a few pages each. (Rows already there move into the room as they are updated.)
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['fund_donation_totals', 'donor_gift_counts', 'summary_counters', 'ledger_account_totals',
                           'ledger_monthly_totals', 'disbursement_category_totals', 'need_totals',
                           'project_case_totals', 'need_service_counts'] LOOP
    EXECUTE format('ALTER TABLE %I SET (fillfactor = 50)', t);
  END LOOP;
END
$$;
