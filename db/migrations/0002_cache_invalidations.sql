CREATE TABLE "cache_invalidations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tag" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cache_invalidations_at_idx" ON "cache_invalidations" USING btree ("at");--> statement-breakpoint
-- Any statement that changes rows public pages are drawn from notes one 'public' change, in its own
-- transaction: instances see it only once it commits. Statements that change no rows note nothing.
CREATE OR REPLACE FUNCTION note_public_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM changed_old) THEN RETURN NULL; END IF;
  ELSE
    IF NOT EXISTS (SELECT 1 FROM changed_new) THEN RETURN NULL; END IF;
  END IF;
  INSERT INTO cache_invalidations (tag) VALUES ('public');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['donations','journal_entries','needs','service_records','disbursements',
                           'projects','project_areas','areas','disclosures'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_new
                    FOR EACH STATEMENT EXECUTE FUNCTION note_public_change()', t || '_public_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_new
                    FOR EACH STATEMENT EXECUTE FUNCTION note_public_change()', t || '_public_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_old
                    FOR EACH STATEMENT EXECUTE FUNCTION note_public_change()', t || '_public_delete', t);
  END LOOP;
END $$;
