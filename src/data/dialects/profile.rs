//! The org profile of each platform, as SQL that answers one JSON document of sections.
//!
//! A section is `{"title": ..., "pairs": [[label, value], ...]}` or `{"title": ..., "columns": [...],
//! "rows": [[...], ...]}`. Secrets (tokens, API keys, SIP credentials, password hashes, 2FA secrets) are
//! never selected: only whether one is set, computed here (`x IS NOT NULL`).

use crate::core::model::Dialect;

/// Changing an org's status (suspend / reactivate), where the platform has a status column.
#[derive(Debug, Clone, Copy)]
pub struct OrgStatusSql {
    /// `$1` org, `$2` the new status; returns the id when a row changed.
    pub update: &'static str,
    /// `$1` org, `$2` the new status, `$3` the previous one: the audit row, where there is an audit table.
    pub audit: Option<&'static str>,
}

pub fn profile_sql(d: Dialect) -> &'static str {
    match d {
        Dialect::ServiceAi => SERVICEAI,
        Dialect::Retell => RETELL,
        Dialect::Voxanne => VOXANNE,
        Dialect::Prisma => PRISMA,
        Dialect::Quinite => QUINITE,
    }
}

pub fn status_sql(d: Dialect) -> Option<OrgStatusSql> {
    match d {
        Dialect::Retell => Some(OrgStatusSql {
            update: "UPDATE system.organizations SET status = $2, updated_at = now() \
                     WHERE id = $1::uuid AND status IS DISTINCT FROM $2 RETURNING id::text",
            audit: Some(
                "INSERT INTO system.activity_logs (organization_id, action, resource_type, resource_id, metadata) \
                 VALUES ($1::uuid, 'organization.status_changed', 'organization', $1::text, \
                 jsonb_build_object('from', $3::text, 'to', $2::text, 'by', 'switchboard', 'db_user', current_user))",
            ),
        }),
        Dialect::Quinite => Some(OrgStatusSql {
            update: "UPDATE organizations SET status = $2, updated_at = now() \
                     WHERE id = $1::uuid AND status IS DISTINCT FROM $2 RETURNING id::text",
            audit: None,
        }),
        _ => None,
    }
}

const SERVICEAI: &str = "SELECT jsonb_build_array( \
  jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', o.name), jsonb_build_array('Industry', o.industry), \
    jsonb_build_array('Timezone', o.timezone), jsonb_build_array('Created', o.created_at), \
    jsonb_build_array('Updated', o.updated_at), \
    jsonb_build_array('Last call', (SELECT max(c.created_at) FROM call_logs c WHERE c.organization_id = o.id)))), \
  jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Name', 'Email', 'Role', 'Member since'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(p.full_name, p.email, m.role, m.created_at) ORDER BY m.role, p.full_name) \
      FROM organization_members m LEFT JOIN user_profiles p ON p.id = m.user_id WHERE m.organization_id = o.id), '[]')), \
  jsonb_build_object('title', 'Invitations pending', 'columns', jsonb_build_array('Email', 'Role', 'Expires'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(i.invited_email, i.role, i.expires_at)) \
      FROM organization_invitations i WHERE i.organization_id = o.id AND i.status = 'pending'), '[]')), \
  jsonb_build_object('title', 'Assistants', 'columns', jsonb_build_array('Name', 'Language', 'Active', 'Voice', 'Tools'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(a.name, a.language, a.is_active, \
        NULLIF(concat_ws(' ', a.voice_config->>'provider', COALESCE(a.voice_config->>'voiceId', a.voice_config->>'voice_id')), ''), \
        jsonb_array_length(CASE WHEN jsonb_typeof(a.tools_config) = 'array' THEN a.tools_config ELSE '[]'::jsonb END)) ORDER BY a.name) \
      FROM vapi_assistants a WHERE a.organization_id = o.id), '[]')), \
  jsonb_build_object('title', 'Phone numbers', 'columns', jsonb_build_array('Number', 'Provider', 'Answered by', 'Active'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(n.phone_number, n.phone_provider, a.name, n.is_active) ORDER BY n.phone_number) \
      FROM phone_number_assignments n LEFT JOIN vapi_assistants a ON a.id = n.vapi_assistant_id WHERE n.organization_id = o.id), '[]')), \
  jsonb_build_object('title', 'Transfers', 'pairs', jsonb_build_array( \
    jsonb_build_array('Transfer number', o.transfer_phone_number), jsonb_build_array('Transfer mode', o.transfer_mode), \
    jsonb_build_array('Max transfer wait (s)', o.max_transfer_wait_time), jsonb_build_array('Emergency phone', o.emergency_contact_phone))), \
  jsonb_build_object('title', 'Integrations', 'pairs', jsonb_build_array( \
    jsonb_build_array('Phone provider', o.phone_provider), \
    jsonb_build_array('Twilio auth token', CASE WHEN o.twilio_auth_token IS NOT NULL THEN 'set' ELSE 'not set' END), \
    jsonb_build_array('BYO SIP credentials', CASE WHEN o.byo_sip_credentials IS NOT NULL THEN 'set' ELSE 'not set' END), \
    jsonb_build_array('Calendar provider', o.calendar_provider), \
    jsonb_build_array('Calendar sync', CASE WHEN o.calendar_sync_enabled THEN 'on' ELSE 'off' END), \
    jsonb_build_array('Google Calendar', CASE WHEN o.google_refresh_token IS NOT NULL THEN 'connected' ELSE 'not connected' END), \
    jsonb_build_array('Outlook', CASE WHEN o.outlook_refresh_token IS NOT NULL THEN 'connected' ELSE 'not connected' END), \
    jsonb_build_array('Calendly API key', CASE WHEN o.calendly_api_key IS NOT NULL THEN 'set' ELSE 'not set' END))), \
  jsonb_build_object('title', 'Subscription', 'pairs', (SELECT jsonb_build_array( \
      jsonb_build_array('Plan', s.plan_name), jsonb_build_array('Status', s.status), \
      jsonb_build_array('Period ends', s.current_period_end), jsonb_build_array('Cancels at period end', s.cancel_at_period_end)) \
    FROM billing_subscriptions s WHERE s.organization_id = o.id ORDER BY s.created_at DESC NULLS LAST LIMIT 1)), \
  jsonb_build_object('title', 'Invoices', 'columns', jsonb_build_array('Date', 'Amount', 'Status', 'Paid'), \
    'rows', COALESCE((SELECT jsonb_agg(x) FROM (SELECT jsonb_build_array(i.created_at::date, \
        to_char(i.amount_paid / 100.0, 'FM999999990.00') || ' ' || upper(COALESCE(i.currency, '')), i.status, i.paid_at) AS x \
      FROM billing_invoices i WHERE i.organization_id = o.id ORDER BY i.created_at DESC NULLS LAST LIMIT 10) t), '[]')) \
) AS sections, NULL::text AS status FROM organizations o WHERE o.id = $1::uuid";

const RETELL: &str = "SELECT jsonb_build_array( \
  jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', o.name), jsonb_build_array('Slug', o.slug), jsonb_build_array('Subdomain', o.subdomain), \
    jsonb_build_array('Domain', o.domain), jsonb_build_array('Status', o.status), jsonb_build_array('Schema', o.schema_name), \
    jsonb_build_array('Created', o.created_at), jsonb_build_array('Last activity', o.last_activity_at))), \
  jsonb_build_object('title', 'Branding', 'pairs', jsonb_build_array( \
    jsonb_build_array('Company name', o.branding->>'company_name'), jsonb_build_array('Primary color', o.branding->>'primary_color'), \
    jsonb_build_array('Secondary color', o.branding->>'secondary_color'), jsonb_build_array('Logo', o.branding->>'logo_url'))), \
  jsonb_build_object('title', 'Integrations', 'pairs', jsonb_build_array( \
    jsonb_build_array('Retell configured', CASE WHEN o.retell_configured THEN 'yes' ELSE 'no' END), \
    jsonb_build_array('Retell API key', CASE WHEN o.retell_api_key IS NOT NULL THEN 'set' ELSE 'not set' END), \
    jsonb_build_array('Retell agent', o.retell_agent_id))), \
  jsonb_build_object('title', 'Money', 'pairs', jsonb_build_array( \
    jsonb_build_array('Billing rate / min', o.billing_rate_per_minute), jsonb_build_array('Cost (COGS) / min', o.cogs_per_minute), \
    jsonb_build_array('Margin / min', o.billing_rate_per_minute - o.cogs_per_minute), \
    jsonb_build_array('Margin', CASE WHEN o.billing_rate_per_minute > 0 THEN \
      to_char(100 * (o.billing_rate_per_minute - o.cogs_per_minute) / o.billing_rate_per_minute, 'FM990.0') || ' %' END))), \
  jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Email', 'Role', 'Since'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(u.email, ou.role, ou.created_at) ORDER BY ou.role, u.email) \
      FROM system.organization_users ou LEFT JOIN auth.users u ON u.id = ou.user_id WHERE ou.organization_id = o.id), '[]')), \
  jsonb_build_object('title', 'Billing history', 'columns', jsonb_build_array('Period start', 'Period end', 'Minutes', 'Cost', 'Status'), \
    'rows', COALESCE((SELECT jsonb_agg(x) FROM (SELECT jsonb_build_array(b.period_start::date, b.period_end::date, b.total_minutes, b.total_cost, b.status) AS x \
      FROM system.billing_history b WHERE b.organization_id = o.id ORDER BY b.period_start DESC LIMIT 10) t), '[]')), \
  jsonb_build_object('title', 'Status changes', 'columns', jsonb_build_array('When', 'From', 'To', 'By'), \
    'rows', COALESCE((SELECT jsonb_agg(x) FROM (SELECT jsonb_build_array(a.created_at, a.metadata->>'from', a.metadata->>'to', \
        COALESCE(a.metadata->>'db_user', a.metadata->>'by', a.user_id::text)) AS x \
      FROM system.activity_logs a WHERE a.organization_id = o.id AND a.action = 'organization.status_changed' \
      ORDER BY a.created_at DESC LIMIT 5) t), '[]')) \
) AS sections, o.status FROM system.organizations o WHERE o.id = $1::uuid";

const VOXANNE: &str = "SELECT jsonb_build_array( \
  jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', o.name), jsonb_build_array('Email', o.email), jsonb_build_array('Phone', o.phone), \
    jsonb_build_array('Website', o.website), jsonb_build_array('Plan', o.plan), jsonb_build_array('Telephony', o.telephony_mode), \
    jsonb_build_array('Timezone', o.settings->>'timezone'), jsonb_build_array('Created', o.created_at), \
    jsonb_build_array('Last call', (SELECT max(c.created_at) FROM calls c WHERE c.org_id = o.id)))), \
  jsonb_build_object('title', 'Money', 'pairs', jsonb_build_array( \
    jsonb_build_array('Wallet balance', CASE WHEN o.wallet_balance_pence IS NOT NULL THEN \
      '£' || to_char(o.wallet_balance_pence / 100.0, 'FM999999990.00') END), \
    jsonb_build_array('Stripe customer', CASE WHEN o.stripe_customer_id IS NOT NULL THEN 'set' ELSE 'not set' END))), \
  jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Name', 'Email', 'Role', 'Status', 'Last login'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(p.full_name, p.email, p.role, p.status, p.last_login) ORDER BY p.role, p.email) \
      FROM profiles p WHERE p.org_id = o.id), '[]')), \
  jsonb_build_object('title', 'Agents', 'columns', jsonb_build_array('Name', 'Role', 'Voice', 'Model', 'Active'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(a.name, a.role, a.voice, a.model, a.is_active) ORDER BY a.name) \
      FROM agents a WHERE a.org_id = o.id), '[]')), \
  jsonb_build_object('title', 'Integrations', 'columns', jsonb_build_array('Provider', 'Status', 'Last synced'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(i.provider, i.status, i.last_synced_at) ORDER BY i.provider) \
      FROM integrations i WHERE i.org_id = o.id), '[]')), \
  jsonb_build_object('title', 'Credentials', 'columns', jsonb_build_array('Provider', 'Key', 'Active', 'Last verified'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(k.provider, CASE WHEN k.encrypted_api_key IS NOT NULL THEN 'set' ELSE 'not set' END, \
        k.is_active, k.last_verified_at) ORDER BY k.provider) FROM org_credentials k WHERE k.org_id = o.id), '[]')), \
  jsonb_build_object('title', 'Tools and feature flags', 'columns', jsonb_build_array('Name', 'Kind', 'Enabled'), \
    'rows', COALESCE((SELECT jsonb_agg(x ORDER BY x->>0) FROM ( \
      SELECT jsonb_build_array(t.tool_name, 'tool', t.enabled) AS x FROM org_tools t WHERE t.org_id = o.id \
      UNION ALL SELECT jsonb_build_array(f.flag_name, 'flag', f.enabled) FROM org_feature_flags f WHERE f.org_id = o.id) u), '[]')) \
) AS sections, NULL::text AS status FROM organizations o WHERE o.id = $1::uuid";

const PRISMA: &str = "SELECT jsonb_build_array( \
  jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', o.name), jsonb_build_array('Slug', o.slug), jsonb_build_array('Plan', o.plan), \
    jsonb_build_array('Created', o.\"createdAt\"), jsonb_build_array('Updated', o.\"updatedAt\"), \
    jsonb_build_array('Last call', (SELECT max(c.\"timestamp\") FROM \"CallLog\" c WHERE c.\"organizationId\" = o.id)))), \
  jsonb_build_object('title', 'Money', 'pairs', jsonb_build_array(jsonb_build_array('Credits', o.credits))), \
  jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Name', 'Email', 'Org role', 'Status', '2FA'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(u.\"firstName\" || ' ' || u.\"lastName\", u.email, uo.role, u.status, \
        CASE WHEN u.\"twoFactorEnabled\" THEN 'on' ELSE 'off' END) ORDER BY uo.role, u.email) \
      FROM \"UserOrganization\" uo JOIN \"User\" u ON u.id = uo.\"userId\" WHERE uo.\"organizationId\" = o.id), '[]')), \
  jsonb_build_object('title', 'Agents', 'columns', jsonb_build_array('Name', 'Type', 'Status', 'Caller', 'STT', 'LLM', 'TTS / voice', 'Number', 'Calls', 'Success'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(a.name, a.type, a.status, a.\"callerType\", \
        NULLIF(concat_ws(' ', a.configuration->'stt'->>'provider', a.configuration->'stt'->>'model'), ''), \
        NULLIF(concat_ws(' ', a.configuration->'llm'->>'provider', a.configuration->'llm'->>'model'), ''), \
        NULLIF(concat_ws(' ', a.configuration->'tts'->>'provider', a.configuration->'tts'->>'voice'), ''), \
        pn.\"phoneNumber\", a.\"totalCalls\", round(a.\"successRate\"::numeric, 1)) ORDER BY a.name) \
      FROM \"Agent\" a LEFT JOIN \"PhoneNumber\" pn ON pn.id = a.\"phoneNumberId\" WHERE a.\"organizationId\" = o.id), '[]')), \
  jsonb_build_object('title', 'Phone numbers', 'columns', jsonb_build_array('Label', 'Number', 'Inbound', 'Outbound'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(p.label, p.\"phoneNumber\", p.\"inboundStatus\", p.\"outboundStatus\") ORDER BY p.label) \
      FROM \"PhoneNumber\" p WHERE p.\"organizationId\" = o.id), '[]')), \
  jsonb_build_object('title', 'Campaigns', 'columns', jsonb_build_array('Name', 'Status', 'Progress', 'Calls', 'Completed'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(c.\"batchName\", c.status, c.progress || ' %', c.\"totalCalls\", c.\"completedCalls\") \
        ORDER BY c.\"createdAt\" DESC) FROM \"Campaign\" c WHERE c.\"organizationId\" = o.id), '[]')), \
  jsonb_build_object('title', 'API keys', 'columns', jsonb_build_array('Name', 'Status', 'Expires'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(k.name, k.status, k.\"expirationDate\") ORDER BY k.name) \
      FROM \"ApiKey\" k WHERE k.\"organizationId\" = o.id), '[]')) \
) AS sections, NULL::text AS status FROM \"Organization\" o WHERE o.id = $1::text";

const QUINITE: &str = "SELECT jsonb_build_array( \
  jsonb_build_object('title', 'Identity', 'pairs', jsonb_build_array( \
    jsonb_build_array('Name', o.name), jsonb_build_array('Slug', o.slug), jsonb_build_array('Status', o.status), \
    jsonb_build_array('Created', o.created_at), jsonb_build_array('Updated', o.updated_at), \
    jsonb_build_array('Last call', (SELECT max(c.call_timestamp) FROM call_logs c WHERE c.organization_id = o.id)))), \
  jsonb_build_object('title', 'People', 'columns', jsonb_build_array('Name', 'Email', 'Role', 'Since'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(p.full_name, p.email, p.role, p.created_at) ORDER BY p.role, p.email) \
      FROM profiles p WHERE p.organization_id = o.id), '[]')), \
  jsonb_build_object('title', 'Campaigns', 'columns', jsonb_build_array('Name', 'Status', 'Calls', 'Transfers', 'Conversion'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(c.name, c.status, c.total_calls, c.transferred_calls, c.conversion_rate || ' %') \
        ORDER BY c.created_at DESC) FROM campaigns c WHERE c.organization_id = o.id), '[]')), \
  jsonb_build_object('title', 'Projects', 'columns', jsonb_build_array('Name', 'Created'), \
    'rows', COALESCE((SELECT jsonb_agg(jsonb_build_array(p.name, p.created_at) ORDER BY p.name) \
      FROM projects p WHERE p.organization_id = o.id), '[]')) \
) AS sections, o.status FROM organizations o WHERE o.id = $1::uuid";
