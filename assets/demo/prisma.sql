-- =============================================================================
-- Prisma voice-agent platform demo data generator.
--
-- Run once, right after assets/schemas/prisma.sql, on an empty database.
-- Set-based and deterministic: every value is derived from generate_series
-- indexes, modular arithmetic and md5() of fixed strings (no random()). Ids are
-- 25-character CUID-like TEXT values built the same way every time, e.g.
-- 'ck' || substr(md5('call-' || org || '-' || j), 1, 23). Only timestamps
-- move: they are relative to now(), so the calls always cover "the last 90
-- days". Every TIMESTAMP(3) column holds UTC, as Prisma writes it:
-- (now() AT TIME ZONE 'UTC') - interval ...; call times are generated in each
-- organization's local business hours and converted to UTC.
-- No psql meta-commands and no BEGIN/COMMIT: the file can be sent as one
-- multi-statement simple query (e.g. to PGlite). Scratch data lives in
-- temporary tables named _demo_*, dropped at the end.
-- Performance note: derived columns are layered in MATERIALIZED CTEs, so the
-- planner does not inline the layers and re-evaluate md5() once per
-- reference.
--
-- Row counts (identical on every run; only timestamps move with now()):
--   "Organization" 7, "User" 27 (26 staff + one consultant in three orgs),
--   "UserOrganization" 29, "ApiKey" 14, "PhoneNumber" 14,
--   "Voice" 14 (10 system voices + 4 custom), "Agent" 19, "KnowledgeBase" 19,
--   "KnowledgeBaseDocument" 62, "ConversationPath" 14, "Tool" 42, "Event" 28,
--   "AgentKnowledgeBase" 31, "AgentTool" 44, "AgentConversationPath" 18,
--   "Campaign" 18 (2 drafts and 2 planned without calls),
--   "CampaignRecipient" 2,847, "CallLog" 10,000
--   (2,400 / 1,800 / 700 / 1,500 / 1,400 / 1,000 / 1,200 per organization;
--   COMPLETED 7,769, MISSED 1,580, FAILED 643, IN_PROGRESS 8 = the newest
--   call(s) of each organization; INBOUND 7,824, OUTBOUND 2,176 of which
--   1,951 belong to a campaign; 7,210 with a "recordingUrl").
--   (_prisma_migrations keeps the single row the schema file inserts.)
-- Load time: about 0.7 s on PostgreSQL 15.
--
-- Interpretations:
--   * Campaign."totalCalls" = recipients with status READY (the calls the
--     campaign plans to make), "completedCalls" = READY recipients already
--     dialled at least once, "progress" = round(100 * completedCalls /
--     totalCalls). Retries of unanswered recipients are extra "CallLog" rows.
--   * Agent."totalCalls" / "successRate" and Event."triggerCount" are
--     computed from the generated calls (successRate = % COMPLETED).
--   * A MISSED or IN_PROGRESS call has no duration or recording; a FAILED
--     one sometimes has a short duration and a partial transcript, never a
--     recording. "metadata" always holds "summary" (string) and "sentiment"
--     ('positive' / 'neutral' / 'negative', null when nobody spoke).
--
-- Secrets ("User".password, "User"."twoFactorSecret", "ApiKey".key and the
-- credentials inside "Tool".configuration) hold obviously fake values that
-- contain 'DEMO' / 'demo' and 'not-real'. Every e-mail and URL domain is
-- under .example.
-- =============================================================================


-- Transaction-local (a no-op when each statement runs in its own
-- transaction): scratch tables have no statistics, and on servers with JIT
-- enabled the resulting estimates would make several statements pay for a
-- JIT compile that costs more than the statement itself.
DO $$ BEGIN PERFORM set_config('jit', 'off', true); END $$;


-- -----------------------------------------------------------------------------
-- Scratch: organizations and their vocabulary
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_org AS
SELECT v.*,
       'ck' || substr(md5('org-' || v.n), 1, 23) AS id,
       v.calls / 3 AS ncust,
       (now() AT TIME ZONE 'UTC') - ((220 + v.n * 41) * INTERVAL '1 day') AS created_at
FROM (VALUES
    (1, 'Rapid Rooter Plumbing & Drain', 'Rapid Rooter', 'rapid-rooter', 'pro', 18450, 'plumbing',
     'America/New_York', 'en-US', 2400, 12, 97, 3, 'us', '+1718555', 4, 'rapidrooter.example', 'Brooklyn, NY 11215',
     ARRAY['Prospect Park West', '7th Avenue', 'Union Street', 'Atlantic Avenue', 'Bergen Street', 'Court Street'],
     ARRAY['Mike Russo', 'Danny Ortiz']),
    (2, 'Bright Smile Family Dental', 'Bright Smile Dental', 'bright-smile-dental', 'pro', 9200, 'dental',
     'America/Chicago', 'en-US', 1800, 25, 98, 2, 'us', '+1312555', 4, 'brightsmile.example', 'Chicago, IL 60614',
     ARRAY['N Clark Street', 'W Armitage Avenue', 'N Halsted Street', 'W Fullerton Avenue', 'N Lincoln Avenue'],
     ARRAY['Dr. Anita Patel', 'Dr. Marcus Lee']),
    (3, 'Harper & Vance Law Office', 'Harper and Vance', 'harper-vance-law', 'enterprise', 52000, 'legal',
     'America/Los_Angeles', 'en-US', 700, 20, 45, 2, 'us', '+1206555', 4, 'harpervance.example', 'Seattle, WA 98101',
     ARRAY['2nd Avenue', 'Pike Street', 'Pine Street', 'Madison Street', '1st Avenue'],
     ARRAY['Eleanor Vance', 'Tom Harper']),
    (4, 'Summit Peak Realty', 'Summit Peak Realty', 'summit-peak-realty', 'pro', 14800, 'realestate',
     'America/Chicago', 'en-US', 1500, 35, 96, 2, 'us', '+1512555', 4, 'summitpeak.example', 'Austin, TX 78704',
     ARRAY['South Congress Avenue', 'Barton Springs Road', 'Oltorf Street', 'Manchaca Road', 'South Lamar Boulevard'],
     ARRAY['Sarah Mitchell', 'Leo Tran']),
    (5, 'Northwind Heating & Air', 'Northwind', 'northwind-hvac', 'pro', 7600, 'hvac',
     'America/Denver', 'en-US', 1400, 20, 97, 2, 'us', '+1303555', 4, 'northwindhvac.example', 'Denver, CO 80211',
     ARRAY['W 32nd Avenue', 'Tejon Street', 'Federal Boulevard', 'Lowell Boulevard', 'W 44th Avenue'],
     ARRAY['Kyle Jensen', 'Marisol Vega']),
    (6, 'Paws & Whiskers Veterinary Hospital', 'Paws and Whiskers', 'paws-whiskers-vet', 'free', 850, 'vet',
     'Australia/Sydney', 'en-AU', 1000, 15, 95, 1, 'au', '+61491570', 3, 'pawswhiskers.example', 'Parramatta NSW 2150',
     ARRAY['Church Street', 'George Street', 'Victoria Road', 'Pennant Hills Road', 'Macquarie Street'],
     ARRAY['Dr. Linh Nguyen', 'Dr. Josh Taylor']),
    (7, 'Lakeside Family Medicine', 'Lakeside Family Medicine', 'lakeside-family-medicine', 'enterprise', 64000, 'medical',
     'America/Toronto', 'en-CA', 1200, 25, 92, 2, 'us', '+1416555', 4, 'lakesidemed.example', 'Toronto, ON M4E 1A1',
     ARRAY['Queen Street East', 'Kingston Road', 'Lee Avenue', 'Main Street', 'Woodbine Avenue'],
     ARRAY['Dr. Hannah Brooks', 'Dr. Omar Siddiqui'])
) AS v(n, name, short_name, slug, plan, credits, industry,
       tz, lang, calls, out_pct, rec_pct, nphones, culture, phone_prefix, phone_width, domain, city,
       streets, staff);

CREATE TEMP TABLE _demo_names (culture text, firsts text[], lasts text[]);
INSERT INTO _demo_names VALUES
    ('us',
     ARRAY['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Kevin', 'Ashley', 'Brian', 'Emily', 'Tyler', 'Megan', 'Jordan', 'Aaliyah', 'DeShawn', 'Keisha', 'Connor', 'Hannah', 'Carlos', 'María', 'Luis', 'Sofía', 'Wei', 'Mei', 'Raj', 'Ananya', 'Omar', 'Layla'],
     ARRAY['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'O''Connor', 'García', 'Hernández', 'López', 'Chen', 'Wang', 'Patel', 'Kim', 'Nguyen', 'Rossi', 'Kowalski']),
    ('au',
     ARRAY['Jack', 'Charlotte', 'Oliver', 'Mia', 'William', 'Olivia', 'Lachlan', 'Isla', 'Cooper', 'Chloe', 'Riley', 'Matilda', 'Thomas', 'Zoe', 'Liam', 'Ruby', 'Ethan', 'Sienna', 'Harrison', 'Grace', 'Archie', 'Evie', 'Hamish', 'Kiara'],
     ARRAY['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Johnson', 'Martin', 'White', 'Anderson', 'Walker', 'Thompson', 'Ryan', 'Kelly', 'Tran', 'Murphy', 'Campbell', 'O''Brien', 'Lee', 'Papadopoulos', 'Singh']);

-- Voices: system voices (n NULL, shared by every organization) and custom
-- (cloned) voices of a few organizations.
CREATE TEMP TABLE _demo_voice AS
SELECT v.*, 'ck' || substr(md5('voice-' || v.vkey), 1, 23) AS id
FROM (VALUES
    ('june', NULL::int, 'June', 'female', 'Warm, upbeat American voice for front-desk calls', '#F59E0B', ARRAY['english', 'american', 'female', 'warm'], false, 'READY'),
    ('rachel', NULL, 'Rachel', 'female', 'Calm, clear American narrator', '#EC4899', ARRAY['english', 'american', 'female', 'calm'], false, 'READY'),
    ('adam', NULL, 'Adam', 'male', 'Deep, confident American voice', '#3B82F6', ARRAY['english', 'american', 'male', 'deep'], false, 'READY'),
    ('josh', NULL, 'Josh', 'male', 'Friendly young American voice', '#10B981', ARRAY['english', 'american', 'male', 'friendly'], false, 'READY'),
    ('bella', NULL, 'Bella', 'female', 'Soft, reassuring voice for healthcare', '#A855F7', ARRAY['english', 'american', 'female', 'soft'], false, 'READY'),
    ('charlotte', NULL, 'Charlotte', 'female', 'Bright Australian voice', '#F97316', ARRAY['english', 'australian', 'female', 'bright'], false, 'READY'),
    ('george', NULL, 'George', 'male', 'Measured British voice for professional services', '#6366F1', ARRAY['english', 'british', 'male', 'professional'], false, 'READY'),
    ('maya', NULL, 'Maya', 'female', 'Conversational voice, natural pauses', '#14B8A6', ARRAY['english', 'american', 'female', 'conversational'], false, 'READY'),
    ('ryan', NULL, 'Ryan', 'male', 'Energetic sales voice', '#EF4444', ARRAY['english', 'american', 'male', 'energetic'], false, 'READY'),
    ('lucia', NULL, 'Lucía', 'female', 'Bilingual Spanish / English voice', '#84CC16', ARRAY['spanish', 'english', 'mexican', 'female'], false, 'READY'),
    ('patel-clone', 2, 'Dr. Patel (cloned)', 'female', 'Cloned from Dr. Anita Patel''s recorded greetings', '#0EA5E9', ARRAY['english', 'american', 'female', 'custom'], true, 'READY'),
    ('sarah-clone', 4, 'Sarah - broker voice', 'female', 'Cloned voice of the principal broker', 'https://cdn.voiceagent.example/voices/sarah-broker.png', ARRAY['english', 'american', 'female', 'custom', 'texan'], true, 'READY'),
    ('lakeside-v2', 7, 'Lakeside voice v2', 'female', 'Second take of the clinic''s custom voice, still training', '#22C55E', ARRAY['english', 'canadian', 'female', 'custom'], true, 'PROCESSING'),
    ('mike-clone', 1, 'Mike Russo clone', 'male', 'Upload rejected: sample too noisy', '#78716C', ARRAY['english', 'american', 'male', 'custom'], true, 'ERROR')
) AS v(vkey, n, name, gender, description, avatar, tags, is_custom, status);

-- Agents: (org n, k, name, type, caller type, status, voice key, phone k,
-- llm provider, llm model, stt model, description).
CREATE TEMP TABLE _demo_agent AS
SELECT a.*, 'ck' || substr(md5('agent-' || a.n || '-' || a.k), 1, 23) AS id,
       row_number() OVER (PARTITION BY a.n, (a.caller = 'INBOUND' AND a.status = 'ACTIVE') ORDER BY a.k) AS in_rn,
       count(*) OVER (PARTITION BY a.n, (a.caller = 'INBOUND' AND a.status = 'ACTIVE')) AS in_cnt
FROM (VALUES
    (1, 1, 'Ava', 'Inbound Support', 'INBOUND', 'ACTIVE', 'june', 1, 'openai', 'gpt-4-turbo', 'nova-2', 'Answers the main line, books drain and repair visits'),
    (1, 2, 'Max', 'After-hours Dispatch', 'INBOUND', 'ACTIVE', 'adam', 3, 'openai', 'gpt-4o', 'nova-2-phonecall', 'Handles emergencies and dispatches the on-call plumber'),
    (1, 3, 'Riley', 'Outbound Follow-up', 'OUTBOUND', 'ACTIVE', 'josh', 2, 'openai', 'gpt-4o-mini', 'nova-2', 'Post-service follow-ups and maintenance plan offers'),
    (1, 4, 'Ava (legacy)', 'Inbound Support', 'INBOUND', 'INACTIVE', NULL, NULL, 'openai', 'gpt-3.5-turbo', 'nova-2', 'Previous version of the front-desk agent, kept for reference'),
    (2, 1, 'Grace', 'Front Desk Receptionist', 'INBOUND', 'ACTIVE', 'bella', 1, 'anthropic', 'claude-3-5-sonnet', 'nova-2-medical', 'Books cleanings, triages dental pain'),
    (2, 2, 'Sophie', 'Recall Coordinator', 'OUTBOUND', 'ACTIVE', 'patel-clone', 2, 'openai', 'gpt-4o', 'nova-2', 'Six-month recall and treatment reminder calls'),
    (3, 1, 'Morgan', 'Client Intake', 'INBOUND', 'ACTIVE', 'rachel', 1, 'anthropic', 'claude-3-5-sonnet', 'nova-2', 'New-client intake and conflict check questions, never gives legal advice'),
    (3, 2, 'Quinn', 'Consultation Reminders', 'OUTBOUND', 'ACTIVE', 'george', 2, 'openai', 'gpt-4-turbo', 'nova-2', 'Reminds prospective clients of consultations and documents to bring'),
    (4, 1, 'Sarah', 'Listing Inquiries', 'INBOUND', 'ACTIVE', 'sarah-clone', 1, 'openai', 'gpt-4o', 'nova-2', 'Answers listing questions and schedules showings'),
    (4, 2, 'Leo', 'Open House Follow-up', 'OUTBOUND', 'ACTIVE', 'ryan', 2, 'openai', 'gpt-4o', 'nova-2', 'Calls open-house visitors and qualifies buyers'),
    (4, 3, 'Nora', 'Rental Line', 'INBOUND', 'ACTIVE', 'maya', 1, 'openai', 'gpt-4o-mini', 'nova-2', 'Rental availability, pet policy and application questions'),
    (5, 1, 'Cody', 'Service Scheduling', 'INBOUND', 'ACTIVE', 'josh', 1, 'openai', 'gpt-4-turbo', 'nova-2', 'Books tune-ups and repair visits'),
    (5, 2, 'Dana', 'Emergency Line', 'INBOUND', 'ACTIVE', 'june', 1, 'openai', 'gpt-4o', 'nova-2-phonecall', 'No-heat and no-cooling emergencies, pages the on-call tech'),
    (5, 3, 'Mark', 'Maintenance Plan Sales', 'OUTBOUND', 'ACTIVE', 'adam', 2, 'openai', 'gpt-4o-mini', 'nova-2', 'Renews Comfort Club maintenance plans'),
    (6, 1, 'Ruby', 'Reception', 'INBOUND', 'ACTIVE', 'charlotte', 1, 'openai', 'gpt-4o', 'nova-2', 'Books consults and vaccinations, triages urgent cases'),
    (6, 2, 'Jack', 'Reminder Calls', 'OUTBOUND', 'ACTIVE', 'charlotte', 1, 'openai', 'gpt-4o-mini', 'nova-2', 'Vaccination and check-up reminders'),
    (7, 1, 'Emma', 'Patient Line', 'INBOUND', 'ACTIVE', 'rachel', 1, 'anthropic', 'claude-3-5-sonnet', 'nova-2-medical', 'Appointments, lab result call-backs'),
    (7, 2, 'Olivia', 'Prescription Refills', 'INBOUND', 'ACTIVE', 'maya', 1, 'openai', 'gpt-4o', 'nova-2-medical', 'Takes refill requests for the pharmacy queue'),
    (7, 3, 'Noah', 'Patient Outreach', 'OUTBOUND', 'ACTIVE', 'lucia', 2, 'openai', 'gpt-4o', 'nova-2', 'Annual physical and flu shot outreach')
) AS a(n, k, name, type, caller, status, vkey, phone_k, llm_provider, llm_model, stt_model, description);

-- Campaigns: (org n, k, batch name, status, ci = index among the org's
-- campaigns that have calls, days since start, days of calling, daily window,
-- recipients per call placed, recipients of campaigns without calls,
-- conversation path k, first sentence, task prompt, post-call summary).
CREATE TEMP TABLE _demo_camp AS
SELECT c.*, 'ck' || substr(md5('campaign-' || c.n || '-' || c.k), 1, 23) AS id
FROM (VALUES
    (1, 1, 'Spring drain maintenance follow-ups', 'COMPLETED', 1, 80, 30, 10, 18, 0.85, 0, 2,
     'Hi, this is Riley from Rapid Rooter, following up on your recent service visit.',
     'Ask whether the repair is holding up, offer the $149 annual maintenance plan, and ask for a review if the customer is happy.',
     'Summarize satisfaction, maintenance plan interest and whether a review link was sent.'),
    (1, 2, 'Water heater flush reminders', 'CONTINUING', 2, 26, 25, 9, 17, 1.6, 0, NULL,
     'Hi, this is Riley from Rapid Rooter with a quick reminder about your water heater.',
     'Remind customers whose water heater was serviced over a year ago that it is due for a flush and offer a slot.',
     'Note whether a flush was booked and any problems the customer mentioned.'),
    (1, 3, 'Holiday hours announcement', 'DRAFT', NULL, -20, 3, 10, 16, 0, 0, NULL,
     'Hi, this is Rapid Rooter with our holiday schedule.',
     'Tell customers about reduced holiday hours and the emergency line.', 'Log whether the message was delivered.'),
    (2, 1, 'Six-month recall - autumn', 'COMPLETED', 1, 85, 35, 9, 17, 0.85, 0, 2,
     'Hi, this is Sophie from Bright Smile Family Dental. Our records show you''re due for your six-month cleaning.',
     'Offer the next available hygiene appointments, confirm insurance, and update contact details.',
     'Record whether an appointment was booked, insurance changes and preferred reminder channel.'),
    (2, 2, 'Six-month recall - current', 'CONTINUING', 2, 30, 29, 9, 17, 1.6, 0, 2,
     'Hi, this is Sophie from Bright Smile Family Dental. Our records show you''re due for your six-month cleaning.',
     'Offer the next available hygiene appointments, confirm insurance, and update contact details.',
     'Record whether an appointment was booked, insurance changes and preferred reminder channel.'),
    (2, 3, 'Invisalign consult outreach', 'PLANNED', NULL, -6, 14, 10, 18, 0, 120, NULL,
     'Hi, this is Sophie from Bright Smile Family Dental with news about free Invisalign consultations.',
     'Invite adult patients who asked about straightening to a free consultation.', 'Note interest level and booked consults.'),
    (3, 1, 'Consultation reminders', 'CONTINUING', 1, 60, 59, 9, 17, 1.3, 0, 2,
     'Hello, this is Quinn calling from Harper and Vance about your upcoming consultation.',
     'Confirm the consultation time and remind the prospective client which documents to bring. Never give legal advice.',
     'Confirmed / rescheduled / cancelled, and documents the client still needs.'),
    (3, 2, 'Intake follow-up (paused)', 'STOPPED', 2, 70, 10, 10, 16, 2.5, 0, NULL,
     'Hello, this is Quinn from Harper and Vance, following up on your inquiry.',
     'Follow up with people who called about an injury claim but did not book a consultation.',
     'Interest in a consultation and best time for an attorney to call back.'),
    (4, 1, 'Open house follow-up - South Congress', 'COMPLETED', 1, 75, 20, 10, 19, 0.85, 0, 2,
     'Hi, this is Leo with Summit Peak Realty. Thanks for stopping by our open house on Sunday!',
     'Thank visitors, ask what they thought of the home, check pre-approval and offer a private showing.',
     'Buyer timeline, pre-approval status, budget and showing requests.'),
    (4, 2, 'Open house follow-up - Barton Hills', 'CONTINUING', 2, 21, 20, 10, 19, 1.6, 0, 2,
     'Hi, this is Leo with Summit Peak Realty. Thanks for stopping by our open house on Sunday!',
     'Thank visitors, ask what they thought of the home, check pre-approval and offer a private showing.',
     'Buyer timeline, pre-approval status, budget and showing requests.'),
    (4, 3, 'Spring sellers webinar invite', 'DRAFT', NULL, -30, 5, 11, 18, 0, 0, NULL,
     'Hi, this is Summit Peak Realty inviting you to our free spring sellers webinar.',
     'Invite past clients to the webinar and offer a home valuation.', 'RSVP yes / no.'),
    (5, 1, 'Fall furnace tune-up', 'COMPLETED', 1, 88, 30, 9, 18, 0.85, 0, 2,
     'Hi, this is Mark from Northwind Heating and Air. It''s time for your furnace tune-up before winter.',
     'Offer a tune-up slot; mention the Comfort Club plan renewal for existing members.',
     'Tune-up booked or declined, plan renewal decision.'),
    (5, 2, 'Comfort Club renewals', 'CONTINUING', 2, 24, 23, 9, 18, 1.6, 0, NULL,
     'Hi, this is Mark from Northwind Heating and Air about your Comfort Club membership.',
     'Renew expiring maintenance plans; offer the two-visit plan at $189 a year.',
     'Renewed / declined / call back later.'),
    (6, 1, 'Vaccination reminders', 'CONTINUING', 1, 45, 44, 9, 17, 1.4, 0, 2,
     'G''day, this is Jack from Paws and Whiskers Veterinary Hospital with a vaccination reminder.',
     'Remind owners that a pet''s annual vaccination is due and book it.', 'Pet name, vaccination booked or not.'),
    (6, 2, 'Dental month promo', 'PLANNED', NULL, -12, 30, 9, 17, 0, 90, NULL,
     'G''day, this is Paws and Whiskers with our pet dental month offer.',
     'Offer 15% off dental scale and polish during dental month.', 'Interested / booked / not interested.'),
    (7, 1, 'Flu shot outreach', 'COMPLETED', 1, 84, 40, 9, 17, 0.85, 0, 2,
     'Hello, this is Noah calling from Lakeside Family Medicine about this season''s flu shot.',
     'Offer flu shot clinic times to patients over 65 and patients with chronic conditions.',
     'Booked / already vaccinated / declined.'),
    (7, 2, 'Annual physical reminders', 'CONTINUING', 2, 35, 34, 9, 17, 1.6, 0, 2,
     'Hello, this is Noah calling from Lakeside Family Medicine. You''re due for your annual physical.',
     'Book annual physicals; remind the patient about fasting bloodwork.', 'Appointment booked, fasting instructions given.'),
    (7, 3, 'Patient satisfaction survey', 'STOPPED', 3, 50, 6, 12, 18, 2.5, 0, NULL,
     'Hello, this is Noah from Lakeside Family Medicine with a two-minute survey about your last visit.',
     'Ask three satisfaction questions and record the answers; stop if the patient is busy.',
     'Scores for booking, wait time and care.')
) AS c(n, k, batch, status, ci, start_off, len_days, cs_hour, ce_hour, recip_factor, fixed_recip, path_k,
       first_sentence, task_prompt, post_call_summary);

ALTER TABLE _demo_org ADD COLUMN ncamp int;
UPDATE _demo_org o SET ncamp = (SELECT count(*) FROM _demo_camp c WHERE c.n = o.n AND c.ci IS NOT NULL);


-- -----------------------------------------------------------------------------
-- Transcript phrase bank: per (industry, scenario) the first AI line of an
-- outbound call (NULL for inbound: a generic greeting is used), the
-- customer's opening lines, ordered (AI, customer) pairs, the AI's closing
-- line, the customer's goodbye, summary templates and keywords.
-- Scenario 4 is always the outbound campaign call.
-- Placeholders: {ORG} {AGENT} {TECH} {DAY} {TIME} {LISTING} {PET} are filled
-- per transcript template, {CUST} {FIRST} {ADDR} per call.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_bank (bank text, sno int, intent text, anyhour boolean, booking boolean, mood text,
                              first_ai text[], opens text[], ai text[], cu text[], close_ai text, bye text,
                              sums text[], keywords text[]);
INSERT INTO _demo_bank VALUES
    -- ---------------------------------------------------------------- plumbing
    ('plumbing', 1, 'book_drain_service', false, true, 'positive', NULL,
     ARRAY['Hi, yeah, my kitchen sink has been draining really slowly for about a week and I''d like someone to take a look.', 'Hello, this is {CUST}. The kitchen drain keeps backing up and I need to book a plumber.', 'Hi there, our kitchen sink is clogged again. Can I get a plumber out this week?'],
     ARRAY['Sorry to hear that. Is the water backing up into the other sink, or is it just slow?', 'Got it. That usually points to a partial clog in the drain line. I have openings {DAY} at {TIME} or early the following week. Which works better?', 'Great. Is there anything our technician should know about access, like parking or a gate code?', 'Just so you know, the diagnostic visit is $89 and that''s applied to the repair if you go ahead with it.'],
     ARRAY['Just slow. There''s a gurgling sound when the dishwasher runs.', '{DAY} at {TIME} is perfect.', 'There''s street parking out front, and the side gate is unlocked.', 'That''s fine.'],
     'You''re all set for {DAY} at {TIME}. You''ll get a text confirmation shortly, and the technician will call when they''re on the way.', 'Great, thank you.',
     ARRAY['{CUST} booked a drain inspection for {DAY} at {TIME}. Slow kitchen drain with gurgling; $89 diagnostic fee quoted.', 'Customer scheduled drain service at {ADDR} for {DAY} at {TIME}. Confirmation sent by SMS.'],
     ARRAY['drain', 'clog', 'booking']),
    ('plumbing', 2, 'emergency_leak', true, false, 'negative', NULL,
     ARRAY['I need someone right now, a pipe burst under my kitchen sink and there''s water everywhere!', 'Hi, water is pouring through my ceiling from the upstairs bathroom, I don''t know what to do.', 'Our basement is flooding, I think a pipe burst. Please send someone.'],
     ARRAY['Okay, I''m going to help you right away. Do you know where your main water shut-off valve is?', 'Please turn that valve clockwise until it stops. That will stop the water while we get someone to you.', 'Good job. Is any water near electrical outlets or appliances?', 'Please stay away from that area and don''t touch anything plugged in. I''m alerting our on-call plumber, {TECH}, now.', 'Our on-call plumber typically arrives within 45 to 60 minutes. Can you confirm the address is {ADDR}?'],
     ARRAY['I think it''s in the basement near the water heater.', 'Okay... okay, I turned it. The water is slowing down.', 'There''s some water near the washing machine plug.', 'Thank you, how long will it take?', 'Yes, that''s right.'],
     'I''ve dispatched {TECH} and you''ll get a text with their ETA in a moment. If the water reaches any outlets, leave the house and call 911.', 'Thank you so much, I''ll be waiting.',
     ARRAY['EMERGENCY: burst pipe with active flooding at {ADDR}. Caller shut off the main valve. On-call plumber {TECH} dispatched.', 'Water leaking through the ceiling; flagged as emergency and escalated to {TECH}. Caller advised to avoid outlets.'],
     ARRAY['emergency', 'burst pipe', 'flooding', 'dispatch']),
    ('plumbing', 3, 'water_heater_quote', false, false, 'neutral', NULL,
     ARRAY['Hi, I''m just calling to get a rough idea of what you charge to install a new water heater.', 'How much would it cost to replace my water heater? It''s about twelve years old.'],
     ARRAY['Happy to help. Is it a tank water heater or are you thinking about a tankless unit?', 'A standard 50-gallon gas tank replacement usually runs between $1,400 and $2,100 installed, depending on venting and permits.', 'We also offer financing, and there''s no trip charge if you book the install.', 'Would you like me to schedule a free in-home estimate?'],
     ARRAY['Probably another tank, a 50 gallon gas one.', 'Okay, that''s in the range I expected.', 'Good to know.', 'Let me talk to my wife first and call you back.'],
     'Of course. I''ll text you our pricing sheet and a link to book online whenever you''re ready.', 'Thanks, bye.',
     ARRAY['Caller asked about water heater replacement pricing; quoted $1,400-$2,100 installed. No booking yet.', 'Pricing inquiry (water heater). Pricing sheet sent by SMS; {CUST} will call back.'],
     ARRAY['water heater', 'pricing', 'estimate']),
    ('plumbing', 4, 'service_follow_up', false, false, 'positive',
     ARRAY['Hi, this is {AGENT} calling from {ORG}. Am I speaking with {FIRST}?', 'Hello {FIRST}, it''s {AGENT}, the virtual assistant at {ORG}, following up on your recent service visit.'],
     ARRAY['Yes, this is {FIRST}.', 'Oh, hi. Yes, speaking.'],
     ARRAY['We had {TECH} out to your place recently. How is everything working since the repair?', 'Glad to hear it. We offer an annual maintenance plan for $149 that includes a drain cleaning and a water heater flush. Would you like to hear more?', 'It also gives you priority scheduling and 15% off repairs. Shall I sign you up, or send the details by text?', 'Would you be willing to leave us a quick review? I can text you the link.'],
     ARRAY['Everything''s been great, no more leaks.', 'Sure, what does it include?', 'Send me the details by text, I''ll look at it tonight.', 'Sure, happy to.'],
     'Thanks, {FIRST}. I''ve texted you the plan details and the review link. Have a great day!', 'You too, bye.',
     ARRAY['Follow-up with {CUST}: repair holding up; maintenance plan details and review link sent by SMS.', '{CUST} satisfied with the recent service; interested in the $149 maintenance plan.'],
     ARRAY['follow-up', 'maintenance plan', 'review']),
    -- ---------------------------------------------------------------- dental
    ('dental', 1, 'book_cleaning', false, true, 'positive', NULL,
     ARRAY['Hi, I''d like to schedule a cleaning and checkup. It''s been about a year.', 'Hello, my daughter needs a dental exam before school starts. Do you see kids?', 'Hi, I''m new in the area and looking for a dentist. Are you taking new patients?'],
     ARRAY['Absolutely, we''d be happy to see you. Are you a current patient with us?', 'Welcome! Do you have dental insurance you''d like us to bill?', 'Great, we''re in network with Delta Dental. I have {DAY} at {TIME} with {TECH}. Does that work?', 'Please arrive 15 minutes early for new patient forms, or I can text you a link to fill them out online.'],
     ARRAY['No, this would be our first visit.', 'Yes, Delta Dental through work.', '{DAY} at {TIME} works.', 'The link would be great.'],
     'You''re booked for {DAY} at {TIME}. I''ve texted the new patient forms and directions to the office.', 'Thanks, see you then.',
     ARRAY['New patient {CUST} booked cleaning and exam for {DAY} at {TIME} with {TECH}. Insurance: Delta Dental (in network).', 'Checkup scheduled for {DAY} at {TIME}; new patient forms sent by SMS.'],
     ARRAY['cleaning', 'new patient', 'insurance', 'booking']),
    ('dental', 2, 'dental_pain', true, true, 'negative', NULL,
     ARRAY['Hi, I have a terrible toothache on the lower right, I couldn''t sleep at all last night.', 'My jaw is swollen and my back tooth is throbbing. Can anyone see me today?', 'Hi, I think I cracked a molar on a popcorn kernel and it really hurts.'],
     ARRAY['I''m sorry you''re in pain. On a scale of one to ten, how bad is it right now?', 'Do you have any swelling in your face, a fever, or trouble swallowing or breathing?', 'Okay. Since there''s no fever or trouble breathing, we can treat this in the office. I''m holding an emergency slot today at {TIME} with {TECH}.', 'Until then you can take over-the-counter pain relief as directed on the package and avoid chewing on that side.'],
     ARRAY['Honestly, about an eight.', 'A little swelling, but no fever.', 'Yes, please, I''ll take it.', 'Okay, thank you.'],
     'You''re confirmed for today at {TIME}. If the swelling spreads or you develop a fever or trouble breathing, go to the emergency room right away.', 'Will do, thanks for fitting me in.',
     ARRAY['URGENT: {CUST} with severe tooth pain (8/10) and mild swelling, no fever. Same-day emergency visit at {TIME} with {TECH}.', 'Dental pain triaged; emergency slot booked today at {TIME}. ER precautions given.'],
     ARRAY['toothache', 'emergency', 'swelling', 'same-day']),
    ('dental', 3, 'reschedule', false, true, 'neutral', NULL,
     ARRAY['Hi, I need to move my crown appointment on Thursday.', 'Hello, this is {CUST}, I can''t make my cleaning tomorrow.'],
     ARRAY['No problem. Let me find your appointment. Can you confirm your date of birth?', 'Thank you, {FIRST}. I see it. When would you like to come in instead?', 'I have {DAY} at {TIME}.', 'Just a reminder that we ask for 24 hours notice for changes, but you''re fine this time.'],
     ARRAY['March 3rd, 1986.', 'Sometime next week, preferably in the morning.', 'That works.', 'Thanks, sorry about that.'],
     'All set, you''re now booked for {DAY} at {TIME}. You''ll get a reminder text the day before.', 'Perfect, thank you.',
     ARRAY['{CUST} rescheduled to {DAY} at {TIME}.', 'Appointment moved to {DAY} at {TIME}; original slot released.'],
     ARRAY['reschedule', 'appointment']),
    ('dental', 4, 'recall_reminder', false, true, 'positive',
     ARRAY['Hi {FIRST}, this is {AGENT} from {ORG}. Our records show you''re due for your six-month cleaning.', 'Hello, this is {AGENT}, the virtual assistant at {ORG}, calling for {FIRST} about a cleaning reminder.'],
     ARRAY['Oh, right, it''s been a while.', 'Yes, this is {FIRST}. Is it time already?'],
     ARRAY['It is! Would you like to book your cleaning and exam now?', 'I have {DAY} at {TIME} or the following Monday morning. Which would you prefer?', 'Has anything changed with your insurance since your last visit?', 'Great. I''ll send a reminder the day before.'],
     ARRAY['Sure, let''s do it.', '{DAY} at {TIME}, please.', 'No, same as before.', 'Sounds good.'],
     'You''re booked for {DAY} at {TIME} with {TECH}. See you then, {FIRST}!', 'Thanks, bye.',
     ARRAY['Recall call: {CUST} booked a cleaning for {DAY} at {TIME}. Insurance unchanged.', '{CUST} reached for six-month recall; hygiene appointment booked.'],
     ARRAY['recall', 'cleaning', 'booking']),
    -- ---------------------------------------------------------------- legal
    ('legal', 1, 'new_client_intake', false, true, 'neutral', NULL,
     ARRAY['Hi, I was in a car accident last week and the other driver''s insurance company keeps calling me.', 'Hello, I slipped on a wet floor at a grocery store and hurt my back. I''d like to talk to a lawyer.', 'Hi, I was rear-ended on the freeway and I''m not sure if I need an attorney.'],
     ARRAY['I''m sorry that happened. I''m an automated assistant, so I can''t give legal advice, but I can set up a free consultation with one of our attorneys. When did the incident happen?', 'Were you injured, and have you seen a doctor?', 'Was a police or incident report filed?', 'Please don''t give a recorded statement to the other insurance company before you talk to an attorney. I have a free consultation with {TECH} on {DAY} at {TIME}.'],
     ARRAY['Last Tuesday, around five in the evening.', 'My neck and shoulder hurt, I went to urgent care the next day.', 'Yes, I have the report number.', 'That works, thank you.'],
     'You''re booked with {TECH} on {DAY} at {TIME}. Please bring the police report, photos, medical records and any letters from the insurer. You''ll get a confirmation e-mail.', 'Great, I''ll bring everything.',
     ARRAY['Intake: {CUST}, car accident (neck/shoulder injury, urgent care visit, police report filed). Free consultation with {TECH} on {DAY} at {TIME}.', 'Personal injury intake; consultation booked {DAY} at {TIME}. Advised not to give a recorded statement.'],
     ARRAY['personal injury', 'intake', 'consultation']),
    ('legal', 2, 'case_status', false, false, 'neutral', NULL,
     ARRAY['Hi, this is {CUST}, I''m calling to check on the status of my case.', 'Hello, I haven''t heard anything about my settlement in a few weeks. Can someone update me?'],
     ARRAY['Thanks for calling, {FIRST}. For confidentiality I can''t discuss case details, but I can get a message to your legal team right away. Can you confirm your date of birth?', 'Thank you. What would you like the team to know?', 'I''ve noted that. Someone from {TECH}''s team will call you back within one business day. What''s the best time to reach you?'],
     ARRAY['July 14th, 1979.', 'Just that I''m waiting on the settlement offer and I have new medical bills.', 'Afternoons are best.'],
     'I''ve sent your message marked for an afternoon call-back. Is there anything else I can help with?', 'No, that''s it, thanks.',
     ARRAY['Existing client {CUST} asked for a case update (settlement offer, new medical bills). Message sent to {TECH}''s team; afternoon call-back.', 'Case status inquiry; identity verified, message forwarded for call-back within one business day.'],
     ARRAY['case status', 'call-back', 'existing client']),
    ('legal', 3, 'billing_question', false, false, 'negative', NULL,
     ARRAY['Hi, I got an invoice from your office and I don''t understand some of the charges.', 'Hello, I think I was billed twice for the same consultation.'],
     ARRAY['I''m sorry for the confusion. Can you give me the invoice number at the top right of the statement?', 'Thank you. I can see the invoice. Which line items are you asking about?', 'Those are filing fees and courier costs, which are billed at cost. I''ll ask our billing coordinator to call you and walk through it.'],
     ARRAY['It''s INV-20417.', 'The court filing fee and the two courier charges.', 'Okay, I''d appreciate that.'],
     'I''ve opened a billing ticket and you''ll hear back within two business days. You''ll also get an itemized statement by e-mail.', 'Thanks.',
     ARRAY['{CUST} disputed charges on invoice INV-20417 (filing fee, courier). Billing ticket opened; itemized statement e-mailed.', 'Billing question escalated to the billing coordinator.'],
     ARRAY['billing', 'invoice', 'dispute']),
    ('legal', 4, 'consultation_reminder', false, false, 'neutral',
     ARRAY['Hello, this is {AGENT} calling from {ORG} for {FIRST} about your upcoming consultation.', 'Hi {FIRST}, this is {AGENT}, an automated assistant at {ORG}.'],
     ARRAY['Yes, this is {FIRST}.', 'Oh yes, hello.'],
     ARRAY['I''m calling to confirm your consultation with {TECH} on {DAY} at {TIME}. Will you still be able to attend?', 'Great. Please bring any contracts, letters, photos and a list of dates that relate to your matter.', 'Would you like directions to the office, or would you prefer a video meeting?'],
     ARRAY['Yes, I''ll be there.', 'Okay, I''ll put it all together.', 'In person is fine, I know where you are.'],
     'Perfect. You''re confirmed for {DAY} at {TIME}. If anything changes, just call us back.', 'Thank you, goodbye.',
     ARRAY['Consultation confirmed for {CUST} on {DAY} at {TIME}; reminded to bring documents.', '{CUST} confirmed the in-person consultation with {TECH}.'],
     ARRAY['reminder', 'consultation', 'documents']),
    -- ---------------------------------------------------------------- real estate
    ('realestate', 1, 'showing_request', false, true, 'positive', NULL,
     ARRAY['Hi, I saw the listing at {LISTING} and I''d love to see it this weekend.', 'Hello, is the three-bedroom on {LISTING} still available?', 'Hi, I''m calling about the house at {LISTING}. Can I schedule a tour?'],
     ARRAY['It is still available! It''s three bedrooms, two baths, with a renovated kitchen and a big backyard. Are you working with an agent already?', 'No problem, {TECH} can show it to you. Have you been pre-approved for a mortgage yet?', 'Great. I have {DAY} at {TIME} for a private showing. Does that work?', 'Just so you know, the sellers are reviewing offers next Monday.'],
     ARRAY['No, not yet.', 'Yes, we''re pre-approved up to about six-fifty.', '{DAY} at {TIME} is great.', 'Good to know, thanks.'],
     'You''re booked for a showing at {LISTING} on {DAY} at {TIME} with {TECH}. I''ll text you the details and the disclosure packet.', 'Awesome, thank you!',
     ARRAY['Showing booked at {LISTING} for {CUST} on {DAY} at {TIME} with {TECH}. Pre-approved ~$650k, no buyer agent.', 'Buyer lead for {LISTING}; private showing scheduled and disclosures sent.'],
     ARRAY['showing', 'buyer', 'pre-approval']),
    ('realestate', 2, 'home_valuation', false, true, 'positive', NULL,
     ARRAY['Hi, we''re thinking about selling our house and wondering what it might be worth.', 'Hello, I''d like to get a market analysis for my home.'],
     ARRAY['Happy to help! What''s the address of the property?', 'Thanks. How many bedrooms and bathrooms, and have you done any major updates?', 'Homes in your neighborhood have been selling in about 24 days recently. {TECH} can come by for a free comparative market analysis. How about {DAY} at {TIME}?', 'Are you also looking to buy your next home in the area?'],
     ARRAY['It''s {ADDR}.', 'Four bed, two and a half bath. We redid the kitchen two years ago.', 'Yes, that works.', 'Probably something smaller, maybe a condo.'],
     'Perfect. {TECH} will meet you at the house on {DAY} at {TIME} and bring a full market analysis.', 'Great, thank you.',
     ARRAY['Seller lead: {CUST} at {ADDR} (4 bed / 2.5 bath, renovated kitchen). Listing appointment with {TECH} on {DAY} at {TIME}.', 'Home valuation requested; CMA appointment booked. Also a potential buyer (condo).'],
     ARRAY['seller', 'valuation', 'listing appointment']),
    ('realestate', 3, 'rental_inquiry', false, false, 'neutral', NULL,
     ARRAY['Hi, is the two-bedroom apartment for rent still available?', 'Hello, I''m calling about the rental listing. Do you allow pets?'],
     ARRAY['Yes, the two-bedroom is available from the first of next month at $2,150 a month. Do you have any pets?', 'Cats and dogs under 40 pounds are allowed with a $300 pet deposit. How many people would be living in the unit?', 'Applications are online. You''ll need proof of income of about three times the rent.'],
     ARRAY['One small dog.', 'Just me and my partner.', 'Okay, that should be fine.'],
     'I''ll text you the application link and you can request a viewing from there.', 'Thanks a lot.',
     ARRAY['Rental inquiry from {CUST}: 2-bed unit, one small dog, two occupants. Application link sent.', 'Rental question (pets, income requirements); application link sent by SMS.'],
     ARRAY['rental', 'pets', 'application']),
    ('realestate', 4, 'open_house_follow_up', false, true, 'positive',
     ARRAY['Hi {FIRST}, this is {AGENT} with {ORG}. Thanks for stopping by our open house at {LISTING} on Sunday!', 'Hello, is this {FIRST}? It''s {AGENT} from {ORG}, following up on the open house at {LISTING}.'],
     ARRAY['Oh hi, yes, we enjoyed it.', 'Yes, this is {FIRST}.'],
     ARRAY['What did you think of the home?', 'Are you currently working with a buyer''s agent, and have you been pre-approved?', 'Would you like a private showing so you can take a second look, or should I send similar homes?', 'What''s your ideal timeline for moving?'],
     ARRAY['We liked the layout, but the backyard is a bit small.', 'We''re pre-approved, no agent yet.', 'Send us a few similar ones first.', 'Probably within three months.'],
     'I''ll e-mail you a few similar listings tonight, and {TECH} will reach out about showings. Thanks again!', 'Thanks, talk soon.',
     ARRAY['Open house follow-up: {CUST} pre-approved, no agent, 3-month timeline. Similar listings sent; {TECH} to follow up.', 'Open house visitor {CUST} interested; wants comparable listings before a second showing.'],
     ARRAY['open house', 'follow-up', 'buyer']),
    -- ---------------------------------------------------------------- hvac
    ('hvac', 1, 'no_heat', true, true, 'negative', NULL,
     ARRAY['Hi, our furnace stopped working and it''s freezing in the house.', 'The heat isn''t coming on at all and I have a newborn at home.', 'Hi, my AC quit and it''s over ninety degrees inside.'],
     ARRAY['I''m sorry, let''s get that fixed quickly. Is the thermostat showing anything, like a blank screen or an error code?', 'Could you check the breaker for the furnace and make sure the furnace switch is on?', 'Thanks. Do you smell gas anywhere in the house?', 'Okay. I''m marking this urgent and paging our on-call technician, {TECH}. The after-hours service fee is $129.'],
     ARRAY['It''s on, but the furnace just clicks and nothing happens.', 'The breaker looks fine and the switch is on.', 'No, no gas smell.', 'That''s fine, please send someone.'],
     '{TECH} is on the way and should arrive within two hours. You''ll get a text with the ETA. If you ever smell gas, leave the house and call 911.', 'Thank you so much.',
     ARRAY['URGENT: no heat at {ADDR}; furnace clicks but won''t ignite, no gas smell. {TECH} dispatched, $129 after-hours fee accepted.', 'No heat/cooling emergency; on-call tech {TECH} paged, ETA within 2 hours.'],
     ARRAY['no heat', 'emergency', 'furnace', 'dispatch']),
    ('hvac', 2, 'book_tune_up', false, true, 'positive', NULL,
     ARRAY['Hi, I''d like to schedule a furnace tune-up before winter.', 'Hello, I want to book the spring AC maintenance.'],
     ARRAY['Of course. Is this for a gas furnace, a heat pump, or central air?', 'Got it. The tune-up is $99 and takes about an hour. I have {DAY} at {TIME}. Would that work?', 'Is your system older than ten years? If so, the tech will also check the heat exchanger.', 'Can I get the address for the visit?'],
     ARRAY['Gas furnace.', 'Yes, that works.', 'It''s about twelve years old.', 'It''s {ADDR}.'],
     'You''re booked for {DAY} at {TIME}. You''ll get a reminder the day before.', 'Thanks!',
     ARRAY['Tune-up booked for {CUST} at {ADDR} on {DAY} at {TIME} (12-year-old gas furnace).', 'Seasonal maintenance scheduled {DAY} at {TIME}; $99 quoted.'],
     ARRAY['tune-up', 'maintenance', 'booking']),
    ('hvac', 3, 'ac_replacement_quote', false, false, 'neutral', NULL,
     ARRAY['Hi, how much does a new central air system cost?', 'Hello, my AC is twenty years old and I''m thinking about replacing it.'],
     ARRAY['Great question. How big is your home, roughly, in square feet?', 'For that size, a 3-ton system typically runs $6,500 to $9,800 installed, depending on efficiency. We''re also seeing a lot of interest in heat pumps with the current rebates.', 'A comfort advisor can come out for a free estimate. Would you like to book one?'],
     ARRAY['About eighteen hundred square feet.', 'Interesting, I didn''t know about the rebates.', 'Not yet, I''m still collecting quotes.'],
     'No problem. I''ll text you our rebate guide and financing options.', 'Thanks, bye.',
     ARRAY['Replacement quote: {CUST}, 1,800 sq ft home; quoted $6,500-$9,800 for a 3-ton system. Rebate guide sent.', 'AC replacement inquiry; caller collecting quotes, no estimate booked.'],
     ARRAY['replacement', 'pricing', 'heat pump', 'rebates']),
    ('hvac', 4, 'maintenance_plan_renewal', false, true, 'positive',
     ARRAY['Hi, this is {AGENT} from {ORG}. Is this {FIRST}?', 'Hello {FIRST}, it''s {AGENT} with {ORG} calling about your Comfort Club membership.'],
     ARRAY['Yes, speaking.', 'Hi, yes, this is {FIRST}.'],
     ARRAY['Your Comfort Club plan is up for renewal. It includes two tune-ups a year, priority service and no overtime charges. Would you like to renew?', 'The renewal is $189 for the year. Shall I also book your next tune-up?', 'I have {DAY} at {TIME}.'],
     ARRAY['How much is it this year?', 'Sure, go ahead.', 'That works.'],
     'Done! Your plan is renewed and your tune-up is booked for {DAY} at {TIME}. A receipt is on its way by e-mail.', 'Great, thanks.',
     ARRAY['Comfort Club renewed by {CUST} ($189); tune-up booked {DAY} at {TIME}.', 'Maintenance plan renewal call; plan renewed and visit scheduled.'],
     ARRAY['renewal', 'maintenance plan', 'tune-up']),
    -- ---------------------------------------------------------------- vet
    ('vet', 1, 'book_vaccination', false, true, 'positive', NULL,
     ARRAY['Hi, I''d like to book {PET} in for his annual vaccination.', 'Hello, our puppy {PET} needs her second round of shots.', 'Hi, {PET} is due for a check-up and vaccinations.'],
     ARRAY['Lovely! Is {PET} a dog or a cat, and how old?', 'Has {PET} been to us before, or should I create a new record?', 'I have {DAY} at {TIME} with {TECH}. Would that suit?', 'Please bring any previous vaccination records if {PET} is new to us.'],
     ARRAY['A dog, he''s four.', 'He''s been to you before.', 'Perfect.', 'Will do.'],
     'Booked! {PET} is seeing {TECH} on {DAY} at {TIME}. We''ll send an SMS reminder.', 'Thanks so much.',
     ARRAY['{CUST} booked an annual vaccination for {PET} (dog, 4) with {TECH} on {DAY} at {TIME}.', 'Vaccination appointment booked for {PET}; reminder SMS scheduled.'],
     ARRAY['vaccination', 'dog', 'booking']),
    ('vet', 2, 'toxin_ingestion', true, true, 'negative', NULL,
     ARRAY['Help, my dog just ate a whole block of dark chocolate!', 'Our cat chewed on a lily from a bouquet, is that dangerous?', 'I think {PET} ate some rat bait in the garage.'],
     ARRAY['I''m going to help you right now. How long ago did it happen, and roughly how much was eaten?', 'How much does {PET} weigh, and is {PET} showing any symptoms like vomiting, shaking or restlessness?', 'This can be serious, so I''m flagging it as an emergency. Please bring {PET} in straight away; {TECH} is on duty and will be ready for you.', 'If you can, bring the packaging with you.'],
     ARRAY['About twenty minutes ago, most of a 200 gram block.', 'She''s about 12 kilos and she seems fine so far.', 'We''re leaving now.', 'Okay, I have it.'],
     'We''ll be expecting you. If {PET} collapses or has a seizure on the way, call us back on this number.', 'Thank you, we''re on our way.',
     ARRAY['EMERGENCY: {PET} (12 kg) ate ~200 g dark chocolate 20 min ago. Owner {CUST} coming in now; {TECH} alerted. 🐾', 'Toxin ingestion triaged as emergency; owner advised to come in immediately with packaging.'],
     ARRAY['emergency', 'toxin', 'chocolate', 'triage']),
    ('vet', 3, 'prescription_refill', false, false, 'neutral', NULL,
     ARRAY['Hi, I need a refill of {PET}''s arthritis medication.', 'Hello, we''re nearly out of {PET}''s thyroid tablets.'],
     ARRAY['No worries. Which medication and dose is it?', 'Thanks. I can see {PET} was last checked three months ago, so the vet can approve the refill without a visit.', 'It''ll be ready for pick-up after 3 PM tomorrow. Would you like a text when it''s ready?'],
     ARRAY['Meloxicam, the liquid one.', 'Oh good.', 'Yes please.'],
     'Done, the refill request is with {TECH}. We''ll text you when it''s ready.', 'Thanks, bye.',
     ARRAY['Refill request for {PET} (meloxicam liquid) from {CUST}; sent to {TECH} for approval, pick-up tomorrow after 3 PM.', 'Medication refill queued; SMS when ready.'],
     ARRAY['refill', 'medication']),
    ('vet', 4, 'vaccination_reminder', false, true, 'positive',
     ARRAY['G''day, this is {AGENT} from {ORG}. I''m calling about {PET}''s annual vaccination. Is this {FIRST}?', 'Hi {FIRST}, it''s {AGENT} from {ORG} with a quick reminder that {PET} is due for vaccinations.'],
     ARRAY['Yes, that''s me.', 'Oh, thanks for the reminder.'],
     ARRAY['{PET}''s C5 vaccination is due this month. Would you like to book it in?', 'I have {DAY} at {TIME} with {TECH}.', 'We''ll do a quick health check at the same time. Anything you''d like the vet to look at?'],
     ARRAY['Yes, let''s book it.', 'That''s fine.', 'He''s been scratching his ears a bit.'],
     'Noted. {PET} is booked for {DAY} at {TIME}. See you then!', 'Cheers, bye.',
     ARRAY['Reminder call: {CUST} booked {PET}''s C5 vaccination {DAY} at {TIME}; owner mentioned ear scratching.', 'Vaccination reminder; appointment booked with {TECH}.'],
     ARRAY['reminder', 'vaccination', 'booking']),
    -- ---------------------------------------------------------------- medical
    ('medical', 1, 'book_appointment', false, true, 'positive', NULL,
     ARRAY['Hi, I''ve had a cough and a sore throat for about a week and I''d like to see a doctor.', 'Hello, I need an appointment for my son, he has an ear infection I think.', 'Hi, I''d like to book a visit to talk about my blood pressure medication.'],
     ARRAY['I''m sorry you''re not feeling well. Are you having any trouble breathing or chest pain right now?', 'Okay, thank you. Are you a patient of {TECH}''s?', 'I have {DAY} at {TIME} with {TECH}. Would that work?', 'Please bring your health card and a list of any medications you''re taking.'],
     ARRAY['No, nothing like that.', 'Yes, I am.', 'Yes, that''s fine.', 'Okay.'],
     'You''re booked with {TECH} on {DAY} at {TIME}. If your symptoms get worse, or you have trouble breathing, call 911 or go to the nearest emergency department.', 'Thank you.',
     ARRAY['{CUST} booked with {TECH} on {DAY} at {TIME} (cough and sore throat for 1 week; no red flags).', 'Appointment booked {DAY} at {TIME}; red-flag screening negative.'],
     ARRAY['appointment', 'symptoms', 'booking']),
    ('medical', 2, 'prescription_refill', false, false, 'neutral', NULL,
     ARRAY['Hi, I need a refill of my blood pressure medication.', 'Hello, I''m calling to renew my prescription, I only have three days left.'],
     ARRAY['I can help with that. Can you confirm your date of birth?', 'Thank you. Which medication and which pharmacy do you use?', 'I''ve sent the request to {TECH}. Refills are usually processed within two business days and sent straight to your pharmacy.'],
     ARRAY['May 2nd, 1961.', 'Amlodipine, 5 milligrams, at the Shoppers on Queen Street.', 'Great, thank you.'],
     'You''ll get a text once it''s been sent to the pharmacy. Anything else?', 'No, that''s all.',
     ARRAY['Refill request: {CUST}, amlodipine 5 mg, to the pharmacy on Queen Street. Sent to {TECH}.', 'Prescription renewal queued for physician approval; SMS on completion.'],
     ARRAY['refill', 'prescription', 'pharmacy']),
    ('medical', 3, 'lab_results', false, false, 'neutral', NULL,
     ARRAY['Hi, I had blood work done last week and wanted to know if my results are in.', 'Hello, I''m calling about my test results.'],
     ARRAY['I can check that for you. Can you confirm your full name and date of birth?', 'Thanks. Your results have arrived. For privacy, I can''t read them over the phone, but a nurse can call you back today to go over them.', 'What''s the best number and time for the call-back?'],
     ARRAY['{CUST}, October 9th, 1974.', 'Okay, that''s fine.', 'This number, any time after two.'],
     'I''ve booked a nurse call-back after 2 PM today. If you don''t hear from us, please call back.', 'Thank you.',
     ARRAY['Lab results inquiry from {CUST}; results available. Nurse call-back requested after 2 PM.', 'Results question; identity verified, nurse call-back scheduled.'],
     ARRAY['lab results', 'call-back', 'privacy']),
    ('medical', 4, 'annual_physical_reminder', false, true, 'positive',
     ARRAY['Hello, this is {AGENT} calling from {ORG}. May I speak with {FIRST}?', 'Hi {FIRST}, it''s {AGENT}, an automated assistant from {ORG}, calling about your annual check-up.'],
     ARRAY['Speaking.', 'Yes, hi.'],
     ARRAY['Our records show you''re due for your annual physical with {TECH}. Would you like to book it?', 'I have {DAY} at {TIME}. Does that suit you?', 'Please don''t eat anything after midnight before the visit, as we''ll do fasting blood work.', 'Would you also like your flu shot at the same visit?'],
     ARRAY['Yes, I should do that.', 'Yes, that works.', 'Okay, noted.', 'Sure, why not.'],
     'You''re booked for {DAY} at {TIME} with {TECH}, including the flu shot. You''ll receive a reminder the day before.', 'Thank you very much.',
     ARRAY['Outreach: {CUST} booked annual physical + flu shot {DAY} at {TIME}; fasting instructions given.', 'Annual physical booked with {TECH}; fasting blood work reminder given. 💉'],
     ARRAY['annual physical', 'flu shot', 'booking']);

-- Direction-neutral (AI, customer) pairs, appended to every scenario's pairs
-- for longer calls, and inbound greetings.
CREATE TEMP TABLE _demo_generic (dir text, greet text[], ai text[], cu text[]);
INSERT INTO _demo_generic VALUES
    ('in',
     ARRAY['Thank you for calling {ORG}, this is {AGENT}, your virtual assistant. How can I help you today?', 'Hi, you''ve reached {ORG}. I''m {AGENT}, an AI assistant, and this call may be recorded. What can I do for you?', 'Good day, {ORG}, {AGENT} speaking. How may I help?', 'Thanks for calling {ORG}! My name is {AGENT}. Are you calling about an existing appointment or something new?'],
     ARRAY['Can I get your full name, please?', 'Thanks, {FIRST}. Is this the best number to reach you?', 'Would you like to receive text message updates about this?', 'Can I also get an email address for the confirmation?', 'Just to confirm, we have you at {ADDR}. Is that correct?', 'Sorry, I didn''t quite catch that. Could you repeat it?', 'How did you hear about us, by the way?', 'Of course. Is there anything else I should note for the team?'],
     ARRAY['Sure, it''s {CUST}.', 'Yes, this is my cell.', 'Yes, texts are fine.', 'I''d rather just get the text, if that''s okay.', 'Yes, that''s correct.', 'Sorry, I said yes, that works for me.', 'A friend recommended you.', 'No, I think that covers it.']),
    ('out',
     NULL,
     ARRAY['Is now still a good time to talk for a minute?', 'Would you prefer we contact you by text next time?', 'Is {ADDR} still the right address on file?', 'Sorry, the line cut out for a second. Could you say that again?', 'Do you have any questions for us?', 'Would you like me to add a note for the team?'],
     ARRAY['Sure, I have a minute.', 'Text is fine.', 'Yes, still the same.', 'I said that works for me.', 'No, I think that''s everything.', 'No, that''s fine.']);


-- -----------------------------------------------------------------------------
-- Customers (scratch: calls and campaign recipients read names from it)
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_cust AS
SELECT x.n, x.idx, x.name, split_part(x.name, ' ', 1) AS first, x.phone, x.addr
FROM (
    SELECT o.n, c.idx,
           coalesce(sp.name, nm.firsts[1 + get_byte(h.h, 1) % cardinality(nm.firsts)] || ' '
                             || nm.lasts[1 + get_byte(h.h, 2) % cardinality(nm.lasts)]) AS name,
           o.phone_prefix || lpad(c.idx::text, o.phone_width, '0') AS phone,
           (1 + (get_byte(h.h, 7) * 256 + get_byte(h.h, 8)) % CASE WHEN o.culture = 'au' THEN 240 ELSE 4800 END)::text
               || ' ' || o.streets[1 + get_byte(h.h, 9) % cardinality(o.streets)] || ', ' || o.city AS addr
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.ncust) AS c(idx)
    CROSS JOIN LATERAL (SELECT decode(md5('cust-' || o.n || '-' || c.idx), 'hex') AS h) h
    JOIN _demo_names nm ON nm.culture = o.culture
    -- A few customers with international names.
    LEFT JOIN (VALUES
        (1, 7, '王小明'),
        (2, 11, '田中 さくら'),
        (3, 5, 'يوسف الحداد'),
        (4, 3, 'Nguyễn Thị Hương'),
        (5, 9, 'Siobhán Ó Súilleabháin'),
        (6, 4, '김민준'),
        (7, 13, 'فاطمة الزهراء')
    ) AS sp(n, idx, name) ON sp.n = o.n AND sp.idx = c.idx
    OFFSET 0
) x;


-- -----------------------------------------------------------------------------
-- Transcript templates: 24 variants per (org, scenario), 4 to 30 lines each:
-- AI greeting (inbound) or AI opener (outbound), customer opener,
-- (AI, customer) pairs, AI closing, customer goodbye when the line count is
-- even. One variant in twelve uses the "Agent:" / "User:" labels.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_tpl AS
WITH base AS (
    SELECT o.n, o.short_name, o.industry, o.streets, s.sno, v.v,
           o.staff[1 + v.v % cardinality(o.staff)] AS tech,
           4 + (v.v * 7 + s.sno * 5 + o.n * 3) % 27 AS nlines
    FROM _demo_org o
    CROSS JOIN generate_series(1, 4) AS s(sno)
    CROSS JOIN generate_series(0, 23) AS v(v)
), full_base AS (
    SELECT base.*, a.k AS agent_k, a.name AS agent,
           bk.intent, bk.anyhour, bk.booking, bk.mood, bk.sums, bk.keywords,
           coalesce(bk.first_ai, g.greet) AS first_lines, bk.opens, bk.close_ai, bk.bye,
           CASE WHEN base.sno < 4 AND base.nlines >= 12 THEN g.ai[1:2] || bk.ai || g.ai[3:] ELSE bk.ai || g.ai END AS all_ai,
           CASE WHEN base.sno < 4 AND base.nlines >= 12 THEN g.cu[1:2] || bk.cu || g.cu[3:] ELSE bk.cu || g.cu END AS all_cu,
           (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])[1 + (base.v * 3 + base.sno) % 5] AS day_en,
           (ARRAY['8:30 AM', '9:00 AM', '10:30 AM', '11:00 AM', '1:00 PM', '2:30 PM', '3:00 PM', '4:30 PM'])[1 + (base.v * 5 + base.sno) % 8] AS time_en,
           (100 + (base.v * 37 + base.n * 11) % 900)::text || ' ' || base.streets[1 + base.v % cardinality(base.streets)] AS listing,
           (ARRAY['Max', 'Bella', 'Charlie', 'Luna', 'Milo', 'Daisy', 'Coco', 'Rocky', 'Biscuit', 'Willow'])[1 + (base.v * 3) % 10] AS pet
    FROM base
    JOIN _demo_agent a ON a.n = base.n AND a.status = 'ACTIVE'
                      AND ((base.sno < 4 AND a.caller = 'INBOUND' AND a.in_rn = base.v % a.in_cnt + 1)
                        OR (base.sno = 4 AND a.caller = 'OUTBOUND'))
    JOIN _demo_bank bk ON bk.bank = base.industry AND bk.sno = base.sno
    JOIN _demo_generic g ON g.dir = CASE WHEN base.sno = 4 THEN 'out' ELSE 'in' END
), lines AS (
    SELECT f.n, f.sno, f.v, t.t,
           CASE WHEN f.v % 12 = 5 THEN
                    CASE WHEN k.is_ai THEN 'Agent' ELSE 'User' END
                ELSE
                    CASE WHEN k.is_ai THEN 'AI' ELSE 'Customer' END
           END || ': ' ||
           CASE WHEN t.t = 1 THEN f.first_lines[1 + f.v % cardinality(f.first_lines)]
                WHEN t.t = 2 THEN f.opens[1 + (f.v / 2) % cardinality(f.opens)]
                WHEN k.is_bye THEN f.bye
                WHEN k.is_close THEN f.close_ai
                WHEN (t.t - 3) % 2 = 0 THEN f.all_ai[1 + ((t.t - 3) / 2) % cardinality(f.all_ai)]
                ELSE f.all_cu[1 + ((t.t - 3) / 2) % cardinality(f.all_cu)]
           END AS line
    FROM full_base f
    CROSS JOIN LATERAL generate_series(1, f.nlines) AS t(t)
    CROSS JOIN LATERAL (
        SELECT (f.nlines % 2 = 0 AND t.t = f.nlines) AS is_bye,
               ((f.nlines % 2 = 0 AND t.t = f.nlines - 1) OR (f.nlines % 2 = 1 AND t.t = f.nlines)) AS is_close,
               (t.t = 1
                OR (f.nlines % 2 = 0 AND t.t = f.nlines - 1)
                OR (f.nlines % 2 = 1 AND t.t = f.nlines)
                OR (t.t >= 3 AND NOT (f.nlines % 2 = 0 AND t.t = f.nlines) AND (t.t - 3) % 2 = 0)) AS is_ai
    ) k
), bodies AS (
    SELECT n, sno, v, string_agg(line, chr(10) ORDER BY t) AS body
    FROM lines
    GROUP BY n, sno, v
)
SELECT f.n, f.sno, f.v, f.nlines, f.agent_k, f.intent, f.anyhour, f.booking, f.mood, f.keywords,
       replace(replace(replace(replace(replace(replace(replace(b.body,
           '{ORG}', f.short_name), '{AGENT}', f.agent), '{TECH}', f.tech),
           '{DAY}', f.day_en), '{TIME}', f.time_en), '{LISTING}', f.listing), '{PET}', f.pet) AS body,
       replace(replace(replace(replace(replace(replace(replace(f.sums[1 + f.v % cardinality(f.sums)],
           '{ORG}', f.short_name), '{AGENT}', f.agent), '{TECH}', f.tech),
           '{DAY}', f.day_en), '{TIME}', f.time_en), '{LISTING}', f.listing), '{PET}', f.pet) AS summary
FROM full_base f
JOIN bodies b ON b.n = f.n AND b.sno = f.sno AND b.v = f.v;


ANALYZE _demo_org, _demo_cust, _demo_tpl, _demo_camp, _demo_agent;


-- -----------------------------------------------------------------------------
-- Calls (scratch): 10,000 calls over the last 90 days (denser towards today),
-- inbound calls in local business hours (urgent scenarios at any hour),
-- campaign calls inside their campaign's dates and daily calling window.
-- The newest call of every organization (two for the first one) is still in
-- progress. Campaign calls go to the campaign's recipients in time order;
-- once every recipient has been dialled, further calls are retries.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_call AS
WITH c0 AS MATERIALIZED (
    SELECT o.n, g.j, o.tz, o.ncust, o.out_pct, o.ncamp, o.industry,
           decode(md5('call-' || o.n || '-' || g.j), 'hex') AS h,
           decode(md5('call2-' || o.n || '-' || g.j), 'hex') AS h2
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.calls) AS g(j)
), c1 AS MATERIALIZED (
    SELECT n, j, tz, ncust, industry,
           CASE WHEN j <= 2 THEN 'in'
                WHEN (get_byte(h, 0) * 256 + get_byte(h, 1)) % 100 < out_pct THEN
                     CASE WHEN get_byte(h, 2) % 10 = 0 OR ncamp = 0 THEN 'out' ELSE 'camp' END
                ELSE 'in' END AS dir,
           1 + get_byte(h, 3) % greatest(ncamp, 1) AS ci,
           get_byte(h, 4) % 100 AS r_scen,
           (get_byte(h, 5) * 256 + get_byte(h, 6)) % 1000 AS r_status,
           get_byte(h, 7) % 24 AS v,
           1 + (get_byte(h, 8) * 256 + get_byte(h, 9)) % ncust AS cidx,
           floor(90 * power((get_byte(h, 10) * 256 + get_byte(h, 11)) / 65536.0::float8, 1.35::float8))::int AS dayoff,
           get_byte(h, 12) AS b12, get_byte(h, 13) AS b13, get_byte(h, 14) AS b14, get_byte(h, 15) AS b15,
           get_byte(h2, 0) AS d0, get_byte(h2, 1) AS d1, get_byte(h2, 2) AS d2, get_byte(h2, 3) AS d3,
           get_byte(h2, 4) AS d4, get_byte(h2, 5) AS d5
    FROM c0
), c2 AS MATERIALIZED (
    SELECT c1.*,
           CASE WHEN c1.dir <> 'in' THEN 4 WHEN c1.r_scen < 50 THEN 1 WHEN c1.r_scen < 75 THEN 2 ELSE 3 END AS sno,
           CASE WHEN c1.j = 1 OR (c1.j = 2 AND c1.n = 1) THEN 'IN_PROGRESS'
                WHEN dir = 'in' THEN
                     CASE WHEN r_status < 820 THEN 'COMPLETED' WHEN r_status < 940 THEN 'MISSED' ELSE 'FAILED' END
                ELSE CASE WHEN r_status < 640 THEN 'COMPLETED' WHEN r_status < 925 THEN 'MISSED' ELSE 'FAILED' END
           END AS status,
           cp.k AS camp_k, cp.start_off, cp.len_days, cp.cs_hour, cp.ce_hour, cp.recip_factor
    FROM c1
    LEFT JOIN _demo_camp cp ON c1.dir = 'camp' AND cp.n = c1.n AND cp.ci = c1.ci
), c3 AS MATERIALIZED (
    SELECT c2.*, t.agent_k, t.nlines, t.anyhour, t.booking, t.mood, t.intent,
           CASE WHEN status = 'IN_PROGRESS' THEN
                     (now() AT TIME ZONE 'UTC') - ((j * 3 + b14 % 4) * INTERVAL '1 minute') - ((b15 % 60) * INTERVAL '1 second')
                WHEN dir = 'camp' THEN
                     ((date_trunc('day', now() AT TIME ZONE tz)
                       - (start_off * INTERVAL '1 day') + ((d0 % len_days) * INTERVAL '1 day')
                       + ((cs_hour + d1 % (ce_hour - cs_hour)) * INTERVAL '1 hour')
                       + ((b13 % 60) * INTERVAL '1 minute') + ((b14 % 60) * INTERVAL '1 second')
                       + (((d2 * 256 + d3) % 1000) * INTERVAL '1 millisecond')
                      ) AT TIME ZONE tz) AT TIME ZONE 'UTC'
                ELSE
                     ((date_trunc('day', now() AT TIME ZONE tz)
                       - (dayoff * INTERVAL '1 day')
                       + ((CASE WHEN (t.anyhour AND b12 < 100) OR b12 < 12 THEN d1 % 24 ELSE 8 + d1 % 10 END) * INTERVAL '1 hour')
                       + ((b13 % 60) * INTERVAL '1 minute') + ((b14 % 60) * INTERVAL '1 second')
                       + (((d2 * 256 + d3) % 1000) * INTERVAL '1 millisecond')
                      ) AT TIME ZONE tz) AT TIME ZONE 'UTC'
           END AS ts0
    FROM c2
    JOIN _demo_tpl t ON t.n = c2.n AND t.sno = c2.sno AND t.v = c2.v
), c4 AS MATERIALIZED (
    SELECT c3.*,
           CASE WHEN status <> 'IN_PROGRESS' AND ts0 > (now() AT TIME ZONE 'UTC') - INTERVAL '20 minutes'
                THEN ts0 - INTERVAL '7 days' ELSE ts0 END AS ts,
           row_number() OVER (PARTITION BY n, camp_k ORDER BY ts0, j) AS camp_rn,
           count(*) OVER (PARTITION BY n, camp_k) AS camp_cnt
    FROM c3
), c5 AS MATERIALIZED (
    SELECT c4.*,
           CASE WHEN camp_k IS NOT NULL THEN least(ncust, ceil(camp_cnt * recip_factor))::int END AS nrecip
    FROM c4
)
SELECT n, j, dir, sno, status, camp_k, agent_k, nlines, booking, mood, intent, v, ts, nrecip,
       CASE WHEN camp_k IS NOT NULL THEN 1 + (camp_rn - 1) % nrecip END AS rcp,
       CASE WHEN camp_k IS NOT NULL THEN 1 + (camp_rn - 1) / nrecip END AS attempt,
       CASE WHEN camp_k IS NOT NULL THEN 1 + ((camp_rn - 1) % nrecip + camp_k * 97) % ncust ELSE cidx END AS cidx,
       CASE status
           WHEN 'COMPLETED' THEN nlines * (9 + d4 % 6) + d5 % 50
           WHEN 'FAILED' THEN CASE WHEN d4 % 3 = 0 THEN NULL ELSE 2 + d5 % 40 END
       END AS duration,
       b12, b13, b14, b15, d0, d1, d2, d3, d4, d5
FROM c5;

ANALYZE _demo_call;


-- -----------------------------------------------------------------------------
-- Organizations, users, memberships, API keys
-- -----------------------------------------------------------------------------

INSERT INTO "Organization" ("id", "name", "slug", "plan", "credits", "createdAt", "updatedAt")
SELECT o.id, o.name, o.slug, o.plan, o.credits, o.created_at,
       (now() AT TIME ZONE 'UTC') - ((o.n * 3) * INTERVAL '1 day') - ((o.n * 97) * INTERVAL '1 minute')
FROM _demo_org o;

-- u = 1 owner, u = 2 admin, the rest viewers; one outside consultant
-- (u = 99) belongs to three organizations.
CREATE TEMP TABLE _demo_user AS
SELECT o.n, u.u, 'ck' || substr(md5('user-' || o.n || '-' || u.u), 1, 23) AS id,
       CASE WHEN u.u <= 2 THEN split_part(regexp_replace(o.staff[u.u], '^Dr[.] ', ''), ' ', 1)
            ELSE nm.firsts[1 + (o.n * 7 + u.u * 5) % cardinality(nm.firsts)] END AS first_name,
       CASE WHEN u.u <= 2 THEN split_part(regexp_replace(o.staff[u.u], '^Dr[.] ', ''), ' ', 2)
            ELSE nm.lasts[1 + (o.n * 11 + u.u * 3) % cardinality(nm.lasts)] END AS last_name,
       CASE WHEN u.u = 1 THEN 'OWNER' WHEN u.u = 2 THEN 'ADMIN' ELSE 'VIEWER' END AS role,
       o.domain, o.tz, o.phone_prefix, o.phone_width,
       o.created_at + ((u.u - 1) * 9 * INTERVAL '1 day') AS created_at,
       (u.u > 2 AND u.u = 2 + o.n % 4 AND o.n % 2 = 1) AS pending
FROM _demo_org o
CROSS JOIN LATERAL generate_series(1, 2 + o.n % 4) AS u(u)
JOIN _demo_names nm ON nm.culture = o.culture;

INSERT INTO _demo_user
SELECT o.n, 99, 'ck' || substr(md5('user-consultant'), 1, 23), 'Jordan', 'Blake',
       CASE WHEN o.n = 1 THEN 'ADMIN' ELSE 'VIEWER' END, 'switchboard-partners.example', 'America/New_York',
       '+1646555', 4, (now() AT TIME ZONE 'UTC') - INTERVAL '150 days', false
FROM _demo_org o WHERE o.n IN (1, 4, 5);

INSERT INTO "User" ("id", "email", "firstName", "lastName", "phone", "timeZone", "password", "avatar",
                    "role", "status", "twoFactorEnabled", "twoFactorSecret", "createdAt", "updatedAt")
SELECT DISTINCT ON (u.id) u.id,
       lower(translate(u.first_name || '.' || u.last_name, 'áéíóúñüÁÉÍÓÚÑÜ''', 'aeiounuAEIOUNU')) || '@' || u.domain,
       u.first_name, u.last_name,
       u.phone_prefix || lpad(((CASE WHEN u.phone_width = 4 THEN 8000 ELSE 800 END) + u.u)::text, u.phone_width, '0'),
       u.tz,
       '$2b$10$DEMO.not.a.real.bcrypt.hash.' || substr(md5('pw-' || u.id), 1, 24),
       'https://cdn.voiceagent.example/avatars/' || substr(md5('avatar-' || u.id), 1, 12) || '.png',
       u.role::"Role",
       CASE WHEN u.pending THEN 'PENDING' ELSE 'ACTIVE' END::"UserStatus",
       (u.u = 1 AND u.n % 2 = 0) OR u.u = 99,
       CASE WHEN (u.u = 1 AND u.n % 2 = 0) OR u.u = 99 THEN 'DEMO2FANOTREAL' || upper(substr(md5('totp-' || u.id), 1, 18)) END,
       u.created_at,
       u.created_at + ((u.u % 7 + 1) * INTERVAL '1 day')
FROM _demo_user u
ORDER BY u.id, u.n;

INSERT INTO "UserOrganization" ("userId", "organizationId", "role")
SELECT u.id, o.id, u.role::"Role"
FROM _demo_user u JOIN _demo_org o ON o.n = u.n;

INSERT INTO "ApiKey" ("id", "organizationId", "userId", "name", "key", "expirationDate", "status", "createdAt", "updatedAt")
SELECT 'ck' || substr(md5('apikey-' || o.n || '-' || k.k), 1, 23), o.id,
       'ck' || substr(md5('user-' || o.n || '-' || CASE WHEN k.k = 1 THEN 1 ELSE 2 END), 1, 23),
       (ARRAY['Production', 'Zapier integration', 'Staging (old)'])[k.k],
       'sk_' || CASE WHEN k.k = 3 THEN 'test' ELSE 'live' END || '_DEMO_not_real_' || substr(md5('apikey-secret-' || o.n || '-' || k.k), 1, 20),
       CASE k.k WHEN 2 THEN (now() AT TIME ZONE 'UTC') + ((120 + o.n * 10) * INTERVAL '1 day')
                WHEN 3 THEN (now() AT TIME ZONE 'UTC') - ((5 + o.n) * INTERVAL '1 day') END,
       CASE WHEN k.k = 3 THEN 'REVOKED' ELSE 'ACTIVE' END::"ApiKeyStatus",
       o.created_at + ((2 + k.k * 20) * INTERVAL '1 day'),
       o.created_at + ((2 + k.k * 20) * INTERVAL '1 day') + CASE WHEN k.k = 3 THEN INTERVAL '60 days' ELSE INTERVAL '0' END
FROM _demo_org o
CROSS JOIN LATERAL generate_series(1, 1 + o.n % 3) AS k(k);


-- -----------------------------------------------------------------------------
-- Phone numbers, voices, agents
-- -----------------------------------------------------------------------------

INSERT INTO "PhoneNumber" ("id", "organizationId", "label", "phoneNumber", "inboundStatus", "outboundStatus", "createdAt", "updatedAt")
SELECT 'ck' || substr(md5('phone-' || o.n || '-' || p.k), 1, 23), o.id,
       (ARRAY['Main Line', 'Outreach Line', 'After-hours Line'])[p.k],
       o.phone_prefix || lpad(((CASE WHEN o.phone_width = 4 THEN 9000 ELSE 900 END) + p.k * 11)::text, o.phone_width, '0'),
       CASE WHEN p.k = 2 AND o.n % 2 = 0 THEN 'DISABLED' ELSE 'ENABLED' END::"PhoneNumberStatus",
       CASE WHEN p.k = 3 THEN 'DISABLED' ELSE 'ENABLED' END::"PhoneNumberStatus",
       o.created_at + (p.k * INTERVAL '1 day'),
       o.created_at + (p.k * INTERVAL '1 day') + INTERVAL '2 hours'
FROM _demo_org o
CROSS JOIN LATERAL generate_series(1, o.nphones) AS p(k);

INSERT INTO "Voice" ("id", "organizationId", "name", "gender", "description", "avatar", "tags", "isCustom", "status",
                     "audioUrl", "createdAt", "updatedAt")
SELECT v.id, o.id, v.name, v.gender, v.description, v.avatar, v.tags, v.is_custom, v.status::"VoiceStatus",
       'https://cdn.voiceagent.example/voices/samples/' || v.vkey || '.mp3',
       coalesce(o.created_at + INTERVAL '20 days', (now() AT TIME ZONE 'UTC') - INTERVAL '600 days'),
       coalesce(o.created_at + INTERVAL '21 days', (now() AT TIME ZONE 'UTC') - INTERVAL '400 days')
FROM _demo_voice v
LEFT JOIN _demo_org o ON o.n = v.n;

INSERT INTO "Agent" ("id", "organizationId", "name", "description", "type", "status", "callerType",
                     "phoneNumberId", "voiceId", "successRate", "totalCalls", "configuration", "createdAt", "updatedAt")
SELECT a.id, o.id, a.name, a.description, a.type, a.status::"AgentStatus", a.caller::"CallerType",
       CASE WHEN a.phone_k IS NOT NULL THEN 'ck' || substr(md5('phone-' || a.n || '-' || a.phone_k), 1, 23) END,
       vo.id,
       coalesce(round((100.0 * s.completed / nullif(s.total, 0))::numeric, 1), 0)::float8,
       coalesce(s.total, 0),
       jsonb_build_object(
           'stt', jsonb_build_object('provider', 'deepgram', 'model', a.stt_model, 'language', o.lang),
           'llm', jsonb_build_object('provider', a.llm_provider, 'model', a.llm_model,
                                     'temperature', CASE WHEN a.caller = 'OUTBOUND' THEN 0.6 ELSE 0.3 END),
           'tts', jsonb_build_object('provider', CASE WHEN vo.is_custom THEN 'elevenlabs-clone' ELSE 'elevenlabs' END,
                                     'voice', coalesce(vo.vkey, 'june')),
           'maxCallDurationSeconds', CASE WHEN a.caller = 'OUTBOUND' THEN 600 ELSE 1200 END,
           'interruptionSensitivity', (ARRAY['low', 'medium', 'high'])[1 + (a.n + a.k) % 3],
           'recordCalls', o.rec_pct > 50),
       o.created_at + ((5 + a.k * 4) * INTERVAL '1 day'),
       CASE WHEN a.status = 'INACTIVE' THEN o.created_at + ((60 + a.k) * INTERVAL '1 day')
            ELSE (now() AT TIME ZONE 'UTC') - ((a.n + a.k) * INTERVAL '1 day') END
FROM _demo_agent a
JOIN _demo_org o ON o.n = a.n
LEFT JOIN _demo_voice vo ON vo.vkey = a.vkey
LEFT JOIN (
    SELECT n, agent_k, count(*) AS total, count(*) FILTER (WHERE status = 'COMPLETED') AS completed
    FROM _demo_call GROUP BY n, agent_k
) s ON s.n = a.n AND s.agent_k = a.k;


-- -----------------------------------------------------------------------------
-- Knowledge bases and their documents
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_kb AS
SELECT o.n, o.id AS org_id, o.short_name, o.domain, o.slug, o.created_at, kb.k,
       'ck' || substr(md5('kb-' || o.n || '-' || kb.k), 1, 23) AS id,
       replace(kb.name, '{ORG}', o.short_name) AS name, replace(kb.description, '{ORG}', o.short_name) AS description,
       kb.status
FROM _demo_org o
CROSS JOIN (VALUES
    (1, '{ORG} services & FAQ', 'Services, opening hours and frequently asked questions for {ORG}', 'ACTIVE'),
    (2, 'Policies & pricing', 'Cancellation policy, payment options and the current price list', 'READY'),
    (3, 'Staff onboarding', 'Internal documents being indexed', 'PROCESSING'),
    (4, 'Archive', 'Old knowledge base, documents removed', 'EMPTY')
) AS kb(k, name, description, status)
WHERE kb.k <= 2 OR (kb.k = 3 AND o.n % 3 = 0) OR (kb.k = 4 AND o.n IN (1, 5, 7));

CREATE TEMP TABLE _demo_doc AS
SELECT kb.id AS kb_id, kb.n, kb.k, d.d,
       'ck' || substr(md5('kbdoc-' || kb.n || '-' || kb.k || '-' || d.d), 1, 23) AS id,
       d.name, d.type,
       CASE d.type WHEN 'WEBSITE' THEN 'https://www.' || kb.domain || d.path
                   WHEN 'FILE' THEN 'https://files.voiceagent.example/' || kb.slug || d.path END AS url,
       CASE WHEN d.type = 'TEXT' THEN replace(d.content, '{ORG}', kb.short_name) END AS content,
       CASE WHEN d.type = 'FILE' THEN d.size + kb.n * 1031 END AS file_size,
       d.mime, d.status, kb.created_at + ((10 + d.d * 3) * INTERVAL '1 day') AS created_at
FROM _demo_kb kb
JOIN (VALUES
    (1, 1, 'Services overview', 'WEBSITE', '/services', NULL, NULL::int, NULL, 'READY'),
    (1, 2, 'Frequently asked questions', 'WEBSITE', '/faq', NULL, NULL, NULL, 'READY'),
    (1, 3, 'Opening hours and location', 'TEXT', NULL,
     '{ORG} is open Monday to Friday from 8 AM to 6 PM and Saturday from 9 AM to 1 PM. Closed on public holidays. Free parking is available behind the building.',
     NULL, NULL, 'READY'),
    (1, 4, 'Service menu 2025.pdf', 'FILE', '/service-menu-2025.pdf', NULL, 482113, 'application/pdf', 'READY'),
    (1, 5, 'Emergency procedure', 'TEXT', NULL,
     'If a caller describes an emergency, collect the address and a call-back number, give the safety instructions from the script, and page the on-call staff member. Never promise an arrival time shorter than 45 minutes.',
     NULL, NULL, 'READY'),
    (2, 1, 'Cancellation and no-show policy', 'TEXT', NULL,
     'Appointments can be changed or cancelled free of charge up to 24 hours in advance. Late cancellations and no-shows may be charged a $50 fee at the manager''s discretion.',
     NULL, NULL, 'READY'),
    (2, 2, 'Price list.xlsx', 'FILE', '/price-list.xlsx', NULL, 38211, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'READY'),
    (2, 3, 'Payment options', 'TEXT', NULL,
     '{ORG} accepts all major credit cards, debit and bank transfer. Financing is available for amounts over $1,000 through our partner lender, subject to approval.',
     NULL, NULL, 'READY'),
    (2, 4, 'Insurance and financing', 'WEBSITE', '/insurance', NULL, NULL, NULL, 'READY'),
    (3, 1, 'Staff handbook.docx', 'FILE', '/staff-handbook.docx', NULL, 1204332, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PROCESSING'),
    (3, 2, 'Scanned intake form.pdf', 'FILE', '/scanned-intake-form.pdf', NULL, 8839221, 'application/pdf', 'ERROR'),
    (3, 3, 'Phone etiquette', 'TEXT', NULL,
     'Greet callers by the business name, confirm spelling of names, and read back every phone number digit by digit.',
     NULL, NULL, 'PROCESSING')
) AS d(k, d, name, type, path, content, size, mime, status)
  ON d.k = kb.k AND (d.d <= 3 OR (kb.k = 1 AND d.d <= 4 + kb.n % 2) OR (kb.k = 2 AND kb.n % 2 = 0));

INSERT INTO "KnowledgeBase" ("id", "organizationId", "name", "description", "fileCount", "websiteCount", "textCount",
                             "status", "createdAt", "updatedAt")
SELECT kb.id, kb.org_id, kb.name, kb.description,
       coalesce(c.files, 0), coalesce(c.websites, 0), coalesce(c.texts, 0),
       kb.status::"KnowledgeBaseStatus",
       kb.created_at + ((8 + kb.k) * INTERVAL '1 day'),
       kb.created_at + ((30 + kb.k * 11) * INTERVAL '1 day')
FROM _demo_kb kb
LEFT JOIN (
    SELECT kb_id, count(*) FILTER (WHERE type = 'FILE') AS files, count(*) FILTER (WHERE type = 'WEBSITE') AS websites,
           count(*) FILTER (WHERE type = 'TEXT') AS texts
    FROM _demo_doc GROUP BY kb_id
) c ON c.kb_id = kb.id;

INSERT INTO "KnowledgeBaseDocument" ("id", "knowledgeBaseId", "name", "type", "url", "content", "fileSize", "mimeType",
                                     "status", "createdAt", "updatedAt")
SELECT d.id, d.kb_id, d.name, d.type::"DocumentType", d.url, d.content, d.file_size, d.mime, d.status::"DocumentStatus",
       d.created_at, d.created_at + INTERVAL '3 minutes'
FROM _demo_doc d;


-- -----------------------------------------------------------------------------
-- Conversation paths (react-flow nodes / edges), tools, events
-- -----------------------------------------------------------------------------

INSERT INTO "ConversationPath" ("id", "organizationId", "name", "useCase", "agentSpeech", "nodes", "edges", "createdAt", "updatedAt")
SELECT 'ck' || substr(md5('path-' || o.n || '-' || p.k), 1, 23), o.id, p.name, p.use_case,
       replace(p.speech, '{ORG}', o.short_name),
       replace(p.nodes, '{ORG}', o.short_name)::jsonb,
       p.edges::jsonb,
       o.created_at + ((12 + p.k * 6) * INTERVAL '1 day'),
       o.created_at + ((40 + p.k * 9) * INTERVAL '1 day')
FROM _demo_org o
CROSS JOIN (VALUES
    (1, 'Inbound triage', 'Appointment booking & triage',
     'Thank you for calling {ORG}. I can book an appointment, answer questions, or get you to the right person.',
     '[{"id": "start", "type": "input", "position": {"x": 250, "y": 0}, "data": {"label": "Call starts"}},
       {"id": "greet", "type": "default", "position": {"x": 250, "y": 100}, "data": {"label": "Greeting", "prompt": "Greet the caller on behalf of {ORG}."}},
       {"id": "intent", "type": "default", "position": {"x": 250, "y": 200}, "data": {"label": "Identify intent"}},
       {"id": "urgent", "type": "default", "position": {"x": 0, "y": 320}, "data": {"label": "Urgent? Safety instructions + page on-call"}},
       {"id": "book", "type": "default", "position": {"x": 250, "y": 320}, "data": {"label": "Book appointment", "tool": "Google Calendar"}},
       {"id": "faq", "type": "default", "position": {"x": 500, "y": 320}, "data": {"label": "Answer from knowledge base"}},
       {"id": "end", "type": "output", "position": {"x": 250, "y": 460}, "data": {"label": "Confirm by SMS and end call"}}]',
     '[{"id": "e-start-greet", "source": "start", "target": "greet"},
       {"id": "e-greet-intent", "source": "greet", "target": "intent"},
       {"id": "e-intent-urgent", "source": "intent", "target": "urgent", "label": "emergency"},
       {"id": "e-intent-book", "source": "intent", "target": "book", "label": "booking"},
       {"id": "e-intent-faq", "source": "intent", "target": "faq", "label": "question"},
       {"id": "e-urgent-end", "source": "urgent", "target": "end"},
       {"id": "e-book-end", "source": "book", "target": "end"},
       {"id": "e-faq-end", "source": "faq", "target": "end"}]'),
    (2, 'Outbound follow-up', 'Outbound campaign',
     'Hi, this is {ORG} calling with a quick follow-up. Is now a good time?',
     '[{"id": "start", "type": "input", "position": {"x": 250, "y": 0}, "data": {"label": "Dial recipient"}},
       {"id": "answered", "type": "default", "position": {"x": 250, "y": 100}, "data": {"label": "Answered? Confirm identity"}},
       {"id": "voicemail", "type": "default", "position": {"x": 0, "y": 200}, "data": {"label": "No answer: schedule retry"}},
       {"id": "pitch", "type": "default", "position": {"x": 250, "y": 200}, "data": {"label": "Campaign task prompt"}},
       {"id": "book", "type": "default", "position": {"x": 250, "y": 300}, "data": {"label": "Book / record outcome"}},
       {"id": "end", "type": "output", "position": {"x": 250, "y": 400}, "data": {"label": "Post-call summary"}}]',
     '[{"id": "e-start-answered", "source": "start", "target": "answered"},
       {"id": "e-answered-voicemail", "source": "answered", "target": "voicemail", "label": "no answer"},
       {"id": "e-answered-pitch", "source": "answered", "target": "pitch", "label": "answered"},
       {"id": "e-pitch-book", "source": "pitch", "target": "book"},
       {"id": "e-book-end", "source": "book", "target": "end"},
       {"id": "e-voicemail-end", "source": "voicemail", "target": "end"}]')
) AS p(k, name, use_case, speech, nodes, edges);

CREATE TEMP TABLE _demo_tool AS
SELECT o.n, t.t, o.id AS org_id, o.domain, o.slug, o.created_at,
       'ck' || substr(md5('tool-' || o.n || '-' || t.t), 1, 23) AS id,
       t.name, t.description, t.category, t.logo, t.color,
       (o.n + t.t) % 3 <> 0 AS connected
FROM _demo_org o
CROSS JOIN (VALUES
    (1, 'Google Calendar', 'Check availability and book appointments', 'Integration', '/logos/google-calendar.svg', '#E8F0FE'),
    (2, 'Stripe', 'Take deposits and card payments over the phone', 'Payments', '/logos/stripe.svg', '#635BFF'),
    (3, 'Slack', 'Post call summaries to a channel', 'Communication', '/logos/slack.svg', '#4A154B'),
    (4, 'HubSpot', 'Sync contacts and call notes', 'CRM', '/logos/hubspot.svg', '#FF7A59'),
    (5, 'Salesforce', 'Log calls against leads and contacts', 'CRM', '/logos/salesforce.svg', '#00A1E0'),
    (6, 'Calendly', 'Send booking links by SMS', 'Integration', '/logos/calendly.svg', '#006BFF'),
    (7, 'Zapier', 'Trigger zaps after every call', 'Automation', '/logos/zapier.svg', '#FF4F00'),
    (8, 'Twilio SMS', 'Send SMS confirmations and reminders', 'Communication', '/logos/twilio.svg', '#F22F46')
) AS t(t, name, description, category, logo, color)
WHERE (o.n * 3 + t.t) % 4 <> 0;

INSERT INTO "Tool" ("id", "organizationId", "name", "description", "category", "logo", "iconBgColor", "isConnected",
                    "configuration", "createdAt", "updatedAt")
SELECT t.id, t.org_id, t.name, t.description, t.category, t.logo, t.color, t.connected,
       CASE WHEN NOT t.connected THEN '{}'::jsonb
            WHEN t.t = 2 THEN jsonb_build_object('secretKey', 'sk_test_DEMO_not_real', 'publishableKey', 'pk_test_DEMO_not_real',
                                                 'accountId', 'acct_DEMO' || upper(substr(md5('stripe-' || t.n), 1, 10)))
            WHEN t.t = 3 THEN jsonb_build_object('webhookUrl', 'https://hooks.slack.example/services/DEMO/NOT/REAL', 'channel', '#calls')
            WHEN t.t = 7 THEN jsonb_build_object('hookUrl', 'https://hooks.zapier.example/hooks/catch/DEMO/not-real/')
            WHEN t.t = 8 THEN jsonb_build_object('accountSid', 'ACDEMO' || substr(md5('twilio-' || t.n), 1, 26),
                                                 'authToken', 'demo-secret-not-real', 'fromNumber', 'Main Line')
            ELSE jsonb_build_object('accessToken', 'demo-oauth-access-token-not-real',
                                    'refreshToken', 'demo-oauth-refresh-token-not-real',
                                    'expiresAt', to_char((now() AT TIME ZONE 'UTC') + INTERVAL '50 minutes', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                    'account', 'ops@' || t.domain)
       END,
       t.created_at + ((15 + t.t * 2) * INTERVAL '1 day'),
       t.created_at + ((15 + t.t * 2) * INTERVAL '1 day') + CASE WHEN t.connected THEN INTERVAL '10 minutes' ELSE INTERVAL '0' END
FROM _demo_tool t;

INSERT INTO "AgentTool" ("agentId", "toolId")
SELECT a.id, t.id
FROM _demo_agent a
JOIN _demo_tool t ON t.n = a.n AND t.connected AND (a.k + t.t) % 3 <> 0
WHERE a.status = 'ACTIVE';

INSERT INTO "AgentKnowledgeBase" ("agentId", "knowledgeBaseId")
SELECT a.id, kb.id
FROM _demo_agent a
JOIN _demo_kb kb ON kb.n = a.n AND (kb.k = 1 OR (kb.k = 2 AND a.caller = 'INBOUND') OR (kb.k = 3 AND a.k = 1))
WHERE a.status = 'ACTIVE';

INSERT INTO "AgentConversationPath" ("agentId", "conversationPathId")
SELECT a.id, 'ck' || substr(md5('path-' || a.n || '-' || CASE WHEN a.caller = 'INBOUND' THEN 1 ELSE 2 END), 1, 23)
FROM _demo_agent a
WHERE a.status = 'ACTIVE';

INSERT INTO "Event" ("id", "organizationId", "name", "description", "isEnabled", "agentId", "webhookUrl", "triggerCount",
                     "createdAt", "updatedAt")
SELECT 'ck' || substr(md5('event-' || o.n || '-' || e.e), 1, 23), o.id, e.name, e.description,
       e.e <> 5,
       CASE e.e WHEN 3 THEN 'ck' || substr(md5('agent-' || o.n || '-1'), 1, 23) WHEN 4 THEN oa.id END,
       'https://hooks.' || o.domain || '/voice/' || replace(e.name, '.', '-'),
       CASE e.e WHEN 1 THEN s.completed WHEN 2 THEN s.failed WHEN 3 THEN s.booked_a1
                WHEN 4 THEN s.camp_completed ELSE s.missed / 2 END,
       o.created_at + ((25 + e.e) * INTERVAL '1 day'),
       o.created_at + ((25 + e.e) * INTERVAL '1 day') + CASE WHEN e.e = 5 THEN INTERVAL '40 days' ELSE INTERVAL '0' END
FROM _demo_org o
CROSS JOIN (VALUES
    (1, 'call.completed', 'Sends the transcript, summary and metadata after every completed call'),
    (2, 'call.failed', 'Alerts the office when a call fails'),
    (3, 'appointment.booked', 'Pushes new bookings made by the front-desk agent to the practice software'),
    (4, 'campaign.call.completed', 'Sends each completed campaign call to the CRM'),
    (5, 'call.missed', 'Texted the manager on every missed call (disabled: too noisy)')
) AS e(e, name, description)
JOIN _demo_agent oa ON oa.n = o.n AND oa.caller = 'OUTBOUND'
JOIN (
    SELECT n,
           count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE status = 'FAILED') AS failed,
           count(*) FILTER (WHERE status = 'MISSED') AS missed,
           count(*) FILTER (WHERE status = 'COMPLETED' AND booking AND agent_k = 1 AND dir = 'in') AS booked_a1,
           count(*) FILTER (WHERE status = 'COMPLETED' AND dir = 'camp') AS camp_completed
    FROM _demo_call GROUP BY n
) s ON s.n = o.n
WHERE (o.n + e.e) % 5 <> 0;


-- -----------------------------------------------------------------------------
-- Campaigns and recipients: counters computed from the generated calls
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_rcp AS
SELECT c.n, c.k, c.id AS camp_id, r.r,
       'ck' || substr(md5('rcpt-' || c.n || '-' || c.k || '-' || r.r), 1, 23) AS id,
       r.r > c.nready AS is_error,
       c.nready, c.called, c.created_at
FROM (
    SELECT cp.n, cp.k, cp.id, o.ncust,
           coalesce(s.nrecip, cp.fixed_recip) AS nready,
           coalesce(s.called, 0) AS called,
           coalesce(s.nerr, CASE WHEN cp.fixed_recip > 0 THEN 2 ELSE 0 END) AS nerr,
           date_trunc('day', now() AT TIME ZONE 'UTC') - ((greatest(cp.start_off, 0) + 3) * INTERVAL '1 day') AS created_at
    FROM _demo_camp cp
    JOIN _demo_org o ON o.n = cp.n
    LEFT JOIN (
        SELECT n, camp_k, max(nrecip) AS nrecip, count(DISTINCT rcp) AS called, 1 + camp_k % 3 AS nerr
        FROM _demo_call WHERE camp_k IS NOT NULL GROUP BY n, camp_k
    ) s ON s.n = cp.n AND s.camp_k = cp.k
) c
CROSS JOIN LATERAL generate_series(1, c.nready + c.nerr) AS r(r);

INSERT INTO "Campaign" ("id", "organizationId", "batchName", "status", "progress", "totalCalls", "completedCalls",
                        "agentId", "conversationPathId", "firstSentence", "taskPrompt", "postCallSummary",
                        "startDate", "startTime", "callStartTime", "callEndTime", "createdAt", "updatedAt")
SELECT cp.id, o.id, cp.batch, cp.status::"CampaignStatus",
       CASE WHEN s.nready > 0 THEN round(100.0 * s.called / s.nready)::int ELSE 0 END,
       coalesce(s.nready, 0), coalesce(s.called, 0),
       a.id,
       CASE WHEN cp.path_k IS NOT NULL THEN 'ck' || substr(md5('path-' || cp.n || '-' || cp.path_k), 1, 23) END,
       cp.first_sentence, cp.task_prompt, cp.post_call_summary,
       (date_trunc('day', now() AT TIME ZONE o.tz) - (cp.start_off * INTERVAL '1 day') + (cp.cs_hour * INTERVAL '1 hour'))
           AT TIME ZONE o.tz AT TIME ZONE 'UTC',
       lpad(cp.cs_hour::text, 2, '0') || ':00',
       lpad(cp.cs_hour::text, 2, '0') || ':00',
       lpad(cp.ce_hour::text, 2, '0') || ':00',
       date_trunc('day', now() AT TIME ZONE 'UTC') - ((greatest(cp.start_off, 0) + 3) * INTERVAL '1 day') + INTERVAL '15 hours 12 minutes',
       CASE WHEN cp.status IN ('COMPLETED', 'STOPPED')
                 THEN date_trunc('day', now() AT TIME ZONE 'UTC') - ((cp.start_off - cp.len_days) * INTERVAL '1 day') + INTERVAL '18 hours 5 minutes'
            WHEN cp.status = 'CONTINUING' THEN (now() AT TIME ZONE 'UTC') - INTERVAL '25 minutes'
            ELSE date_trunc('day', now() AT TIME ZONE 'UTC') - ((greatest(cp.start_off, 0) + 3) * INTERVAL '1 day') + INTERVAL '16 hours 40 minutes' END
FROM _demo_camp cp
JOIN _demo_org o ON o.n = cp.n
JOIN _demo_agent a ON a.n = cp.n AND a.caller = 'OUTBOUND'
LEFT JOIN (SELECT camp_id, max(nready) AS nready, max(called) AS called FROM _demo_rcp GROUP BY camp_id) s ON s.camp_id = cp.id;

INSERT INTO "CampaignRecipient" ("id", "campaignId", "name", "phoneNumber", "notes", "status", "createdAt", "updatedAt")
SELECT r.id, r.camp_id,
       CASE WHEN r.is_error THEN (ARRAY['J. Doe', 'Front desk', 'Unknown'])[1 + r.r % 3] ELSE cu.name END,
       CASE WHEN r.is_error THEN (ARRAY['555-01', '+1 (000) 000-0000', 'n/a'])[1 + r.r % 3] ELSE cu.phone END,
       CASE WHEN r.is_error THEN 'Invalid phone number in uploaded CSV (row ' || (r.r + 1) || ')'
            ELSE CASE (r.r * 7 + r.k) % 11
                     WHEN 0 THEN 'Do not call before 2 PM'
                     WHEN 1 THEN 'Prefers text messages'
                     WHEN 2 THEN 'Existing customer since 2019'
                     WHEN 3 THEN 'Ask for the account holder'
                     WHEN 4 THEN 'Hard of hearing; speak slowly'
                     ELSE '' END END,
       CASE WHEN r.is_error THEN 'ERROR' ELSE 'READY' END::"RecipientStatus",
       r.created_at + INTERVAL '15 hours 30 minutes',
       r.created_at + INTERVAL '15 hours 31 minutes'
FROM _demo_rcp r
JOIN _demo_org o ON o.n = r.n
LEFT JOIN _demo_cust cu ON cu.n = r.n AND cu.idx = 1 + ((r.r - 1) + r.k * 97) % o.ncust;


-- -----------------------------------------------------------------------------
-- "CallLog": 10,000 calls
-- -----------------------------------------------------------------------------

INSERT INTO "CallLog" ("id", "organizationId", "callType", "agentId", "campaignId", "callId", "customer", "phoneNumber",
                       "timestamp", "duration", "status", "transcript", "recordingUrl", "metadata", "createdAt", "updatedAt")
WITH x AS MATERIALIZED (
    SELECT c.*, o.id AS org_id, o.slug, o.lang, o.rec_pct,
           'CA' || md5('twilio-call-' || c.n || '-' || c.j) AS call_id,
           cu.name AS cust_name, cu.phone AS cust_phone,
           CASE WHEN c.status = 'MISSED' AND c.dir = 'in' AND c.b15 % 4 = 0 THEN 'Unknown caller' ELSE cu.name END AS cust_disp,
           CASE WHEN c.status = 'COMPLETED' THEN
                     replace(replace(replace(t.body, '{CUST}', cu.name), '{FIRST}', cu.first), '{ADDR}', cu.addr)
                WHEN c.status = 'IN_PROGRESS' THEN
                     array_to_string((string_to_array(replace(replace(replace(t.body, '{CUST}', cu.name), '{FIRST}', cu.first), '{ADDR}', cu.addr), chr(10)))[1:4], chr(10))
                WHEN c.status = 'FAILED' AND c.duration IS NOT NULL THEN
                     array_to_string((string_to_array(replace(replace(replace(t.body, '{CUST}', cu.name), '{FIRST}', cu.first), '{ADDR}', cu.addr), chr(10)))[1:1 + c.duration % 3], chr(10))
           END AS tx,
           replace(replace(replace(t.summary, '{CUST}', cu.name), '{FIRST}', cu.first), '{ADDR}', cu.addr) AS sm,
           t.keywords
    FROM _demo_call c
    JOIN _demo_org o ON o.n = c.n
    JOIN _demo_cust cu ON cu.n = c.n AND cu.idx = c.cidx
    JOIN _demo_tpl t ON t.n = c.n AND t.sno = c.sno AND t.v = c.v
)
SELECT 'ck' || substr(md5('call-' || n || '-' || j), 1, 23),
       org_id,
       CASE WHEN dir = 'in' THEN 'INBOUND' ELSE 'OUTBOUND' END::"CallType",
       'ck' || substr(md5('agent-' || n || '-' || agent_k), 1, 23),
       CASE WHEN camp_k IS NOT NULL THEN 'ck' || substr(md5('campaign-' || n || '-' || camp_k), 1, 23) END,
       call_id,
       cust_disp,
       cust_phone,
       ts,
       duration,
       status::"CallStatus",
       tx,
       CASE WHEN status = 'COMPLETED' AND (d0 * 256 + d1) % 100 < rec_pct
            THEN 'https://recordings.voiceagent.example/' || slug || '/' || call_id || '.mp3' END,
       jsonb_build_object(
           'summary',
           CASE status
               WHEN 'COMPLETED' THEN sm
                    || CASE WHEN b15 % 53 = 1 THEN
                            CASE WHEN mood = 'negative' THEN ' 🚨' WHEN booking THEN ' ✅' ELSE ' 📞' END
                       ELSE '' END
               WHEN 'IN_PROGRESS' THEN 'Call in progress.'
               WHEN 'MISSED' THEN
                    CASE WHEN dir = 'in' THEN (ARRAY['Missed call; caller hung up before the agent answered.',
                                                     'Missed call from ' || cust_disp || '; no voicemail left.',
                                                     'Missed call during a line outage; call-back task created.'])[1 + b14 % 3]
                         ELSE (ARRAY['No answer; will retry.', 'Went to voicemail; no message left.',
                                     'Line busy; retry scheduled.'])[1 + b14 % 3] END
               ELSE CASE WHEN duration IS NULL THEN 'Call could not be connected (telephony error).'
                         ELSE 'Call dropped after ' || duration || ' seconds; request not completed.' END
           END,
           'sentiment',
           CASE WHEN status IN ('MISSED', 'IN_PROGRESS') OR (status = 'FAILED' AND duration IS NULL) THEN NULL
                WHEN status = 'FAILED' THEN CASE WHEN d3 % 2 = 0 THEN 'negative' ELSE 'neutral' END
                WHEN d3 % 10 < 6 THEN mood
                WHEN d3 % 10 < 9 THEN 'neutral'
                WHEN mood = 'positive' THEN 'negative'
                ELSE 'positive' END)
       || jsonb_strip_nulls(jsonb_build_object(
           'intent', intent,
           'keywords', CASE WHEN status IN ('COMPLETED', 'IN_PROGRESS') THEN to_jsonb(keywords) END,
           'language', lang,
           'endedReason', CASE status
               WHEN 'COMPLETED' THEN CASE WHEN b12 % 3 = 0 THEN 'assistant-ended-call' ELSE 'customer-ended-call' END
               WHEN 'MISSED' THEN CASE WHEN dir = 'in' THEN 'caller-hung-up' ELSE (ARRAY['no-answer', 'voicemail', 'busy'])[1 + b14 % 3] END
               WHEN 'FAILED' THEN CASE WHEN duration IS NULL THEN (ARRAY['sip-503-service-unavailable', 'twilio-failed-to-connect-call'])[1 + b13 % 2]
                                       ELSE (ARRAY['llm-timeout', 'silence-timeout', 'tts-provider-error'])[1 + b13 % 3] END
           END,
           'costUsd', CASE WHEN duration IS NOT NULL THEN round(duration / 60.0 * 0.09, 4) END,
           'appointmentBooked', CASE WHEN status = 'COMPLETED' AND booking THEN d5 % 10 <> 0 END,
           'recipientId', CASE WHEN camp_k IS NOT NULL THEN 'ck' || substr(md5('rcpt-' || n || '-' || camp_k || '-' || rcp), 1, 23) END,
           'attempt', attempt)),
       ts,
       CASE WHEN status = 'IN_PROGRESS' THEN (now() AT TIME ZONE 'UTC') - INTERVAL '5 seconds'
            ELSE ts + ((coalesce(duration, 0) + 3) * INTERVAL '1 second') END
FROM x;


DROP TABLE _demo_rcp, _demo_tool, _demo_doc, _demo_kb, _demo_user, _demo_call, _demo_tpl, _demo_cust,
           _demo_generic, _demo_bank, _demo_camp, _demo_agent, _demo_voice, _demo_names, _demo_org;
