CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"zone_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"level_labels" jsonb NOT NULL,
	"thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"zone_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"lead_unit_id" uuid,
	"leader_id" uuid,
	"owner_id" uuid,
	"weight" numeric DEFAULT '1' NOT NULL,
	"start_date" date,
	"due_date" date,
	"progress_method" text DEFAULT 'children' NOT NULL,
	"manual_progress" numeric,
	"is_public" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_item_code_uq" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "plan_item_alignment" (
	"item_id" uuid NOT NULL,
	"strategic_item_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	CONSTRAINT "plan_item_alignment_item_id_strategic_item_id_pk" PRIMARY KEY("item_id","strategic_item_id")
);
--> statement-breakpoint
CREATE TABLE "plan_item_co_unit" (
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	CONSTRAINT "plan_item_co_unit_item_id_unit_id_pk" PRIMARY KEY("item_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"zone_id" uuid NOT NULL,
	"value_id" uuid NOT NULL,
	"original_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "evidence_file_stored_name_unique" UNIQUE("stored_name")
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"zone_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"direction" text DEFAULT 'increase' NOT NULL,
	"unit_of_measure" text NOT NULL,
	"year" integer NOT NULL,
	"baseline" numeric,
	"target" numeric NOT NULL,
	"limit_mode" text,
	"band_low" numeric,
	"band_high" numeric,
	"curve" jsonb,
	"frequency" text DEFAULT 'monthly' NOT NULL,
	"thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text DEFAULT 'reported' NOT NULL,
	"formula" text,
	"reporting_unit_id" uuid,
	"weight" numeric DEFAULT '1' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"source_text" text,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_zone_code_uq" UNIQUE("zone_id","code")
);
--> statement-breakpoint
CREATE TABLE "indicator_value" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"zone_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" numeric NOT NULL,
	"current_amount" numeric,
	"last_year_amount" numeric,
	"note" text,
	"review_state" text DEFAULT 'accepted' NOT NULL,
	"report_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_value_period_uq" UNIQUE("indicator_id","period")
);
--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_parent_id_plan_item_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_lead_unit_id_unit_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_leader_id_app_user_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_alignment" ADD CONSTRAINT "plan_item_alignment_item_id_plan_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_alignment" ADD CONSTRAINT "plan_item_alignment_strategic_item_id_plan_item_id_fk" FOREIGN KEY ("strategic_item_id") REFERENCES "public"."plan_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_alignment" ADD CONSTRAINT "plan_item_alignment_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_co_unit" ADD CONSTRAINT "plan_item_co_unit_item_id_plan_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_co_unit" ADD CONSTRAINT "plan_item_co_unit_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_co_unit" ADD CONSTRAINT "plan_item_co_unit_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_value_id_indicator_value_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_value"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_item_id_plan_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_reporting_unit_id_unit_id_fk" FOREIGN KEY ("reporting_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_zone_id_zone_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_zone_idx" ON "plan" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "plan_item_parent_idx" ON "plan_item" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "plan_item_plan_idx" ON "plan_item" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_item_alignment_strategic_idx" ON "plan_item_alignment" USING btree ("strategic_item_id");--> statement-breakpoint
CREATE INDEX "plan_item_co_unit_unit_idx" ON "plan_item_co_unit" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "evidence_file_value_idx" ON "evidence_file" USING btree ("value_id");--> statement-breakpoint
CREATE INDEX "indicator_item_idx" ON "indicator" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "indicator_value_zone_idx" ON "indicator_value" USING btree ("zone_id");