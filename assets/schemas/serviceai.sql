-- =============================================================================
-- ServiceAI platform schema (Supabase / PostgreSQL), as documented in
-- "Database Schema Documentation - Complete database design and migration
-- guide for ServiceAI" (schema version "MVP Production Ready", 2025-10-08).
--
-- Loads into an EMPTY database on PostgreSQL 15, 16 and 17 (and PGlite):
--   * no extensions (gen_random_uuid() is built in since PostgreSQL 13);
--   * no psql meta-commands and no BEGIN/COMMIT, so the whole file can also be
--     sent as one multi-statement simple query;
--   * everything lives in schema public, except the minimal stand-ins for the
--     Supabase-managed "auth" schema, which are marked "-- STAND-IN: ...".
--
-- Tables (15, all in public, all with RLS enabled):
--   user_profiles, organizations, organization_members, organization_invitations,
--   vapi_assistants, phone_number_assignments, customers, appointments,
--   call_logs, sms_communications, call_transfers, emergency_contacts,
--   emergency_notifications, billing_subscriptions, billing_invoices
--
-- Column names, types, nullability, defaults, CHECKs, UNIQUEs and foreign keys
-- are copied verbatim from the seed document. Objects the document only names
-- (function bodies, the policies of tables other than appointments, the
-- updated_at triggers) are filled in here; each is commented.
-- =============================================================================


-- -----------------------------------------------------------------------------
-- Supabase-managed objects
-- -----------------------------------------------------------------------------

-- STAND-IN: schema "auth" is created and managed by Supabase Auth (GoTrue).
CREATE SCHEMA IF NOT EXISTS auth;

-- STAND-IN: auth.users is managed by Supabase Auth; the seed only says it
-- "contains: id, email, encrypted_password, email_confirmed_at, etc.".
-- This is the minimal subset the public schema and the console need.
CREATE TABLE auth.users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email TEXT,
    encrypted_password TEXT,
    email_confirmed_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT NOW()
);

-- STAND-IN: auth.uid() is provided by Supabase. Same semantics as Supabase's
-- own definition: the "sub" claim of the request JWT, or NULL when no JWT is
-- set (current_setting(..., true) never raises; empty strings map to NULL).
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
-- 1. Authentication & Users
-- -----------------------------------------------------------------------------

CREATE TABLE user_profiles (
    id UUID PRIMARY KEY REFERENCES auth.users(id) ON DELETE CASCADE,
    full_name VARCHAR(255),
    preferred_language VARCHAR(5) DEFAULT 'en',
    email VARCHAR(255), -- Synced from auth.users
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);


-- -----------------------------------------------------------------------------
-- 2. Organizations & Multi-Tenancy
-- -----------------------------------------------------------------------------

CREATE TABLE organizations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    industry VARCHAR(50) NOT NULL,
    timezone VARCHAR(50) DEFAULT 'America/New_York',

    -- Phone configuration
    phone_provider VARCHAR(20) DEFAULT 'vapi',
    twilio_account_sid VARCHAR(255),
    twilio_auth_token TEXT,
    byo_sip_credentials JSONB,

    -- Calendar integration
    calendar_provider VARCHAR(20),
    google_calendar_id VARCHAR(255),
    google_refresh_token TEXT,
    outlook_calendar_id VARCHAR(255),
    outlook_refresh_token TEXT,
    calendly_api_key VARCHAR(255),
    calendly_user_uri VARCHAR(255),
    calendar_sync_enabled BOOLEAN DEFAULT false,
    calendar_metadata JSONB DEFAULT '{}',

    -- Transfer settings
    transfer_phone_number VARCHAR(20),
    transfer_mode VARCHAR(10) DEFAULT 'warm',
    emergency_contact_phone VARCHAR(20),
    max_transfer_wait_time INTEGER DEFAULT 30,

    -- Metadata
    settings JSONB DEFAULT '{}',
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE organization_members (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
    role VARCHAR(20) NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),

    UNIQUE(organization_id, user_id)
);

CREATE TABLE organization_invitations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    invited_by_user_id UUID NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
    invited_email VARCHAR(255) NOT NULL,
    role VARCHAR(20) NOT NULL,
    token VARCHAR(255) UNIQUE NOT NULL,
    status VARCHAR(20) DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'expired')),
    expires_at TIMESTAMPTZ DEFAULT (NOW() + INTERVAL '7 days'),
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);


-- -----------------------------------------------------------------------------
-- 3. AI Assistants & Phone Numbers
-- -----------------------------------------------------------------------------

CREATE TABLE vapi_assistants (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    vapi_assistant_id VARCHAR(255) UNIQUE NOT NULL,
    name VARCHAR(255) NOT NULL,
    industry VARCHAR(50) NOT NULL,
    language VARCHAR(5) NOT NULL CHECK (language IN ('en', 'es')),
    system_prompt TEXT NOT NULL,
    voice_config JSONB NOT NULL,
    tools_config JSONB DEFAULT '[]',
    is_active BOOLEAN DEFAULT true,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE phone_number_assignments (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    vapi_assistant_id UUID REFERENCES vapi_assistants(id) ON DELETE SET NULL,
    phone_number VARCHAR(20) NOT NULL,
    vapi_phone_number_id VARCHAR(255),
    phone_provider VARCHAR(20) NOT NULL CHECK (phone_provider IN ('vapi', 'twilio', 'byo')),
    capabilities TEXT[] DEFAULT '{"voice"}',
    is_active BOOLEAN DEFAULT true,
    assigned_at TIMESTAMPTZ DEFAULT NOW(),
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),

    UNIQUE(organization_id, phone_number)
);


-- -----------------------------------------------------------------------------
-- 4. Customers & Appointments
-- -----------------------------------------------------------------------------

CREATE TABLE customers (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    phone_number VARCHAR(20) NOT NULL,
    email VARCHAR(255),
    address TEXT,
    primary_language VARCHAR(5) DEFAULT 'en' CHECK (primary_language IN ('en', 'es')),
    sms_enabled BOOLEAN DEFAULT true,
    total_appointments INTEGER DEFAULT 0,
    total_spent DECIMAL(10,2) DEFAULT 0,
    last_appointment_date DATE,
    notes TEXT,
    metadata JSONB DEFAULT '{}',
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),

    UNIQUE(organization_id, phone_number)
);

CREATE TABLE appointments (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    customer_id UUID REFERENCES customers(id) ON DELETE SET NULL,
    vapi_call_id VARCHAR(255),

    -- Customer information (denormalized)
    customer_name VARCHAR(255) NOT NULL,
    customer_phone VARCHAR(20) NOT NULL,
    customer_email VARCHAR(255),
    service_address TEXT,

    -- Appointment details
    appointment_type VARCHAR(50) NOT NULL,
    service_description TEXT,
    scheduled_date DATE NOT NULL,
    scheduled_time TIME NOT NULL,
    duration_minutes INTEGER DEFAULT 60 CHECK (duration_minutes > 0 AND duration_minutes <= 480),

    -- Status tracking
    status VARCHAR(20) DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),

    -- Language and communication
    language_preference VARCHAR(5) DEFAULT 'en' CHECK (language_preference IN ('en', 'es')),
    sms_sent BOOLEAN DEFAULT false,
    sms_reminder_sent BOOLEAN DEFAULT false,

    -- Calendar integration
    google_calendar_event_id VARCHAR(255),
    outlook_calendar_event_id VARCHAR(255),
    calendly_event_id VARCHAR(255),
    calendar_provider VARCHAR(20) CHECK (calendar_provider IN ('google', 'outlook', 'calendly', 'none')),

    -- Metadata
    urgency_score DECIMAL(3,2) CHECK (urgency_score >= 0 AND urgency_score <= 1),
    emergency_detected BOOLEAN DEFAULT false,
    notes TEXT,
    metadata JSONB DEFAULT '{}',

    -- Timestamps
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    confirmed_at TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ
);


-- -----------------------------------------------------------------------------
-- 5. Communication & Logs
-- -----------------------------------------------------------------------------

CREATE TABLE call_logs (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    vapi_call_id VARCHAR(255) UNIQUE NOT NULL,
    vapi_assistant_id UUID REFERENCES vapi_assistants(id) ON DELETE SET NULL,
    customer_phone_number VARCHAR(20) NOT NULL,
    call_duration INTEGER, -- seconds
    call_status VARCHAR(20) NOT NULL,
    language_detected VARCHAR(5),
    emergency_detected BOOLEAN DEFAULT false,
    urgency_score DECIMAL(3,2),
    transcript TEXT,
    summary TEXT,
    tools_used JSONB DEFAULT '[]',
    metadata JSONB DEFAULT '{}',
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE sms_communications (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    customer_id UUID REFERENCES customers(id) ON DELETE SET NULL,
    phone_number VARCHAR(20) NOT NULL,
    message_content TEXT NOT NULL,
    message_type VARCHAR(50) NOT NULL,
    language_code VARCHAR(5) NOT NULL,
    direction VARCHAR(10) NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    status VARCHAR(20) DEFAULT 'sent' CHECK (status IN ('sent', 'delivered', 'failed', 'undelivered')),
    twilio_message_sid VARCHAR(255),
    template_key VARCHAR(100),
    variables JSONB DEFAULT '{}',
    delivered_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);


-- -----------------------------------------------------------------------------
-- 6. Call Transfers & Emergency Management
-- -----------------------------------------------------------------------------

CREATE TABLE call_transfers (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    vapi_call_id VARCHAR(255) NOT NULL,
    reason VARCHAR(255),
    urgency VARCHAR(20),
    summary TEXT,
    customer_name VARCHAR(255),
    transfer_to VARCHAR(20),
    status VARCHAR(20) DEFAULT 'initiated' CHECK (status IN ('initiated', 'connecting', 'connected', 'completed', 'failed', 'no_answer')),
    connected_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    metadata JSONB DEFAULT '{}',
    created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE emergency_contacts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    phone VARCHAR(20) NOT NULL,
    email VARCHAR(255),
    role VARCHAR(100),
    is_primary BOOLEAN DEFAULT false,
    is_active BOOLEAN DEFAULT true,
    available_days TEXT[], -- ['monday', 'tuesday', ...]
    available_hours_start TIME,
    available_hours_end TIME,
    priority INTEGER DEFAULT 1, -- 1 = highest priority
    escalation_timeout INTEGER DEFAULT 30, -- seconds
    sms_enabled BOOLEAN DEFAULT true,
    call_enabled BOOLEAN DEFAULT true,
    email_enabled BOOLEAN DEFAULT false,
    notes TEXT,
    metadata JSONB DEFAULT '{}',
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE emergency_notifications (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    emergency_contact_id UUID REFERENCES emergency_contacts(id) ON DELETE SET NULL,
    vapi_call_id VARCHAR(255),
    notification_type VARCHAR(50) NOT NULL,
    urgency VARCHAR(20) NOT NULL,
    message TEXT NOT NULL,
    status VARCHAR(20) DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'acknowledged')),
    sent_at TIMESTAMPTZ,
    delivered_at TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ,
    metadata JSONB DEFAULT '{}',
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);


-- -----------------------------------------------------------------------------
-- 7. Billing & Subscriptions
-- -----------------------------------------------------------------------------

CREATE TABLE billing_subscriptions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    stripe_subscription_id VARCHAR(255) UNIQUE NOT NULL,
    stripe_customer_id VARCHAR(255) NOT NULL,
    status VARCHAR(20) NOT NULL,
    plan_name VARCHAR(100) NOT NULL,
    current_period_start TIMESTAMPTZ NOT NULL,
    current_period_end TIMESTAMPTZ NOT NULL,
    cancel_at_period_end BOOLEAN DEFAULT false,
    metadata JSONB DEFAULT '{}',
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE billing_invoices (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    stripe_invoice_id VARCHAR(255) UNIQUE NOT NULL,
    stripe_subscription_id VARCHAR(255),
    amount_paid INTEGER NOT NULL, -- cents
    currency VARCHAR(3) DEFAULT 'usd',
    status VARCHAR(20) NOT NULL,
    paid_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);


-- -----------------------------------------------------------------------------
-- Indexes (verbatim from the seed's "Performance Indexes")
-- -----------------------------------------------------------------------------

-- Organization-based queries
CREATE INDEX idx_organization_members_org ON organization_members(organization_id);
CREATE INDEX idx_vapi_assistants_org ON vapi_assistants(organization_id);
CREATE INDEX idx_phone_assignments_org ON phone_number_assignments(organization_id);
CREATE INDEX idx_customers_org ON customers(organization_id);
CREATE INDEX idx_appointments_org ON appointments(organization_id);
CREATE INDEX idx_call_logs_org ON call_logs(organization_id);
CREATE INDEX idx_sms_communications_org ON sms_communications(organization_id);

-- Date-based queries
CREATE INDEX idx_appointments_date ON appointments(scheduled_date);
CREATE INDEX idx_call_logs_created ON call_logs(created_at);
CREATE INDEX idx_sms_created ON sms_communications(created_at);

-- Status queries
CREATE INDEX idx_appointments_status ON appointments(status);
CREATE INDEX idx_call_logs_status ON call_logs(call_status);

-- Phone number lookups
CREATE INDEX idx_customers_phone ON customers(phone_number);
CREATE INDEX idx_appointments_phone ON appointments(customer_phone);
CREATE INDEX idx_phone_assignments_number ON phone_number_assignments(phone_number);

-- Emergency contacts
CREATE INDEX idx_emergency_contacts_org ON emergency_contacts(organization_id);
CREATE INDEX idx_emergency_contacts_priority ON emergency_contacts(priority);


-- -----------------------------------------------------------------------------
-- Functions
-- -----------------------------------------------------------------------------

-- Verbatim from the seed.
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- The seed gives only the signature ("Implementation for checking appointment
-- availability"). Body written here: consecutive slots of slot_duration
-- minutes from 08:00, the last one ending no later than 18:00; a slot is
-- available when it does not overlap any non-cancelled appointment of the
-- organization on target_date ([scheduled_time, scheduled_time +
-- duration_minutes)). A NULL or non-positive slot_duration means 60.
CREATE OR REPLACE FUNCTION get_available_time_slots(
    org_id UUID,
    target_date DATE,
    slot_duration INTEGER DEFAULT 60
)
RETURNS TABLE (
    start_time TIME,
    end_time TIME,
    is_available BOOLEAN
) AS $$
DECLARE
    step INTEGER := CASE WHEN slot_duration IS NULL OR slot_duration <= 0 THEN 60 ELSE slot_duration END;
BEGIN
    RETURN QUERY
    SELECT (TIME '00:00' + s.start_min * INTERVAL '1 minute')::TIME,
           (TIME '00:00' + (s.start_min + step) * INTERVAL '1 minute')::TIME,
           NOT EXISTS (
               SELECT 1
               FROM public.appointments a
               WHERE a.organization_id = org_id
                 AND a.scheduled_date = target_date
                 AND a.status IS DISTINCT FROM 'cancelled'
                 AND (EXTRACT(HOUR FROM a.scheduled_time) * 60 + EXTRACT(MINUTE FROM a.scheduled_time))::INTEGER
                     < s.start_min + step
                 AND (EXTRACT(HOUR FROM a.scheduled_time) * 60 + EXTRACT(MINUTE FROM a.scheduled_time))::INTEGER
                     + coalesce(a.duration_minutes, 60) > s.start_min
           )
    FROM generate_series(8 * 60, 18 * 60 - step, step) AS s(start_min)
    ORDER BY s.start_min;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;

-- The seed gives only the signature ("Implementation for finding available
-- emergency contact"). Body written here: the first active contact of the
-- organization that is on call right now, in the organization's timezone
-- (NULL or unknown timezone: UTC):
--   * available_days NULL or empty = every day, otherwise it must contain
--     today's lowercase English day name ('monday', ...);
--   * the current local time must be in [available_hours_start,
--     available_hours_end); a window with end < start crosses midnight
--     (e.g. 22:00-06:00); both hours NULL = always; start NULL = from
--     midnight; end NULL = until midnight; start = end is an empty window;
--   * ordered by priority ASC (NULLs last), is_primary DESC, id.
-- Returns NULL when nobody is on call. urgency is accepted for API
-- compatibility; it does not change the selection.
CREATE OR REPLACE FUNCTION get_on_call_contact(
    org_id UUID,
    urgency TEXT
)
RETURNS emergency_contacts AS $$
DECLARE
    tz TEXT;
    local_now TIMESTAMP;
    today TEXT;
    now_time TIME;
    result public.emergency_contacts;
BEGIN
    SELECT o.timezone INTO tz FROM public.organizations o WHERE o.id = org_id;
    BEGIN
        local_now := now() AT TIME ZONE coalesce(nullif(tz, ''), 'UTC');
    EXCEPTION WHEN OTHERS THEN
        local_now := now() AT TIME ZONE 'UTC';
    END;
    today := to_char(local_now, 'FMday');
    now_time := local_now::TIME;

    SELECT c.* INTO result
    FROM public.emergency_contacts c
    WHERE c.organization_id = org_id
      AND c.is_active IS TRUE
      AND (
          c.available_days IS NULL
          OR cardinality(c.available_days) = 0
          OR EXISTS (SELECT 1 FROM unnest(c.available_days) AS d(day)
                     WHERE lower(btrim(d.day)) = today)
      )
      AND (
          CASE
              WHEN c.available_hours_start IS NULL AND c.available_hours_end IS NULL THEN TRUE
              WHEN c.available_hours_start IS NULL THEN now_time < c.available_hours_end
              WHEN c.available_hours_end IS NULL THEN now_time >= c.available_hours_start
              WHEN c.available_hours_start <= c.available_hours_end THEN
                  now_time >= c.available_hours_start AND now_time < c.available_hours_end
              ELSE
                  now_time >= c.available_hours_start OR now_time < c.available_hours_end
          END
      )
    ORDER BY c.priority ASC NULLS LAST, c.is_primary DESC NULLS LAST, c.id
    LIMIT 1;

    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    RETURN result;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;

-- Not in the seed. Membership test used by the policies of
-- organization_members itself: a policy on organization_members that
-- sub-selects organization_members directly would fail with "infinite
-- recursion detected in policy"; a SECURITY DEFINER function reads the table
-- without re-entering its policies.
CREATE OR REPLACE FUNCTION is_organization_member(
    org_id UUID,
    roles TEXT[] DEFAULT ARRAY['owner', 'admin', 'member']
)
RETURNS BOOLEAN AS $$
    SELECT EXISTS (
        SELECT 1
        FROM public.organization_members m
        WHERE m.organization_id = org_id
          AND m.user_id = auth.uid()
          AND m.role = ANY (roles)
    )
$$ LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp;


-- -----------------------------------------------------------------------------
-- updated_at triggers (every table that has an updated_at column;
-- call_transfers has none)
-- -----------------------------------------------------------------------------

CREATE TRIGGER update_user_profiles_updated_at BEFORE UPDATE ON user_profiles
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_organizations_updated_at BEFORE UPDATE ON organizations
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_organization_members_updated_at BEFORE UPDATE ON organization_members
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_organization_invitations_updated_at BEFORE UPDATE ON organization_invitations
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_vapi_assistants_updated_at BEFORE UPDATE ON vapi_assistants
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_phone_number_assignments_updated_at BEFORE UPDATE ON phone_number_assignments
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_customers_updated_at BEFORE UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_appointments_updated_at BEFORE UPDATE ON appointments
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_call_logs_updated_at BEFORE UPDATE ON call_logs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_sms_communications_updated_at BEFORE UPDATE ON sms_communications
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_emergency_contacts_updated_at BEFORE UPDATE ON emergency_contacts
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_emergency_notifications_updated_at BEFORE UPDATE ON emergency_notifications
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_billing_subscriptions_updated_at BEFORE UPDATE ON billing_subscriptions
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER update_billing_invoices_updated_at BEFORE UPDATE ON billing_invoices
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();


-- -----------------------------------------------------------------------------
-- Row Level Security
--
-- "All tables have RLS enabled with organization-based isolation." The seed
-- spells out the two appointments policies; every other organization-scoped
-- table gets the same pair (view: any member; manage: the roles given below).
-- Table owners and superusers bypass RLS (no FORCE ROW LEVEL SECURITY), as
-- on Supabase where the service role bypasses it.
-- -----------------------------------------------------------------------------

ALTER TABLE user_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE vapi_assistants ENABLE ROW LEVEL SECURITY;
ALTER TABLE phone_number_assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE sms_communications ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_transfers ENABLE ROW LEVEL SECURITY;
ALTER TABLE emergency_contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE emergency_notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_invoices ENABLE ROW LEVEL SECURITY;

-- appointments: verbatim from the seed.
CREATE POLICY "Users can view their organization's appointments"
ON appointments
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's appointments"
ON appointments
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

-- user_profiles has no organization_id: each user sees and edits their own.
CREATE POLICY "Users can view their own profile"
ON user_profiles
FOR SELECT
USING (id = auth.uid());

CREATE POLICY "Users can manage their own profile"
ON user_profiles
FOR ALL
USING (id = auth.uid());

-- organizations: keyed by id; settings are managed by owners and admins.
CREATE POLICY "Users can view their organizations"
ON organizations
FOR SELECT
USING (
    id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Admins can manage their organizations"
ON organizations
FOR ALL
USING (
    id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin')
    )
);

-- organization_members: own rows, plus the other members of one's
-- organizations via is_organization_member() (no self-recursion).
CREATE POLICY "Users can view their organization's members"
ON organization_members
FOR SELECT
USING (
    user_id = auth.uid()
    OR is_organization_member(organization_id)
);

CREATE POLICY "Admins can manage their organization's members"
ON organization_members
FOR ALL
USING (
    is_organization_member(organization_id, ARRAY['owner', 'admin'])
);

CREATE POLICY "Users can view their organization's invitations"
ON organization_invitations
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Admins can manage their organization's invitations"
ON organization_invitations
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin')
    )
);

CREATE POLICY "Users can view their organization's vapi_assistants"
ON vapi_assistants
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's vapi_assistants"
ON vapi_assistants
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

CREATE POLICY "Users can view their organization's phone_number_assignments"
ON phone_number_assignments
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's phone_number_assignments"
ON phone_number_assignments
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

CREATE POLICY "Users can view their organization's customers"
ON customers
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's customers"
ON customers
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

CREATE POLICY "Users can view their organization's call_logs"
ON call_logs
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's call_logs"
ON call_logs
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

CREATE POLICY "Users can view their organization's sms_communications"
ON sms_communications
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's sms_communications"
ON sms_communications
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

CREATE POLICY "Users can view their organization's call_transfers"
ON call_transfers
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's call_transfers"
ON call_transfers
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

CREATE POLICY "Users can view their organization's emergency_contacts"
ON emergency_contacts
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's emergency_contacts"
ON emergency_contacts
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

CREATE POLICY "Users can view their organization's emergency_notifications"
ON emergency_notifications
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Users can manage their organization's emergency_notifications"
ON emergency_notifications
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin', 'member')
    )
);

CREATE POLICY "Users can view their organization's billing_subscriptions"
ON billing_subscriptions
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Admins can manage their organization's billing_subscriptions"
ON billing_subscriptions
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin')
    )
);

CREATE POLICY "Users can view their organization's billing_invoices"
ON billing_invoices
FOR SELECT
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
    )
);

CREATE POLICY "Admins can manage their organization's billing_invoices"
ON billing_invoices
FOR ALL
USING (
    organization_id IN (
        SELECT organization_id
        FROM organization_members
        WHERE user_id = auth.uid()
        AND role IN ('owner', 'admin')
    )
);
