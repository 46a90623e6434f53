-- =============================================================================
-- Voxanne AI demo data generator.
--
-- Run once, right after assets/schemas/voxanne.sql, on an empty database.
-- Set-based and deterministic: every value is derived from generate_series
-- indexes, modular arithmetic and md5() of fixed strings (no random(); all ids
-- are md5-derived uuids). Only timestamps move: they are relative to now(),
-- so the data always covers "the last 90 days".
-- No psql meta-commands and no BEGIN/COMMIT: the file can be sent as one
-- multi-statement simple query (e.g. to PGlite). Scratch data lives in
-- temporary tables named _demo_*, dropped at the end.
-- Performance note: derived columns are layered in MATERIALIZED CTEs, so the
-- planner does not inline every layer and re-evaluate md5() per reference.
--
-- Volume (fixed; loads in about 1.5 s on a local PostgreSQL 15):
--   organizations 8 (6 UK, 2 US: aesthetics clinic, dental practice,
--   solicitors, lettings agency, electricians, vets, physical therapy,
--   plumbers), auth.users / profiles 33, contacts 1,920,
--   calls 9,600 (2,400 / 1,800 / 700 / 1,300 / 900 / 1,100 / 1,000 / 400 per
--   org; 7 in_progress, 3 pending, 506 failed, the rest completed),
--   appointments 3,231, call_tracking 2,090, hot_lead_alerts 786,
--   feature_flags 11, org_feature_flags 8, org_tools 50,
--   onboarding_submissions 30, agents 17, services 42, knowledge_base 24,
--   knowledge_base_chunks 72, knowledge_base_changelog 36, integrations 14,
--   org_credentials 22, twilio_subaccounts 6, carrier_forwarding_rules 6,
--   leads 96, escalation_rules 19, audit_logs 120,
--   telephony_country_audit_log 11, security_audit_log 140,
--   integration_settings 4.
-- Organization "Lone Star Plumbing & Drain" (telephony_mode 'none') has NULL
-- settings (so no timezone), phone, stripe_customer_id and wallet balance.
-- International text: contacts named 田中 美咲, 王伟, 김지민, فاطمة الزهراء,
-- محمد العلي (they appear as caller_name and in transcripts and summaries);
-- about one summary in sixty ends with an emoji.
--
-- Secrets (organizations.stripe_customer_id, org_credentials.encrypted_api_key,
-- twilio_subaccounts.auth_token_encrypted, the keys inside
-- integration_settings.settings) hold obviously fake values
-- ('demo-secret-not-real', 'cus_demo...'). Every e-mail domain ends in
-- .example; UK numbers are in Ofcom's drama ranges, US numbers use 555.
-- =============================================================================


-- Transaction-local (a no-op when each statement runs in its own
-- transaction): scratch tables have no statistics, and on servers with JIT
-- enabled the resulting estimates would make several statements pay for a
-- JIT compile that costs more than the statement itself.
SELECT set_config('jit', 'off', true);


-- -----------------------------------------------------------------------------
-- Scratch: organizations and their vocabulary
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_org AS
SELECT v.*,
       md5('vox-org-' || v.n)::uuid AS id,
       v.calls / 5 AS ncont,
       now() - ((300 + v.n * 37) * INTERVAL '1 day') AS org_created_at
FROM (VALUES
    (1, 'Harley Street Aesthetics Clinic', 'Harley Street Aesthetics', 'aesthetics', 'uk', 'Europe/London', 'GB',
     'London W1G 9PF', '+442079460100', 'harleyaesthetics.example', 'enterprise', 'managed', 2400, 1845000, true,
     '+447700900', 0, 1000, 3,
     ARRAY['Dr. Sophia Clarke', 'Nurse Amara Okafor', 'Dr. James Whitfield', 'Chloe Bennett'],
     ARRAY['Anti-wrinkle injections', 'Lip filler', 'Skin consultation', 'Profhilo skin booster', 'Chemical peel'],
     ARRAY['Two or three areas, review at two weeks', 'Russian lip technique, 1ml', 'Free consultation with a clinician', 'Course of two sessions', 'Medium-depth peel for pigmentation'],
     ARRAY[30, 45, 20, 30, 45], ARRAY[25000, 30000, 0, 30000, 18000]),
    (2, 'Riverside Family Dental', 'Riverside Dental', 'dental', 'uk', 'Europe/London', 'GB',
     'Didsbury, Manchester M20 2RN', '+441614960100', 'riversidedental.example', 'professional', 'byoc', 1800, 420000, true,
     '+447700900', 0, 1000, 3,
     ARRAY['Dr. Rachel Hughes', 'Dr. Imran Shah', 'Hannah Lowe', 'Megan Price'],
     ARRAY['Check-up', 'Scale and polish', 'White filling', 'Home whitening', 'Emergency appointment', 'Child check-up'],
     ARRAY['Routine examination and X-rays if due', 'Hygienist appointment', 'Composite filling', 'Custom trays and gel', 'Same-day pain relief', 'NHS check-up for under-18s'],
     ARRAY[30, 30, 45, 30, 20, 20], ARRAY[5500, 6500, 14000, 29500, 6500, 0]),
    (3, 'Hartwell & Cole Solicitors LLP', 'Hartwell & Cole', 'legal', 'uk', 'Europe/London', 'GB',
     'Park Square East, Leeds LS1 2NE', '+441134960100', 'hartwellcole.example', 'professional', 'managed', 700, 96000, false,
     '+447700900', 0, 1000, 3,
     ARRAY['Eleanor Hartwell', 'Marcus Cole', 'Priya Desai', 'Tom Fairbrother'],
     ARRAY['Divorce consultation', 'Conveyancing (purchase)', 'Employment advice', 'Wills and probate', 'Landlord and tenant dispute'],
     ARRAY['Initial 30-minute family law consultation', 'Freehold purchase, fixed fee', 'Unfair dismissal initial advice', 'Single or mirror wills', 'Possession and deposit disputes'],
     ARRAY[30, 60, 30, 45, 30], ARRAY[0, 115000, 0, 25000, 0]),
    (4, 'Keystone Lettings & Estates', 'Keystone Lettings', 'realestate', 'uk', 'Europe/London', 'GB',
     'Gloucester Road, Bristol BS7 8AE', '+441174960100', 'keystonelettings.example', 'starter', 'managed', 1300, 18500, true,
     '+447700900', 0, 1000, 3,
     ARRAY['Oliver Grant', 'Sarah Mitchell', 'Jake Turner', 'Nadia Rahman'],
     ARRAY['Property viewing', 'Sales valuation', 'Lettings valuation', 'Tenant check-in', 'Landlord meeting'],
     ARRAY['Accompanied viewing', 'Free market appraisal', 'Rental appraisal and landlord pack', 'Inventory and key handover', 'Portfolio review'],
     ARRAY[30, 45, 45, 60, 30], ARRAY[0, 0, 0, 0, 0]),
    (5, 'BrightSpark Electrical Services Ltd', 'BrightSpark Electrical', 'electrical', 'uk', 'Europe/London', 'GB',
     'Moseley, Birmingham B13 8JP', '+441214960100', 'brightspark.example', 'starter', 'byoc', 900, 0, true,
     '+447700900', 0, 1000, 3,
     ARRAY['Dave Kelly', 'Ryan Walsh', 'Gemma Lloyd', 'Sanjay Mistry'],
     ARRAY['EICR (landlord certificate)', 'EV charger installation', 'Extra sockets', 'Consumer unit upgrade', 'Fault finding'],
     ARRAY['Electrical installation condition report', '7kW home charger, fitted', 'Additional double sockets', '18th edition board with RCBOs', 'Tripping RCD or dead circuits'],
     ARRAY[120, 240, 120, 300, 90], ARRAY[18000, 89900, 9500, 55000, 9500]),
    (6, 'Oakfield Veterinary Surgery', 'Oakfield Vets', 'veterinary', 'uk', 'Europe/London', 'GB',
     'Morningside Road, Edinburgh EH10 4DD', '+441314960100', 'oakfieldvets.example', 'professional', 'managed', 1100, 267500, true,
     '+447700900', 0, 1000, 3,
     ARRAY['Dr. Fiona MacLeod', 'Dr. Ewan Campbell', 'Kirsty Ross', 'Isla Morrison'],
     ARRAY['Annual booster', 'Puppy vaccinations', 'Consultation', 'Neutering', 'Nurse clinic', 'Dental check'],
     ARRAY['Vaccination and health check', 'First and second puppy vaccinations', 'General consultation with a vet', 'Castration or spay, day patient', 'Weight, nails and parasite advice', 'Dental assessment'],
     ARRAY[20, 20, 15, 480, 15, 20], ARRAY[6200, 8900, 5200, 13500, 0, 4500]),
    (7, 'Summit Physical Therapy', 'Summit PT', 'physio', 'us', 'America/Denver', 'US',
     'Highlands, Denver, CO 80211', '+13035550100', 'summitpt.example', 'professional', 'managed', 1000, 310000, true,
     '+1303555', 200, 9800, 4,
     ARRAY['Dr. Kyle Jensen', 'Dr. Maria Alvarez', 'Brent Olson', 'Dana Whitaker'],
     ARRAY['Initial evaluation', 'Follow-up visit', 'Post-surgical rehab', 'Sports injury assessment', 'Dry needling'],
     ARRAY['60-minute evaluation and plan of care', '45-minute treatment session', 'Post-operative rehabilitation', 'Return-to-sport assessment', 'Trigger point dry needling'],
     ARRAY[60, 45, 45, 60, 30], ARRAY[15000, 11000, 11000, 15000, 7500]),
    (8, 'Lone Star Plumbing & Drain', 'Lone Star Plumbing', 'plumbing', 'us', 'America/Chicago', 'US',
     'East Austin, TX 78702', '+15125550100', 'lonestarplumbing.example', 'starter', 'none', 400, NULL, true,
     '+1512555', 200, 9800, 4,
     ARRAY['Hector Ramirez', 'Cody Briggs', 'Jasmine Carter', 'Walt Henderson'],
     ARRAY['Water heater repair', 'Drain cleaning', 'Repipe estimate', 'Leak detection', 'Sewer camera inspection'],
     ARRAY['Tank or tankless diagnosis and repair', 'Kitchen or bathroom drain cleaning', 'Whole-house PEX repipe estimate', 'Slab or wall leak detection', 'Main line camera inspection'],
     ARRAY[90, 60, 60, 90, 60], ARRAY[7900, 18900, 0, 24900, 24900])
) AS v(n, name, short_name, industry, culture, tz, country,
       address, org_phone, domain, plan, telephony_mode, calls, wallet_pence, record_calls,
       cust_prefix, cust_base, cust_mod, cust_width,
       staff, svc_names, svc_desc, svc_minutes, svc_price);

CREATE TEMP TABLE _demo_names (culture text, firsts text[], lasts text[]);
INSERT INTO _demo_names VALUES
    ('uk',
     ARRAY['Oliver', 'Amelia', 'Harry', 'Olivia', 'George', 'Isla', 'Jack', 'Ava', 'Noah', 'Emily', 'Charlie', 'Sophie', 'Jacob', 'Grace', 'Alfie', 'Mia', 'Freddie', 'Poppy', 'Thomas', 'Ella', 'Callum', 'Niamh', 'Rhys', 'Zara', 'Mohammed', 'Aisha', 'Arjun', 'Priya', 'Kwame', 'Chloe', 'Liam', 'Hannah', 'Declan', 'Siobhan', 'Euan', 'Morag'],
     ARRAY['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Hughes', 'Byrne', 'Campbell', 'MacDonald', 'O''Neill', 'Mensah', 'Begum', 'Nowak', 'Kowalski', 'Fraser']),
    ('us',
     ARRAY['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Tyler', 'Megan', 'Jordan', 'Aaliyah', 'DeShawn', 'Keisha', 'José', 'María', 'Luis', 'Guadalupe', 'Connor', 'Hannah'],
     ARRAY['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Wilson', 'Martinez', 'Anderson', 'Taylor', 'Thomas', 'Hernandez', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Lopez', 'Lee', 'Gonzalez', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Nguyen', 'O''Connor', 'Washington', 'Kim']);

-- International contacts: (org n, contact idx, first, last, display name, email).
CREATE TEMP TABLE _demo_intl (n int, idx int, first text, last text, display text, email text);
INSERT INTO _demo_intl VALUES
    (1, 3, '美咲', '田中', '田中 美咲', 'misaki.tanaka@mail.example'),
    (1, 11, 'فاطمة', 'الزهراء', 'فاطمة الزهراء', NULL),
    (2, 5, '伟', '王', '王伟', 'wang.wei@inbox.example'),
    (4, 2, 'محمد', 'العلي', 'محمد العلي', 'm.alali@mail.example'),
    (6, 7, 'Siân', 'Llewellyn-Jones', 'Siân Llewellyn-Jones', 'sian.lj@post.example'),
    (7, 4, '지민', '김', '김지민', 'jimin.kim@mail.example'),
    (8, 6, 'José Ángel', 'Núñez', 'José Ángel Núñez', NULL);

-- Agents: (org n, k, name, role, voice, model, active). k = 1 answers inbound
-- calls, k = 2 places outbound reminder calls, k = 3 is a retired version.
CREATE TEMP TABLE _demo_agent AS
SELECT a.*, md5('vox-agent-' || a.n || '-' || a.k)::uuid AS id
FROM (VALUES
    (1, 1, 'Sienna', 'inbound', 'elevenlabs:charlotte', 'gpt-4o', true),
    (1, 2, 'Sienna (reminders)', 'outbound', 'elevenlabs:charlotte', 'gpt-4o-mini', true),
    (1, 3, 'Sienna v1', 'inbound', 'azure:en-GB-SoniaNeural', 'gpt-3.5-turbo', false),
    (2, 1, 'Molly', 'inbound', 'azure:en-GB-LibbyNeural', 'gpt-4o', true),
    (2, 2, 'Molly', 'outbound', 'azure:en-GB-LibbyNeural', 'gpt-4o-mini', true),
    (3, 1, 'Victoria', 'inbound', 'elevenlabs:alice', 'claude-3-5-sonnet', true),
    (3, 2, 'Victoria', 'outbound', 'elevenlabs:alice', 'gpt-4o-mini', true),
    (4, 1, 'Jess', 'inbound', 'elevenlabs:lily', 'gpt-4o', true),
    (4, 2, 'Jess', 'outbound', 'elevenlabs:lily', 'gpt-4o-mini', true),
    (5, 1, 'Sparky', 'inbound', 'elevenlabs:george', 'gpt-4o-mini', true),
    (5, 2, 'Sparky', 'outbound', 'elevenlabs:george', 'gpt-4o-mini', true),
    (6, 1, 'Heather', 'inbound', 'azure:en-GB-MaisieNeural', 'gpt-4o', true),
    (6, 2, 'Heather', 'outbound', 'azure:en-GB-MaisieNeural', 'gpt-4o-mini', true),
    (7, 1, 'Avery', 'inbound', 'elevenlabs:rachel', 'gpt-4o', true),
    (7, 2, 'Avery', 'outbound', 'elevenlabs:rachel', 'gpt-4o-mini', true),
    (8, 1, 'Rosie', 'inbound', 'playht:jennifer', 'gpt-4o-mini', true),
    (8, 2, 'Rosie', 'outbound', 'playht:jennifer', 'gpt-4o-mini', false)
) AS a(n, k, name, role, voice, model, is_active);

-- Transcript phrase bank: per (industry bank, scenario) the customer's
-- opening lines, ordered (AI question, customer answer) pairs, the AI's
-- closing line, the customer's goodbye and summary templates. Bank '*' holds
-- the industry-neutral scenarios (reschedule; outbound reminder, which also
-- brings its own AI greeting). Placeholders: {ORG} {AGENT} {STAFF} {DAY}
-- {TIME} {SERVICE} are filled per transcript template, {CUST} {FIRST} per call.
CREATE TEMP TABLE _demo_bank (bank text, scen text, greet text[], opens text[], ai text[], cu text[], close_ai text, bye text, sums text[]);
INSERT INTO _demo_bank VALUES
    -- Aesthetics clinic -------------------------------------------------------
    ('aesthetics', 'booking', NULL,
     ARRAY['Hi, I''d like to book a consultation for anti-wrinkle injections.', 'Hello, I''m interested in lip filler and wanted to book in with one of your practitioners.', 'Hi there, I saw your Instagram and I''d like to book a skin consultation.'],
     ARRAY['Lovely. Have you had any treatments with us before, or would this be your first visit?', 'For first-time clients we start with a free 20-minute consultation with {STAFF}. I have {DAY} at {TIME}. Would that suit?', 'Perfect. Do you have any medical conditions, or are you pregnant or breastfeeding at the moment?', 'Thank you. We take a £50 deposit to secure the appointment, which comes off your treatment price. I''ll text you a secure payment link.'],
     ARRAY['First visit, yes.', '{DAY} at {TIME} works for me.', 'No, nothing like that.', 'That''s fine.'],
     'You''re booked in for {DAY} at {TIME} with {STAFF}. You''ll get a text with the deposit link and our pre-treatment advice.', 'Brilliant, thank you so much.',
     ARRAY['New client {CUST} booked a {SERVICE} appointment with {STAFF} for {DAY} at {TIME}; £50 deposit link sent.', '{CUST} booked {SERVICE} for {DAY} at {TIME}. Medical screening: no contraindications.']),
    ('aesthetics', 'urgent', NULL,
     ARRAY['Hi, I had filler in my lips two days ago and one side has gone really white and it''s very painful.', 'I had Botox last week and now my eyelid is drooping, I''m really worried.'],
     ARRAY['I''m sorry you''re going through this. I''m treating this as urgent. Is the area pale, blotchy or cold to the touch?', 'Thank you. Please don''t massage or apply heat to the area. I''m alerting {STAFF}, our on-call clinician, right now.', 'Can I confirm this is the best number for {STAFF} to call you back within the next 15 minutes?', 'If you notice any change to your vision, a severe headache or difficulty breathing, call 999 immediately.'],
     ARRAY['Yes, it''s pale and a bit mottled near the edge.', 'Okay, I won''t touch it.', 'Yes, this is my mobile.', 'Okay, thank you.'],
     '{STAFF} has been paged and will call you back shortly. We may ask you to come straight into the clinic today.', 'Thank you, I''ll keep my phone on.',
     ARRAY['URGENT: possible vascular occlusion 48h after lip filler. On-call clinician {STAFF} paged; client advised no massage or heat.', 'Post-treatment complication reported by {CUST}; escalated to {STAFF} for same-day review.']),
    ('aesthetics', 'pricing', NULL,
     ARRAY['Hi, how much is it for anti-wrinkle injections on the forehead and frown lines?', 'Could you tell me your prices for a course of skin boosters?'],
     ARRAY['Two areas are £250 and three areas are £320, including a free review at two weeks.', 'Profhilo is £300 per session, and we recommend two sessions four weeks apart. A course of two is £550.', 'All treatments are carried out by doctors or nurse prescribers, and the consultation is free.', 'Would you like me to book a free consultation?'],
     ARRAY['Okay, and does that include a top-up if I need one?', 'Right, that''s a bit more than I thought.', 'That''s reassuring.', 'Let me think about it and I''ll call back.'],
     'Of course. I''ll text you our price list and a link to book online whenever you''re ready.', 'Lovely, thanks. Bye.',
     ARRAY['Pricing enquiry: anti-wrinkle 2 areas £250 / 3 areas £320. Price list sent by SMS; no booking yet.', '{CUST} asked about skin booster pricing (£300 per session, £550 course). Warm lead, will call back.']),
    -- Dental practice ---------------------------------------------------------
    ('dental', 'booking', NULL,
     ARRAY['Hi, I''d like to book a check-up and a scale and polish, it''s been a while.', 'Hello, I''m new to the area and looking to register with a dentist.', 'Hi, can I book my son in for a check-up? He''s seven.'],
     ARRAY['Of course. Are you already registered with us, or would you be a new patient?', 'We''re taking on new private patients, and we have limited NHS places for children. I have {DAY} at {TIME} with {STAFF}. Does that work?', 'Great. Could I take your date of birth and your postcode, please?', 'Thank you. Please arrive ten minutes early to fill in a medical history form, or I can text you the link.'],
     ARRAY['New patient, please.', '{DAY} at {TIME} is fine.', 'It''s the 14th of March 1988, and the postcode is M20 2RN.', 'The link would be great.'],
     'That''s all booked for {DAY} at {TIME} with {STAFF}. You''ll get a confirmation text with the forms and our address.', 'Thanks very much, bye.',
     ARRAY['New patient {CUST} booked {SERVICE} with {STAFF} on {DAY} at {TIME}. Medical history link sent.', '{CUST} booked {SERVICE} for {DAY} at {TIME}; confirmation SMS sent.']),
    ('dental', 'urgent', NULL,
     ARRAY['Hi, I''ve got really bad toothache, my face is swollen and I haven''t slept all night.', 'My daughter''s fallen over and chipped her front tooth, there''s a lot of blood.'],
     ARRAY['I''m sorry, that sounds really painful. Is the swelling affecting your breathing or swallowing, or spreading towards your eye?', 'Okay. We keep emergency slots every morning. I''m flagging this as urgent for {STAFF}.', 'In the meantime you can take paracetamol or ibuprofen as directed on the packet, and avoid very hot or cold drinks.', 'If the swelling spreads to your eye or neck, or you struggle to breathe, go to A&E straight away.'],
     ARRAY['No, it''s just my cheek, but it''s throbbing.', 'Thank you, what time could I come in?', 'Okay.', 'I understand.'],
     'I''ve booked you into today''s emergency slot at {TIME} with {STAFF}. Please arrive a few minutes early.', 'Thank you so much.',
     ARRAY['URGENT: suspected dental abscess, facial swelling (no airway symptoms). Emergency slot with {STAFF} at {TIME}.', 'Emergency: dental trauma / severe pain reported by {CUST}. Escalated to {STAFF}; A&E advice given.']),
    ('dental', 'pricing', NULL,
     ARRAY['How much is a private check-up?', 'Hi, what do you charge for teeth whitening?'],
     ARRAY['A private check-up is £55, and a hygienist appointment is £65. Both together are £110.', 'Home whitening with custom trays is £295, including the first set of gel.', 'We also have a practice plan from £16.50 a month that covers two check-ups and two hygienist visits a year.', 'Would you like me to book you in?'],
     ARRAY['And is whitening available on the NHS?', 'Okay, that''s quite reasonable.', 'The plan sounds good actually.', 'Not just yet, thanks.'],
     'No problem. I''ll text you our fee guide and the practice plan details.', 'Cheers, bye.',
     ARRAY['Fee enquiry: private check-up £55, hygienist £65, whitening £295. Fee guide sent by SMS.', '{CUST} asked about whitening and the practice plan (£16.50/month). No booking yet.']),
    -- Solicitors --------------------------------------------------------------
    ('legal', 'booking', NULL,
     ARRAY['Hi, I need some advice about a divorce and I''d like to speak to a solicitor.', 'Hello, we''re buying a house and need a conveyancing solicitor.', 'Hi, I''ve been dismissed at work and I think it was unfair. Can someone advise me?'],
     ARRAY['I''m sorry to hear that. I can arrange an initial consultation. Can I ask roughly when this happened?', 'Thank you. Our first 30-minute consultation is free. I have {DAY} at {TIME} with {STAFF}, in person or by video. Which would you prefer?', 'Could I take your full name and an email address, so we can run a conflict check before the meeting?', 'Please bring any letters or documents you have, and some photo ID.'],
     ARRAY['About three weeks ago.', 'Video would be easier for me.', 'Yes, it''s {CUST}. I''ll spell the email for you.', 'Will do.'],
     'You''re booked in with {STAFF} on {DAY} at {TIME}. You''ll receive an email with the video link and our client care letter.', 'Thank you, that''s really helpful.',
     ARRAY['New enquiry from {CUST}: {SERVICE}. Free 30-minute video consultation with {STAFF} on {DAY} at {TIME}; conflict check pending.', 'Initial consultation ({SERVICE}) booked for {DAY} at {TIME} with {STAFF}.']),
    ('legal', 'urgent', NULL,
     ARRAY['My brother''s been arrested and he''s at the police station, he needs a solicitor now.', 'I''ve just been served with an injunction and the hearing is tomorrow morning.'],
     ARRAY['I understand this is urgent. Do you know which police station he''s being held at?', 'Thank you. Please ask him not to answer any questions until he has legal advice. I''m alerting our duty solicitor, {STAFF}, now.', 'Can you confirm the best number to reach you in the next half hour?', 'I can''t give legal advice myself, but {STAFF} will call you back as quickly as possible.'],
     ARRAY['Elland Road, I think.', 'Okay, I''ll tell him if I can.', 'This number, I''ll keep it on.', 'Please hurry.'],
     '{STAFF} has been notified as a priority and will call you shortly.', 'Thank you.',
     ARRAY['URGENT criminal matter: family member in police custody. Duty solicitor {STAFF} alerted.', 'Urgent hearing tomorrow (injunction). Escalated to {STAFF}; caller {CUST} awaiting callback.']),
    ('legal', 'pricing', NULL,
     ARRAY['Hi, how much do you charge for conveyancing on a £280,000 purchase?', 'What are your fees for writing a will?'],
     ARRAY['Our fixed fee for a freehold purchase at that price is £1,150 plus VAT, plus searches and Land Registry fees.', 'A single will is £250 plus VAT, and mirror wills for a couple are £395 plus VAT.', 'We''ll send a full written quote, with no hidden extras.', 'Would you like me to arrange a call with one of our solicitors?'],
     ARRAY['Does that include the searches?', 'Okay, that''s competitive.', 'That would be helpful.', 'Let me speak to my partner first.'],
     'Of course. I''ll email you a written quote today.', 'Thanks, goodbye.',
     ARRAY['Conveyancing quote requested (£280k freehold purchase): £1,150 + VAT fixed fee. Written quote to follow.', 'Fee enquiry from {CUST}: wills (£250 single / £395 mirror, plus VAT).']),
    -- Lettings and estate agency ---------------------------------------------
    ('realestate', 'booking', NULL,
     ARRAY['Hi, I''m calling about the two-bed flat on Gloucester Road. Is it still available for viewings?', 'Hello, we''re thinking of selling and would like a valuation.', 'Hi, I saw the three-bed semi in Bishopston on Rightmove and I''d love to view it.'],
     ARRAY['It is, yes. Are you currently renting, and when are you looking to move?', 'Great. Have you got a mortgage agreement in principle, or would you be a cash buyer?', 'I can book you in with {STAFF} on {DAY} at {TIME}. Does that work?', 'Lovely. I''ll just need your full name and email for the booking.'],
     ARRAY['We''re renting at the moment, and we''d like to move in about two months.', 'We''ve got an agreement in principle.', '{DAY} at {TIME} is perfect.', 'Sure, it''s {CUST}.'],
     'You''re booked for {DAY} at {TIME} with {STAFF}. I''ll text you the address and the agent''s number.', 'Great, see you then.',
     ARRAY['{CUST} booked a {SERVICE} with {STAFF} on {DAY} at {TIME}. AIP in place, moving in about 2 months.', '{SERVICE} booked for {DAY} at {TIME}; details sent by SMS.']),
    ('realestate', 'urgent', NULL,
     ARRAY['Hi, I''m a tenant at one of your properties and water is coming through the ceiling.', 'The boiler''s broken in my flat and I''ve got a newborn, we''ve had no heating since last night.'],
     ARRAY['I''m sorry, let''s get this sorted. Can you tell me the address of the property?', 'Thank you. If it''s safe, please turn off the water at the stopcock and keep away from any wet electrics.', 'I''m raising this as an emergency repair and alerting our property manager, {STAFF}, right now.', 'Our emergency contractor aims to attend within four hours.'],
     ARRAY['It''s flat 3 on Cotham Hill.', 'Okay, I''ve found the stopcock and turned it off.', 'Thank you.', 'That''s a relief.'],
     '{STAFF} will call you shortly to confirm the contractor''s arrival time.', 'Thanks so much.',
     ARRAY['EMERGENCY repair: water leak through ceiling (tenant {CUST}). Stopcock off; {STAFF} alerted, contractor within 4h.', 'No heating or hot water with a vulnerable occupant. Emergency repair raised, escalated to {STAFF}.']),
    ('realestate', 'pricing', NULL,
     ARRAY['Hi, what are your fees for letting and managing a property?', 'What''s your commission for selling a house?'],
     ARRAY['Our fully managed service is 12% plus VAT of the monthly rent, and tenant-find only is one month''s rent plus VAT.', 'For sales we charge 1.2% plus VAT on completion, with no sale, no fee.', 'That includes professional photos, floor plans and listings on Rightmove and Zoopla.', 'Would you like a free valuation?'],
     ARRAY['Is there a set-up fee?', 'Okay, that sounds fair.', 'Good to know.', 'Maybe next month.'],
     'Of course. I''ll email you our fee guide so you can compare.', 'Thanks, bye.',
     ARRAY['Landlord enquiry: fully managed 12% + VAT, tenant-find one month + VAT. Fee guide sent.', '{CUST} asked about sales commission (1.2% + VAT, no sale no fee).']),
    -- Electricians ------------------------------------------------------------
    ('electrical', 'booking', NULL,
     ARRAY['Hiya, I need an EICR for a rental flat, my landlord certificate is running out.', 'Hi, I''d like an EV charger fitted on my drive.', 'Hello, I want some extra sockets and outdoor lighting put in.'],
     ARRAY['No problem. How many bedrooms is the property, and roughly how old is the fuse board?', 'Lovely. I''ve got {STAFF} available on {DAY} at {TIME}. Does that suit?', 'Great. Is there parking near the property, and will someone be in to let us in?', 'The engineer will confirm a fixed price before starting any work.'],
     ARRAY['It''s a two-bed, the board was changed about ten years ago.', '{DAY} at {TIME} is fine.', 'There''s a drive, and I''ll be working from home.', 'Sounds good.'],
     'You''re booked in with {STAFF} on {DAY} at {TIME}. You''ll get a text when they''re on the way.', 'Cheers, ta-ra.',
     ARRAY['{CUST} booked {SERVICE} with {STAFF} for {DAY} at {TIME}. Parking on drive.', 'Booking: {SERVICE} on {DAY} at {TIME}; fixed price to be confirmed on site.']),
    ('electrical', 'urgent', NULL,
     ARRAY['There''s a burning smell from the fuse box and the lights keep flickering!', 'Half the house has no power and the trip switch won''t reset, and I can smell burning.'],
     ARRAY['Okay, your safety comes first. If you see smoke or flames, leave the property and call 999 now. Can you see any smoke?', 'Please switch off the main switch on the consumer unit if it''s safe to reach, and don''t touch anything that''s hot.', 'I''m marking this as an emergency and alerting our on-call electrician, {STAFF}, now.', 'Our emergency call-out is £95 for the first hour; {STAFF} aims to be with you within 90 minutes.'],
     ARRAY['No smoke, just the smell.', 'Done, the main switch is off.', 'Thank you.', 'That''s fine, please just come.'],
     '{STAFF} will ring you in a few minutes with an arrival time. Keep the power off until then.', 'Thanks, I will.',
     ARRAY['EMERGENCY: burning smell at consumer unit, flickering lights. Main switch off; on-call {STAFF} dispatched (£95 call-out).', 'Power loss with burning smell at {CUST}''s property; escalated to {STAFF}.']),
    ('electrical', 'pricing', NULL,
     ARRAY['How much do you charge to fit an EV charger?', 'Hi, what''s the price for a full rewire on a three-bed semi?'],
     ARRAY['A standard 7kW home charger installation is from £899 fitted, including the charger.', 'A full rewire on a three-bed semi is typically £4,500 to £6,500, depending on access and the number of points.', 'All our work is Part P certified and comes with a 12-month guarantee.', 'Would you like a free survey?'],
     ARRAY['Does that include the charger unit?', 'Right, okay.', 'Good to know.', 'I''ll have a think.'],
     'No worries. I''ll text you our price guide and a link to book a survey.', 'Cheers.',
     ARRAY['EV charger pricing: from £899 fitted. Price guide sent.', '{CUST} asked about full rewire cost (£4,500-£6,500). Free survey offered.']),
    -- Veterinary surgery ------------------------------------------------------
    ('veterinary', 'booking', NULL,
     ARRAY['Hi, I''d like to book my dog in for his annual booster.', 'Hello, my cat''s been scratching her ears a lot, can I get an appointment?', 'Hi, we''ve just got a puppy and need to book his first vaccinations.'],
     ARRAY['Of course. Is your pet already registered with us?', 'Lovely. What''s your pet''s name and age?', 'I have {DAY} at {TIME} with {STAFF}. Would that work?', 'Please bring any previous vaccination records with you.'],
     ARRAY['Yes, we''re registered.', 'It''s Bramble, she''s four.', '{DAY} at {TIME} is perfect.', 'Will do.'],
     'That''s Bramble booked in with {STAFF} on {DAY} at {TIME}. We''ll send a reminder the day before.', 'Thank you, bye.',
     ARRAY['{CUST} booked {SERVICE} with {STAFF} on {DAY} at {TIME} for Bramble.', 'Appointment ({SERVICE}) for {DAY} at {TIME}; vaccination records requested.']),
    ('veterinary', 'urgent', NULL,
     ARRAY['My dog''s eaten a whole bar of dark chocolate, what do I do?', 'My cat''s straining in the litter tray and nothing''s coming out, he''s crying.'],
     ARRAY['Thank you for calling straight away. How much does he weigh, and roughly when did this happen?', 'That can be dangerous, so I''m treating it as an emergency. Please don''t try to make him sick at home.', 'I''m alerting {STAFF} now and we''ll see you as soon as you can get here.', 'If he collapses or has a seizure on the way, call us back and come straight in.'],
     ARRAY['About 12 kilos, maybe half an hour ago.', 'Okay, I won''t.', 'We''re leaving now.', 'Okay.'],
     '{STAFF} is expecting you. Our address is in the text I''ve just sent.', 'Thank you, we''re on our way.',
     ARRAY['EMERGENCY: chocolate ingestion, 12kg dog, about 30 minutes ago. {STAFF} alerted; owner {CUST} en route.', 'Urgent: male cat straining to urinate (possible blockage). Seen as an emergency by {STAFF}.']),
    ('veterinary', 'pricing', NULL,
     ARRAY['How much is it to get a cat neutered?', 'Hi, what do your vaccinations cost for a dog?'],
     ARRAY['Cat castration is £95 and spaying is £135, including a post-op check.', 'A dog''s annual booster with a full health check is £62.', 'Our Pet Health Club is £14 a month and covers vaccinations, flea and worm treatment, and 10% off other treatment.', 'Shall I book you in?'],
     ARRAY['Does that include the pain relief?', 'Okay.', 'Oh, that sounds good value.', 'Not yet, thanks.'],
     'No problem, I''ll text you the details of the Pet Health Club.', 'Thanks, bye.',
     ARRAY['Neutering price enquiry: castration £95, spay £135. Health club details sent.', '{CUST} asked about vaccination costs (£62) and the Pet Health Club (£14/month).']),
    -- Physical therapy (US) ---------------------------------------------------
    ('physio', 'booking', NULL,
     ARRAY['Hi, I hurt my knee skiing last weekend and my doctor said I should see a physical therapist.', 'Hello, I''ve had lower back pain for a few weeks and I''d like to get an evaluation.', 'Hi, I need to schedule physical therapy after my shoulder surgery.'],
     ARRAY['I''m sorry to hear that. Do you have a referral, or would you like to come in through direct access?', 'Which insurance do you have? We''re in network with most major plans.', 'I have an appointment with {STAFF} on {DAY} at {TIME}. It takes about an hour. Does that work?', 'Please wear comfortable clothes and bring your insurance card and photo ID.'],
     ARRAY['I have a referral from my orthopedist.', 'Blue Cross Blue Shield through my employer.', '{DAY} at {TIME} works.', 'Sounds good.'],
     'You''re all set for {DAY} at {TIME} with {STAFF}. I''ll text you the intake forms.', 'Thanks so much.',
     ARRAY['{CUST} booked {SERVICE} with {STAFF} on {DAY} at {TIME}. Insurance: BCBS (in network).', '{SERVICE} scheduled {DAY} at {TIME}; intake forms sent by text.']),
    ('physio', 'urgent', NULL,
     ARRAY['I had my knee replacement two weeks ago and now my calf is swollen and really painful.', 'My incision from surgery is red and hot and there''s some drainage.'],
     ARRAY['Thank you for telling me. Calf pain and swelling after surgery can be serious. Are you having any chest pain or shortness of breath?', 'If you develop chest pain or trouble breathing, call 911 right away.', 'I''m flagging this as urgent and alerting {STAFF} now. You should also contact your surgeon''s office today.', 'Please don''t do your exercises until someone has checked it.'],
     ARRAY['No, just the leg.', 'Okay.', 'I''ll call them right after this.', 'Understood.'],
     '{STAFF} will call you back shortly. Please keep your phone nearby.', 'Thank you.',
     ARRAY['URGENT: post-op calf swelling and pain (possible DVT) in {CUST}. Advised 911 if chest symptoms; {STAFF} alerted.', 'Post-surgical incision redness and drainage reported; escalated to {STAFF}, caller told to contact surgeon.']),
    ('physio', 'pricing', NULL,
     ARRAY['How much is a session if I pay out of pocket?', 'Do you take Medicare, and what would my copay be?'],
     ARRAY['Self-pay rates are $150 for the initial evaluation and $110 for follow-up visits.', 'We do accept Medicare; most patients with a supplement plan pay little or nothing per visit.', 'We can run a free benefits check before your first visit.', 'Would you like me to start that for you?'],
     ARRAY['Do you offer package pricing?', 'Okay, good to know.', 'That would help.', 'Let me check with my insurance first.'],
     'Sure. I''ll text you our self-pay rates and a link to request a benefits check.', 'Thanks, bye.',
     ARRAY['Self-pay pricing enquiry: evaluation $150, follow-up $110. Benefits check offered.', '{CUST} asked about Medicare coverage and copays; rate sheet sent.']),
    -- Plumbing (US) -----------------------------------------------------------
    ('plumbing', 'booking', NULL,
     ARRAY['Hi, my water heater isn''t keeping hot water for very long, can someone come look at it?', 'Hey, the kitchen sink keeps backing up, I need a plumber.', 'Hi, I''d like a quote on replacing the old galvanized pipes in my house.'],
     ARRAY['Sorry to hear that. Is it a tank or tankless unit, and about how old is it?', 'Got it. I have {STAFF} available {DAY} at {TIME}. Does that work?', 'Is there a gate code or a dog we should know about?', 'The diagnostic visit is $79, and it''s waived if you go ahead with the repair.'],
     ARRAY['It''s a 40-gallon tank, maybe ten years old.', '{DAY} at {TIME} is great.', 'No code, but we do have a friendly dog.', 'That''s fine.'],
     'You''re all set for {DAY} at {TIME}. {STAFF} will text you when they''re on the way.', 'Awesome, thanks.',
     ARRAY['{CUST} booked {SERVICE} with {STAFF} for {DAY} at {TIME}. $79 diagnostic quoted.', 'Service call ({SERVICE}) scheduled {DAY} at {TIME}; dog on property.']),
    ('plumbing', 'urgent', NULL,
     ARRAY['A pipe just burst in my garage and water is everywhere!', 'My toilet''s overflowing and sewage is coming up in the shower!'],
     ARRAY['Okay, let''s stop the water first. Do you know where your main shut-off valve is?', 'Turn it clockwise until it stops. Keep away from any outlets or appliances sitting in water.', 'I''m marking this as an emergency and dispatching our on-call plumber, {STAFF}.', 'Emergency service is $149 for the call-out; {STAFF} is about 40 minutes away.'],
     ARRAY['I think it''s by the front curb.', 'Okay, I got it, the water''s stopping.', 'Thank you.', 'That''s fine, please hurry.'],
     '{STAFF} is on the way and will call when they''re close.', 'Thank you so much.',
     ARRAY['EMERGENCY: burst pipe in garage, main shut off. On-call plumber {STAFF} dispatched ($149).', 'Sewage backup reported by {CUST}; emergency dispatch to {STAFF}.']),
    ('plumbing', 'pricing', NULL,
     ARRAY['How much do you charge to install a tankless water heater?', 'What''s your price for a drain cleaning?'],
     ARRAY['Tankless installs usually run between $2,800 and $4,200, depending on gas line and venting work.', 'A standard drain cleaning is $189, and camera inspections are $249.', 'We offer financing and a one-year labor warranty.', 'Want me to set up a free estimate?'],
     ARRAY['Is there any rebate from the city?', 'Okay, that''s fair.', 'Good to know.', 'I''ll call back.'],
     'No problem. I''ll text you our price sheet.', 'Thanks.',
     ARRAY['Tankless install pricing: $2,800-$4,200. Price sheet sent.', '{CUST} asked about drain cleaning ($189) and camera inspection ($249).']),
    -- Industry-neutral scenarios ----------------------------------------------
    ('*', 'reschedule', NULL,
     ARRAY['Hi, I need to move my {SERVICE} appointment, something''s come up at work.', 'Hello, it''s {CUST}, can I reschedule my appointment please?', 'Hi, I can''t make my appointment tomorrow, is there another slot?'],
     ARRAY['Of course. Can I confirm your name and the phone number on your account?', 'Thanks, {FIRST}. I can see your booking. When would suit you better?', 'I have {DAY} at {TIME} with {STAFF}. Would that work?', 'Done. I''ve moved it and released your old slot.'],
     ARRAY['It''s {CUST}, and it''s the number I''m calling from.', 'Later in the week if possible, ideally in the afternoon.', 'Yes, that''s great.', 'Perfect, thanks.'],
     'You''re now booked for {DAY} at {TIME}. You''ll get a confirmation text and a reminder the day before.', 'Thanks for your help.',
     ARRAY['{CUST} rescheduled {SERVICE} to {DAY} at {TIME} with {STAFF}.', 'Appointment moved to {DAY} at {TIME}; confirmation sent by SMS.']),
    ('*', 'reminder',
     ARRAY['Hi, this is {AGENT}, an AI assistant calling from {ORG}. Am I speaking with {FIRST}?', 'Hello, it''s {AGENT} from {ORG}, calling with a quick reminder. Is this {FIRST}?'],
     ARRAY['Yes, speaking.', 'Yeah, that''s me.', 'Speaking, who''s this?'],
     ARRAY['I''m calling to remind you about your {SERVICE} appointment on {DAY} at {TIME} with {STAFF}. Are you still able to make it?', 'Great. Do you need directions or parking information?', 'Is there anything you''d like us to know before your appointment?', 'Lovely, I''ve marked you as confirmed.'],
     ARRAY['Yes, I''ll be there.', 'No, I know where you are, thanks.', 'No, that''s everything.', 'Thanks for the reminder.'],
     'Thanks, {FIRST}. See you on {DAY} at {TIME}. Have a good day.', 'You too, bye.',
     ARRAY['Reminder call: {CUST} confirmed {SERVICE} on {DAY} at {TIME}.', 'Outbound confirmation call; appointment on {DAY} at {TIME} confirmed.']);

-- Greetings and industry-neutral (AI, customer) pairs, appended to every
-- scenario's pairs for longer calls.
CREATE TEMP TABLE _demo_generic (greet text[], ai text[], cu text[]);
INSERT INTO _demo_generic VALUES
    (ARRAY['Thank you for calling {ORG}, this is {AGENT}, your AI receptionist. How can I help today?', 'Hi, you''ve reached {ORG}. I''m {AGENT}, a virtual assistant, and this call may be recorded. What can I do for you?', 'Hello, {ORG}, {AGENT} speaking. How can I help?', 'Thanks for calling {ORG}! This is {AGENT}. Are you calling about an existing appointment or something new?'],
     ARRAY['Can I take your full name, please?', 'Thanks, {FIRST}. Is this the best number to reach you on?', 'Would you like text message updates about this?', 'And can I take an email address for the confirmation?', 'Sorry, I didn''t quite catch that. Could you say it again?', 'How did you hear about us, by the way?', 'Is there anything else I should pass on to the team?', 'Just to confirm, that''s {CUST} on this number. Is that right?', 'Is there anything else I can help with today?'],
     ARRAY['Sure, it''s {CUST}.', 'Yes, this is my mobile.', 'Yes, texts are fine.', 'I''d rather just have the text, if that''s okay.', 'Sorry, I said yes, that works.', 'A friend recommended you.', 'No, I think that''s everything.', 'Yes, that''s right.', 'No, that''s all, thanks.']);


-- Planner statistics for the scratch tables: without them the planner
-- guesses sizes from page counts, and on servers with JIT enabled the inflated
-- estimates make the template statement below pay for a JIT compile.
ANALYZE _demo_org, _demo_names, _demo_intl, _demo_agent, _demo_bank, _demo_generic;


-- -----------------------------------------------------------------------------
-- organizations
-- -----------------------------------------------------------------------------

INSERT INTO organizations (id, name, email, phone, website, plan, stripe_customer_id, wallet_balance_pence,
                           telephony_mode, settings, created_at, updated_at)
SELECT o.id, o.name,
       CASE o.industry WHEN 'legal' THEN 'enquiries@' WHEN 'realestate' THEN 'lettings@' ELSE 'hello@' END || o.domain,
       CASE WHEN o.n = 8 THEN NULL ELSE o.org_phone END,
       CASE WHEN o.n = 5 THEN NULL ELSE 'https://www.' || o.domain END,
       o.plan,
       CASE WHEN o.wallet_pence IS NULL THEN NULL ELSE 'cus_demo' || upper(substr(md5('stripe-' || o.n), 1, 10)) END,
       o.wallet_pence,
       o.telephony_mode,
       CASE WHEN o.n = 8 THEN NULL ELSE jsonb_build_object(
           'timezone', o.tz,
           'country', o.country,
           'currency', CASE o.culture WHEN 'uk' THEN 'GBP' ELSE 'USD' END,
           'business_hours', jsonb_build_object('mon_fri', CASE WHEN o.industry IN ('veterinary', 'aesthetics') THEN '08:00-19:00' ELSE '09:00-17:30' END,
                                                'sat', CASE WHEN o.n % 2 = 0 THEN '09:00-13:00' END),
           'record_calls', o.record_calls,
           'sentiment_analysis', true,
           'hot_lead_threshold', 'high') END,
       o.org_created_at,
       o.org_created_at + ((o.n * 13) * INTERVAL '1 day')
FROM _demo_org o;


-- -----------------------------------------------------------------------------
-- Users: auth.users (stand-in) and profiles. u = 1 is the owner (admin),
-- u = 2 the practice/office manager, the rest are users; one suspended and
-- one inactive account, one invited user who never logged in.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_user AS
SELECT o.n, o.id AS org_id, u.u, md5('vox-user-' || o.n || '-' || u.u)::uuid AS id,
       x.full_name,
       lower(replace(replace(split_part(x.full_name, ' ', 1), '''', ''), '.', '')) || '.'
           || lower(replace(split_part(x.full_name, ' ', 2), '''', '')) || '@' || o.domain AS email,
       CASE u.u WHEN 1 THEN 'admin' WHEN 2 THEN 'manager' ELSE 'user' END AS role,
       CASE WHEN o.n = 4 AND u.u = 4 THEN 'suspended' WHEN o.n = 6 AND u.u = 5 THEN 'inactive' ELSE 'active' END AS status,
       o.org_created_at + ((u.u - 1) * 9 * INTERVAL '1 day') AS created_at
FROM _demo_org o
JOIN _demo_names nm ON nm.culture = o.culture
CROSS JOIN LATERAL generate_series(1, 3 + o.n % 3) AS u(u)
CROSS JOIN LATERAL (
    SELECT CASE WHEN u.u = 1 THEN regexp_replace(o.staff[1], '^(Dr|Nurse)[.]? ', '')
                WHEN u.u = 2 THEN o.staff[4]
                ELSE nm.firsts[1 + (o.n * 7 + u.u * 5) % cardinality(nm.firsts)] || ' '
                     || nm.lasts[1 + (o.n * 3 + u.u * 11) % cardinality(nm.lasts)]
           END AS full_name
) x;

-- STAND-IN auth.users rows (Supabase Auth would own these).
INSERT INTO auth.users (id, email, created_at)
SELECT id, email, created_at FROM _demo_user;

INSERT INTO profiles (id, org_id, email, full_name, avatar_url, role, phone, status, last_login, created_at, updated_at)
SELECT u.id, u.org_id, u.email, u.full_name,
       CASE WHEN u.u % 2 = 1 THEN 'https://avatars.voxanne.example/' || u.id || '.png' END,
       u.role,
       CASE WHEN u.u <= 2 THEN o.cust_prefix || lpad((o.cust_base + (o.n * 131 + u.u * 17) % o.cust_mod)::text, o.cust_width, '0') END,
       u.status,
       CASE WHEN u.u = 3 + u.n % 3 AND u.n % 2 = 0 THEN NULL
            WHEN u.status = 'active' THEN now() - ((u.n * 37 + u.u * 113) % 4000) * INTERVAL '1 minute'
            ELSE now() - ((40 + u.u * 3) * INTERVAL '1 day') END,
       u.created_at,
       greatest(u.created_at, now() - ((u.n + u.u) % 20) * INTERVAL '1 day')
FROM _demo_user u
JOIN _demo_org o ON o.n = u.n;


-- -----------------------------------------------------------------------------
-- Agents, services (configuration stand-ins the transcripts refer to)
-- -----------------------------------------------------------------------------

INSERT INTO agents (id, org_id, name, role, voice, model, system_prompt, first_message, vapi_assistant_id, is_active, created_at, updated_at)
SELECT a.id, o.id, a.name, a.role, a.voice, a.model,
       CASE a.role
           WHEN 'inbound' THEN 'You are ' || a.name || ', the AI receptionist of ' || o.name || ' in ' || o.address
                || '. Answer questions using the knowledge base, book and reschedule appointments, and escalate emergencies to the on-call team immediately. Never give medical, legal or financial advice.'
           ELSE 'You are ' || a.name || ' from ' || o.short_name || '. Call clients to confirm upcoming appointments. Be brief and friendly; if they cannot attend, offer to reschedule.'
       END,
       CASE a.role
           WHEN 'inbound' THEN 'Thank you for calling ' || o.short_name || ', this is ' || a.name || '. How can I help today?'
           ELSE 'Hi, this is ' || a.name || ' calling from ' || o.short_name || ' with a quick reminder.'
       END,
       md5('vapi-asst-' || a.n || '-' || a.k)::uuid::text,
       a.is_active,
       o.org_created_at + (a.k * INTERVAL '2 days'),
       now() - ((a.n * 5 + a.k * 11) % 60) * INTERVAL '1 day'
FROM _demo_agent a
JOIN _demo_org o ON o.n = a.n;

INSERT INTO services (id, org_id, name, description, price_pence, duration_minutes, is_active, created_at)
SELECT md5('vox-svc-' || o.n || '-' || s.i)::uuid, o.id, o.svc_names[s.i], o.svc_desc[s.i],
       nullif(o.svc_price[s.i], 0), o.svc_minutes[s.i],
       NOT (o.n = 4 AND s.i = 5),
       o.org_created_at + (s.i * INTERVAL '1 hour')
FROM _demo_org o
CROSS JOIN LATERAL generate_series(1, cardinality(o.svc_names)) AS s(i);


-- -----------------------------------------------------------------------------
-- Contacts: calls / 5 per org (1,920 in all), created before the 90-day call
-- window; a few international names; last_contacted_at is set from the calls
-- further down.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_contact AS
WITH base AS MATERIALIZED (
    SELECT o.n, o.id AS org_id, o.culture, o.cust_prefix, o.cust_base, o.cust_mod, o.cust_width, o.industry, k.idx,
           decode(md5('vox-contact-' || o.n || '-' || k.idx), 'hex') AS h
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.ncont) AS k(idx)
)
SELECT b.n, b.org_id, b.idx, md5('vox-contact-id-' || b.n || '-' || b.idx)::uuid AS id,
       coalesce(i.first, nm.firsts[1 + get_byte(b.h, 0) % cardinality(nm.firsts)]) AS first,
       coalesce(i.last, nm.lasts[1 + get_byte(b.h, 1) % cardinality(nm.lasts)]) AS last,
       coalesce(i.display, nm.firsts[1 + get_byte(b.h, 0) % cardinality(nm.firsts)] || ' '
                           || nm.lasts[1 + get_byte(b.h, 1) % cardinality(nm.lasts)]) AS display,
       CASE WHEN i.n IS NOT NULL THEN i.email
            WHEN get_byte(b.h, 2) % 10 < 7 THEN
                 lower(replace(nm.firsts[1 + get_byte(b.h, 0) % cardinality(nm.firsts)], 'é', 'e')) || '.'
                 || lower(replace(replace(nm.lasts[1 + get_byte(b.h, 1) % cardinality(nm.lasts)], '''', ''), ' ', ''))
                 || CASE WHEN get_byte(b.h, 3) % 3 = 0 THEN (get_byte(b.h, 4) % 90 + 10)::text ELSE '' END
                 || '@' || (ARRAY['mail.example', 'inbox.example', 'post.example', 'webmail.example'])[1 + get_byte(b.h, 5) % 4]
       END AS email,
       b.cust_prefix || lpad((b.cust_base + (b.idx * 7 + b.n * 97) % b.cust_mod)::text, b.cust_width, '0') AS phone,
       get_byte(b.h, 6) % 100 AS r_status, get_byte(b.h, 7) AS b7, get_byte(b.h, 8) AS b8, get_byte(b.h, 9) AS b9,
       b.industry
FROM base b
JOIN _demo_names nm ON nm.culture = b.culture
LEFT JOIN _demo_intl i ON i.n = b.n AND i.idx = b.idx;

INSERT INTO contacts (id, org_id, phone, email, first_name, last_name, lead_status, lead_score, notes,
                      last_contacted_at, created_at, updated_at)
SELECT c.id, c.org_id, c.phone, c.email, c.first, c.last,
       x.lead_status,
       CASE WHEN c.b9 % 8 = 0 THEN NULL
            WHEN x.lead_status = 'hot' THEN 75 + c.b7 % 26
            WHEN x.lead_status = 'warm' THEN 45 + c.b7 % 36
            WHEN x.lead_status = 'contacted' THEN 30 + c.b7 % 41
            ELSE 5 + c.b7 % 36 END,
       CASE WHEN c.b8 % 10 < 7 THEN NULL
            ELSE (ARRAY['Prefers text messages over calls.', 'Call after 5pm, works shifts.', 'Referred by a friend.',
                        'VIP client - always offer the first available slot.', 'Hard of hearing, please speak clearly.',
                        'Asked not to be called on weekends.', 'Paid deposit by card over the phone.',
                        'Prefers the same practitioner each time.', 'Booked via the website chat first.'])[1 + c.b8 % 9]
       END,
       NULL,
       now() - ((92 + c.b7 + c.b8) * INTERVAL '1 day'),
       now() - ((92 + c.b7 + c.b8) * INTERVAL '1 day')
FROM _demo_contact c
CROSS JOIN LATERAL (
    SELECT CASE WHEN c.r_status < 15 THEN 'hot' WHEN c.r_status < 50 THEN 'warm'
                WHEN c.r_status < 75 THEN 'cold' ELSE 'contacted' END AS lead_status
) x;


-- -----------------------------------------------------------------------------
-- Transcript templates: 24 variants per (org, scenario), 4 to 30 lines each:
-- AI greeting, customer opener, (AI, customer) pairs, AI closing, customer
-- goodbye when the line count is even. One variant in twelve uses the
-- "Agent:" / "User:" labels instead of "AI:" / "Customer:". Each template also
-- fixes the service, staff member, weekday and time it talks about, so the
-- appointment created from a booking call matches its transcript.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_tpl AS
WITH base AS (
    SELECT o.n, o.short_name, o.culture, o.industry, s.scen, s.sno, v.v,
           CASE WHEN s.scen IN ('reschedule', 'reminder') THEN '*' ELSE o.industry END AS bank,
           4 + (v.v * 7 + s.sno * 5 + o.n * 3) % 27 AS nlines,
           1 + (v.v * 5 + s.sno) % cardinality(o.svc_names) AS svc,
           o.staff[1 + (v.v + s.sno) % 3] AS staff,
           1 + (v.v * 3 + s.sno) % 5 AS dow,
           1 + (v.v * 5 + s.sno * 3) % 8 AS slot,
           o.svc_names
    FROM _demo_org o
    CROSS JOIN (VALUES ('booking', 1), ('urgent', 2), ('pricing', 3), ('reschedule', 4), ('reminder', 5)) AS s(scen, sno)
    CROSS JOIN generate_series(0, 23) AS v(v)
), full_base AS (
    SELECT base.*,
           a.name AS agent,
           base.svc_names[base.svc] AS service,
           -- lower-cased first letter for use inside a sentence ('EICR' stays)
           CASE WHEN substr(base.svc_names[base.svc], 2, 1) ~ '[a-z]'
                THEN lower(left(base.svc_names[base.svc], 1)) || substr(base.svc_names[base.svc], 2)
                ELSE base.svc_names[base.svc] END AS service_lc,
           bk.opens, bk.ai || g.ai AS all_ai, bk.cu || g.cu AS all_cu, bk.close_ai, bk.bye, bk.sums,
           coalesce(bk.greet, g.greet) AS greet,
           (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])[base.dow] AS day_name,
           (ARRAY['09:00', '09:30', '10:15', '11:00', '12:30', '14:00', '15:30', '16:45'])[base.slot]::time AS slot_time,
           CASE WHEN base.culture = 'uk'
                THEN (ARRAY['9am', '9.30am', '10.15am', '11am', '12.30pm', '2pm', '3.30pm', '4.45pm'])[base.slot]
                ELSE (ARRAY['9:00 AM', '9:30 AM', '10:15 AM', '11:00 AM', '12:30 PM', '2:00 PM', '3:30 PM', '4:45 PM'])[base.slot]
           END AS time_text
    FROM base
    JOIN _demo_agent a ON a.n = base.n AND a.k = CASE WHEN base.scen = 'reminder' THEN 2 ELSE 1 END
    JOIN _demo_bank bk ON bk.bank = base.bank AND bk.scen = base.scen
    CROSS JOIN _demo_generic g
), lines AS (
    SELECT f.n, f.scen, f.v, t.t,
           CASE WHEN f.v % 12 = 5 THEN
                    CASE WHEN k.is_ai THEN 'Agent' ELSE 'User' END
                ELSE
                    CASE WHEN k.is_ai THEN 'AI' ELSE 'Customer' END
           END || ': ' ||
           CASE WHEN t.t = 1 THEN f.greet[1 + f.v % cardinality(f.greet)]
                WHEN t.t = 2 THEN f.opens[1 + f.v % cardinality(f.opens)]
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
    SELECT n, scen, v, string_agg(line, chr(10) ORDER BY t) AS body
    FROM lines
    GROUP BY n, scen, v
)
SELECT f.n, f.scen, f.v, f.nlines, f.svc, f.dow, f.slot_time,
       replace(replace(replace(replace(replace(replace(b.body,
           '{ORG}', f.short_name), '{AGENT}', f.agent), '{STAFF}', f.staff),
           '{DAY}', f.day_name), '{TIME}', f.time_text), '{SERVICE}', f.service_lc) AS body,
       replace(replace(replace(replace(replace(replace(f.sums[1 + f.v % cardinality(f.sums)],
           '{ORG}', f.short_name), '{AGENT}', f.agent), '{STAFF}', f.staff),
           '{DAY}', f.day_name), '{TIME}', f.time_text), '{SERVICE}', f.service_lc) AS summary
FROM full_base f
JOIN bodies b ON b.n = f.n AND b.scen = f.scen AND b.v = f.v;


-- Planner statistics for the scratch tables joined below.
ANALYZE _demo_user, _demo_contact, _demo_tpl;


-- -----------------------------------------------------------------------------
-- Scratch calls: 9,600 over the last 90 days (denser towards today), mostly
-- during local business hours; urgent calls (~6%) at any hour. Scenarios:
-- booking 42%, pricing 18%, reschedule 16%, outbound reminder 18%, urgent 6%.
-- The newest call of every org is in progress; the newest outbound reminders
-- of some orgs are still pending. Computed once, then copied into calls,
-- appointments, call_tracking and hot_lead_alerts.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_call AS
WITH c0 AS MATERIALIZED (
    SELECT o.n, o.id AS org_id, o.tz, o.ncont, o.org_phone, o.record_calls, o.culture,
           o.cust_prefix, o.cust_base, o.cust_mod, o.cust_width, g.j,
           decode(md5('vox-call-' || o.n || '-' || g.j), 'hex') AS h
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.calls) AS g(j)
), c1 AS MATERIALIZED (
    SELECT h.n, h.org_id, h.tz, h.ncont, h.org_phone, h.record_calls, h.culture,
           h.cust_prefix, h.cust_base, h.cust_mod, h.cust_width, h.j,
           md5('vapi-call-' || h.n || '-' || h.j)::uuid::text AS vapi_id,
           (get_byte(h.h, 0) * 256 + get_byte(h.h, 1)) % 100 AS r_scen,
           (get_byte(h.h, 2) * 256 + get_byte(h.h, 3)) % 100 AS r_status,
           1 + (get_byte(h.h, 4) * 256 + get_byte(h.h, 5)) % h.ncont AS cidx,
           get_byte(h.h, 6) % 24 AS v,
           floor(90 * power((get_byte(h.h, 7) * 256 + get_byte(h.h, 8)) / 65536.0::float8, 1.35::float8))::int AS dayoff,
           get_byte(h.h, 9) AS b9, get_byte(h.h, 10) AS b10, get_byte(h.h, 11) AS b11,
           get_byte(h.h, 12) AS b12, get_byte(h.h, 13) AS b13, get_byte(h.h, 14) AS b14,
           get_byte(h.h, 15) AS b15
    FROM c0 AS h
), c2 AS MATERIALIZED (
    SELECT c1.*,
           CASE WHEN r_scen < 6 THEN 'urgent' WHEN r_scen < 48 THEN 'booking' WHEN r_scen < 66 THEN 'pricing'
                WHEN r_scen < 82 THEN 'reschedule' ELSE 'reminder' END AS scen
    FROM c1
), c3 AS MATERIALIZED (
    SELECT c2.*,
           CASE WHEN j = 1 AND scen <> 'reminder' THEN 'in_progress'
                WHEN j <= 4 AND scen = 'reminder' AND n % 2 = 1 THEN 'pending'
                WHEN r_status < 5 THEN 'failed'
                ELSE 'completed'
           END AS status,
           -- known contact: always for reminders, 80% otherwise
           scen = 'reminder' OR b9 % 100 < 80 AS known,
           (date_trunc('day', now() AT TIME ZONE tz)
               - (dayoff * INTERVAL '1 day')
               + ((CASE WHEN scen = 'urgent' OR b10 < 12 THEN b10 % 24 ELSE 8 + b10 % 11 END) * INTERVAL '1 hour')
               + ((b11 % 60) * INTERVAL '1 minute') + ((b12 % 60) * INTERVAL '1 second')
           ) AT TIME ZONE tz AS ts0
    FROM c2
), c4 AS MATERIALIZED (
    SELECT c3.*,
           CASE WHEN status = 'in_progress' THEN now() - ((2 + b12 % 5) * INTERVAL '1 minute')
                WHEN status = 'pending' THEN now() - ((j * 3 + b12 % 3) * INTERVAL '1 minute')
                WHEN ts0 > now() - INTERVAL '20 minutes' THEN ts0 - INTERVAL '7 days'
                ELSE ts0 END AS created_at,
           CASE WHEN known THEN cu.id END AS contact_id,
           CASE WHEN known THEN cu.display
                ELSE nm.firsts[1 + b13 % cardinality(nm.firsts)] || ' ' || nm.lasts[1 + b14 % cardinality(nm.lasts)] END AS cust_name,
           CASE WHEN known THEN cu.first ELSE nm.firsts[1 + b13 % cardinality(nm.firsts)] END AS cust_first,
           CASE WHEN known THEN cu.phone
                ELSE cust_prefix || lpad((cust_base + (b13 * 256 + b14 + j) % cust_mod)::text, cust_width, '0') END AS cust_phone,
           t.nlines, t.svc, t.dow, t.slot_time,
           replace(replace(t.body, '{CUST}', CASE WHEN known THEN cu.display
                                                  ELSE nm.firsts[1 + b13 % cardinality(nm.firsts)] || ' ' || nm.lasts[1 + b14 % cardinality(nm.lasts)] END),
                   '{FIRST}', CASE WHEN known THEN cu.first ELSE nm.firsts[1 + b13 % cardinality(nm.firsts)] END) AS tx,
           replace(replace(t.summary, '{CUST}', CASE WHEN known THEN cu.display
                                                     ELSE nm.firsts[1 + b13 % cardinality(nm.firsts)] || ' ' || nm.lasts[1 + b14 % cardinality(nm.lasts)] END),
                   '{FIRST}', CASE WHEN known THEN cu.first ELSE nm.firsts[1 + b13 % cardinality(nm.firsts)] END) AS sm
    FROM c3
    JOIN _demo_contact cu ON cu.n = c3.n AND cu.idx = c3.cidx
    JOIN _demo_names nm ON nm.culture = c3.culture
    JOIN _demo_tpl t ON t.n = c3.n AND t.scen = c3.scen AND t.v = c3.v
), c5 AS MATERIALIZED (
    SELECT c4.*,
           CASE status
               WHEN 'pending' THEN NULL
               WHEN 'in_progress' THEN NULL
               WHEN 'failed' THEN CASE WHEN b13 % 3 = 0 THEN NULL ELSE b13 % 25 END
               ELSE CASE WHEN b14 < 6 THEN NULL ELSE nlines * 11 + b13 % 60 END
           END AS duration,
           status = 'completed' AND b15 >= 5 OR status = 'in_progress' OR (status = 'failed' AND b13 % 3 = 1) AS has_transcript,
           CASE WHEN status <> 'completed' OR b15 < 5 OR b15 % 29 = 0 THEN NULL
                WHEN b11 % 100 < CASE scen WHEN 'urgent' THEN 80 WHEN 'pricing' THEN 10 WHEN 'booking' THEN 3 WHEN 'reschedule' THEN 5 ELSE 2 END THEN 'negative'
                WHEN b11 % 100 < CASE scen WHEN 'urgent' THEN 100 WHEN 'pricing' THEN 70 WHEN 'booking' THEN 25 WHEN 'reschedule' THEN 55 ELSE 30 END THEN 'neutral'
                ELSE 'positive'
           END AS s_label
    FROM c4
)
SELECT md5('vox-call-id-' || n || '-' || j)::uuid AS id,
       n, org_id, j, scen, status, contact_id, cust_name, cust_first, cust_phone, tz, svc, dow, slot_time,
       CASE WHEN scen = 'reminder' THEN 'outbound' ELSE 'inbound' END AS call_direction,
       CASE WHEN scen = 'reminder' THEN org_phone ELSE cust_phone END AS from_number,
       CASE WHEN scen = 'reminder' THEN cust_phone ELSE org_phone END AS to_number,
       duration,
       CASE WHEN NOT has_transcript THEN NULL
            WHEN status = 'failed' THEN array_to_string((string_to_array(tx, chr(10)))[1:4], chr(10))
            WHEN status = 'in_progress' THEN array_to_string((string_to_array(tx, chr(10)))[1:4], chr(10))
            ELSE tx END AS transcript,
       CASE WHEN status IN ('pending', 'in_progress') THEN NULL
            WHEN status = 'failed' THEN CASE WHEN has_transcript THEN 'Call dropped before the caller finished stating the request.' END
            WHEN NOT has_transcript THEN NULL
            ELSE sm || CASE WHEN b15 % 61 = 1 THEN
                             CASE scen WHEN 'booking' THEN ' ✅' WHEN 'urgent' THEN ' 🚨' WHEN 'pricing' THEN ' 💬'
                                       WHEN 'reminder' THEN ' 🔔' ELSE ' 📅' END
                        ELSE '' END
       END AS summary,
       s_label AS sentiment_label,
       CASE s_label WHEN 'positive' THEN round(0.65 + (b12 % 34) / 100.0, 2)
                    WHEN 'neutral' THEN round(0.40 + (b12 % 25) / 100.0, 2)
                    WHEN 'negative' THEN round(0.05 + (b12 % 30) / 100.0, 2) END AS sentiment_score,
       CASE WHEN scen = 'urgent' AND s_label = 'neutral' THEN
                (ARRAY['Caller stayed calm and followed the safety instructions.', 'Worried but composed caller; cooperative throughout.',
                       'Caller was calm and clear about the problem.'])[1 + b13 % 3]
           ELSE CASE s_label
           WHEN 'positive' THEN (ARRAY['Caller was friendly and satisfied with the outcome.', 'Relaxed, appreciative caller; the call went smoothly.',
                                       'Caller sounded happy and thanked the assistant twice.'])[1 + b13 % 3]
           WHEN 'neutral' THEN (ARRAY['Matter-of-fact caller gathering information.', 'Calm, businesslike conversation.',
                                      'Caller was polite but non-committal.'])[1 + b13 % 3]
           WHEN 'negative' THEN (ARRAY['Caller was anxious and distressed.', 'Caller sounded frustrated and wanted a human quickly.',
                                       'Stressed caller who needed reassurance.'])[1 + b13 % 3]
           END
       END AS sentiment_summary,
       CASE WHEN s_label IS NULL THEN NULL
            WHEN scen = 'urgent' THEN CASE WHEN b14 % 100 < 40 THEN 'critical' ELSE 'high' END
            WHEN scen = 'pricing' THEN CASE WHEN b14 % 100 < 15 THEN 'high' WHEN b14 % 100 < 65 THEN 'medium' ELSE 'low' END
            WHEN scen = 'booking' THEN CASE WHEN b14 % 100 < 30 THEN 'medium' ELSE 'low' END
            WHEN scen = 'reschedule' THEN CASE WHEN b14 % 100 < 15 THEN 'medium' ELSE 'low' END
            ELSE 'low' END AS sentiment_urgency,
       CASE WHEN NOT known AND b15 % 40 = 3 THEN NULL ELSE cust_phone END AS phone_number,
       CASE WHEN known THEN cust_name
            WHEN b13 % 10 < 4 THEN cust_name END AS caller_name,
       CASE WHEN b9 % 97 = 11 THEN NULL ELSE vapi_id END AS vapi_call_id,
       CASE WHEN record_calls AND status = 'completed' AND coalesce(duration, 0) > 0 AND b9 % 97 <> 11
            THEN 'https://storage.vapi.example/recordings/' || vapi_id || '.wav' END AS recording_url,
       created_at,
       CASE WHEN status IN ('pending', 'in_progress') THEN now()
            ELSE created_at + ((coalesce(duration, 0) + 3 + b15 % 40) * INTERVAL '1 second') END AS updated_at,
       b9, b10, b11, b12, b13, b14, b15
FROM c5;

-- Statistics on the columns used for joins and filters only (the text columns
-- would make ANALYZE read every transcript).
ANALYZE _demo_call (id, n, org_id, scen, status, call_direction, contact_id, sentiment_urgency, svc, b10);


-- -----------------------------------------------------------------------------
-- calls
-- -----------------------------------------------------------------------------

INSERT INTO calls (id, org_id, contact_id, call_direction, from_number, to_number, duration_seconds, status,
                   transcript, summary, sentiment_label, sentiment_score, sentiment_summary, sentiment_urgency,
                   phone_number, caller_name, vapi_call_id, recording_url, created_at, updated_at)
SELECT id, org_id, contact_id, call_direction, from_number, to_number, duration, status,
       transcript, summary, sentiment_label, sentiment_score, sentiment_summary, sentiment_urgency,
       phone_number, caller_name, vapi_call_id, recording_url, created_at, updated_at
FROM _demo_call
ORDER BY created_at;

-- Fresh statistics for the console's first queries (PGlite has no
-- autovacuum); the transcripts are left out to keep this quick.
ANALYZE calls (id, org_id, contact_id, call_direction, status, created_at, sentiment_urgency);

-- Contacts: last contact = their newest call.
UPDATE contacts c
SET last_contacted_at = x.last_call,
    updated_at = greatest(c.updated_at, x.last_call)
FROM (
    SELECT contact_id, max(created_at) AS last_call
    FROM _demo_call
    WHERE contact_id IS NOT NULL
    GROUP BY contact_id
) x
WHERE c.id = x.contact_id;


-- -----------------------------------------------------------------------------
-- appointments: one per completed booking call from a known contact, on the
-- weekday and time the transcript names (the first such day after the call,
-- in the org's time zone).
-- -----------------------------------------------------------------------------

INSERT INTO appointments (id, org_id, contact_id, title, description, scheduled_at, duration_minutes, status,
                          location, notes, reminder_sent_at, created_at, updated_at)
SELECT md5('vox-appt-' || a.id)::uuid, a.org_id, a.contact_id, a.title, a.description, a.scheduled_at, a.minutes,
       a.status,
       a.location,
       a.notes,
       CASE WHEN a.status <> 'cancelled' AND a.scheduled_at - INTERVAL '1 day' < now() AND a.b12 % 10 < 8
            THEN greatest(a.booked_at + INTERVAL '1 minute', a.scheduled_at - INTERVAL '1 day') END,
       a.booked_at,
       CASE WHEN a.status IN ('completed', 'no-show') THEN a.scheduled_at + (a.minutes * INTERVAL '1 minute')
            WHEN a.status = 'cancelled' THEN least(now(), a.booked_at + ((1 + a.b13 % 48) * INTERVAL '1 hour'))
            ELSE a.booked_at END
FROM (
    SELECT c.id, c.org_id, c.contact_id, c.b12, c.b13,
           o.svc_names[c.svc] AS title,
           o.svc_desc[c.svc] AS description,
           o.svc_minutes[c.svc] AS minutes,
           c.updated_at AS booked_at,
           s.scheduled_at,
           CASE WHEN s.scheduled_at > now() THEN CASE WHEN c.b14 % 100 < 6 THEN 'cancelled' ELSE 'scheduled' END
                WHEN c.b14 % 100 < 80 THEN 'completed'
                WHEN c.b14 % 100 < 88 THEN 'no-show'
                WHEN c.b14 % 100 < 97 THEN 'cancelled'
                ELSE 'scheduled' END AS status,
           CASE WHEN o.industry = 'legal' AND c.b11 % 2 = 0 THEN 'Video call (Microsoft Teams)'
                WHEN o.industry = 'realestate' THEN (ARRAY['Flat 2, 114 Gloucester Road, Bristol BS7 8AE', '23 Cotham Hill, Bristol BS6 6JY', '7 Egerton Road, Bishopston, Bristol BS7 8HN'])[1 + c.b11 % 3]
                WHEN o.industry IN ('electrical', 'plumbing') THEN 'On site - customer address'
                WHEN c.b11 % 17 = 0 THEN NULL
                ELSE o.address END AS location,
           CASE WHEN c.b10 % 6 = 0 THEN (ARRAY['Booked by AI receptionist; deposit pending.', 'First visit - send new client forms.',
                                             'Requested a female practitioner if possible.', 'Parking permit needed.',
                                             'Rescheduled once before.'])[1 + c.b10 % 5] END AS notes
    FROM _demo_call c
    JOIN _demo_org o ON o.n = c.n
    CROSS JOIN LATERAL (
        SELECT ((c.created_at AT TIME ZONE c.tz)::date
                + (CASE WHEN (c.dow - extract(isodow FROM c.created_at AT TIME ZONE c.tz)::int + 7) % 7 = 0 THEN 7
                        ELSE (c.dow - extract(isodow FROM c.created_at AT TIME ZONE c.tz)::int + 7) % 7 END)
                + c.slot_time) AT TIME ZONE c.tz AS scheduled_at
    ) s
    WHERE c.scen = 'booking' AND c.status = 'completed' AND c.contact_id IS NOT NULL
) a;


-- -----------------------------------------------------------------------------
-- call_tracking: the website visit that led to about one inbound call in
-- five (UTM parameters, device), plus 60 visits that did not lead to a call.
-- -----------------------------------------------------------------------------

INSERT INTO call_tracking (id, org_id, call_id, contact_id, tracked_url, utm_source, utm_medium, utm_campaign,
                           device_type, browser, os, ip_address, location, created_at)
SELECT t.id, t.org_id, t.call_id, t.contact_id,
       'https://www.' || t.domain || t.path
           || CASE WHEN t.src IS NULL THEN ''
                   ELSE '?utm_source=' || t.src || '&utm_medium=' || t.med || coalesce('&utm_campaign=' || t.camp, '') END,
       t.src, t.med, t.camp,
       t.device,
       CASE t.device WHEN 'mobile' THEN (ARRAY['Mobile Safari', 'Chrome Mobile', 'Samsung Internet'])[1 + t.r % 3]
                     WHEN 'desktop' THEN (ARRAY['Chrome', 'Edge', 'Firefox', 'Safari'])[1 + t.r % 4] END,
       CASE t.device WHEN 'mobile' THEN (ARRAY['iOS 17', 'Android 14', 'iOS 18'])[1 + t.r % 3]
                     WHEN 'desktop' THEN (ARRAY['Windows 11', 'Windows 10', 'macOS 14', 'macOS 15'])[1 + t.r % 4] END,
       CASE WHEN t.r % 20 = 7 THEN NULL
            WHEN t.r % 3 = 0 THEN '203.0.113.' || (1 + t.r2 % 254)
            WHEN t.r % 3 = 1 THEN '198.51.100.' || (1 + t.r2 % 254)
            ELSE '2001:db8:' || to_hex(t.r) || '::' || to_hex(t.r2) END,
       CASE WHEN t.r2 % 10 = 0 THEN NULL WHEN t.r2 % 10 = 1 THEN 'Unknown' ELSE t.city END,
       t.created_at
FROM (
    SELECT md5('vox-track-' || c.id)::uuid AS id, c.org_id, c.id AS call_id, c.contact_id, o.domain,
           (ARRAY['/', '/book-online', '/prices', '/contact', '/services/' || lower(regexp_replace(o.svc_names[c.svc], '[^A-Za-z0-9]+', '-', 'g'))])[1 + c.b12 % 5] AS path,
           s.src,
           CASE WHEN s.src IS NULL THEN NULL
                WHEN s.src = 'google' THEN CASE WHEN c.b12 % 3 = 0 THEN 'organic' ELSE 'cpc' END
                WHEN s.src = 'bing' THEN 'cpc' WHEN s.src = 'newsletter' THEN 'email' ELSE 'social' END AS med,
           CASE WHEN s.src IS NULL OR (s.src = 'google' AND c.b12 % 3 = 0) THEN NULL
                WHEN s.src IN ('google', 'bing') THEN lower(regexp_replace(o.svc_names[c.svc], '[^A-Za-z0-9]+', '-', 'g')) || '-' || to_char(c.created_at, 'YYYY-MM')
                WHEN s.src = 'newsletter' THEN 'monthly-newsletter'
                ELSE (ARRAY['new-client-offer', 'seasonal-promo', 'reviews-carousel'])[1 + c.b13 % 3] END AS camp,
           CASE WHEN c.b13 % 100 < 64 THEN 'mobile' WHEN c.b13 % 100 < 93 THEN 'desktop'
                WHEN c.b13 % 100 < 97 THEN 'unknown' END AS device,
           c.b14 AS r, c.b15 AS r2,
           (ARRAY['London, England', 'Manchester, England', 'Leeds, England', 'Bristol, England', 'Birmingham, England',
                  'Edinburgh, Scotland', 'Denver, Colorado', 'Austin, Texas'])[o.n] AS city,
           c.created_at - ((30 + c.b15 * 7) * INTERVAL '1 second') AS created_at
    FROM _demo_call c
    JOIN _demo_org o ON o.n = c.n
    CROSS JOIN LATERAL (
        SELECT CASE WHEN c.b11 % 10 < 3 THEN 'google' WHEN c.b11 % 10 = 3 THEN 'facebook' WHEN c.b11 % 10 = 4 THEN 'instagram'
                    WHEN c.b11 % 10 = 5 THEN 'bing' WHEN c.b11 % 10 = 6 THEN 'newsletter' END AS src
    ) s
    WHERE c.call_direction = 'inbound' AND c.b10 % 100 < 22
    UNION ALL
    SELECT md5('vox-track-visit-' || g.i)::uuid, o.id, NULL, NULL, o.domain,
           (ARRAY['/', '/prices', '/about-us', '/book-online'])[1 + g.i % 4],
           CASE WHEN g.i % 3 = 0 THEN 'google' END,
           CASE WHEN g.i % 3 = 0 THEN 'cpc' END,
           CASE WHEN g.i % 3 = 0 THEN 'brand-' || to_char(now() - (g.i * INTERVAL '1 day'), 'YYYY-MM') END,
           CASE WHEN g.i % 2 = 0 THEN 'mobile' ELSE 'desktop' END,
           g.i * 37 % 256, g.i * 91 % 256,
           (ARRAY['London, England', 'Manchester, England', 'Leeds, England', 'Bristol, England', 'Birmingham, England',
                  'Edinburgh, Scotland', 'Denver, Colorado', 'Austin, Texas'])[o.n],
           now() - (g.i * 35 * INTERVAL '1 hour') - ((g.i * 13 % 60) * INTERVAL '1 minute')
    FROM generate_series(1, 60) AS g(i)
    JOIN _demo_org o ON o.n = 1 + g.i % 8
) t;


-- -----------------------------------------------------------------------------
-- hot_lead_alerts: one per completed call whose sentiment urgency is high or
-- critical (emergencies and hot pricing enquiries).
-- -----------------------------------------------------------------------------

INSERT INTO hot_lead_alerts (id, org_id, call_id, contact_id, urgency, message, status, acknowledged_at, created_at)
SELECT md5('vox-alert-' || c.id)::uuid, c.org_id, c.id, c.contact_id, c.sentiment_urgency,
       CASE WHEN c.sentiment_urgency = 'critical' THEN '🚨 CRITICAL: ' ELSE 'HOT LEAD: ' END
           || coalesce(c.caller_name, 'Unknown caller') || ' (' || coalesce(c.phone_number, c.from_number) || ') - '
           || coalesce(c.summary, 'see call transcript'),
       x.status,
       CASE WHEN x.status = 'acknowledged' THEN x.created_at + ((2 + c.b13 % 90) * INTERVAL '1 minute') END,
       x.created_at
FROM _demo_call c
CROSS JOIN LATERAL (
    SELECT c.updated_at + INTERVAL '5 seconds' AS created_at,
           CASE WHEN c.updated_at > now() - INTERVAL '2 hours' THEN CASE WHEN c.b12 % 2 = 0 THEN 'pending' ELSE 'sent' END
                WHEN c.b12 % 100 < 85 THEN 'acknowledged'
                WHEN c.b12 % 100 < 97 THEN 'sent'
                ELSE 'pending' END AS status
) x
WHERE c.status = 'completed' AND c.sentiment_urgency IN ('high', 'critical');


-- -----------------------------------------------------------------------------
-- feature_flags (global), org_feature_flags (per-org overrides), org_tools
-- -----------------------------------------------------------------------------

INSERT INTO feature_flags (id, name, description, enabled, rollout_percentage, created_at)
SELECT md5('vox-flag-' || f.name)::uuid, f.name, f.description, f.enabled, f.rollout, now() - (f.age * INTERVAL '1 day')
FROM (VALUES
    ('sentiment_analysis', 'Score every completed call for sentiment and urgency', true, 100, 420),
    ('hot_lead_alerts', 'SMS/email alert when a call is scored high or critical urgency', true, 100, 380),
    ('call_recording', 'Store call recordings and expose recording_url', true, 100, 500),
    ('outbound_campaigns', 'Outbound reminder and follow-up calls', true, 40, 210),
    ('knowledge_base_rag', 'Answer questions from the knowledge base with retrieval', true, 75, 160),
    ('calendar_sync', 'Two-way Google / Outlook calendar sync', true, 100, 330),
    ('sms_follow_up', 'Send an SMS summary to the caller after the call', true, 60, 140),
    ('multi_language', 'Detect the caller''s language and switch voice', false, 10, 90),
    ('managed_telephony', 'Provision numbers through Twilio subaccounts', true, 100, 300),
    ('wallet_billing', 'Prepaid wallet billing in pence', true, 100, 250),
    ('ai_forwarding_v2', 'New carrier call-forwarding setup wizard', false, NULL, 30)
) AS f(name, description, enabled, rollout, age);

INSERT INTO org_feature_flags (id, org_id, flag_name, enabled, created_at, updated_at)
SELECT md5('vox-orgflag-' || f.n || '-' || f.flag)::uuid, o.id, f.flag, f.enabled,
       now() - ((20 + f.n * 3) * INTERVAL '1 day'), now() - ((f.n * 2) * INTERVAL '1 day')
FROM (VALUES
    (1, 'outbound_campaigns', true), (1, 'multi_language', true), (2, 'ai_forwarding_v2', true),
    (3, 'call_recording', false), (4, 'hot_lead_alerts', true), (5, 'ai_forwarding_v2', true),
    (7, 'outbound_campaigns', true), (8, 'managed_telephony', false)
) AS f(n, flag, enabled)
JOIN _demo_org o ON o.n = f.n;

INSERT INTO org_tools (id, org_id, tool_name, enabled, config, created_at, updated_at)
SELECT md5('vox-tool-' || o.n || '-' || t.tool)::uuid, o.id, t.tool,
       NOT (t.tool = 'send_sms' AND o.n = 3),
       CASE t.tool
           WHEN 'book_appointment' THEN jsonb_build_object('calendar', CASE WHEN o.n IN (3, 4) THEN 'outlook' ELSE 'google' END,
                                                           'buffer_minutes', 10 + o.n % 3 * 5, 'require_deposit', o.n = 1)
           WHEN 'check_availability' THEN jsonb_build_object('lookahead_days', 14)
           WHEN 'transfer_call' THEN jsonb_build_object('transfer_to', o.org_phone, 'mode', CASE WHEN o.n % 2 = 0 THEN 'cold' ELSE 'warm' END)
           WHEN 'send_sms' THEN jsonb_build_object('sender_id', left(replace(o.short_name, ' ', ''), 11))
           WHEN 'escalate_emergency' THEN jsonb_build_object('notify', jsonb_build_array('sms', 'email'), 'min_urgency', 'high')
           ELSE NULL
       END,
       o.org_created_at + INTERVAL '3 days',
       o.org_created_at + ((10 + o.n) * INTERVAL '1 day')
FROM _demo_org o
CROSS JOIN (VALUES ('book_appointment'), ('check_availability'), ('transfer_call'), ('send_sms'),
                   ('lookup_contact'), ('knowledge_base_search'), ('escalate_emergency')) AS t(tool)
WHERE t.tool IN ('book_appointment', 'check_availability', 'transfer_call', 'send_sms')
   OR (t.tool = 'lookup_contact' AND o.n IN (1, 2, 6, 7))
   OR (t.tool = 'knowledge_base_search' AND o.n <> 8)
   OR (t.tool = 'escalate_emergency' AND o.n <> 4);


-- -----------------------------------------------------------------------------
-- onboarding_submissions: the form each demo org filled in before signing
-- up, plus 22 prospects that have not (yet) become organizations.
-- -----------------------------------------------------------------------------

INSERT INTO onboarding_submissions (id, org_id, email, phone, name, company, message, source, ip_address, created_at)
SELECT md5('vox-onboard-org-' || o.n)::uuid, o.id,
       u.email, coalesce(o.org_phone, '+15125550100'), u.full_name, o.name,
       'We miss a lot of calls when the front desk is busy. Interested in an AI receptionist for ' || o.short_name || '.',
       (ARRAY['website', 'pricing_page', 'demo_request', 'referral'])[1 + o.n % 4],
       '203.0.113.' || (10 + o.n),
       o.org_created_at - ((3 + o.n) * INTERVAL '1 day')
FROM _demo_org o
JOIN _demo_user u ON u.n = o.n AND u.u = 1
UNION ALL
SELECT md5('vox-onboard-prospect-' || p.i)::uuid, NULL,
       lower(replace(p.person, ' ', '.')) || '@' || lower(regexp_replace(p.company, '[^A-Za-z]+', '', 'g')) || '.example',
       CASE WHEN p.i % 3 = 0 THEN '+1415555' || lpad((200 + p.i * 37)::text, 4, '0')
            ELSE '+447700900' || lpad((500 + p.i * 11)::text, 3, '0') END,
       p.person,
       CASE WHEN p.i % 7 = 3 THEN NULL ELSE p.company END,
       CASE WHEN p.i % 5 = 4 THEN NULL ELSE p.message END,
       CASE WHEN p.i % 6 = 5 THEN NULL ELSE (ARRAY['website', 'pricing_page', 'demo_request', 'linkedin', 'referral'])[1 + p.i % 5] END,
       CASE WHEN p.i % 8 = 0 THEN NULL ELSE '198.51.100.' || (20 + p.i) END,
       now() - ((p.i * 4 + p.i % 3) * INTERVAL '1 day') - ((p.i * 47 % 600) * INTERVAL '1 minute')
FROM (VALUES
    (1, 'Laura Bennett', 'Bennett Physiotherapy', 'Can the assistant book into Cliniko?'),
    (2, 'Gareth Price', 'Price & Sons Roofing', 'Need after-hours emergency call handling.'),
    (3, 'Anika Sharma', 'Glow Skin Studio', 'How much is the starter plan per month?'),
    (4, 'Tom Reilly', 'Reilly Heating & Gas', 'Do you support call forwarding from Vodafone business lines?'),
    (5, 'Megan Doyle', 'Doyle Family Law', 'Interested in a demo for a 4-partner firm.'),
    (6, 'Chris Walsh', 'Northside Auto Repairs', 'We get 200 calls a week, mostly quotes.'),
    (7, 'Yuki Sato', 'Sato Orthodontics', 'Do you support Japanese-speaking callers? 日本語対応は可能ですか？'),
    (8, 'Omar Haddad', 'Haddad Lettings', 'Looking to replace our answering service.'),
    (9, 'Rebecca Stone', 'Stone Veterinary Group', 'Three branches; need routing by location.'),
    (10, 'Daniel Kim', 'Bright Path Counseling', 'Is the platform HIPAA compliant?'),
    (11, 'Sophie Turner', 'Turner Dental Care', 'Can it send SMS reminders the day before?'),
    (12, 'Liam O''Brien', 'O''Brien Plumbing', 'Want to try it for emergency call-outs only.'),
    (13, 'Hannah Clarke', 'Clarke Aesthetics', 'Need deposits taken at booking.'),
    (14, 'Marcus Green', 'Greenway Estates', 'Viewings booking for 40 properties.'),
    (15, 'Priya Nair', 'Nair Pharmacy', 'Prescription ready notifications - possible?'),
    (16, 'Jack Murray', 'Murray Electrical', 'Saw your ad on Facebook 👍'),
    (17, 'Ella Fraser', 'Fraser Pet Hospital', 'Out-of-hours triage for a vet practice.'),
    (18, 'Kofi Mensah', 'Mensah Accountants', 'Tax season overflow calls.'),
    (19, 'Isabel Cruz', 'Cruz Pediatrics', 'Spanish-speaking parents call us a lot.'),
    (20, 'Nathan Hughes', 'Hughes Removals', 'Quotes for house moves over the phone.'),
    (21, 'Zara Ahmed', 'Ahmed Opticians', 'Eye test bookings.'),
    (22, 'Ryan Foster', 'Foster Locksmiths', '24/7 lockout calls.')
) AS p(i, person, company, message);


-- -----------------------------------------------------------------------------
-- Knowledge base: three articles per org, split into chunks with a tiny
-- stand-in embedding (8 dimensions instead of pgvector's 1,536), and their
-- change history.
-- -----------------------------------------------------------------------------

INSERT INTO knowledge_base (id, org_id, title, category, content, version, is_active, created_at, updated_at)
SELECT md5('vox-kb-' || o.n || '-' || k.k)::uuid, o.id, k.title, k.category,
       CASE k.k
           WHEN 1 THEN o.name || ' is at ' || o.address || '.' || chr(10)
                       || 'Opening hours: Monday to Friday ' || CASE WHEN o.industry IN ('veterinary', 'aesthetics') THEN '8am to 7pm' ELSE '9am to 5.30pm' END
                       || CASE WHEN o.n % 2 = 0 THEN ', Saturday 9am to 1pm.' ELSE '. Closed at weekends.' END || chr(10)
                       || 'Out of hours, urgent calls are escalated to the on-call team: ' || o.staff[1] || ' or ' || o.staff[2] || '.'
           WHEN 2 THEN 'Services: ' || array_to_string(o.svc_names, ', ') || '.' || chr(10)
                       || 'Prices are confirmed at booking; the AI receptionist may quote the published price list only.' || chr(10)
                       || 'We accept card payments and bank transfer. Deposits are refundable with 24 hours'' notice.'
           ELSE 'Parking: ' || CASE WHEN o.culture = 'uk' THEN 'pay and display on the street; disabled bays at the front.' ELSE 'free lot behind the building.' END || chr(10)
                || 'Cancellations: please give at least 24 hours'' notice so we can offer the slot to someone else.' || chr(10)
                || 'Complaints: ask for ' || o.staff[4] || ', who will call back within one working day.'
       END,
       1 + (o.n + k.k) % 2,
       NOT (o.n = 8 AND k.k = 3),
       o.org_created_at + (k.k * INTERVAL '1 day'),
       CASE WHEN (o.n + k.k) % 2 = 1 THEN now() - ((o.n * 4 + k.k) * INTERVAL '1 day') ELSE o.org_created_at + (k.k * INTERVAL '1 day') END
FROM _demo_org o
CROSS JOIN (VALUES (1, 'Opening hours and location', 'general'), (2, 'Services and prices', 'pricing'),
                   (3, 'Frequently asked questions', 'faq')) AS k(k, title, category);

INSERT INTO knowledge_base_chunks (id, knowledge_base_id, chunk_index, content, token_count, embedding, created_at)
SELECT md5('vox-kbc-' || kb.id || '-' || p.ord)::uuid, kb.id, p.ord::int - 1, p.para,
       ceil(length(p.para) / 4.0)::int,
       ARRAY(SELECT round(((get_byte(decode(md5('emb-' || kb.id || '-' || p.ord), 'hex'), d) - 128) / 128.0)::numeric, 4)::real
             FROM generate_series(0, 7) AS d),
       kb.updated_at
FROM knowledge_base kb
CROSS JOIN LATERAL unnest(string_to_array(kb.content, chr(10))) WITH ORDINALITY AS p(para, ord);

INSERT INTO knowledge_base_changelog (id, knowledge_base_id, version, change_type, changed_by, change_summary, created_at)
SELECT md5('vox-kbl-' || kb.id || '-' || v.v)::uuid, kb.id, v.v,
       CASE WHEN v.v = 1 THEN 'created' ELSE 'updated' END,
       u.id,
       CASE WHEN v.v = 1 THEN 'Initial version imported during onboarding'
            ELSE 'Updated "' || kb.title || '" after a caller question the assistant could not answer' END,
       CASE WHEN v.v = 1 THEN kb.created_at ELSE kb.updated_at END
FROM knowledge_base kb
JOIN _demo_org o ON o.id = kb.org_id
JOIN _demo_user u ON u.n = o.n AND u.u = 2
CROSS JOIN LATERAL generate_series(1, kb.version) AS v(v);


-- -----------------------------------------------------------------------------
-- Integrations and credentials (fake secrets), Twilio subaccounts, carrier
-- forwarding rules for the BYOC organizations.
-- -----------------------------------------------------------------------------

INSERT INTO integrations (id, org_id, provider, status, config, last_synced_at, created_at, updated_at)
SELECT md5('vox-int-' || i.n || '-' || i.provider)::uuid, o.id, i.provider, i.status,
       CASE i.provider
           WHEN 'google_calendar' THEN jsonb_build_object('calendar_id', 'bookings@' || o.domain, 'sync', 'two_way')
           WHEN 'outlook_calendar' THEN jsonb_build_object('mailbox', 'diary@' || o.domain)
           WHEN 'hubspot' THEN jsonb_build_object('portal_id', 40000000 + i.n * 1234, 'create_contacts', true)
           WHEN 'twilio' THEN jsonb_build_object('mode', 'byoc', 'region', 'ie1')
           WHEN 'slack' THEN jsonb_build_object('channel', '#front-desk-alerts')
           ELSE '{}'::jsonb
       END,
       CASE WHEN i.status = 'connected' THEN now() - ((i.n * 7 + length(i.provider)) * INTERVAL '1 minute') END,
       o.org_created_at + INTERVAL '2 days',
       now() - ((i.n + length(i.provider)) % 30 * INTERVAL '1 day')
FROM (VALUES
    (1, 'google_calendar', 'connected'), (1, 'hubspot', 'connected'), (1, 'slack', 'connected'),
    (2, 'google_calendar', 'connected'), (2, 'twilio', 'connected'),
    (3, 'outlook_calendar', 'connected'),
    (4, 'outlook_calendar', 'connected'), (4, 'hubspot', 'error'),
    (5, 'google_calendar', 'connected'), (5, 'twilio', 'connected'),
    (6, 'google_calendar', 'connected'), (6, 'slack', 'disconnected'),
    (7, 'google_calendar', 'connected'),
    (8, 'google_calendar', 'disconnected')
) AS i(n, provider, status)
JOIN _demo_org o ON o.n = i.n;

INSERT INTO org_credentials (id, org_id, provider, encrypted_api_key, is_active, last_verified_at, created_at, updated_at)
SELECT md5('vox-cred-' || i.org_id || '-' || i.provider)::uuid, i.org_id, i.provider, 'demo-secret-not-real',
       i.status <> 'disconnected',
       CASE WHEN i.status = 'connected' THEN now() - INTERVAL '6 hours' END,
       i.created_at, i.updated_at
FROM integrations i
UNION ALL
SELECT md5('vox-cred-' || o.id || '-vapi')::uuid, o.id, 'vapi', 'demo-secret-not-real', true,
       now() - INTERVAL '1 hour', o.org_created_at, o.org_created_at
FROM _demo_org o;

INSERT INTO twilio_subaccounts (id, org_id, subaccount_sid, auth_token_encrypted, friendly_name, status, created_at)
SELECT md5('vox-twilio-' || o.n)::uuid, o.id, 'AC' || md5('twilio-sub-' || o.n), 'demo-secret-not-real',
       'voxanne-' || lower(regexp_replace(o.short_name, '[^A-Za-z0-9]+', '-', 'g')),
       CASE WHEN o.telephony_mode = 'none' THEN 'closed' ELSE 'active' END,
       o.org_created_at + INTERVAL '1 day'
FROM _demo_org o
WHERE o.telephony_mode IN ('managed', 'none');

INSERT INTO carrier_forwarding_rules (id, org_id, country_code, carrier_name, forwarding_type, activation_code,
                                      deactivation_code, destination_number, is_active, created_at)
SELECT md5('vox-fwd-' || o.n || '-' || r.k)::uuid, o.id, 'GB', r.carrier, r.ftype,
       replace(r.act, '{N}', '+44207946099' || o.n), r.deact, '+44207946099' || o.n,
       r.k <> 3 OR o.n = 2,
       o.org_created_at + ((1 + r.k) * INTERVAL '1 day')
FROM _demo_org o
CROSS JOIN (VALUES
    (1, 'BT', 'unconditional', '**21*{N}#', '##21#'),
    (2, 'Vodafone UK', 'no_answer', '**61*{N}**20#', '##61#'),
    (3, 'EE', 'busy', '**67*{N}#', '##67#')
) AS r(k, carrier, ftype, act, deact)
WHERE o.telephony_mode = 'byoc';


-- -----------------------------------------------------------------------------
-- Leads (CRM pipeline), escalation rules
-- -----------------------------------------------------------------------------

INSERT INTO leads (id, org_id, name, phone, email, status, score, source, notes, created_at, updated_at)
SELECT md5('vox-lead-' || o.n || '-' || l.i)::uuid, o.id,
       nm.firsts[1 + (o.n * 11 + l.i * 7) % cardinality(nm.firsts)] || ' ' || nm.lasts[1 + (o.n * 5 + l.i * 13) % cardinality(nm.lasts)],
       CASE WHEN l.i % 9 = 4 THEN NULL
            ELSE o.cust_prefix || lpad((o.cust_base + (l.i * 31 + o.n * 211 + 500) % o.cust_mod)::text, o.cust_width, '0') END,
       CASE WHEN l.i % 3 = 0 THEN NULL
            ELSE lower(nm.firsts[1 + (o.n * 11 + l.i * 7) % cardinality(nm.firsts)]) || '.lead' || l.i || '@mail.example' END,
       (ARRAY['new', 'contacted', 'qualified', 'converted', 'lost', 'new', 'contacted'])[1 + (l.i + o.n) % 7],
       CASE WHEN l.i % 6 = 5 THEN NULL ELSE 10 + (l.i * 37 + o.n * 11) % 91 END,
       (ARRAY['inbound_call', 'website', 'referral', 'google_ads', 'inbound_call', 'facebook'])[1 + (l.i * 5 + o.n) % 6],
       CASE WHEN l.i % 4 = 0 THEN 'Interested in ' || lower(o.svc_names[1 + l.i % cardinality(o.svc_names)]) || '.' END,
       now() - ((l.i * 6 + o.n) * INTERVAL '1 day'),
       now() - ((l.i * 3 + o.n) * INTERVAL '1 day')
FROM _demo_org o
JOIN _demo_names nm ON nm.culture = o.culture
CROSS JOIN generate_series(1, 12) AS l(i);

INSERT INTO escalation_rules (id, org_id, name, trigger, threshold, escalate_to_phone, priority, is_active, created_at)
SELECT md5('vox-esc-' || o.n || '-' || r.k)::uuid, o.id, r.name, r.trig, r.threshold,
       o.cust_prefix || lpad((o.cust_base + (o.n * 131 + r.k * 17) % o.cust_mod)::text, o.cust_width, '0'),
       r.k,
       NOT (r.k = 2 AND o.n % 3 = 0),
       o.org_created_at + ((4 + r.k) * INTERVAL '1 day')
FROM _demo_org o
CROSS JOIN (VALUES
    (1, 'Critical calls to the on-call team', 'sentiment_urgency', 'critical'),
    (2, 'Very unhappy callers to the manager', 'sentiment_score', '0.2'),
    (3, 'Emergency keywords', 'keyword', 'emergency,bleeding,burst,fire,arrested')
) AS r(k, name, trig, threshold)
WHERE r.k < 3 OR o.n IN (1, 5, 8);


-- -----------------------------------------------------------------------------
-- Audit trails: audit_logs, telephony_country_audit_log, security_audit_log
-- -----------------------------------------------------------------------------

INSERT INTO audit_logs (id, org_id, user_id, action, resource_type, resource_id, metadata, created_at)
SELECT md5('vox-audit-' || o.n || '-' || g.i)::uuid, o.id,
       CASE WHEN a.action LIKE 'system.%' THEN NULL ELSE u.id END,
       a.action, a.rtype,
       CASE a.rtype WHEN 'agent' THEN md5('vox-agent-' || o.n || '-1')::uuid::text
                    WHEN 'knowledge_base' THEN md5('vox-kb-' || o.n || '-' || (1 + g.i % 3))::uuid::text
                    WHEN 'organization' THEN o.id::text
                    WHEN 'profile' THEN u.id::text
                    ELSE NULL END,
       CASE a.action
           WHEN 'agent.updated' THEN jsonb_build_object('fields', jsonb_build_array('system_prompt', 'voice'))
           WHEN 'calls.exported' THEN jsonb_build_object('format', 'csv', 'rows', 120 + g.i * 17)
           WHEN 'wallet.topped_up' THEN jsonb_build_object('amount_pence', 5000 * (1 + g.i % 4))
           WHEN 'user.invited' THEN jsonb_build_object('role', 'user')
           ELSE '{}'::jsonb END,
       now() - ((g.i * 5 + o.n) * INTERVAL '1 day') - ((g.i * 97 % 600) * INTERVAL '1 minute')
FROM _demo_org o
CROSS JOIN generate_series(1, 15) AS g(i)
JOIN _demo_user u ON u.n = o.n AND u.u = 1 + g.i % 2
CROSS JOIN LATERAL (
    SELECT (ARRAY['agent.updated', 'knowledge_base.updated', 'settings.updated', 'calls.exported', 'recording.played',
                  'wallet.topped_up', 'user.invited', 'system.number_provisioned', 'integration.connected', 'profile.updated'])[1 + (g.i + o.n) % 10] AS action
) a0
CROSS JOIN LATERAL (
    SELECT a0.action,
           CASE split_part(a0.action, '.', 1)
               WHEN 'agent' THEN 'agent' WHEN 'knowledge_base' THEN 'knowledge_base' WHEN 'settings' THEN 'organization'
               WHEN 'calls' THEN 'call' WHEN 'recording' THEN 'call' WHEN 'wallet' THEN 'organization'
               WHEN 'user' THEN 'profile' WHEN 'profile' THEN 'profile' WHEN 'integration' THEN 'integration'
               ELSE 'phone_number' END AS rtype
) a;

INSERT INTO telephony_country_audit_log (id, org_id, old_country, new_country, changed_by, reason, created_at)
SELECT md5('vox-tcal-' || o.n || '-0')::uuid, o.id, NULL, o.country, u.id, 'Set during onboarding',
       o.org_created_at + INTERVAL '1 hour'
FROM _demo_org o JOIN _demo_user u ON u.n = o.n AND u.u = 1
UNION ALL
SELECT md5('vox-tcal-' || c.n || '-' || c.k)::uuid, o.id, c.old_country, c.new_country, u.id, c.reason,
       now() - (c.days_ago * INTERVAL '1 day')
FROM (VALUES
    (5, 1, 'GB', 'IE', 'Opening a Dublin branch - testing Irish numbers', 70),
    (5, 2, 'IE', 'GB', 'Reverted: Dublin branch postponed', 52),
    (1, 1, 'GB', 'GB', 'Re-verified regulatory bundle', 15)
) AS c(n, k, old_country, new_country, reason, days_ago)
JOIN _demo_org o ON o.n = c.n
JOIN _demo_user u ON u.n = c.n AND u.u = 1;

INSERT INTO security_audit_log (id, org_id, user_id, event_type, ip_address, user_agent, metadata, created_at)
SELECT md5('vox-sec-' || u.id || '-' || e.k)::uuid, u.org_id, u.id,
       CASE WHEN e.k = 4 AND u.role = 'admin' THEN 'mfa_enabled'
            WHEN e.k = 4 THEN 'password_reset'
            WHEN e.k = 3 AND u.u % 3 = 0 THEN 'login_failed'
            ELSE 'login_success' END,
       CASE WHEN e.k % 2 = 0 THEN '203.0.113.' || (20 + u.n * 10 + u.u) ELSE '198.51.100.' || (20 + u.n * 10 + u.u) END,
       (ARRAY['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
              'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
              'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'])[1 + (u.u + e.k) % 3],
       CASE WHEN e.k = 3 AND u.u % 3 = 0 THEN jsonb_build_object('reason', 'invalid_password') ELSE NULL END,
       greatest(u.created_at, now() - ((e.k * 9 + u.n + u.u) * INTERVAL '1 day') - ((u.u * 53) * INTERVAL '1 minute'))
FROM _demo_user u
CROSS JOIN generate_series(1, 4) AS e(k)
UNION ALL
SELECT md5('vox-sec-unknown-' || g.i)::uuid, NULL, NULL, 'login_failed',
       '192.0.2.' || (g.i * 23 % 250 + 1),
       'python-requests/2.31.0',
       jsonb_build_object('email', 'admin' || g.i || '@unknown.example', 'reason', 'user_not_found'),
       now() - ((g.i * 3) * INTERVAL '1 day') - ((g.i * 71 % 600) * INTERVAL '1 minute')
FROM generate_series(1, 8) AS g(i);


-- -----------------------------------------------------------------------------
-- integration_settings: global platform configuration (fake secrets).
-- -----------------------------------------------------------------------------

INSERT INTO integration_settings (id, provider, settings, is_enabled, created_at, updated_at)
VALUES
    (md5('vox-intset-vapi')::uuid, 'vapi',
     '{"base_url": "https://api.vapi.example", "webhook_url": "https://api.voxanne.example/webhooks/vapi", "private_key": "demo-secret-not-real"}',
     true, now() - INTERVAL '500 days', now() - INTERVAL '12 days'),
    (md5('vox-intset-twilio')::uuid, 'twilio',
     '{"master_account_sid": "AC00000000000000000000000000demo", "auth_token": "demo-secret-not-real", "default_region": "ie1"}',
     true, now() - INTERVAL '480 days', now() - INTERVAL '40 days'),
    (md5('vox-intset-google')::uuid, 'google_calendar',
     '{"client_id": "demo-client-id.apps.googleusercontent.example", "client_secret": "demo-secret-not-real"}',
     true, now() - INTERVAL '400 days', now() - INTERVAL '90 days'),
    (md5('vox-intset-hubspot')::uuid, 'hubspot',
     '{"app_id": 1234567, "client_secret": "demo-secret-not-real"}',
     false, now() - INTERVAL '200 days', now() - INTERVAL '200 days');


-- -----------------------------------------------------------------------------
-- Clean up scratch tables.
-- -----------------------------------------------------------------------------

DROP TABLE _demo_call, _demo_tpl, _demo_contact, _demo_user, _demo_generic, _demo_bank, _demo_agent, _demo_intl, _demo_names, _demo_org;
