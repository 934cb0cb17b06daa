CREATE TYPE "public"."account_kind" AS ENUM('clearing', 'general_fund', 'project_fund', 'payments_out', 'refunds', 'processor_fees');--> statement-breakpoint
CREATE TYPE "public"."area_kind" AS ENUM('subdistrict', 'town');--> statement-breakpoint
CREATE TYPE "public"."disbursement_category" AS ENUM('goods', 'services', 'activity', 'administration');--> statement-breakpoint
CREATE TYPE "public"."disbursement_status" AS ENUM('requested', 'approved', 'rejected', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."donation_status" AS ENUM('pending', 'paid', 'partially_refunded', 'refunded', 'failed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."need_category" AS ENUM('life', 'integration', 'education', 'medical', 'elderly_care', 'disability', 'employment', 'emergency');--> statement-breakpoint
CREATE TYPE "public"."need_channel" AS ENUM('online', 'phone', 'paper');--> statement-breakpoint
CREATE TYPE "public"."need_kind" AS ENUM('material', 'service', 'both');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('submitted', 'screening', 'valid', 'invalid', 'matched', 'in_service', 'fulfilled', 'closed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('pending', 'active', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."population" AS ENUM('children', 'elderly', 'disabled', 'limited_mobility', 'low_income');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('draft', 'active', 'paused', 'ended');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('donor', 'social_worker', 'admin');--> statement-breakpoint
CREATE TYPE "public"."urgency" AS ENUM('low', 'normal', 'high', 'critical');--> statement-breakpoint
CREATE TABLE "areas" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "area_kind" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "areas_name_zh_unique" UNIQUE("name_zh")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "user_areas" (
	"user_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	CONSTRAINT "user_areas_user_id_area_id_pk" PRIMARY KEY("user_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text,
	"phone" text,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" DEFAULT 'donor' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_phone_unique" UNIQUE("phone"),
	CONSTRAINT "users_has_login" CHECK ("users"."email" is not null or "users"."phone" is not null)
);
--> statement-breakpoint
CREATE TABLE "project_areas" (
	"project_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	CONSTRAINT "project_areas_project_id_area_id_pk" PRIMARY KEY("project_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "project_covers" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_covers_type" CHECK ("project_covers"."content_type" in ('image/jpeg','image/png','image/webp'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"summary_zh" text NOT NULL,
	"summary_en" text NOT NULL,
	"story_zh" text DEFAULT '' NOT NULL,
	"story_en" text DEFAULT '' NOT NULL,
	"cover_image" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"status" "project_status" DEFAULT 'active' NOT NULL,
	"goal_fen" bigint DEFAULT 0 NOT NULL,
	"categories" "need_category"[] DEFAULT '{}' NOT NULL,
	"kinds" "need_kind"[] DEFAULT '{}' NOT NULL,
	"populations" "population"[] DEFAULT '{}' NOT NULL,
	"capacity_per_month" integer DEFAULT 0 NOT NULL,
	"typical_cost_fen" bigint DEFAULT 0 NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_slug_unique" UNIQUE("slug"),
	CONSTRAINT "projects_goal_nonneg" CHECK ("projects"."goal_fen" >= 0),
	CONSTRAINT "projects_capacity_nonneg" CHECK ("projects"."capacity_per_month" >= 0),
	CONSTRAINT "projects_cost_nonneg" CHECK ("projects"."typical_cost_fen" >= 0),
	CONSTRAINT "projects_dates" CHECK ("projects"."ends_on" is null or "projects"."starts_on" is null or "projects"."ends_on" >= "projects"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "need_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" "need_status",
	"to_status" "need_status",
	"actor_id" uuid,
	"actor_kind" text NOT NULL,
	"note" text,
	"public_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_events_actor_kind" CHECK ("need_events"."actor_kind" in ('resident','staff','system'))
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"status" "need_status" DEFAULT 'submitted' NOT NULL,
	"channel" "need_channel" DEFAULT 'online' NOT NULL,
	"category" "need_category" NOT NULL,
	"kind" "need_kind" NOT NULL,
	"populations" "population"[] DEFAULT '{}' NOT NULL,
	"household_size" smallint DEFAULT 1 NOT NULL,
	"area_id" text NOT NULL,
	"village" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"estimated_cost_fen" bigint,
	"on_behalf_relation" text,
	"urgency" "urgency" DEFAULT 'normal' NOT NULL,
	"hardship" smallint,
	"involves_child" boolean DEFAULT false NOT NULL,
	"consent_version" text NOT NULL,
	"sensitive_consent_at" timestamp with time zone,
	"guardian_consent_at" timestamp with time zone,
	"pii_ciphertext" text,
	"pii_key_id" text,
	"name_masked" text DEFAULT '' NOT NULL,
	"phone_masked" text DEFAULT '' NOT NULL,
	"phone_hash" text,
	"tracking_hash" text NOT NULL,
	"pii_purged_at" timestamp with time zone,
	"possible_duplicate_of" uuid,
	"assignee_id" uuid,
	"project_id" uuid,
	"created_by_id" uuid,
	"invalid_reason" text,
	"rating" smallint,
	"rating_comment" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"screen_due_at" timestamp with time zone NOT NULL,
	"match_due_at" timestamp with time zone,
	"valid_at" timestamp with time zone,
	"matched_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_code_unique" UNIQUE("code"),
	CONSTRAINT "needs_household" CHECK ("needs"."household_size" between 1 and 30),
	CONSTRAINT "needs_cost_nonneg" CHECK ("needs"."estimated_cost_fen" is null or "needs"."estimated_cost_fen" >= 0),
	CONSTRAINT "needs_hardship" CHECK ("needs"."hardship" is null or "needs"."hardship" between 1 and 5),
	CONSTRAINT "needs_rating" CHECK ("needs"."rating" is null or "needs"."rating" between 1 and 5),
	CONSTRAINT "needs_child_consent" CHECK (not "needs"."involves_child" or "needs"."guardian_consent_at" is not null),
	CONSTRAINT "needs_matched_has_project" CHECK ("needs"."status" not in ('matched','in_service','fulfilled','closed') or "needs"."project_id" is not null),
	CONSTRAINT "needs_invalid_has_reason" CHECK ("needs"."status" <> 'invalid' or "needs"."invalid_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "pii_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"need_id" uuid,
	"donation_id" uuid,
	"actor_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"served_on" date NOT NULL,
	"service_type" text NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"person_times" integer NOT NULL,
	"delivered_by" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_hours" CHECK ("service_records"."hours" > 0 and "service_records"."hours" <= 1000),
	CONSTRAINT "service_person_times" CHECK ("service_records"."person_times" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid,
	"amount_fen" bigint NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"status" "donation_status" DEFAULT 'pending' NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"fee_fen" bigint DEFAULT 0 NOT NULL,
	"donor_id" uuid,
	"plan_id" uuid,
	"display_name" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"message" text,
	"contact_ciphertext" text,
	"receipt_requested" boolean DEFAULT false NOT NULL,
	"receipt_ciphertext" text,
	"receipt_number" text,
	"receipt_issued_at" timestamp with time zone,
	"receipt_issued_by_id" uuid,
	"pii_key_id" text,
	"provider" text NOT NULL,
	"provider_session_id" text,
	"provider_payment_id" text,
	"provider_invoice_id" text,
	"certificate_no" text,
	"intent_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_provider_session_id_unique" UNIQUE("provider_session_id"),
	CONSTRAINT "donations_provider_invoice_id_unique" UNIQUE("provider_invoice_id"),
	CONSTRAINT "donations_certificate_no_unique" UNIQUE("certificate_no"),
	CONSTRAINT "donations_intent_key_unique" UNIQUE("intent_key"),
	CONSTRAINT "donations_amount_positive" CHECK ("donations"."amount_fen" > 0),
	CONSTRAINT "donations_refund_range" CHECK ("donations"."refunded_fen" >= 0 and "donations"."refunded_fen" <= "donations"."amount_fen"),
	CONSTRAINT "donations_fee_range" CHECK ("donations"."fee_fen" >= 0 and "donations"."fee_fen" <= "donations"."amount_fen"),
	CONSTRAINT "donations_currency" CHECK ("donations"."currency" = 'CNY'),
	CONSTRAINT "donations_paid_has_certificate" CHECK ("donations"."status" not in ('paid','partially_refunded','refunded') or "donations"."certificate_no" is not null),
	CONSTRAINT "donations_receipt_number" CHECK ("donations"."receipt_number" is null or "donations"."receipt_requested")
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "pending_refunds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"provider_payment_id" text NOT NULL,
	"refunded_total_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recurring_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"donor_id" uuid,
	"project_id" uuid,
	"amount_fen" bigint NOT NULL,
	"status" "plan_status" DEFAULT 'pending' NOT NULL,
	"provider" text NOT NULL,
	"provider_subscription_id" text,
	"provider_session_id" text,
	"intent_key" text,
	"display_name" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"message" text,
	"contact_ciphertext" text,
	"receipt_requested" boolean DEFAULT false NOT NULL,
	"receipt_ciphertext" text,
	"pii_key_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "recurring_plans_provider_subscription_id_unique" UNIQUE("provider_subscription_id"),
	CONSTRAINT "recurring_plans_provider_session_id_unique" UNIQUE("provider_session_id"),
	CONSTRAINT "recurring_plans_intent_key_unique" UNIQUE("intent_key"),
	CONSTRAINT "plans_amount_positive" CHECK ("recurring_plans"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_attributions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inflow_id" bigint NOT NULL,
	"outflow_entry_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reversed_by_entry_id" bigint,
	CONSTRAINT "fund_attributions_positive" CHECK ("fund_attributions"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_inflows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_code" text NOT NULL,
	"entry_id" bigint NOT NULL,
	"donation_id" uuid,
	"amount_fen" bigint NOT NULL,
	"remaining_fen" bigint NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_inflows_amounts" CHECK ("fund_inflows"."amount_fen" > 0 and "fund_inflows"."remaining_fen" between 0 and "fund_inflows"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"memo" text NOT NULL,
	"donation_id" uuid,
	"disbursement_id" uuid,
	"reverses_entry_id" bigint,
	"posted_by_id" uuid,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "journal_entries_hash_unique" UNIQUE("hash"),
	CONSTRAINT "journal_entries_kind" CHECK ("journal_entries"."kind" in ('donation','refund','fee','allocation','disbursement','reversal'))
);
--> statement-breakpoint
CREATE TABLE "journal_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" bigint NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "journal_lines_nonzero" CHECK ("journal_lines"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" "account_kind" NOT NULL,
	"project_id" uuid,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_accounts_code_unique" UNIQUE("code"),
	CONSTRAINT "ledger_accounts_project_scope" CHECK (("ledger_accounts"."kind" in ('project_fund','payments_out')) = ("ledger_accounts"."project_id" is not null)),
	CONSTRAINT "ledger_accounts_fund_nonneg" CHECK ("ledger_accounts"."kind" not in ('general_fund','project_fund') or "ledger_accounts"."balance_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"need_id" uuid,
	"amount_fen" bigint NOT NULL,
	"payee" text NOT NULL,
	"purpose" text NOT NULL,
	"category" "disbursement_category" NOT NULL,
	"status" "disbursement_status" DEFAULT 'requested' NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"decided_by_id" uuid,
	"decision_reason" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"reversal_note" text,
	"reversed_at" timestamp with time zone,
	CONSTRAINT "disbursements_amount_positive" CHECK ("disbursements"."amount_fen" > 0),
	CONSTRAINT "disbursements_four_eyes" CHECK ("disbursements"."decided_by_id" is null or "disbursements"."decided_by_id" <> "disbursements"."requested_by_id"),
	CONSTRAINT "disbursements_decided" CHECK (("disbursements"."status" = 'requested') = ("disbursements"."decided_by_id" is null))
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"disbursement_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_mime" CHECK ("evidence_files"."mime_type" in ('image/jpeg','image/png','application/pdf')),
	CONSTRAINT "evidence_size" CHECK ("evidence_files"."size_bytes" > 0 and "evidence_files"."size_bytes" <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"content" jsonb NOT NULL,
	"published_by_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosures_kind" CHECK ("disclosures"."kind" in ('quarterly','final')),
	CONSTRAINT "disclosures_period" CHECK ("disclosures"."period_end" >= "disclosures"."period_start")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_areas" ADD CONSTRAINT "project_areas_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_areas" ADD CONSTRAINT "project_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_covers" ADD CONSTRAINT "project_covers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_events" ADD CONSTRAINT "need_events_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_events" ADD CONSTRAINT "need_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_access_log" ADD CONSTRAINT "pii_access_log_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_access_log" ADD CONSTRAINT "pii_access_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_donor_id_users_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_plan_id_recurring_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."recurring_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_receipt_issued_by_id_users_id_fk" FOREIGN KEY ("receipt_issued_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_plans" ADD CONSTRAINT "recurring_plans_donor_id_users_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_plans" ADD CONSTRAINT "recurring_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_attributions" ADD CONSTRAINT "fund_attributions_inflow_id_fund_inflows_id_fk" FOREIGN KEY ("inflow_id") REFERENCES "public"."fund_inflows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_attributions" ADD CONSTRAINT "fund_attributions_outflow_entry_id_journal_entries_id_fk" FOREIGN KEY ("outflow_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_attributions" ADD CONSTRAINT "fund_attributions_reversed_by_entry_id_journal_entries_id_fk" FOREIGN KEY ("reversed_by_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_inflows" ADD CONSTRAINT "fund_inflows_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_posted_by_id_users_id_fk" FOREIGN KEY ("posted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "need_events_need_idx" ON "need_events" USING btree ("need_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_status_idx" ON "needs" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "needs_area_idx" ON "needs" USING btree ("area_id","status");--> statement-breakpoint
CREATE INDEX "needs_assignee_idx" ON "needs" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "needs_project_idx" ON "needs" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "needs_phone_hash_idx" ON "needs" USING btree ("phone_hash","submitted_at");--> statement-breakpoint
CREATE INDEX "pii_access_need_idx" ON "pii_access_log" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "pii_access_created_idx" ON "pii_access_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "service_records_need_idx" ON "service_records" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "service_records_project_idx" ON "service_records" USING btree ("project_id","served_on");--> statement-breakpoint
CREATE INDEX "donations_project_idx" ON "donations" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "donations_donor_idx" ON "donations" USING btree ("donor_id","created_at");--> statement-breakpoint
CREATE INDEX "donations_status_idx" ON "donations" USING btree ("status","paid_at");--> statement-breakpoint
CREATE INDEX "donations_payment_idx" ON "donations" USING btree ("provider","provider_payment_id");--> statement-breakpoint
CREATE INDEX "donations_plan_idx" ON "donations" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pending_refunds_payment_idx" ON "pending_refunds" USING btree ("provider","provider_payment_id");--> statement-breakpoint
CREATE INDEX "recurring_plans_donor_idx" ON "recurring_plans" USING btree ("donor_id","created_at");--> statement-breakpoint
CREATE INDEX "fund_attributions_inflow_idx" ON "fund_attributions" USING btree ("inflow_id");--> statement-breakpoint
CREATE INDEX "fund_attributions_outflow_idx" ON "fund_attributions" USING btree ("outflow_entry_id");--> statement-breakpoint
CREATE INDEX "fund_inflows_open_idx" ON "fund_inflows" USING btree ("account_code","id") WHERE "fund_inflows"."remaining_fen" > 0;--> statement-breakpoint
CREATE INDEX "fund_inflows_donation_idx" ON "fund_inflows" USING btree ("donation_id");--> statement-breakpoint
CREATE INDEX "fund_inflows_entry_idx" ON "fund_inflows" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "journal_entries_donation_idx" ON "journal_entries" USING btree ("donation_id");--> statement-breakpoint
CREATE INDEX "journal_entries_posted_idx" ON "journal_entries" USING btree ("posted_at");--> statement-breakpoint
CREATE INDEX "journal_lines_entry_idx" ON "journal_lines" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "journal_lines_account_idx" ON "journal_lines" USING btree ("account_id","entry_id");--> statement-breakpoint
CREATE INDEX "disbursements_project_idx" ON "disbursements" USING btree ("project_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosures_project_period_idx" ON "disclosures" USING btree ("project_id","kind","period_start","period_end");