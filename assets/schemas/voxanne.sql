-- =============================================================================
-- Voxanne AI platform schema (Supabase / PostgreSQL), as documented in
-- "Voxanne AI - Database Schema SSOT (Single Source of Truth)", updated after
-- the schema cleanup of 2026-02-09 (26 tables: 9 production, 17 configuration).
--
-- Loads into an EMPTY database on PostgreSQL 15, 16 and 17 (and PGlite):
--   * no extensions: the seed says ids come from "uuid_generate_v4() or
--     gen_random_uuid()"; gen_random_uuid() is used (built in since PG 13);
--   * no psql meta-commands and no BEGIN/COMMIT, so the whole file can also be
--     sent as one multi-statement simple query;
--   * everything lives in schema public, except the minimal stand-ins for the
--     Supabase-managed "auth" schema, which are marked "-- STAND-IN: ...".
--
-- Production tables (9), with every column the seed lists:
--   organizations, profiles, contacts, calls, appointments, call_tracking,
--   feature_flags, org_tools, onboarding_submissions
-- Configuration tables (17): the seed gives only their name, purpose, column
-- count and foreign keys, so each is a minimal STAND-IN (see below):
--   agents, services, knowledge_base, knowledge_base_chunks,
--   knowledge_base_changelog, integrations, org_credentials,
--   carrier_forwarding_rules, leads, audit_logs, telephony_country_audit_log,
--   security_audit_log, org_feature_flags, hot_lead_alerts,
--   twilio_subaccounts, escalation_rules, integration_settings
--
-- How the seed's column lists were turned into DDL:
--   * "(text)", "(uuid)", "(integer)", "(numeric)", "(boolean)", "(jsonb)" are
--     used as is; "(timestamp)" is TIMESTAMPTZ (the seed: "Timestamps always in
--     UTC (timestamp with time zone)").
--   * a column marked "nullable" is NULL-able, every other column NOT NULL.
--   * quoted value lists ("inbound" or "outbound", "Score 0.0-1.0", "0-100")
--     become CHECK constraints (the seed counts ~400 of them and lists "Call
--     status must be one of ..." and "Lead status must be ..." as critical
--     constraints). NULL passes a CHECK, so nullable columns stay NULL-able.
--   * defaults are not in the seed; only the obvious ones are added: id
--     gen_random_uuid(), created_at / updated_at now().
--   * foreign keys exactly as the seed lists them; ON DELETE is not in the
--     seed: org_id cascades (deleting a tenant removes its data), a nullable
--     reference is set to NULL, appointments.contact_id (NOT NULL) cascades.
--     call_tracking.contact_id has no foreign key (the seed lists only org_id
--     and call_id for that table).
--   * indexes exactly as the seed lists them, one single-column index per
--     listed column, named idx_<table>_<column>.
--   * no UNIQUE constraints beyond the primary keys: the seed lists none.
--   * no updated_at triggers: the seed mentions none.
-- =============================================================================


-- -----------------------------------------------------------------------------
-- Supabase-managed objects
-- -----------------------------------------------------------------------------

-- STAND-IN: schema "auth" is created and managed by Supabase Auth (GoTrue).
CREATE SCHEMA IF NOT EXISTS auth;

-- STAND-IN: auth.users is managed by Supabase Auth; profiles.id is "Unique
-- user ID (Supabase auth)". Minimal subset.
CREATE TABLE auth.users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email TEXT,
    created_at TIMESTAMPTZ DEFAULT now()
);

-- STAND-IN: auth.uid() is provided by Supabase: the "sub" claim of the request
-- JWT, or NULL when no JWT is set (current_setting(..., true) never raises;
-- empty strings map to NULL).
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


-- =============================================================================
-- PRODUCTION TABLES (9)
-- =============================================================================

-- Customer accounts in the multi-tenant platform.
CREATE TABLE organizations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    website TEXT,
    plan TEXT NOT NULL CHECK (plan IN ('starter', 'professional', 'enterprise')),
    stripe_customer_id TEXT,                 -- Stripe customer reference (treated as a secret)
    wallet_balance_pence INTEGER,            -- prepaid balance in pence
    telephony_mode TEXT NOT NULL CHECK (telephony_mode IN ('byoc', 'managed', 'none')),
    settings JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_organizations_name ON organizations(name);
CREATE INDEX idx_organizations_email ON organizations(email);
CREATE INDEX idx_organizations_plan ON organizations(plan);
CREATE INDEX idx_organizations_stripe_customer_id ON organizations(stripe_customer_id);
CREATE INDEX idx_organizations_telephony_mode ON organizations(telephony_mode);

-- User accounts with role-based access. id is the Supabase auth user id.
CREATE TABLE profiles (
    id UUID PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    full_name TEXT,
    avatar_url TEXT,
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'user')),
    phone TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'suspended')),
    last_login TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_profiles_org_id ON profiles(org_id);
CREATE INDEX idx_profiles_email ON profiles(email);
CREATE INDEX idx_profiles_role ON profiles(role);
CREATE INDEX idx_profiles_status ON profiles(status);

-- Contact list for organizations (leads, customers, patients).
CREATE TABLE contacts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    phone TEXT NOT NULL,                     -- E.164
    email TEXT,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    lead_status TEXT NOT NULL CHECK (lead_status IN ('hot', 'warm', 'cold', 'contacted')),
    lead_score INTEGER CHECK (lead_score BETWEEN 0 AND 100),
    notes TEXT,
    last_contacted_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_contacts_org_id ON contacts(org_id);
CREATE INDEX idx_contacts_phone ON contacts(phone);
CREATE INDEX idx_contacts_lead_status ON contacts(lead_status);
CREATE INDEX idx_contacts_lead_score ON contacts(lead_score);

-- Log of all inbound and outbound voice calls. created_at is the call start
-- time.
CREATE TABLE calls (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    contact_id UUID REFERENCES contacts(id) ON DELETE SET NULL,
    call_direction TEXT NOT NULL CHECK (call_direction IN ('inbound', 'outbound')),
    from_number TEXT NOT NULL,               -- E.164
    to_number TEXT NOT NULL,                 -- E.164
    duration_seconds INTEGER,
    status TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'completed', 'failed')),
    transcript TEXT,
    summary TEXT,
    sentiment_label TEXT CHECK (sentiment_label IN ('positive', 'neutral', 'negative')),
    sentiment_score NUMERIC CHECK (sentiment_score >= 0 AND sentiment_score <= 1),
    sentiment_summary TEXT,
    sentiment_urgency TEXT CHECK (sentiment_urgency IN ('low', 'medium', 'high', 'critical')),
    phone_number TEXT,                       -- E.164
    caller_name TEXT,                        -- enriched caller name
    vapi_call_id TEXT,
    recording_url TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_calls_org_id ON calls(org_id);
CREATE INDEX idx_calls_call_direction ON calls(call_direction);
CREATE INDEX idx_calls_created_at ON calls(created_at);
CREATE INDEX idx_calls_status ON calls(status);

-- Scheduled meetings/appointments for organizations.
CREATE TABLE appointments (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    contact_id UUID NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT,
    scheduled_at TIMESTAMPTZ NOT NULL,
    duration_minutes INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled', 'no-show')),
    location TEXT,
    notes TEXT,
    reminder_sent_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_appointments_org_id ON appointments(org_id);
CREATE INDEX idx_appointments_scheduled_at ON appointments(scheduled_at);
CREATE INDEX idx_appointments_status ON appointments(status);
CREATE INDEX idx_appointments_contact_id ON appointments(contact_id);

-- Analytics and tracking metrics for calls.
CREATE TABLE call_tracking (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    call_id UUID REFERENCES calls(id) ON DELETE SET NULL,
    contact_id UUID,                         -- no foreign key in the seed
    tracked_url TEXT NOT NULL,
    utm_source TEXT,
    utm_medium TEXT,
    utm_campaign TEXT,
    device_type TEXT CHECK (device_type IN ('mobile', 'desktop', 'unknown')),
    browser TEXT,
    os TEXT,
    ip_address TEXT,
    location TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_call_tracking_org_id ON call_tracking(org_id);
CREATE INDEX idx_call_tracking_call_id ON call_tracking(call_id);
CREATE INDEX idx_call_tracking_created_at ON call_tracking(created_at);
CREATE INDEX idx_call_tracking_utm_source ON call_tracking(utm_source);

-- Global feature toggles (not tenant-scoped).
CREATE TABLE feature_flags (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name TEXT NOT NULL,
    description TEXT,
    enabled BOOLEAN NOT NULL,
    rollout_percentage INTEGER CHECK (rollout_percentage BETWEEN 0 AND 100),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_feature_flags_name ON feature_flags(name);
CREATE INDEX idx_feature_flags_enabled ON feature_flags(enabled);

-- Organization-specific tool configurations.
CREATE TABLE org_tools (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    tool_name TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    config JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_org_tools_org_id ON org_tools(org_id);
CREATE INDEX idx_org_tools_tool_name ON org_tools(tool_name);

-- Lead capture from website forms. org_id is nullable (not every submission
-- becomes an organization).
CREATE TABLE onboarding_submissions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID REFERENCES organizations(id) ON DELETE SET NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    name TEXT NOT NULL,
    company TEXT,
    message TEXT,
    source TEXT,
    ip_address TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_onboarding_submissions_org_id ON onboarding_submissions(org_id);
CREATE INDEX idx_onboarding_submissions_email ON onboarding_submissions(email);
CREATE INDEX idx_onboarding_submissions_created_at ON onboarding_submissions(created_at);


-- =============================================================================
-- CONFIGURATION TABLES (17)
--
-- The seed gives only: name, purpose, row count, column count, key (id) and
-- foreign keys (org_id, or knowledge_base_id for the two knowledge-base child
-- tables, none for integration_settings). Each table below is a minimal
-- stand-in with id, the listed foreign key, a few obvious columns and
-- created_at; the real tables have more columns (the seed's count is in each
-- comment). Where the column is obvious the nullability is NOT NULL,
-- otherwise NULL-able.
-- =============================================================================

-- STAND-IN: agents (seed: 45 columns, FK org_id). AI agent configurations
-- for voice calls.
CREATE TABLE agents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT,                               -- e.g. 'inbound', 'outbound'
    voice TEXT,
    model TEXT,
    system_prompt TEXT,
    first_message TEXT,
    vapi_assistant_id TEXT,
    is_active BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: services (seed: 8 columns, FK org_id). Service catalog.
CREATE TABLE services (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    price_pence INTEGER,
    duration_minutes INTEGER,
    is_active BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: knowledge_base (seed: 12 columns, FK org_id). Articles used by
-- the agents.
CREATE TABLE knowledge_base (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    category TEXT,
    content TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    is_active BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: knowledge_base_chunks (seed: 8 columns, FK knowledge_base_id).
-- Vectorized text chunks for RAG. The real embedding column is a pgvector
-- "vector"; REAL[] here because no extension may be created.
CREATE TABLE knowledge_base_chunks (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    knowledge_base_id UUID NOT NULL REFERENCES knowledge_base(id) ON DELETE CASCADE,
    chunk_index INTEGER NOT NULL,
    content TEXT NOT NULL,
    token_count INTEGER,
    embedding REAL[],
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: knowledge_base_changelog (seed: 8 columns, FK knowledge_base_id).
CREATE TABLE knowledge_base_changelog (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    knowledge_base_id UUID NOT NULL REFERENCES knowledge_base(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    change_type TEXT NOT NULL,               -- e.g. 'created', 'updated', 'deactivated'
    changed_by UUID,
    change_summary TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: integrations (seed: 10 columns, FK org_id). Third-party API
-- connections; credentials themselves live in org_credentials.
CREATE TABLE integrations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    provider TEXT NOT NULL,                  -- e.g. 'google_calendar', 'hubspot', 'twilio'
    status TEXT NOT NULL,                    -- e.g. 'connected', 'disconnected', 'error'
    config JSONB,
    last_synced_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: org_credentials (seed: 12 columns, FK org_id). Encrypted API keys
-- vault for external services. encrypted_api_key is a SECRET.
CREATE TABLE org_credentials (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    provider TEXT NOT NULL,                  -- e.g. 'vapi', 'twilio', 'google_calendar'
    encrypted_api_key TEXT NOT NULL,         -- SECRET
    is_active BOOLEAN NOT NULL DEFAULT true,
    last_verified_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: carrier_forwarding_rules (seed: 10 columns, FK org_id).
-- Carrier codes customers dial to forward their own line to Voxanne (BYOC).
CREATE TABLE carrier_forwarding_rules (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    country_code TEXT NOT NULL,              -- ISO 3166-1 alpha-2
    carrier_name TEXT NOT NULL,
    forwarding_type TEXT NOT NULL,           -- e.g. 'unconditional', 'no_answer', 'busy'
    activation_code TEXT,
    deactivation_code TEXT,
    destination_number TEXT,
    is_active BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: leads (seed: 12 columns, FK org_id). CRM lead records.
CREATE TABLE leads (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    status TEXT NOT NULL,                    -- e.g. 'new', 'contacted', 'qualified', 'converted', 'lost'
    score INTEGER,                           -- 0-100
    source TEXT,                             -- e.g. 'inbound_call', 'website', 'referral'
    notes TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: audit_logs (seed: 8 columns, FK org_id). System audit trail.
CREATE TABLE audit_logs (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id UUID,                            -- the acting profile, NULL for the system
    action TEXT NOT NULL,                    -- e.g. 'agent.updated', 'call.exported'
    resource_type TEXT,
    resource_id TEXT,
    metadata JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: telephony_country_audit_log (seed: 10 columns, FK org_id).
CREATE TABLE telephony_country_audit_log (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    old_country TEXT,
    new_country TEXT NOT NULL,
    changed_by UUID,
    reason TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: security_audit_log (seed: 8 columns, FK org_id). Security events
-- and login tracking. org_id is NULL-able: a failed login may not resolve to
-- an organization.
CREATE TABLE security_audit_log (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID REFERENCES organizations(id) ON DELETE CASCADE,
    user_id UUID,
    event_type TEXT NOT NULL,                -- e.g. 'login_success', 'login_failed', 'password_reset'
    ip_address TEXT,
    user_agent TEXT,
    metadata JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: org_feature_flags (seed: 8 columns, FK org_id). Per-organization
-- overrides of feature_flags (matched by flag name).
CREATE TABLE org_feature_flags (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    flag_name TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: hot_lead_alerts (seed: 10 columns, FK org_id). High-priority lead
-- notifications created from calls (and VIP appointments). call_id and
-- contact_id carry no foreign key: the seed lists only org_id.
CREATE TABLE hot_lead_alerts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    call_id UUID,
    contact_id UUID,
    urgency TEXT NOT NULL,                   -- 'low', 'medium', 'high', 'critical'
    message TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'acknowledged')),
    acknowledged_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: twilio_subaccounts (seed: 8 columns, FK org_id). Twilio
-- subaccount per managed-telephony organization. auth_token_encrypted is a
-- SECRET.
CREATE TABLE twilio_subaccounts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    subaccount_sid TEXT NOT NULL,
    auth_token_encrypted TEXT,               -- SECRET
    friendly_name TEXT,
    status TEXT NOT NULL,                    -- e.g. 'active', 'suspended', 'closed'
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: escalation_rules (seed: 10 columns, FK org_id). When a call is
-- escalated to a human.
CREATE TABLE escalation_rules (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    trigger TEXT NOT NULL,                   -- e.g. 'sentiment_urgency', 'keyword', 'sentiment_score'
    threshold TEXT,                          -- e.g. 'critical', 'emergency', '0.2'
    escalate_to_phone TEXT,                  -- E.164
    priority INTEGER NOT NULL DEFAULT 1,     -- 1 = evaluated first
    is_active BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- STAND-IN: integration_settings (seed: 8 columns, no foreign key). Global
-- (platform-wide) integration configuration.
CREATE TABLE integration_settings (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    provider TEXT NOT NULL,
    settings JSONB,
    is_enabled BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);


-- =============================================================================
-- Row Level Security
--
-- The seed: "RLS policies enforcing org_id = current_user_org_id" on all
-- multi-tenant tables, the user's organization being profiles.org_id of the
-- authenticated user. current_user_org_id() below is that lookup; it is
-- SECURITY DEFINER so that the policy on profiles itself does not recurse.
-- The policy bodies are not in the seed: each tenant table gets one policy
-- (FOR ALL) comparing its org_id with current_user_org_id(). Table owners and
-- superusers bypass RLS (no FORCE ROW LEVEL SECURITY), as the Supabase
-- service role does.
-- =============================================================================

-- Not in the seed by body; named after its "current_user_org_id".
CREATE OR REPLACE FUNCTION current_user_org_id()
RETURNS UUID
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT p.org_id FROM public.profiles p WHERE p.id = auth.uid()
$$;

ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_tracking ENABLE ROW LEVEL SECURITY;
ALTER TABLE feature_flags ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_tools ENABLE ROW LEVEL SECURITY;
ALTER TABLE onboarding_submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE services ENABLE ROW LEVEL SECURITY;
ALTER TABLE knowledge_base ENABLE ROW LEVEL SECURITY;
ALTER TABLE knowledge_base_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE knowledge_base_changelog ENABLE ROW LEVEL SECURITY;
ALTER TABLE integrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE carrier_forwarding_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE telephony_country_audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_feature_flags ENABLE ROW LEVEL SECURITY;
ALTER TABLE hot_lead_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE twilio_subaccounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE escalation_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_settings ENABLE ROW LEVEL SECURITY;

-- organizations: keyed by id.
CREATE POLICY "Users can access their organization"
ON organizations FOR ALL
USING (id = current_user_org_id());

-- profiles: the members of one's organization.
CREATE POLICY "Users can access profiles in their organization"
ON profiles FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's contacts"
ON contacts FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's calls"
ON calls FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's appointments"
ON appointments FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's call_tracking"
ON call_tracking FOR ALL
USING (org_id = current_user_org_id());

-- feature_flags is global: readable by everyone, writable by the service role.
CREATE POLICY "Anyone can read feature flags"
ON feature_flags FOR SELECT
USING (true);

CREATE POLICY "Users can access their organization's org_tools"
ON org_tools FOR ALL
USING (org_id = current_user_org_id());

-- onboarding_submissions: unassigned submissions (org_id NULL) are visible to
-- the service role only.
CREATE POLICY "Users can access their organization's onboarding_submissions"
ON onboarding_submissions FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's agents"
ON agents FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's services"
ON services FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's knowledge_base"
ON knowledge_base FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's knowledge_base_chunks"
ON knowledge_base_chunks FOR ALL
USING (
    knowledge_base_id IN (
        SELECT kb.id FROM knowledge_base kb WHERE kb.org_id = current_user_org_id()
    )
);

CREATE POLICY "Users can access their organization's knowledge_base_changelog"
ON knowledge_base_changelog FOR ALL
USING (
    knowledge_base_id IN (
        SELECT kb.id FROM knowledge_base kb WHERE kb.org_id = current_user_org_id()
    )
);

CREATE POLICY "Users can access their organization's integrations"
ON integrations FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's org_credentials"
ON org_credentials FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's carrier_forwarding_rules"
ON carrier_forwarding_rules FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's leads"
ON leads FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's audit_logs"
ON audit_logs FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's telephony audit log"
ON telephony_country_audit_log FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's security_audit_log"
ON security_audit_log FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's org_feature_flags"
ON org_feature_flags FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's hot_lead_alerts"
ON hot_lead_alerts FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's twilio_subaccounts"
ON twilio_subaccounts FOR ALL
USING (org_id = current_user_org_id());

CREATE POLICY "Users can access their organization's escalation_rules"
ON escalation_rules FOR ALL
USING (org_id = current_user_org_id());

-- integration_settings is global platform configuration: RLS on and no
-- policy, so only the service role (owner / superuser) reads it.
