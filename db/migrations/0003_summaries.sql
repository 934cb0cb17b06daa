CREATE TABLE "disbursement_category_totals" (
	"category" "disbursement_category" PRIMARY KEY NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	"spent_fen" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donor_gift_counts" (
	"donor_id" uuid PRIMARY KEY NOT NULL,
	"gifts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_donation_totals" (
	"project_id" uuid,
	"raised_fen" bigint DEFAULT 0 NOT NULL,
	"gifts" integer DEFAULT 0 NOT NULL,
	"guest_gifts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fund_donation_totals_project_key" UNIQUE NULLS NOT DISTINCT("project_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_account_totals" (
	"account_id" uuid NOT NULL,
	"entry_kind" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_account_totals_account_id_entry_kind_pk" PRIMARY KEY("account_id","entry_kind")
);
--> statement-breakpoint
CREATE TABLE "ledger_monthly_totals" (
	"month" text NOT NULL,
	"account_kind" "account_kind" NOT NULL,
	"entry_kind" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_monthly_totals_month_account_kind_entry_kind_pk" PRIMARY KEY("month","account_kind","entry_kind")
);
--> statement-breakpoint
CREATE TABLE "need_service_counts" (
	"need_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "need_service_counts_need_id_project_id_pk" PRIMARY KEY("need_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "need_totals" (
	"area_id" text NOT NULL,
	"category" "need_category" NOT NULL,
	"status" "need_status" NOT NULL,
	"needs" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "need_totals_area_id_category_status_pk" PRIMARY KEY("area_id","category","status")
);
--> statement-breakpoint
CREATE TABLE "project_case_totals" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"served_needs" integer DEFAULT 0 NOT NULL,
	"person_times" bigint DEFAULT 0 NOT NULL,
	"beneficiaries" integer DEFAULT 0 NOT NULL,
	"service_records" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "journal_entries_disbursement_idx" ON "journal_entries" USING btree ("disbursement_id") WHERE "journal_entries"."disbursement_id" is not null;--> statement-breakpoint
CREATE INDEX "disbursements_public_idx" ON "disbursements" USING btree ("decided_at") WHERE "disbursements"."status" in ('approved','reversed');--> statement-breakpoint
CREATE INDEX "disbursements_project_public_idx" ON "disbursements" USING btree ("project_id","decided_at") WHERE "disbursements"."status" in ('approved','reversed');--> statement-breakpoint
-- ─── Keeping the summaries current ──────────────────────────────────────────────────────────────────
-- Every change to the rows behind a public figure updates its summary row in the same transaction, through
-- the statement-level triggers below: a statement's changed rows arrive as transition tables, are grouped
-- into one signed delta per summary row, and are applied with one INSERT … ON CONFLICT DO UPDATE, so a
-- 10,000-row batch insert costs one grouped upsert. Statements that change no figure write nothing.
--
-- No deadlocks on summary rows: every writer of a money summary first takes the ledger's advisory lock
-- (7243001, the lock lib/ledger/post.ts takes to post an entry), and every writer of a case summary first
-- takes the case-summary lock (7243002). A donation's or payment's own row is always locked before the
-- ledger lock, in every path, so taking it here (at the status change, before posting) keeps that order.
-- No transaction changes both money and cases; one that ever did would have to take the ledger lock first.
--
-- The rows a statement changed, signed: +1 for each row as it is now, -1 for each row as it was. A
-- transition table exists only for its own trigger's event, so the functions build their queries around
-- this text and run them with EXECUTE.
CREATE FUNCTION summary_changes(op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o'
  END
$$;
--> statement-breakpoint
-- Gifts that count are paid or partially refunded (money that reached the fund); a refunded one no longer counts.
CREATE FUNCTION summarize_donations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched boolean;
BEGIN
  -- A row that moved no figure appears once as +1 and once as -1 with the same values: those cancel out.
  EXECUTE format($q$
    SELECT EXISTS (SELECT FROM (%s) c WHERE c.status IN ('paid','partially_refunded')
                   GROUP BY c.id, c.project_id, c.donor_id, c.amount_fen - c.refunded_fen HAVING sum(c.sign) <> 0)
  $q$, summary_changes(TG_OP)) INTO touched;
  IF NOT touched THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock(7243001);
  EXECUTE format($q$
    WITH counted AS (
      SELECT c.project_id, c.donor_id, c.sign, c.sign * (c.amount_fen - c.refunded_fen) AS net
      FROM (%s) c WHERE c.status IN ('paid','partially_refunded')
    ), funds AS (
      INSERT INTO fund_donation_totals AS t (project_id, raised_fen, gifts, guest_gifts)
      SELECT project_id, sum(net), sum(sign), coalesce(sum(sign) FILTER (WHERE donor_id IS NULL), 0)
      FROM counted GROUP BY project_id
      HAVING sum(net) <> 0 OR sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE donor_id IS NULL), 0) <> 0
      ORDER BY project_id
      ON CONFLICT (project_id) DO UPDATE SET raised_fen = t.raised_fen + excluded.raised_fen,
        gifts = t.gifts + excluded.gifts, guest_gifts = t.guest_gifts + excluded.guest_gifts
    )
    INSERT INTO donor_gift_counts AS t (donor_id, gifts)
    SELECT donor_id, sum(sign) FROM counted WHERE donor_id IS NOT NULL
    GROUP BY donor_id HAVING sum(sign) <> 0
    ORDER BY donor_id
    ON CONFLICT (donor_id) DO UPDATE SET gifts = t.gifts + excluded.gifts
  $q$, summary_changes(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Distinct registered donors change only when a donor's counting gifts cross zero. The transition tables
-- hold the very row versions this statement wrote under each donor row's lock, so two concurrent gifts
-- from one donor can never both count as that donor's first.
CREATE FUNCTION summarize_donor_gift_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  crossed bigint;
BEGIN
  EXECUTE format($q$
    SELECT coalesce(sum((after > 0)::int - (before > 0)::int), 0) FROM (
      SELECT coalesce(max(c.gifts) FILTER (WHERE c.sign = 1), 0) AS after,
             coalesce(max(c.gifts) FILTER (WHERE c.sign = -1), 0) AS before
      FROM (%s) c GROUP BY c.donor_id) d
  $q$, summary_changes(TG_OP)) INTO crossed;
  IF crossed <> 0 THEN
    INSERT INTO summary_counters AS t (name, value) VALUES ('registered_donors', crossed)
      ON CONFLICT (name) DO UPDATE SET value = t.value + excluded.value;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION summarize_journal_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- postEntry holds this lock already; a bulk load (db/seed/scale.ts) takes it here.
  PERFORM pg_advisory_xact_lock(7243001);
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
  ON CONFLICT (month, account_kind, entry_kind) DO UPDATE SET amount_fen = t.amount_fen + excluded.amount_fen;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Approved payments out count; a rejected one never did and a reversed one no longer does.
CREATE FUNCTION summarize_disbursements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched boolean;
BEGIN
  EXECUTE format($q$
    SELECT EXISTS (SELECT FROM (%s) c WHERE c.status = 'approved'
                   GROUP BY c.id, c.category, c.amount_fen HAVING sum(c.sign) <> 0)
  $q$, summary_changes(TG_OP)) INTO touched;
  IF NOT touched THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock(7243001);
  EXECUTE format($q$
    INSERT INTO disbursement_category_totals AS t (category, payments, spent_fen)
    SELECT c.category, sum(c.sign), sum(c.sign * c.amount_fen)
    FROM (%s) c WHERE c.status = 'approved'
    GROUP BY c.category HAVING sum(c.sign) <> 0 OR sum(c.sign * c.amount_fen) <> 0
    ORDER BY c.category
    ON CONFLICT (category) DO UPDATE SET payments = t.payments + excluded.payments, spent_fen = t.spent_fen + excluded.spent_fen
  $q$, summary_changes(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every need counts (needs received); a purge or an assessment moves no figure and writes nothing.
CREATE FUNCTION summarize_needs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched boolean;
BEGIN
  EXECUTE format($q$
    SELECT EXISTS (SELECT FROM (%s) c
                   GROUP BY c.id, c.area_id, c.category, c.status, c.rating, c.project_id HAVING sum(c.sign) <> 0)
  $q$, summary_changes(TG_OP)) INTO touched;
  IF NOT touched THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock(7243002);
  EXECUTE format($q$
    WITH changed AS (%s), cells AS (
      INSERT INTO need_totals AS t (area_id, category, status, needs, rated, satisfied)
      SELECT area_id, category, status, sum(sign),
             coalesce(sum(sign) FILTER (WHERE rating IS NOT NULL), 0), coalesce(sum(sign) FILTER (WHERE rating >= 4), 0)
      FROM changed GROUP BY 1, 2, 3
      HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE rating IS NOT NULL), 0) <> 0
          OR coalesce(sum(sign) FILTER (WHERE rating >= 4), 0) <> 0
      ORDER BY 1, 2, 3
      ON CONFLICT (area_id, category, status) DO UPDATE SET needs = t.needs + excluded.needs,
        rated = t.rated + excluded.rated, satisfied = t.satisfied + excluded.satisfied
    )
    INSERT INTO project_case_totals AS t (project_id, served_needs)
    SELECT project_id, sum(sign) FROM changed
    WHERE project_id IS NOT NULL AND status IN ('in_service','fulfilled','closed')
    GROUP BY project_id HAVING sum(sign) <> 0
    ORDER BY project_id
    ON CONFLICT (project_id) DO UPDATE SET served_needs = t.served_needs + excluded.served_needs
  $q$, summary_changes(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION summarize_service_records() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched boolean;
BEGIN
  EXECUTE format($q$
    SELECT EXISTS (SELECT FROM (%s) c GROUP BY c.id, c.need_id, c.project_id, c.person_times HAVING sum(c.sign) <> 0)
  $q$, summary_changes(TG_OP)) INTO touched;
  IF NOT touched THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock(7243002);
  EXECUTE format($q$
    WITH changed AS (%s), per_need AS (
      INSERT INTO need_service_counts AS t (need_id, project_id, records)
      SELECT need_id, project_id, sum(sign) FROM changed GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
      ON CONFLICT (need_id, project_id) DO UPDATE SET records = t.records + excluded.records
    )
    INSERT INTO project_case_totals AS t (project_id, person_times, service_records)
    SELECT project_id, sum(sign * person_times), sum(sign) FROM changed
    GROUP BY project_id HAVING sum(sign * person_times) <> 0 OR sum(sign) <> 0
    ORDER BY project_id
    ON CONFLICT (project_id) DO UPDATE SET person_times = t.person_times + excluded.person_times,
      service_records = t.service_records + excluded.service_records
  $q$, summary_changes(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A project's distinct beneficiaries change only when a need's service records for it cross zero; as for
-- donors above, the transition tables make that exact under concurrency.
CREATE FUNCTION summarize_need_service_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    INSERT INTO project_case_totals AS t (project_id, beneficiaries)
    SELECT project_id, sum((after > 0)::int - (before > 0)::int) FROM (
      SELECT c.project_id, coalesce(max(c.records) FILTER (WHERE c.sign = 1), 0) AS after,
             coalesce(max(c.records) FILTER (WHERE c.sign = -1), 0) AS before
      FROM (%s) c GROUP BY c.need_id, c.project_id) d
    GROUP BY project_id HAVING sum((after > 0)::int - (before > 0)::int) <> 0
    ORDER BY project_id
    ON CONFLICT (project_id) DO UPDATE SET beneficiaries = t.beneficiaries + excluded.beneficiaries
  $q$, summary_changes(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['donations', 'disbursements', 'needs', 'service_records', 'donor_gift_counts', 'need_service_counts'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_summary_insert', t, 'summarize_' || t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_summary_update', t, 'summarize_' || t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_summary_delete', t, 'summarize_' || t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The journal is append-only (0001_ledger_guards.sql refuses update, delete and truncate): inserts suffice.
CREATE TRIGGER journal_lines_summary_insert AFTER INSERT ON journal_lines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION summarize_journal_lines();
--> statement-breakpoint
-- ─── Rebuilding ──────────────────────────────────────────────────────────────────────────────────────
-- Recomputes every summary from the raw rows: this migration's backfill, and the repair for a mismatch
-- `npm run ledger:verify` reports. Writers to the source tables wait until the calling transaction commits,
-- so what it counts is exactly what the triggers will not. (In this migration the CREATE TRIGGER statements
-- above hold those locks already.) The per-donor and per-need rows go in through their own triggers,
-- which count donors and beneficiaries.
CREATE FUNCTION rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE donations, disbursements, journal_lines, needs, service_records IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM fund_donation_totals;
  DELETE FROM donor_gift_counts;
  DELETE FROM summary_counters;
  DELETE FROM ledger_account_totals;
  DELETE FROM ledger_monthly_totals;
  DELETE FROM disbursement_category_totals;
  DELETE FROM need_totals;
  DELETE FROM need_service_counts;
  DELETE FROM project_case_totals;
  INSERT INTO fund_donation_totals (project_id, raised_fen, gifts, guest_gifts)
  SELECT project_id, sum(amount_fen - refunded_fen), count(*), count(*) FILTER (WHERE donor_id IS NULL)
  FROM donations WHERE status IN ('paid','partially_refunded') GROUP BY project_id;
  INSERT INTO donor_gift_counts (donor_id, gifts)
  SELECT donor_id, count(*) FROM donations
  WHERE status IN ('paid','partially_refunded') AND donor_id IS NOT NULL GROUP BY donor_id;
  INSERT INTO ledger_account_totals (account_id, entry_kind, amount_fen)
  SELECT l.account_id, e.kind, sum(l.amount_fen)
  FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id GROUP BY 1, 2;
  INSERT INTO ledger_monthly_totals (month, account_kind, entry_kind, amount_fen)
  SELECT to_char(e.posted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), a.kind, e.kind, sum(l.amount_fen)
  FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id JOIN ledger_accounts a ON a.id = l.account_id
  GROUP BY 1, 2, 3;
  INSERT INTO disbursement_category_totals (category, payments, spent_fen)
  SELECT category, count(*), sum(amount_fen) FROM disbursements WHERE status = 'approved' GROUP BY category;
  INSERT INTO need_totals (area_id, category, status, needs, rated, satisfied)
  SELECT area_id, category, status, count(*), count(rating), count(*) FILTER (WHERE rating >= 4)
  FROM needs GROUP BY 1, 2, 3;
  INSERT INTO need_service_counts (need_id, project_id, records)
  SELECT need_id, project_id, count(*) FROM service_records GROUP BY 1, 2;
  INSERT INTO project_case_totals AS t (project_id, person_times, service_records)
  SELECT project_id, sum(person_times), count(*) FROM service_records GROUP BY project_id
  ON CONFLICT (project_id) DO UPDATE SET person_times = excluded.person_times, service_records = excluded.service_records;
  INSERT INTO project_case_totals AS t (project_id, served_needs)
  SELECT project_id, count(*) FROM needs
  WHERE project_id IS NOT NULL AND status IN ('in_service','fulfilled','closed') GROUP BY project_id
  ON CONFLICT (project_id) DO UPDATE SET served_needs = excluded.served_needs;
END
$$;
--> statement-breakpoint
SELECT rebuild_summaries();
