-- =============================================================================
-- Quinite Vantage AI Calling Platform schema (Supabase / PostgreSQL), as
-- documented in "Database Schema Documentation - Complete database schema for
-- Quinite Vantage AI Calling Platform" (migrations 000_master_schema.sql and
-- 001_rls_policies.sql).
--
-- Loads into an EMPTY database on PostgreSQL 15, 16 and 17 (and PGlite):
--   * no extensions: the seed's uuid_generate_v4() (uuid-ossp) is replaced by
--     the built-in gen_random_uuid() (PostgreSQL 13+); both give random
--     version-4 uuids;
--   * no psql meta-commands and no BEGIN/COMMIT, so the whole file can also be
--     sent as one multi-statement simple query;
--   * everything lives in schema public, except the minimal stand-ins for the
--     Supabase-managed "auth" schema.
--
-- Tables documented in full by the seed (columns, types, nullability,
-- defaults, CHECKs, foreign keys and indexes copied from it):
--   leads, call_logs, websocket_servers, and the analytics columns of
--   campaigns (total_calls, transferred_calls, conversion_rate).
-- Tables the seed only references, written here as minimal stand-ins marked
-- "-- STAND-IN: ...":
--   auth.users, auth.uid(), organizations, projects, campaigns (base
--   columns), profiles.
-- Row Level Security: enabled on leads and call_logs with exactly the
-- policies the seed shows (the seed shows none for the other tables).
-- =============================================================================


-- -----------------------------------------------------------------------------
-- Supabase-managed objects
-- -----------------------------------------------------------------------------

-- STAND-IN: schema "auth" is created and managed by Supabase Auth (GoTrue).
CREATE SCHEMA IF NOT EXISTS auth;

-- STAND-IN: auth.users is managed by Supabase Auth; the seed only references
-- it (leads.created_by, profiles.id). Minimal subset; encrypted_password is
-- the one secret column of this database.
CREATE TABLE auth.users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email TEXT,
    encrypted_password TEXT,
    created_at TIMESTAMPTZ DEFAULT NOW()
);

-- STAND-IN: auth.uid() is provided by Supabase: the "sub" claim of the
-- request JWT, or NULL when no JWT is set (current_setting(..., true) never
-- raises; empty strings map to NULL).
CREATE OR REPLACE FUNCTION auth.uid()
RETURNS UUID
LANGUAGE sql
STABLE
AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
    )::uuid
$$;


-- -----------------------------------------------------------------------------
-- Tables the seed references but does not document
-- -----------------------------------------------------------------------------

-- STAND-IN: organizations is referenced (leads, call_logs, the ER diagram)
-- but not documented. Minimal tenant table.
CREATE TABLE organizations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name TEXT NOT NULL,
    slug TEXT UNIQUE,
    status TEXT DEFAULT 'active',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- STAND-IN: projects is referenced (leads.project_id, the ER diagram) but not
-- documented.
CREATE TABLE projects (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- STAND-IN: campaigns is an "existing" table the seed does not document; its
-- base columns here are a minimal stand-in. The three analytics columns
-- below them are the seed's (section 3, "campaigns (Analytics Columns)").
CREATE TABLE campaigns (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    project_id UUID REFERENCES projects(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    -- Analytics columns (from the seed).
    total_calls INTEGER NOT NULL DEFAULT 0,
    transferred_calls INTEGER NOT NULL DEFAULT 0,
    -- The seed: "conversion_rate = (transferred_calls / total_calls * 100) OR 0",
    -- DECIMAL(5,2), NOT NULL, "COMPUTED". Written as a stored generated
    -- column; numeric division (integer division would always give 0 or 100).
    conversion_rate DECIMAL(5,2) NOT NULL GENERATED ALWAYS AS (
        CASE WHEN total_calls > 0
             THEN round(transferred_calls::numeric / total_calls * 100, 2)
             ELSE 0
        END
    ) STORED
);

-- STAND-IN: profiles is referenced by every RLS policy
-- ("SELECT organization_id FROM profiles WHERE id = auth.uid()") but not
-- documented. One row per auth user, carrying the user's organization.
CREATE TABLE profiles (
    id UUID PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
    organization_id UUID REFERENCES organizations(id) ON DELETE SET NULL,
    full_name TEXT,
    email TEXT,
    role TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);


-- -----------------------------------------------------------------------------
-- 1. leads
-- -----------------------------------------------------------------------------

CREATE TABLE leads (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(), -- seed: uuid_generate_v4()
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    project_id UUID REFERENCES projects(id) ON DELETE SET NULL,
    created_by UUID REFERENCES auth.users(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    source TEXT NOT NULL DEFAULT 'manual',
    status TEXT NOT NULL DEFAULT 'new',
    call_status TEXT NOT NULL DEFAULT 'not_called',
    transferred_to_human BOOLEAN NOT NULL DEFAULT FALSE,
    call_date TIMESTAMPTZ,
    call_log_id UUID, -- FK to call_logs(id) added below (circular reference)
    notes TEXT,
    metadata JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT leads_status_check
        CHECK (status IN ('new', 'contacted', 'qualified', 'converted', 'lost')),
    CONSTRAINT leads_source_check
        CHECK (source IN ('manual', 'csv_upload', 'website', 'referral')),
    CONSTRAINT leads_call_status_check
        CHECK (call_status IN ('not_called', 'called', 'transferred', 'no_answer', 'voicemail'))
);


-- -----------------------------------------------------------------------------
-- 2. call_logs
-- -----------------------------------------------------------------------------

CREATE TABLE call_logs (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(), -- seed: uuid_generate_v4()
    campaign_id UUID NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    lead_id UUID NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    call_sid TEXT, -- Plivo call UUID
    call_status TEXT NOT NULL,
    transferred BOOLEAN NOT NULL DEFAULT FALSE,
    transferred_at TIMESTAMPTZ,
    transfer_reason TEXT,
    transfer_department TEXT, -- sales / support
    call_timestamp TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    duration INTEGER NOT NULL DEFAULT 0, -- seconds
    transcript TEXT,
    conversation_summary TEXT,
    recording_url TEXT,
    notes TEXT,
    metadata JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT call_logs_call_status_check
        CHECK (call_status IN ('called', 'transferred', 'no_answer', 'voicemail'))
);

-- leads.call_log_id -> call_logs(id) ON DELETE SET NULL ("latest call log").
ALTER TABLE leads
    ADD CONSTRAINT leads_call_log_id_fkey
    FOREIGN KEY (call_log_id) REFERENCES call_logs(id) ON DELETE SET NULL;


-- -----------------------------------------------------------------------------
-- 4. websocket_servers (global, no organization column)
-- -----------------------------------------------------------------------------

CREATE TABLE websocket_servers (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(), -- seed: uuid_generate_v4()
    name TEXT NOT NULL,
    url TEXT NOT NULL, -- wss:// address
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    status TEXT NOT NULL DEFAULT 'pending',
    last_verified_at TIMESTAMPTZ,
    priority INTEGER NOT NULL DEFAULT 0, -- load balancing weight

    CONSTRAINT websocket_servers_status_check
        CHECK (status IN ('pending', 'verified', 'failed'))
);


-- -----------------------------------------------------------------------------
-- Indexes (as listed by the seed)
-- -----------------------------------------------------------------------------

-- leads
CREATE INDEX idx_leads_org ON leads(organization_id);
CREATE INDEX idx_leads_project ON leads(project_id);
CREATE INDEX idx_leads_status ON leads(status);
CREATE INDEX idx_leads_call_status ON leads(call_status);
CREATE INDEX idx_leads_created ON leads(created_at DESC);
CREATE INDEX idx_leads_email ON leads(email) WHERE email IS NOT NULL;
CREATE INDEX idx_leads_phone ON leads(phone) WHERE phone IS NOT NULL;
CREATE INDEX idx_leads_transferred ON leads(transferred_to_human) WHERE transferred_to_human = TRUE;
CREATE INDEX idx_leads_call_log_id ON leads(call_log_id);

-- call_logs
CREATE INDEX idx_call_logs_campaign ON call_logs(campaign_id);
CREATE INDEX idx_call_logs_lead ON call_logs(lead_id);
CREATE INDEX idx_call_logs_org ON call_logs(organization_id);
CREATE INDEX idx_call_logs_call_sid ON call_logs(call_sid);
CREATE INDEX idx_call_logs_timestamp ON call_logs(call_timestamp DESC);
CREATE INDEX idx_call_logs_transferred ON call_logs(transferred) WHERE transferred = TRUE;
CREATE INDEX idx_call_logs_transferred_at ON call_logs(transferred_at);

-- websocket_servers
CREATE INDEX idx_websocket_servers_active ON websocket_servers(is_active, priority);

-- campaigns
CREATE INDEX idx_campaigns_conversion ON campaigns(conversion_rate DESC);


-- -----------------------------------------------------------------------------
-- leads.updated_at trigger
--
-- The seed: "updated_at on leads auto-updates via trigger" (no body given).
-- Body written here: an UPDATE that leaves updated_at unchanged gets NOW();
-- an UPDATE that sets updated_at explicitly keeps the value it sets (so
-- imports and back-fills can record when the change really happened).
-- -----------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at = NOW();
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER update_leads_updated_at BEFORE UPDATE ON leads
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();


-- -----------------------------------------------------------------------------
-- Row Level Security (001_rls_policies.sql): verbatim from the seed.
-- Table owners and superusers bypass RLS (no FORCE ROW LEVEL SECURITY), as on
-- Supabase where the service role (used by the WebSocket server) bypasses it.
-- -----------------------------------------------------------------------------

ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_logs ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Users can view leads in their organization"
ON leads
FOR SELECT
USING (organization_id IN (
    SELECT organization_id FROM profiles WHERE id = auth.uid()
));

CREATE POLICY "Users can create leads in their organization"
ON leads
FOR INSERT
WITH CHECK (organization_id IN (
    SELECT organization_id FROM profiles WHERE id = auth.uid()
));

CREATE POLICY "Users can update leads in their organization"
ON leads
FOR UPDATE
USING (organization_id IN (
    SELECT organization_id FROM profiles WHERE id = auth.uid()
));

CREATE POLICY "Users can delete leads in their organization"
ON leads
FOR DELETE
USING (organization_id IN (
    SELECT organization_id FROM profiles WHERE id = auth.uid()
));

CREATE POLICY "Users can view call logs in their organization"
ON call_logs
FOR SELECT
USING (organization_id IN (
    SELECT organization_id FROM profiles WHERE id = auth.uid()
));

CREATE POLICY "Users can create call logs in their organization"
ON call_logs
FOR INSERT
WITH CHECK (organization_id IN (
    SELECT organization_id FROM profiles WHERE id = auth.uid()
));
