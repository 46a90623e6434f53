-- =============================================================================
-- Retell Metrics platform schema (Supabase / PostgreSQL), as documented in
-- "Database Schema Documentation - Retell Metrics Multi-Tenant System"
-- (Document Version 1.0, audit of October 3, 2025).
--
-- Loads into an EMPTY database on PostgreSQL 15, 16 and 17 (and PGlite):
--   * no extensions (gen_random_uuid() is built in since PostgreSQL 13);
--   * no psql meta-commands and no BEGIN/COMMIT, so the whole file can also be
--     sent as one multi-statement simple query.
--
-- Tenancy: schema per organization.
--   system.organizations          master registry; schema_name names the
--                                 organization's own schema
--   system.organization_users, system.billing_history, system.activity_logs,
--   system.system_users
--   <schema_name>.calls           one pair of tables per organization, created
--   <schema_name>.call_rollups    by public.create_organization_schema()
--
-- Schema names follow the seed's pattern 'org_<slug>_<32 hex>' and may contain
-- characters that need quoting (the seed itself shows
-- 'org_test-organization_...'), so every function here builds its SQL with
-- format('%I', ...).
--
-- RPC functions (public, SECURITY DEFINER): create_organization,
-- list_organizations, create_organization_schema, get_organization_calls,
-- get_organization_overview, migrate_calls_to_organization,
-- fix_organization_schema. The seed gives their signatures and purpose only;
-- the bodies are written here and commented.
-- =============================================================================


-- -----------------------------------------------------------------------------
-- Supabase-managed objects
-- -----------------------------------------------------------------------------

-- STAND-IN: schema "auth" is created and managed by Supabase Auth (GoTrue).
CREATE SCHEMA IF NOT EXISTS auth;

-- STAND-IN: auth.users is managed by Supabase Auth. The seed references it
-- (organization_users.user_id, activity_logs.user_id) and keeps each user's
-- role and organization in the Auth "user_metadata" field, which Supabase
-- stores in raw_user_meta_data. Minimal subset only.
CREATE TABLE auth.users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email TEXT,
    raw_user_meta_data JSONB,
    created_at TIMESTAMPTZ DEFAULT now()
);

-- STAND-IN: Supabase's "service_role" database role, which the seed's RLS
-- policy names. Created only when missing and only when the loading role is
-- allowed to (roles are cluster-wide); without it the policy is skipped.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'service_role') THEN
        CREATE ROLE service_role NOLOGIN;
    END IF;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'service_role not created (%): the "Service role access" policies will be skipped', SQLERRM;
END
$$;


-- -----------------------------------------------------------------------------
-- System schema
-- -----------------------------------------------------------------------------

CREATE SCHEMA IF NOT EXISTS system;

-- Column table verbatim from the seed. status is documented as
-- "active/suspended/deleted" without a CHECK, so none is added.
CREATE TABLE system.organizations (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    subdomain TEXT NOT NULL,
    domain TEXT,
    schema_name TEXT NOT NULL,
    retell_api_key TEXT,            -- AES-256-CBC encrypted, stored as 'iv:encrypted_data'
    retell_agent_id TEXT,
    retell_configured BOOLEAN DEFAULT false,
    cogs_per_minute NUMERIC DEFAULT 0.20,
    billing_rate_per_minute NUMERIC DEFAULT 0.40,
    branding JSONB DEFAULT '{"logo_url": null, "favicon_url": null, "company_name": null, "primary_color": "#3B82F6", "secondary_color": "#1E40AF"}'::jsonb,
    status TEXT DEFAULT 'active',   -- active / suspended / deleted
    created_at TIMESTAMPTZ DEFAULT now(),
    updated_at TIMESTAMPTZ DEFAULT now(),
    last_activity_at TIMESTAMPTZ DEFAULT now(),

    CONSTRAINT organizations_pkey PRIMARY KEY (id),
    CONSTRAINT organizations_slug_key UNIQUE (slug),
    CONSTRAINT organizations_subdomain_key UNIQUE (subdomain),
    CONSTRAINT organizations_schema_name_key UNIQUE (schema_name)
);

-- Indexes as the seed lists them (slug and subdomain are indexed twice, by
-- their UNIQUE constraints and by these).
CREATE INDEX idx_organizations_slug ON system.organizations (slug);
CREATE INDEX idx_organizations_subdomain ON system.organizations (subdomain);
CREATE INDEX idx_organizations_status ON system.organizations (status);

-- The seed gives no defaults here; gen_random_uuid() / now() are added for
-- convenience. ON DELETE behaviour is not documented: plain references.
CREATE TABLE system.organization_users (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES system.organizations (id),
    user_id UUID NOT NULL REFERENCES auth.users (id),
    role TEXT NOT NULL,             -- org_admin, viewer, ...
    created_at TIMESTAMPTZ DEFAULT now(),
    updated_at TIMESTAMPTZ DEFAULT now(),

    CONSTRAINT organization_users_pkey PRIMARY KEY (id)
);

-- No nullability in the seed and no column described as nullable: all NOT
-- NULL. Defaults added for id and created_at.
CREATE TABLE system.billing_history (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES system.organizations (id),
    period_start TIMESTAMPTZ NOT NULL,
    period_end TIMESTAMPTZ NOT NULL,
    total_minutes NUMERIC NOT NULL,
    total_cost NUMERIC NOT NULL,
    status TEXT NOT NULL,           -- payment status
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT billing_history_pkey PRIMARY KEY (id)
);

-- organization_id and user_id are described as nullable, the rest NOT NULL.
-- Defaults added for id, metadata and created_at.
CREATE TABLE system.activity_logs (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    organization_id UUID REFERENCES system.organizations (id),
    user_id UUID REFERENCES auth.users (id),
    action TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    metadata JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT activity_logs_pkey PRIMARY KEY (id)
);

CREATE TABLE system.system_users (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    email TEXT NOT NULL,
    role TEXT NOT NULL,             -- super_admin
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT system_users_pkey PRIMARY KEY (id)
);


-- -----------------------------------------------------------------------------
-- Organization schemas
-- -----------------------------------------------------------------------------

-- Creates (idempotently) the organization's schema with its calls and
-- call_rollups tables, every index the seed lists, RLS and the seed's
-- "Service role access" policy. Returns true on success; on any error it
-- raises a WARNING and returns false (the seed: "BOOLEAN (success/failure)"),
-- and nothing it did is kept.
--
-- Table definitions are the seed's column tables. call_rollups has no
-- documented nullability: all NOT NULL, with defaults for id, the counters and
-- the timestamps. Only calls.organization_id is documented as a foreign key.
-- The seed shows the policy on calls; it is applied to call_rollups too. The
-- seed's second policy ("Organization user access") is marked "planned" and
-- relies on an auth.user_metadata() that does not exist, so it is not created.
--
-- A name longer than 63 bytes is refused: PostgreSQL would silently truncate
-- it and the schema would not match system.organizations.schema_name.
CREATE OR REPLACE FUNCTION public.create_organization_schema(
    p_org_id UUID,
    p_schema_name TEXT
)
RETURNS BOOLEAN AS $fn$
DECLARE
    v_tab TEXT;
BEGIN
    IF p_schema_name IS NULL OR p_schema_name = '' THEN
        RAISE WARNING 'create_organization_schema(%): empty schema name', p_org_id;
        RETURN false;
    END IF;
    IF octet_length(p_schema_name) > 63 THEN
        RAISE WARNING 'create_organization_schema(%): schema name longer than 63 bytes: %', p_org_id, p_schema_name;
        RETURN false;
    END IF;

    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', p_schema_name);
    EXECUTE format('COMMENT ON SCHEMA %I IS %L', p_schema_name,
                   'Retell Metrics call data of organization ' || coalesce(p_org_id::text, '(unknown)'));

    EXECUTE format($ddl$
        CREATE TABLE IF NOT EXISTS %I.calls (
            id UUID NOT NULL DEFAULT gen_random_uuid(),
            external_call_id TEXT NOT NULL,
            started_at TIMESTAMPTZ,
            connected_at TIMESTAMPTZ,
            ended_at TIMESTAMPTZ,
            direction TEXT,
            from_e164 TEXT,
            to_e164 TEXT,
            status TEXT,
            end_reason TEXT,
            duration_seconds INTEGER,
            billed_minutes NUMERIC,
            outcome TEXT,
            detailed_summary TEXT,
            transcript TEXT,
            raw JSONB,
            created_at TIMESTAMPTZ DEFAULT now(),
            updated_at TIMESTAMPTZ DEFAULT now(),
            organization_id UUID REFERENCES system.organizations (id),
            agent_id TEXT,
            CONSTRAINT calls_pkey PRIMARY KEY (id),
            CONSTRAINT calls_external_call_id_key UNIQUE (external_call_id)
        )$ddl$, p_schema_name);

    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_calls_created_at ON %I.calls (created_at DESC)', p_schema_name);
    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_calls_started_at ON %I.calls (started_at DESC)', p_schema_name);
    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_calls_status ON %I.calls (status)', p_schema_name);
    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_calls_agent_id ON %I.calls (agent_id)', p_schema_name);
    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_calls_org_id ON %I.calls (organization_id)', p_schema_name);
    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_calls_date_status ON %I.calls (created_at DESC, status)', p_schema_name);
    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_calls_raw_gin ON %I.calls USING gin (raw)', p_schema_name);
    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_calls_external_id ON %I.calls (external_call_id)', p_schema_name);

    EXECUTE format($ddl$
        CREATE TABLE IF NOT EXISTS %I.call_rollups (
            id UUID NOT NULL DEFAULT gen_random_uuid(),
            day DATE NOT NULL,
            agent_id TEXT NOT NULL,
            organization_id UUID NOT NULL,
            total_calls INTEGER NOT NULL DEFAULT 0,
            successful_calls INTEGER NOT NULL DEFAULT 0,
            failed_calls INTEGER NOT NULL DEFAULT 0,
            total_duration_seconds INTEGER NOT NULL DEFAULT 0,
            total_billed_minutes NUMERIC NOT NULL DEFAULT 0,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            CONSTRAINT call_rollups_pkey PRIMARY KEY (id),
            CONSTRAINT call_rollups_day_agent_id_organization_id_key UNIQUE (day, agent_id, organization_id)
        )$ddl$, p_schema_name);

    EXECUTE format('CREATE INDEX IF NOT EXISTS idx_call_rollups_day ON %I.call_rollups (day DESC)', p_schema_name);

    FOREACH v_tab IN ARRAY ARRAY['calls', 'call_rollups'] LOOP
        EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', p_schema_name, v_tab);
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'service_role')
           AND NOT EXISTS (
               SELECT 1
               FROM pg_catalog.pg_policy pol
               JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = p_schema_name AND c.relname = v_tab AND pol.polname = 'Service role access')
        THEN
            EXECUTE format('CREATE POLICY %I ON %I.%I FOR ALL TO service_role USING (true)',
                           'Service role access', p_schema_name, v_tab);
        END IF;
    END LOOP;

    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'service_role') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO service_role', p_schema_name);
        EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA %I TO service_role', p_schema_name);
    END IF;

    RETURN true;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'create_organization_schema(%, %) failed: % (SQLSTATE %)',
        p_org_id, p_schema_name, SQLERRM, SQLSTATE;
    RETURN false;
END;
$fn$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;


-- -----------------------------------------------------------------------------
-- Organization management
-- -----------------------------------------------------------------------------

-- Creates the organization and its schema. Written here (the seed gives the
-- signature and return type only):
--   * slug: the name lowercased, every run of characters other than a-z and
--     0-9 replaced by '-', trimmed of '-'; 'org' when nothing is left; made
--     unique with '-2', '-3', ... ('Test Organization' -> 'test-organization',
--     as in the seed's organization list);
--   * subdomain = slug;
--   * schema_name = 'org_' || slug || '_' || 32 hex digits (the seed's
--     'org_[slug]_[hash]', hyphens kept as in 'org_test-organization_...');
--     the slug part is cut to 26 characters so the name fits in 63 bytes;
--   * retell_configured = both the key and the agent id are non-empty;
--   * the key is stored as given (the seed encrypts it in the application,
--     with the ENCRYPTION_KEY environment variable, before it gets here);
--   * an 'organization.created' row is written to system.activity_logs.
-- Raises if the name is empty or the schema cannot be created (then nothing
-- is kept).
CREATE OR REPLACE FUNCTION public.create_organization(
    p_name TEXT,
    p_retell_api_key TEXT,
    p_retell_agent_id TEXT
)
RETURNS TABLE (id UUID, name TEXT, schema_name TEXT) AS $fn$
#variable_conflict use_column
DECLARE
    v_id UUID := gen_random_uuid();
    v_base TEXT;
    v_slug TEXT;
    v_n INTEGER := 1;
    v_schema TEXT;
BEGIN
    IF p_name IS NULL OR btrim(p_name) = '' THEN
        RAISE EXCEPTION 'Organization name is required';
    END IF;

    v_base := btrim(regexp_replace(lower(p_name), '[^a-z0-9]+', '-', 'g'), '-');
    IF v_base = '' THEN
        v_base := 'org';
    END IF;
    v_slug := v_base;
    WHILE EXISTS (SELECT 1 FROM system.organizations o WHERE o.slug = v_slug OR o.subdomain = v_slug) LOOP
        v_n := v_n + 1;
        v_slug := v_base || '-' || v_n;
    END LOOP;

    v_schema := 'org_' || rtrim(left(v_slug, 26), '-') || '_' || replace(gen_random_uuid()::text, '-', '');

    INSERT INTO system.organizations (id, name, slug, subdomain, schema_name, retell_api_key, retell_agent_id,
                                      retell_configured, status)
    VALUES (v_id, btrim(p_name), v_slug, v_slug, v_schema, p_retell_api_key, p_retell_agent_id,
            coalesce(p_retell_api_key, '') <> '' AND coalesce(p_retell_agent_id, '') <> '', 'active');

    IF NOT public.create_organization_schema(v_id, v_schema) THEN
        RAISE EXCEPTION 'Could not create schema % for organization %', v_schema, v_id;
    END IF;

    INSERT INTO system.activity_logs (organization_id, user_id, action, resource_type, resource_id, metadata)
    VALUES (v_id, NULL, 'organization.created', 'organization', v_id::text,
            jsonb_build_object('schema_name', v_schema, 'slug', v_slug));

    RETURN QUERY SELECT v_id, btrim(p_name), v_schema;
END;
$fn$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;

-- "Lists all organizations (super admin only)". Access is restricted the
-- Supabase way (EXECUTE granted to the service role / checked by the API),
-- not in the body. Newest first, as the seed's "Check organization schemas"
-- query; rows without created_at last.
CREATE OR REPLACE FUNCTION public.list_organizations()
RETURNS TABLE (id UUID, name TEXT, slug TEXT, schema_name TEXT, status TEXT, created_at TIMESTAMPTZ) AS $fn$
    SELECT o.id, o.name, o.slug, o.schema_name, o.status, o.created_at
    FROM system.organizations o
    ORDER BY o.created_at DESC NULLS LAST, o.name, o.id
$fn$ LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp;


-- -----------------------------------------------------------------------------
-- Call data retrieval
-- -----------------------------------------------------------------------------

-- Cursor pagination over <schema>.calls by created_at (idx_calls_created_at),
-- newest first. Written here from the seed's description:
--   * p_cursor: return calls with created_at strictly before it (the
--     next_cursor of the previous page); NULL = first page;
--   * p_from_date / p_to_date: inclusive bounds on created_at;
--   * p_limit: page size, NULL = 50, values below 1 = 1;
--   * every row carries has_more (a further page exists) and next_cursor
--     (created_at of the page's last row when has_more, else NULL);
--   * order: created_at DESC NULLS LAST, then id DESC.
-- Limits inherited from a timestamp-only cursor: calls sharing the created_at
-- of a page's last row that did not fit on the page are skipped by the next
-- page, and calls with a NULL created_at are only reachable on the first page
-- (and only when no date filter is given). Use (created_at, id) keyset
-- queries on <schema>.calls where that matters.
-- Errors: 'Organization not found' (the seed's message); a missing schema;
-- and an organization schema whose calls table lacks a column fails with the
-- seed's "column ... does not exist" (fix: fix_organization_schema()).
CREATE OR REPLACE FUNCTION public.get_organization_calls(
    p_org_id UUID,
    p_limit INTEGER DEFAULT 50,
    p_cursor TIMESTAMPTZ DEFAULT NULL,
    p_from_date TIMESTAMPTZ DEFAULT NULL,
    p_to_date TIMESTAMPTZ DEFAULT NULL
)
RETURNS TABLE (
    id UUID,
    external_call_id TEXT,
    started_at TIMESTAMPTZ,
    connected_at TIMESTAMPTZ,
    ended_at TIMESTAMPTZ,
    direction TEXT,
    from_e164 TEXT,
    to_e164 TEXT,
    status TEXT,
    end_reason TEXT,
    duration_seconds INTEGER,
    billed_minutes NUMERIC,
    outcome TEXT,
    detailed_summary TEXT,
    transcript TEXT,
    raw JSONB,
    created_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ,
    organization_id UUID,
    agent_id TEXT,
    has_more BOOLEAN,
    next_cursor TIMESTAMPTZ
) AS $fn$
DECLARE
    v_schema TEXT;
    v_limit INTEGER := greatest(coalesce(p_limit, 50), 1);
BEGIN
    SELECT o.schema_name INTO v_schema FROM system.organizations o WHERE o.id = p_org_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Organization not found' USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname = v_schema) THEN
        RAISE EXCEPTION 'Organization schema % does not exist', v_schema USING ERRCODE = 'invalid_schema_name';
    END IF;

    RETURN QUERY EXECUTE format($q$
        WITH page AS (
            SELECT c.id, c.external_call_id, c.started_at, c.connected_at, c.ended_at, c.direction,
                   c.from_e164, c.to_e164, c.status, c.end_reason, c.duration_seconds, c.billed_minutes,
                   c.outcome, c.detailed_summary, c.transcript, c.raw, c.created_at, c.updated_at,
                   c.organization_id, c.agent_id
            FROM %I.calls c
            WHERE ($1::timestamptz IS NULL OR c.created_at < $1)
              AND ($2::timestamptz IS NULL OR c.created_at >= $2)
              AND ($3::timestamptz IS NULL OR c.created_at <= $3)
            ORDER BY c.created_at DESC NULLS LAST, c.id DESC
            LIMIT $4 + 1
        ), numbered AS (
            SELECT page.*,
                   row_number() OVER (ORDER BY page.created_at DESC NULLS LAST, page.id DESC) AS rn,
                   count(*) OVER () AS n
            FROM page
        )
        SELECT nb.id, nb.external_call_id, nb.started_at, nb.connected_at, nb.ended_at, nb.direction,
               nb.from_e164, nb.to_e164, nb.status, nb.end_reason, nb.duration_seconds, nb.billed_minutes,
               nb.outcome, nb.detailed_summary, nb.transcript, nb.raw, nb.created_at, nb.updated_at,
               nb.organization_id, nb.agent_id,
               nb.n > $4,
               CASE WHEN nb.n > $4 THEN max(nb.created_at) FILTER (WHERE nb.rn = $4) OVER () END
        FROM numbered nb
        WHERE nb.rn <= $4
        ORDER BY nb.rn
    $q$, v_schema)
    USING p_cursor, p_from_date, p_to_date, v_limit;
END;
$fn$ LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp;

-- Aggregated metrics over <schema>.calls, created_at within the optional
-- inclusive bounds. Written here: successful = status 'completed', failed =
-- status 'failed' (the seed's examples of status values); durations and
-- billed minutes ignore NULLs; sums of no rows are 0; averages of no rows are
-- NULL, otherwise rounded to 2 decimals. Always one row.
CREATE OR REPLACE FUNCTION public.get_organization_overview(
    p_org_id UUID,
    p_from_date TIMESTAMPTZ DEFAULT NULL,
    p_to_date TIMESTAMPTZ DEFAULT NULL
)
RETURNS TABLE (
    total_calls INTEGER,
    successful_calls INTEGER,
    failed_calls INTEGER,
    total_duration INTEGER,
    total_billed_minutes NUMERIC,
    avg_duration NUMERIC,
    avg_billed_minutes NUMERIC
) AS $fn$
DECLARE
    v_schema TEXT;
BEGIN
    SELECT o.schema_name INTO v_schema FROM system.organizations o WHERE o.id = p_org_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Organization not found' USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname = v_schema) THEN
        RAISE EXCEPTION 'Organization schema % does not exist', v_schema USING ERRCODE = 'invalid_schema_name';
    END IF;

    RETURN QUERY EXECUTE format($q$
        SELECT count(*)::integer,
               count(*) FILTER (WHERE c.status = 'completed')::integer,
               count(*) FILTER (WHERE c.status = 'failed')::integer,
               coalesce(sum(c.duration_seconds), 0)::integer,
               coalesce(sum(c.billed_minutes), 0)::numeric,
               round(avg(c.duration_seconds), 2)::numeric,
               round(avg(c.billed_minutes), 2)::numeric
        FROM %I.calls c
        WHERE ($1::timestamptz IS NULL OR c.created_at >= $1)
          AND ($2::timestamptz IS NULL OR c.created_at <= $2)
    $q$, v_schema)
    USING p_from_date, p_to_date;
END;
$fn$ LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp;


-- -----------------------------------------------------------------------------
-- Data migration
-- -----------------------------------------------------------------------------

-- Copies the Phase 1 single-tenant public.calls (same column names) into the
-- organization's schema, skipping external_call_ids already there; returns
-- the number of calls copied, 0 when public.calls does not exist (it does not
-- in a fresh database). Columns missing from public.calls are left NULL.
CREATE OR REPLACE FUNCTION public.migrate_calls_to_organization(p_org_id UUID)
RETURNS INTEGER AS $fn$
DECLARE
    v_schema TEXT;
    v_cols TEXT;
    v_count INTEGER;
BEGIN
    SELECT o.schema_name INTO v_schema FROM system.organizations o WHERE o.id = p_org_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Organization not found' USING ERRCODE = 'no_data_found';
    END IF;
    IF to_regclass('public.calls') IS NULL THEN
        RETURN 0;
    END IF;
    IF NOT public.create_organization_schema(p_org_id, v_schema) THEN
        RAISE EXCEPTION 'Could not create schema % for organization %', v_schema, p_org_id;
    END IF;

    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) INTO v_cols
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = 'public.calls'::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname IN ('external_call_id', 'started_at', 'connected_at', 'ended_at', 'direction',
                        'from_e164', 'to_e164', 'status', 'end_reason', 'duration_seconds', 'billed_minutes',
                        'outcome', 'detailed_summary', 'transcript', 'raw', 'created_at', 'updated_at',
                        'agent_id');

    EXECUTE format('INSERT INTO %I.calls (%s, organization_id) SELECT %s, $1 FROM public.calls '
                   'ON CONFLICT (external_call_id) DO NOTHING', v_schema, v_cols, v_cols)
    USING p_org_id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END;
$fn$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;

-- "Fixes missing columns in existing organization schemas": creates the
-- schema/tables when missing, adds every missing nullable column of calls and
-- call_rollups (the NOT NULL keys id / external_call_id / day / agent_id /
-- organization_id of an existing table cannot be added this way), then
-- (re)creates the indexes and the policy. Returns false, with a WARNING, when
-- that fails.
CREATE OR REPLACE FUNCTION public.fix_organization_schema(p_org_id UUID)
RETURNS BOOLEAN AS $fn$
DECLARE
    v_schema TEXT;
    v_col RECORD;
BEGIN
    SELECT o.schema_name INTO v_schema FROM system.organizations o WHERE o.id = p_org_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Organization not found' USING ERRCODE = 'no_data_found';
    END IF;

    IF to_regclass(format('%I.calls', v_schema)) IS NOT NULL THEN
        FOR v_col IN
            SELECT * FROM (VALUES
                ('started_at', 'TIMESTAMPTZ'), ('connected_at', 'TIMESTAMPTZ'), ('ended_at', 'TIMESTAMPTZ'),
                ('direction', 'TEXT'), ('from_e164', 'TEXT'), ('to_e164', 'TEXT'), ('status', 'TEXT'),
                ('end_reason', 'TEXT'), ('duration_seconds', 'INTEGER'), ('billed_minutes', 'NUMERIC'),
                ('outcome', 'TEXT'), ('detailed_summary', 'TEXT'), ('transcript', 'TEXT'), ('raw', 'JSONB'),
                ('created_at', 'TIMESTAMPTZ DEFAULT now()'), ('updated_at', 'TIMESTAMPTZ DEFAULT now()'),
                ('organization_id', 'UUID REFERENCES system.organizations (id)'), ('agent_id', 'TEXT')
            ) AS t(col, def)
        LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                           WHERE a.attrelid = to_regclass(format('%I.calls', v_schema))
                             AND a.attname = v_col.col AND a.attnum > 0 AND NOT a.attisdropped) THEN
                EXECUTE format('ALTER TABLE %I.calls ADD COLUMN %I %s', v_schema, v_col.col, v_col.def);
            END IF;
        END LOOP;
    END IF;

    IF to_regclass(format('%I.call_rollups', v_schema)) IS NOT NULL THEN
        FOR v_col IN
            SELECT * FROM (VALUES
                ('total_calls', 'INTEGER NOT NULL DEFAULT 0'), ('successful_calls', 'INTEGER NOT NULL DEFAULT 0'),
                ('failed_calls', 'INTEGER NOT NULL DEFAULT 0'), ('total_duration_seconds', 'INTEGER NOT NULL DEFAULT 0'),
                ('total_billed_minutes', 'NUMERIC NOT NULL DEFAULT 0'),
                ('created_at', 'TIMESTAMPTZ NOT NULL DEFAULT now()'), ('updated_at', 'TIMESTAMPTZ NOT NULL DEFAULT now()')
            ) AS t(col, def)
        LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                           WHERE a.attrelid = to_regclass(format('%I.call_rollups', v_schema))
                             AND a.attname = v_col.col AND a.attnum > 0 AND NOT a.attisdropped) THEN
                EXECUTE format('ALTER TABLE %I.call_rollups ADD COLUMN %I %s', v_schema, v_col.col, v_col.def);
            END IF;
        END LOOP;
    END IF;

    RETURN public.create_organization_schema(p_org_id, v_schema);
EXCEPTION WHEN no_data_found THEN
    RAISE;
WHEN OTHERS THEN
    RAISE WARNING 'fix_organization_schema(%) failed: % (SQLSTATE %)', p_org_id, SQLERRM, SQLSTATE;
    RETURN false;
END;
$fn$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
