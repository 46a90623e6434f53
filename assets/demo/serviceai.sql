-- =============================================================================
-- ServiceAI demo data generator.
--
-- Run once, right after assets/schemas/serviceai.sql, on an empty database.
-- Set-based and deterministic: every value is derived from generate_series
-- indexes, modular arithmetic and md5() of fixed strings (no random(); all ids
-- are md5-derived uuids). Only timestamps move: they are relative to now(),
-- so the data always covers "the last 90 days".
-- No psql meta-commands and no BEGIN/COMMIT: the file can be sent as one
-- multi-statement simple query (e.g. to PGlite). Scratch data lives in
-- temporary tables named _demo_*, dropped at the end.
-- Performance note: derived columns are layered in MATERIALIZED CTEs or
-- subqueries fenced with OFFSET 0. Without the fences the planner inlines
-- every layer and re-evaluates md5() once per reference, which multiplies
-- the cost by hundreds.
--
-- Row counts (identical on every run; only timestamps move with now()):
--   organizations 8, auth.users 29, user_profiles 29, organization_members 31,
--   organization_invitations 8, vapi_assistants 19, phone_number_assignments 21,
--   customers 1,998, appointments 3,600, call_logs 12,000
--   (3,000 / 1,800 / 450 / 1,500 / 1,300 / 800 / 2,000 / 1,150 per org),
--   sms_communications 6,410, call_transfers 972, emergency_contacts 25,
--   emergency_notifications 559, billing_subscriptions 8, billing_invoices 24.
-- Load time: about 1 s on PostgreSQL 15 and on PGlite (PostgreSQL 17.5).
--
-- Secrets (twilio_auth_token, google/outlook refresh tokens, calendly_api_key,
-- byo_sip_credentials, auth.users.encrypted_password) hold the obviously fake
-- value 'demo-secret-not-real'. Every e-mail domain is under .example.
-- =============================================================================


-- Transaction-local (a no-op when each statement runs in its own
-- transaction): scratch tables have no statistics, and on servers with JIT
-- enabled the resulting estimates would make several statements pay for a
-- JIT compile that costs more than the statement itself.
DO $$ BEGIN PERFORM set_config('jit', 'off', true); END $$;


-- -----------------------------------------------------------------------------
-- Scratch: organizations and their per-industry vocabulary
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_org AS
SELECT v.*,
       (sum(v.calls) OVER (ORDER BY v.n) - v.calls)::int AS call_offset,
       greatest(60, least(600, v.calls / 6)) AS ncust,
       md5('org-' || v.n)::uuid AS id,
       now() - ((200 + v.n * 45) * INTERVAL '1 day') AS org_created_at
FROM (VALUES
    (1, 'Rapid Rooter Plumbing & Drain', 'Rapid Rooter', 'plumbing', 'America/New_York', 3000, true, 'us',
     '+1718555', 4, 'Brooklyn, NY 11215', 'rapidrooter.example', '911', true,
     ARRAY['Prospect Park West', '7th Avenue', 'Union Street', 'Atlantic Avenue', 'Bergen Street', 'Court Street', 'Smith Street', '5th Avenue'],
     ARRAY['Mike Russo', 'Danny Ortiz', 'Sal Romano', 'Teresa Russo'], 'On-call plumber',
     ARRAY['drain_cleaning', 'water_heater_install', 'leak_repair', 'toilet_repair', 'repipe_estimate', 'sewer_camera_inspection'],
     ARRAY['Kitchen drain slow, gurgling when the dishwasher runs', 'Replace 50 gal gas water heater', 'Leak under bathroom vanity', 'Running toilet: replace fill valve and flapper', 'Estimate for whole-house repipe (galvanized)', 'Camera inspection of the main sewer line'],
     150, 'usd', 'Pro', 79900, 'twilio', 'google', 'warm', 45),
    (2, 'Bright Smile Family Dental', 'Bright Smile Dental', 'dental', 'America/Chicago', 1800, true, 'us',
     '+1312555', 4, 'Chicago, IL 60614', 'brightsmile.example', '911', false,
     ARRAY['N Clark Street', 'W Armitage Avenue', 'N Halsted Street', 'W Fullerton Avenue', 'N Lincoln Avenue', 'W Belmont Avenue'],
     ARRAY['Dr. Anita Patel', 'Dr. Marcus Lee', 'Jenny Kowalski', 'Dr. Sam Okafor'], 'On-call dentist',
     ARRAY['cleaning', 'exam', 'filling', 'crown', 'root_canal', 'whitening_consult'],
     ARRAY['Adult prophylaxis and exam', 'Comprehensive exam with X-rays', 'Composite filling, lower left molar', 'Crown prep and temporary', 'Root canal therapy, tooth #19', 'Cosmetic whitening consultation'],
     180, 'usd', 'Growth', 29900, 'vapi', 'google', 'warm', 30),
    (3, 'Harper & Vance Law Office', 'Harper and Vance', 'legal', NULL, 450, true, 'us',
     '+1206555', 4, 'Seattle, WA 98101', 'harpervance.example', '911', false,
     ARRAY['2nd Avenue', 'Pike Street', 'Pine Street', 'Madison Street', '1st Avenue'],
     ARRAY['Eleanor Vance', 'Tom Harper', 'Priya Shah', 'Luis Romero'], 'On-call attorney',
     ARRAY['consultation', 'document_review', 'will_drafting', 'case_meeting', 'court_prep'],
     ARRAY['Free initial consultation (personal injury)', 'Review of lease agreement', 'Simple will and power of attorney', 'Case status meeting', 'Hearing preparation session'],
     300, 'usd', 'Starter', 9900, 'vapi', 'outlook', 'cold', 60),
    (4, 'Volt Masters Electrical Ltd', 'Volt Masters', 'electrical', 'Europe/London', 1500, false, 'uk',
     '+447700900', 3, 'Manchester M14 5RT', 'voltmasters.example', '999', true,
     ARRAY['Wilmslow Road', 'Oxford Road', 'Princess Street', 'Deansgate', 'Palatine Road', 'Burton Road'],
     ARRAY['Gareth Hughes', 'Callum Byrne', 'Aisha Khan', 'Rhys Evans'], 'On-call electrician',
     ARRAY['socket_installation', 'eicr_inspection', 'ev_charger_install', 'fault_finding', 'consumer_unit_upgrade'],
     ARRAY['Fit three double sockets along the kitchen worktop', 'EICR for rental property', '7kW home EV charger installation', 'Intermittent RCD tripping, fault finding', 'Replace consumer unit with 18th edition board'],
     120, 'gbp', 'Growth', 24900, 'twilio', 'outlook', 'warm', 30),
    (5, 'Paws & Whiskers Veterinary Hospital', 'Paws and Whiskers', 'veterinary', 'Australia/Sydney', 1300, false, 'au',
     '+61491570', 3, 'Parramatta NSW 2150', 'pawswhiskers.example', '000', false,
     ARRAY['Church Street', 'George Street', 'Victoria Road', 'Pennant Hills Road', 'Macquarie Street'],
     ARRAY['Dr. Linh Nguyen', 'Dr. Josh Taylor', 'Kylie Brennan', 'Dr. Mia Rossi'], 'On-call vet',
     ARRAY['vaccination', 'wellness_exam', 'dental_cleaning', 'desexing', 'ear_infection', 'emergency_visit'],
     ARRAY['Annual C5 vaccination', 'Senior wellness exam and bloods', 'Dental scale and polish under GA', 'Desexing (castration), fasted from 10pm', 'Ear scratching and head shaking', 'Emergency assessment'],
     110, 'aud', 'Growth', 39900, 'byo', 'calendly', 'warm', 30),
    (6, 'Monsoon Shield Roofing', 'Monsoon Shield', 'roofing', 'Asia/Kolkata', 800, false, 'in',
     '+9198450', 5, 'Bengaluru 560034', 'monsoonshield.example', '112', true,
     ARRAY['80 Feet Road, Koramangala', 'Residency Road', 'Brigade Road', 'CMH Road, Indiranagar', 'Sarjapur Road', 'HSR Layout Sector 2'],
     ARRAY['Ramesh Iyer', 'Suresh Kumar', 'Anjali Rao', 'Vikram Singh'], 'On-call site supervisor',
     ARRAY['roof_inspection', 'terrace_waterproofing', 'sheet_replacement', 'gutter_cleaning', 'leak_repair'],
     ARRAY['Pre-monsoon terrace inspection', 'PU waterproofing, 1,200 sq ft RCC terrace', 'Replace storm-damaged roofing sheets', 'Clear and flush gutters and downpipes', 'Seal cracks around water tank base'],
     5000, 'inr', 'Starter', 249900, 'vapi', NULL, 'cold', 45),
    (7, 'Clínica Familiar San Miguel', 'Clínica San Miguel', 'medical', 'America/Los_Angeles', 2000, true, 'es',
     '+1213555', 4, 'Los Angeles, CA 90033', 'clinicasanmiguel.example', '911', false,
     ARRAY['César E. Chávez Avenue', 'E 1st Street', 'Soto Street', 'Whittier Boulevard', 'N Broadway', 'Wabash Avenue'],
     ARRAY['Dra. Lucía Ramírez', 'Dr. Andrés Morales', 'Rosa Delgado', 'Dr. Emily Chen'], 'Médico de guardia',
     ARRAY['general_checkup', 'pediatric_visit', 'vaccination', 'lab_work', 'follow_up', 'prenatal_visit'],
     ARRAY['Chequeo general / annual physical', 'Consulta pediátrica: tos y fiebre', 'Vacunas escolares', 'Análisis de sangre en ayunas', 'Seguimiento de presión arterial', 'Control prenatal'],
     75, 'usd', 'Pro', 79900, 'vapi', 'none', 'warm', 30),
    (8, 'Northwind Heating & Air', 'Northwind', 'hvac', 'America/Denver', 1150, true, 'us',
     '+1303555', 4, 'Denver, CO 80211', 'northwindhvac.example', '911', true,
     ARRAY['W 32nd Avenue', 'Tejon Street', 'Federal Boulevard', 'Lowell Boulevard', 'W 44th Avenue'],
     ARRAY['Kyle Jensen', 'Marisol Vega', 'Brent Olson', 'Dana Whitaker'], 'On-call HVAC technician',
     ARRAY['ac_repair', 'furnace_tuneup', 'ac_maintenance', 'furnace_install', 'duct_cleaning', 'no_heat_service'],
     ARRAY['AC blowing warm air, loud condenser fan', 'Pre-winter furnace tune-up', 'Spring AC maintenance', 'Install 96% AFUE furnace', 'Whole-house duct cleaning', 'No heat, furnace not igniting'],
     140, 'usd', 'Growth', 29900, 'twilio', 'google', 'warm', 30)
) AS v(n, name, short_name, industry, tz, calls, has_es, culture,
       phone_prefix, phone_width, city, domain, emergency_number, field_service,
       streets, contacts, oncall_role, appt_types, appt_desc,
       base_price, currency, plan, plan_cents, phone_provider, calendar_provider, transfer_mode, max_wait);

CREATE TEMP TABLE _demo_names (culture text, firsts text[], lasts text[]);
INSERT INTO _demo_names VALUES
    ('us',
     ARRAY['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Kevin', 'Ashley', 'Brian', 'Emily', 'Tyler', 'Megan', 'Jordan', 'Aaliyah', 'DeShawn', 'Keisha', 'Connor', 'Hannah'],
     ARRAY['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'O''Connor']),
    ('uk',
     ARRAY['Oliver', 'Amelia', 'Harry', 'Olivia', 'George', 'Isla', 'Jack', 'Ava', 'Noah', 'Emily', 'Charlie', 'Sophie', 'Jacob', 'Grace', 'Alfie', 'Mia', 'Freddie', 'Poppy', 'Thomas', 'Ella', 'Callum', 'Niamh', 'Rhys', 'Zara'],
     ARRAY['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Hughes', 'Byrne']),
    ('au',
     ARRAY['Jack', 'Charlotte', 'Oliver', 'Mia', 'William', 'Olivia', 'Lachlan', 'Isla', 'Cooper', 'Chloe', 'Riley', 'Matilda', 'Thomas', 'Zoe', 'Liam', 'Ruby', 'Ethan', 'Sienna', 'Harrison', 'Grace'],
     ARRAY['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Johnson', 'Martin', 'White', 'Anderson', 'Walker', 'Thompson', 'Ryan', 'Kelly', 'Tran', 'Murphy', 'Campbell', 'O''Brien', 'Lee']),
    ('in',
     ARRAY['Aarav', 'Ananya', 'Vihaan', 'Diya', 'Arjun', 'Priya', 'Rohan', 'Kavya', 'Aditya', 'Sneha', 'Karthik', 'Lakshmi', 'Rahul', 'Pooja', 'Siddharth', 'Meera', 'Naveen', 'Divya', 'Harish', 'Shreya'],
     ARRAY['Sharma', 'Reddy', 'Iyer', 'Nair', 'Rao', 'Gowda', 'Menon', 'Kumar', 'Patel', 'Shetty', 'Naidu', 'Pillai', 'Hegde', 'Das', 'Bhat', 'Krishnan']),
    ('es',
     ARRAY['José', 'María', 'Juan', 'Guadalupe', 'Luis', 'Rosa', 'Carlos', 'Ana', 'Jorge', 'Carmen', 'Miguel', 'Lucía', 'Francisco', 'Sofía', 'Alejandro', 'Isabel', 'Jesús', 'Gabriela', 'Ricardo', 'Verónica', 'Héctor', 'Adriana', 'Fernando', 'Marisol', 'Ramón', 'Leticia'],
     ARRAY['García', 'Hernández', 'López', 'Martínez', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos', 'Vázquez', 'Castillo', 'Jiménez']);

-- Assistants: (org n, k, name, language, active, voice provider, voice id).
CREATE TEMP TABLE _demo_asst AS
SELECT a.*, md5('asst-' || a.n || '-' || a.k)::uuid AS id
FROM (VALUES
    (1, 1, 'Ava', 'en', true, '11labs', 'rachel'),
    (1, 2, 'Max', 'en', true, '11labs', 'adam'),
    (1, 3, 'Lucía', 'es', true, 'azure', 'es-MX-DaliaNeural'),
    (2, 1, 'Grace', 'en', true, '11labs', 'bella'),
    (2, 2, 'Sofía', 'es', true, 'azure', 'es-US-PalomaNeural'),
    (3, 1, 'Morgan', 'en', true, 'openai', 'alloy'),
    (3, 2, 'Elena', 'es', true, 'azure', 'es-MX-DaliaNeural'),
    (4, 1, 'Oliver', 'en', true, '11labs', 'george'),
    (4, 2, 'Isla', 'en', true, 'azure', 'en-GB-SoniaNeural'),
    (5, 1, 'Ruby', 'en', true, '11labs', 'charlotte'),
    (5, 2, 'Jack', 'en', true, 'azure', 'en-AU-WilliamNeural'),
    (6, 1, 'Priya', 'en', true, 'azure', 'en-IN-NeerjaNeural'),
    (6, 2, 'Arjun', 'en', false, 'azure', 'en-IN-PrabhatNeural'),
    (7, 1, 'Carmen', 'es', true, 'azure', 'es-MX-DaliaNeural'),
    (7, 2, 'Diego', 'es', true, '11labs', 'diego'),
    (7, 3, 'Emily', 'en', true, '11labs', 'rachel'),
    (8, 1, 'Cody', 'en', true, '11labs', 'josh'),
    (8, 2, 'Valeria', 'es', true, 'azure', 'es-US-PalomaNeural'),
    (8, 3, 'Sam', 'en', true, 'playht', 'jennifer')
) AS a(n, k, name, lang, is_active, voice_provider, voice_id);

-- Transcript phrase bank: per (industry bank, language, scenario) the
-- customer's opening lines, ordered (AI question, customer answer) pairs,
-- the AI's closing line, the customer's goodbye and summary templates.
-- Bank '*' is the industry-neutral Spanish bank used by non-medical orgs.
-- Placeholders: {ORG} {AGENT} {TECH} {DAY} {TIME} {DIA} {HORA} are filled per
-- transcript template, {CUST} {FIRST} {ADDR} per call.
CREATE TEMP TABLE _demo_bank (bank text, lang text, scen text, opens text[], ai text[], cu text[], close_ai text, bye text, sums text[]);
INSERT INTO _demo_bank VALUES
    ('plumbing', 'en', 'booking',
     ARRAY['Hi, yeah, my kitchen sink has been draining really slowly for about a week and I''d like someone to take a look.', 'Hello, this is {CUST}. The kitchen drain keeps backing up and I need to book a plumber.', 'Hi there, our kitchen sink is clogged again. Can I get a plumber out this week?'],
     ARRAY['Sorry to hear that. Is the water backing up into the other sink, or is it just slow?', 'Got it. That usually points to a partial clog in the drain line. I have openings {DAY} at {TIME} or Friday morning. Which works better?', 'Great. Is there anything our technician should know about access, like parking or a gate code?', 'Just so you know, the diagnostic visit is $89 and that''s applied to the repair if you go ahead with it.'],
     ARRAY['Just slow. There''s a gurgling sound when the dishwasher runs.', '{DAY} at {TIME} is perfect.', 'There''s street parking out front, and the side gate is unlocked.', 'That''s fine.'],
     'You''re all set for {DAY} at {TIME}. You''ll get a text confirmation shortly, and the technician will call when they''re on the way.', 'Great, thank you.',
     ARRAY['{CUST} booked a drain inspection for {DAY} at {TIME}. Slow kitchen drain with gurgling; $89 diagnostic fee quoted.', 'Customer scheduled drain service at {ADDR} for {DAY} at {TIME}. Confirmation sent by SMS.']),
    ('plumbing', 'en', 'emergency',
     ARRAY['I need someone right now, a pipe burst under my kitchen sink and there''s water everywhere!', 'Hi, water is pouring through my ceiling from the upstairs bathroom, I don''t know what to do.', 'Our basement is flooding, I think a pipe burst. Please send someone.'],
     ARRAY['Okay, I''m going to help you right away. Do you know where your main water shut-off valve is?', 'Please turn that valve clockwise until it stops. That will stop the water while we get someone to you.', 'Good job. Is any water near electrical outlets or appliances?', 'Please stay away from that area and don''t touch anything plugged in. I''m marking this as an emergency and alerting our on-call plumber, {TECH}, now.', 'Our on-call plumber typically arrives within 45 to 60 minutes. Can you confirm the address is {ADDR}?'],
     ARRAY['I think it''s in the basement near the water heater.', 'Okay... okay, I turned it. The water is slowing down.', 'There''s some water near the washing machine plug.', 'Thank you, how long will it take?', 'Yes, that''s right.'],
     'I''ve dispatched {TECH} and you''ll get a text with their ETA in a moment. If the water reaches any outlets, leave the house and call 911.', 'Thank you so much, I''ll be waiting.',
     ARRAY['EMERGENCY: burst pipe with active flooding at {ADDR}. Caller shut off the main valve. On-call plumber {TECH} dispatched.', 'Water leaking through the ceiling; flagged as emergency and escalated to {TECH}. Caller advised to avoid outlets.']),
    ('plumbing', 'en', 'reschedule',
     ARRAY['Hi, I have an appointment for a drain cleaning tomorrow but something came up at work. Can I move it?', 'Hello, this is {CUST}, I need to reschedule the water heater install.'],
     ARRAY['No problem, let me pull up your appointment. Can I get the phone number on the account?', 'Thanks, {FIRST}. I see you''re booked for tomorrow morning. What day works better for you?', 'I have {DAY} at {TIME}. Would that work?', 'Done. I''ve moved your appointment and released the original slot.'],
     ARRAY['It''s the number I''m calling from.', 'Anything later in the week, ideally in the afternoon.', 'Yes, let''s do that.', 'Perfect, thanks.'],
     'You''re all set for {DAY} at {TIME}. You''ll receive a text confirmation, and a reminder the day before.', 'Great, thanks for your help.',
     ARRAY['{CUST} rescheduled their plumbing appointment to {DAY} at {TIME}.', 'Customer moved an existing appointment to {DAY} at {TIME}; confirmation text sent.']),
    ('plumbing', 'en', 'pricing',
     ARRAY['Hi, I''m just calling to get a rough idea of what you charge to install a new water heater.', 'How much would it cost to replace my water heater? It''s about twelve years old.'],
     ARRAY['Happy to help. Is it a tank water heater or are you thinking about a tankless unit?', 'A standard 50-gallon gas tank replacement usually runs between $1,400 and $2,100 installed, depending on venting and permits.', 'We also offer financing, and there''s no trip charge if you book the install.', 'Would you like me to schedule a free in-home estimate?'],
     ARRAY['Probably another tank, a 50 gallon gas one.', 'Okay, that''s in the range I expected.', 'Good to know.', 'Let me talk to my wife first and call you back.'],
     'Of course. I''ll text you our pricing sheet and a link to book online whenever you''re ready.', 'Thanks, bye.',
     ARRAY['Caller asked about water heater replacement pricing; quoted $1,400-$2,100 installed. No booking yet.', 'Pricing inquiry (water heater). Pricing sheet sent by SMS; customer will call back.']),
    ('dental', 'en', 'booking',
     ARRAY['Hi, I''d like to schedule a cleaning and checkup. It''s been about a year.', 'Hello, my daughter needs a dental exam before school starts. Do you see kids?'],
     ARRAY['Absolutely, we''d be happy to see you. Are you a current patient with us?', 'Welcome! Do you have dental insurance you''d like us to bill?', 'Great, we''re in network with Delta Dental. I have {DAY} at {TIME} with Dr. Patel. Does that work?', 'Please arrive 15 minutes early for new patient forms, or I can text you a link to fill them out online.'],
     ARRAY['No, this would be our first visit.', 'Yes, Delta Dental through work.', '{DAY} at {TIME} works.', 'The link would be great.'],
     'You''re booked for {DAY} at {TIME}. I''ve texted the new patient forms and directions to the office.', 'Thanks, see you then.',
     ARRAY['New patient {CUST} booked cleaning and exam for {DAY} at {TIME}. Insurance: Delta Dental (in network).', 'Checkup scheduled for {DAY} at {TIME}; new patient forms sent by SMS.']),
    ('dental', 'en', 'emergency',
     ARRAY['Hi, my son fell off his bike and knocked out his front tooth. What do we do?', 'Our daughter just knocked out a front tooth playing soccer, please help.'],
     ARRAY['I''m sorry, let''s get you help right away. Is there heavy bleeding, or any trouble breathing or swallowing?', 'Okay. Find the tooth and hold it by the crown, not the root. Keep it moist in a cup of milk.', 'Perfect. A knocked-out tooth has the best chance if it''s re-implanted within an hour, so I''m marking this as an emergency.', 'I''m alerting {TECH}, who is on call tonight.'],
     ARRAY['No, it''s bleeding a little but he''s breathing fine.', 'We found it, it''s in a glass of milk now.', 'Okay, thank you.', 'Thank you so much.'],
     '{TECH} will call you back within 15 minutes with instructions and an emergency appointment time. If he hit his head or seems confused, go to the ER.', 'Okay, we''ll keep the phone close.',
     ARRAY['URGENT: avulsed front tooth (child). Tooth stored in milk. {TECH} paged for emergency re-implantation.', 'Dental trauma after a fall; escalated to on-call dentist {TECH}. Parent advised on tooth storage.']),
    ('dental', 'en', 'reschedule',
     ARRAY['Hi, I need to move my crown appointment on Thursday.', 'Hello, this is {CUST}, I can''t make my cleaning tomorrow.'],
     ARRAY['No problem. Let me find your appointment. Can you confirm your date of birth?', 'Thank you, {FIRST}. I see it. When would you like to come in instead?', 'I have {DAY} at {TIME}.', 'Just a reminder that we ask for 24 hours notice for changes, but you''re fine this time.'],
     ARRAY['March 4th, 1986.', 'Do you have anything early in the morning next week?', 'That works.', 'Thanks, I appreciate it.'],
     'All set. You''re now booked for {DAY} at {TIME}, and you''ll get a reminder text the day before.', 'Thank you!',
     ARRAY['Patient rescheduled to {DAY} at {TIME}; within the 24h policy.', '{CUST} moved their dental appointment to {DAY} at {TIME}.']),
    ('dental', 'en', 'pricing',
     ARRAY['How much is teeth whitening?', 'Hi, I don''t have insurance. What would whitening cost me?'],
     ARRAY['In-office whitening is $399, and take-home trays are $249.', 'Whitening is cosmetic, so insurance usually doesn''t cover it, but our membership plan gives you 15% off.', 'The membership is $29 a month and includes two cleanings and exams a year.', 'Would you like me to book a consultation?'],
     ARRAY['Oh, okay. Is that covered by insurance at all?', 'Interesting, how much is the membership?', 'That actually sounds good.', 'Not yet, I''ll check my schedule first.'],
     'No problem. I''ll text you our fee schedule and a booking link.', 'Perfect, thanks.',
     ARRAY['Whitening price inquiry: quoted $399 in-office / $249 trays; membership plan mentioned.', 'Self-pay caller asked about cosmetic pricing. Fee schedule sent by SMS.']),
    ('legal', 'en', 'booking',
     ARRAY['Hi, I was in a car accident last week and I''d like to talk to a lawyer about it.', 'Hello, I was rear-ended on the highway and the insurance company keeps calling me. Can I speak to an attorney?'],
     ARRAY['I''m sorry to hear about the accident. I can set up a free consultation with one of our attorneys. Were you injured?', 'Has the other driver''s insurance company contacted you?', 'I can''t give legal advice, but the attorney can go over your options before you give any statement.', 'I have a consultation {DAY} at {TIME}, either in the office or by video. Which do you prefer?'],
     ARRAY['Yes, I hurt my neck and I''ve been seeing a chiropractor.', 'They called yesterday and asked for a recorded statement.', 'Okay, good to know.', 'Video would be easier.'],
     'You''re booked for a video consultation {DAY} at {TIME}. You''ll get a text with the link and a short intake form.', 'Thank you.',
     ARRAY['Potential PI client {CUST}: rear-end collision, neck injury. Free video consult booked {DAY} at {TIME}.', 'Auto accident intake; insurer requested recorded statement. Consultation scheduled {DAY} at {TIME}.']),
    ('legal', 'en', 'emergency',
     ARRAY['My husband was just arrested and I don''t know what to do, I need a lawyer right now.', 'My son was arrested tonight and they won''t tell me anything. Please, I need help.'],
     ARRAY['I understand this is urgent. Do you know which facility he''s being held at?', 'Please don''t discuss the details of the case over the phone with anyone else. I''m flagging this as urgent for our on-call attorney.', 'Can I confirm the best number to reach you in the next 30 minutes?', 'I''m notifying {TECH} now.'],
     ARRAY['They took him to the county jail downtown.', 'Okay.', 'This number, I''ll keep my phone on.', 'Thank you, please hurry.'],
     '{TECH} will call you back as soon as possible, typically within 30 minutes. I''ve also texted you our office address.', 'Thank you.',
     ARRAY['URGENT criminal intake: family member arrested, held at county jail. On-call attorney {TECH} notified.', 'After-hours arrest call; escalated to {TECH}. Caller told not to discuss the case.']),
    ('legal', 'en', 'reschedule',
     ARRAY['Hi, I need to reschedule my consultation with Ms. Vance.', 'Hello, this is {CUST}. Can I move my meeting about the lease dispute?'],
     ARRAY['Of course. Can I have your name and your case number if you have it?', 'That''s fine, I found your file. When would you like to reschedule?', 'I have {DAY} at {TIME}.', 'Please bring any documents you have, like the lease and any emails with the landlord.'],
     ARRAY['It''s {CUST}, I don''t have the case number with me.', 'Sometime next week, ideally in the afternoon.', 'Great.', 'Will do.'],
     'Your consultation is now {DAY} at {TIME}. You''ll get a confirmation text.', 'Thanks.',
     ARRAY['Client rescheduled consultation to {DAY} at {TIME}; reminded to bring lease documents.', '{CUST} moved their meeting to {DAY} at {TIME}.']),
    ('legal', 'en', 'pricing',
     ARRAY['How much do you charge for an uncontested divorce?', 'Hi, what are your fees for a simple divorce where we agree on everything?'],
     ARRAY['Our uncontested divorce package is a flat fee of $1,500, plus court filing fees.', 'It depends on the county, but often three to four months.', 'For personal injury matters we work on contingency, but family law is flat fee or hourly.', 'Would you like to schedule a free 30-minute consultation?'],
     ARRAY['And how long does that usually take?', 'Okay.', 'That makes sense.', 'Maybe, let me think about it.'],
     'Sure. I''ll text you our consultation link and fee overview.', 'Thank you, goodbye.',
     ARRAY['Fee inquiry: uncontested divorce, quoted $1,500 flat plus filing fees. No consult booked.', 'Prospective client asked about family law fees; fee overview sent by SMS.']),
    ('electrical', 'en', 'booking',
     ARRAY['Hiya, I need an electrician to fit some new sockets in the kitchen.', 'Hello, I''m having the kitchen redone and need a few extra sockets put in.'],
     ARRAY['No problem at all. How many sockets are you looking to add?', 'Lovely. Is the consumer unit fairly modern, with RCD protection?', 'I''ve got {DAY} at {TIME} with one of our NICEIC-registered electricians. Does that suit?', 'Brilliant. The job will likely take half a day; we''ll confirm a firm quote on arrival.'],
     ARRAY['Three double sockets along the worktop.', 'I think so, it was replaced about five years ago.', 'Yes, that''s fine.', 'Sounds good.'],
     'You''re booked in for {DAY} at {TIME}. You''ll get a text confirmation shortly.', 'Cheers, thanks very much.',
     ARRAY['{CUST} booked kitchen socket installation (3 doubles) for {DAY} at {TIME}.', 'Socket installation booked {DAY} at {TIME}; consumer unit has RCD protection.']),
    ('electrical', 'en', 'emergency',
     ARRAY['There''s a burning smell coming from the fuse box and one socket is sparking!', 'Half the house has lost power, the breaker keeps tripping, and I can smell burning.'],
     ARRAY['Please don''t touch the socket. If it''s safe to do so, switch off the main switch on the consumer unit.', 'Is there any visible smoke or flame?', 'If you see smoke or flames, leave the property and dial 999 straight away. I''m flagging this as an emergency for our on-call electrician, {TECH}.', 'Our on-call electrician usually arrives within the hour.'],
     ARRAY['Okay, I''ve switched it off.', 'No flames, just the smell and a black mark around the socket.', 'Thank you, how quickly can someone come?', 'Okay, we''ll wait.'],
     'I''ve alerted {TECH} and you''ll get a text with the arrival time. Keep the main switch off until they arrive.', 'Will do, thanks.',
     ARRAY['EMERGENCY: sparking socket and burning smell; mains isolated by caller. {TECH} dispatched.', 'Possible electrical fire risk; caller advised to dial 999 if smoke appears. Escalated to {TECH}.']),
    ('electrical', 'en', 'reschedule',
     ARRAY['Hi, I need to move the EICR inspection, the tenant isn''t available on Monday.', 'Morning, this is {CUST}, can I change my appointment for the EV charger install?'],
     ARRAY['Of course. Can I take the postcode for the property?', 'Thanks, {FIRST}, I''ve found it. When would suit better?', 'I can do {DAY} at {TIME}.'],
     ARRAY['It''s M14 5RT.', 'Later in the week if possible.', 'Perfect.'],
     'All done, you''re now booked for {DAY} at {TIME}.', 'Lovely, ta.',
     ARRAY['Appointment moved to {DAY} at {TIME} at the customer''s request.', '{CUST} rescheduled to {DAY} at {TIME}.']),
    ('electrical', 'en', 'pricing',
     ARRAY['How much for an EV charger installation?', 'What would you charge to put a car charger on the front of the house?'],
     ARRAY['A standard 7kW home charger installation starts from £899 including the unit.', 'The government grant is mostly for flats and rentals now, but we can check your eligibility.', 'Our call-out charge is £75 for the first hour, then £45 per hour after that.'],
     ARRAY['Does that include the grant?', 'Ah, I own a house.', 'Okay, that''s reasonable.'],
     'I''ll text you a link to our price list and you can book online any time.', 'Cheers.',
     ARRAY['EV charger pricing inquiry: quoted from £899 installed. Grant eligibility discussed.', 'Caller asked about call-out charges (£75 first hour). Price list sent.']),
    ('veterinary', 'en', 'booking',
     ARRAY['Hi, I''d like to book my dog in for his annual vaccinations.', 'G''day, Biscuit is due for his vaccinations, can I book him in?'],
     ARRAY['Of course. What''s your pet''s name and how old is he?', 'Thanks. Has Biscuit been with us before?', 'I''ve got {DAY} at {TIME} with Dr. Nguyen. Would that suit?', 'Please bring his vaccination card if you have it, and keep him on a lead in the waiting room.'],
     ARRAY['His name is Biscuit, he''s a four-year-old border collie.', 'Yes, we saw Dr. Nguyen last year.', 'That''s great.', 'No worries.'],
     'Biscuit is booked for {DAY} at {TIME}. We''ll send you an SMS reminder the day before.', 'Thanks heaps.',
     ARRAY['Annual C5 vaccination booked for Biscuit (border collie, 4y) {DAY} at {TIME} with Dr. Nguyen.', '{CUST} booked a vaccination visit for {DAY} at {TIME}.']),
    ('veterinary', 'en', 'emergency',
     ARRAY['My dog just ate a whole block of dark chocolate, what should I do?', 'Help, our puppy got into the pantry and ate a bag of chocolate!'],
     ARRAY['Okay, this is urgent. Roughly how much does your dog weigh, and how long ago did this happen?', 'Dark chocolate can be toxic at that dose. Please don''t try to make him vomit at home.', 'I''m flagging this as an emergency and alerting our on-call vet, {TECH}.', 'Yes, please come straight to the hospital. We''ll have the team ready when you arrive.'],
     ARRAY['About 12 kilos, maybe twenty minutes ago.', 'Okay, I won''t.', 'Should I bring him in now?', 'Okay, leaving now.'],
     'I''ve notified {TECH} and sent you our address by SMS. If you can''t come in, call the animal emergency centre.', 'Thank you, on my way.',
     ARRAY['EMERGENCY: chocolate ingestion (~12 kg dog, 20 min ago). Owner en route; {TECH} alerted. 🐶', 'Toxic ingestion call; escalated to on-call vet {TECH}. Owner told not to induce vomiting.']),
    ('veterinary', 'en', 'reschedule',
     ARRAY['Hi, I need to move Milo''s desexing appointment.', 'G''day, this is {CUST}, I can''t make it for Milo''s surgery on Friday.'],
     ARRAY['No problem. Can I confirm the pet''s name and your surname?', 'Found it. When would you like to come in?', 'I''ve got {DAY} at {TIME}. Remember no food after 10pm the night before.'],
     ARRAY['It''s Milo, the account is under {CUST}.', 'Next week sometime, mornings are best.', 'Got it, thanks.'],
     'Milo''s surgery is now {DAY} at {TIME}, drop-off at the front desk.', 'Cheers.',
     ARRAY['Desexing for Milo moved to {DAY} at {TIME}; fasting instructions given.', '{CUST} rescheduled Milo''s procedure to {DAY} at {TIME}.']),
    ('veterinary', 'en', 'pricing',
     ARRAY['How much is a consult and vaccination for a puppy?', 'Hi, we just got a puppy. What do the first vaccinations cost?'],
     ARRAY['A standard consult is $95, and a puppy C3 vaccination is $110 including the consult.', 'Usually three, at 6-8, 10-12 and 14-16 weeks.', 'We also offer payment plans for procedures over $500.'],
     ARRAY['Okay, and how many vaccinations do they need?', 'Good to know.', 'That could help, thanks.'],
     'I''ll SMS you our puppy package details.', 'Thanks, bye.',
     ARRAY['Puppy vaccination pricing: consult $95, C3 $110. Puppy package info sent by SMS.', 'New puppy owner asked about vaccination schedule and costs.']),
    ('roofing', 'en', 'booking',
     ARRAY['Hello, water is seeping through our terrace slab whenever it rains. I want an inspection.', 'Hi, I need someone to check our terrace for leakage before the monsoon.'],
     ARRAY['Certainly. Is this an RCC terrace or a sheet roof?', 'Have you noticed cracks or dampness on the ceiling below?', 'Our surveyor can visit on {DAY} at {TIME} for a free inspection. Is that convenient?', 'The surveyor will take moisture readings and share a written quotation within 24 hours.'],
     ARRAY['It''s an RCC terrace, about 1,200 square feet.', 'Yes, there are damp patches in the bedroom ceiling.', 'Yes, that is fine.', 'Very good.'],
     'Your inspection is scheduled for {DAY} at {TIME}. You will get an SMS confirmation with the surveyor''s details.', 'Thank you.',
     ARRAY['Terrace leakage inspection booked {DAY} at {TIME}; RCC slab ~1,200 sq ft with ceiling dampness.', '{CUST} booked a free pre-monsoon roof inspection for {DAY} at {TIME}.']),
    ('roofing', 'en', 'emergency',
     ARRAY['A tree branch fell on our roof in the storm and water is coming inside!', 'The storm blew off some of our roof sheets and it''s raining heavily inside the house.'],
     ARRAY['Please move everyone away from the damaged area. Is anyone hurt?', 'Is water near any electrical wiring or switchboards?', 'Please switch off the main power if you can do so safely. I''m raising an emergency request with our on-call supervisor, {TECH}.', 'Our supervisor will arrange a crew with tarpaulin for temporary covering.'],
     ARRAY['No, nobody is hurt.', 'Yes, near the fan switch in the hall.', 'Okay, I have switched off the mains.', 'Thank you.'],
     'I have alerted {TECH}; they will call you within 20 minutes with an arrival time.', 'Thank you, please hurry.',
     ARRAY['EMERGENCY: storm damage, roof breached, water entering near wiring. Mains switched off. {TECH} alerted.', 'Storm damage call; temporary tarpaulin cover requested. Escalated to {TECH}.']),
    ('roofing', 'en', 'reschedule',
     ARRAY['Hello, the inspection is tomorrow but I am travelling. Can we move it?', 'Hi, this is {CUST}, I want to postpone the waterproofing work.'],
     ARRAY['Sure. May I have the booking phone number?', 'Thank you, {FIRST}. Which day suits you?', 'I can offer {DAY} at {TIME}.'],
     ARRAY['It''s this number.', 'Next week, any day after Tuesday.', 'That works.'],
     'Done. Your visit is moved to {DAY} at {TIME}.', 'Thanks a lot.',
     ARRAY['Inspection postponed to {DAY} at {TIME}; customer travelling.', '{CUST} moved the waterproofing visit to {DAY} at {TIME}.']),
    ('roofing', 'en', 'pricing',
     ARRAY['What is your rate for terrace waterproofing per square foot?', 'Hello, how much do you charge for waterproofing a terrace?'],
     ARRAY['Our polyurethane waterproofing starts at ₹55 per square foot, including surface preparation.', 'Yes, we give a 5-year written warranty.', 'Would you like a free site inspection for an exact quote?'],
     ARRAY['Is there any warranty?', 'Okay, that''s good.', 'Let me discuss with my family and call back.'],
     'Sure, I will send you our rate card on SMS.', 'Thank you, bye.',
     ARRAY['Waterproofing rate inquiry: quoted from ₹55/sq ft with 5-year warranty.', 'Caller asked about terrace waterproofing cost; rate card sent by SMS.']),
    ('medical', 'en', 'booking',
     ARRAY['Hi, I need to make an appointment for a physical.', 'Hello, my son needs his vaccines updated for school.'],
     ARRAY['Of course. Are you an existing patient at {ORG}?', 'Thank you. Do you have insurance, or will this be self-pay?', 'I have {DAY} at {TIME} with Dr. Ramírez. Does that work?', 'Please bring a photo ID and your insurance card.'],
     ARRAY['Yes, we''ve been coming for a couple of years.', 'We have Medi-Cal.', 'Yes, perfect.', 'Okay.'],
     'You''re scheduled for {DAY} at {TIME}. We''ll send a text reminder.', 'Thank you.',
     ARRAY['Existing patient {CUST} booked a visit with Dr. Ramírez {DAY} at {TIME}. Insurance: Medi-Cal.', 'Appointment booked {DAY} at {TIME}; reminded to bring ID and insurance card.']),
    ('medical', 'en', 'emergency',
     ARRAY['My father has chest pain and he''s sweating a lot.', 'My mother is having chest pains and says her left arm feels numb.'],
     ARRAY['Chest pain with sweating can be a medical emergency. Please hang up and call 911 now.', 'The 911 dispatcher will guide you. I am also notifying our on-call doctor, {TECH}.'],
     ARRAY['Okay, should I give aspirin?', 'Okay, calling now.'],
     'I''ve notified {TECH}. Please call 911 immediately.', 'Okay, thank you.',
     ARRAY['EMERGENCY: possible cardiac event (chest pain, diaphoresis). Caller directed to 911; {TECH} notified.', 'Chest pain call; instructed to call 911. On-call physician {TECH} alerted.']),
    ('medical', 'en', 'reschedule',
     ARRAY['Hi, I need to change my appointment with Dr. Ramírez.', 'Hello, this is {CUST}, I can''t make it to my follow-up on Thursday.'],
     ARRAY['Sure. Can you confirm your date of birth?', 'Thank you. When would you like to come in?', 'I have {DAY} at {TIME}.'],
     ARRAY['July 12th, 1979.', 'Next week in the morning if possible.', 'That''s fine.'],
     'Done, your appointment is now {DAY} at {TIME}.', 'Thanks.',
     ARRAY['Follow-up moved to {DAY} at {TIME}.', '{CUST} rescheduled their visit to {DAY} at {TIME}.']),
    ('medical', 'en', 'pricing',
     ARRAY['How much is a visit if I don''t have insurance?', 'Do you offer sliding-scale fees?'],
     ARRAY['Our self-pay office visit is $75, and we offer a sliding scale based on income.', 'Proof of income, like a recent pay stub, and a photo ID.', 'Would you like me to book a visit?'],
     ARRAY['What do I need to bring for the sliding scale?', 'Okay, I can do that.', 'I''ll call back when I know my schedule.'],
     'Of course. I''ll text you the information about our fees.', 'Thank you.',
     ARRAY['Self-pay inquiry: $75 visit, sliding scale explained.', 'Uninsured caller asked about fees; information sent by SMS.']),
    ('medical', 'es', 'booking',
     ARRAY['Buenos días, quisiera hacer una cita para mi hija, tiene tos desde hace una semana.', 'Hola, necesito una cita para mi niña, tiene tos y un poco de fiebre.'],
     ARRAY['Con mucho gusto. ¿Su hija ya es paciente de la clínica?', '¿Tiene fiebre alta o dificultad para respirar?', 'Tengo disponible el {DIA} a las {HORA} con la doctora Ramírez. ¿Le queda bien?', 'Por favor traiga su identificación y la tarjeta del seguro médico.'],
     ARRAY['Sí, la atiende la doctora Ramírez.', 'Tuvo un poco de fiebre anoche, pero ya está mejor.', 'Sí, perfecto.', 'Muy bien, gracias.'],
     'Su cita quedó para el {DIA} a las {HORA}. Le enviaremos un recordatorio por mensaje de texto.', 'Muchas gracias, señorita.',
     ARRAY['Cita pediátrica para el {DIA} a las {HORA} con la Dra. Ramírez (tos de una semana, fiebre leve).', '{CUST} programó una cita para el {DIA} a las {HORA}. Recordatorio por SMS en español.']),
    ('medical', 'es', 'emergency',
     ARRAY['Mi esposo tiene un dolor muy fuerte en el pecho y le cuesta respirar.', 'Mi papá tiene dolor en el pecho y está sudando mucho, ¿qué hago?'],
     ARRAY['Esto puede ser una emergencia médica. Por favor cuelgue y llame al 911 de inmediato.', 'Mientras llega la ambulancia, manténgalo sentado y tranquilo.', 'También estoy avisando a nuestro médico de guardia, {TECH}, para que le llame.'],
     ARRAY['Sí, sí, ya voy a llamar.', 'Está bien.', 'Gracias, por favor.'],
     'Ya notifiqué a {TECH}. Por favor llame al 911 ahora mismo.', 'Gracias, adiós.',
     ARRAY['EMERGENCIA: posible evento cardíaco (dolor de pecho, dificultad para respirar). Se indicó llamar al 911; {TECH} notificado.', 'Llamada de emergencia por dolor de pecho; escalada al médico de guardia {TECH}.']),
    ('medical', 'es', 'reschedule',
     ARRAY['Hola, tengo cita mañana con la doctora pero no voy a poder ir.', 'Buenas tardes, habla {CUST}, quiero cambiar la cita de mi hijo.'],
     ARRAY['No se preocupe. ¿Me puede dar la fecha de nacimiento del paciente?', 'Gracias. ¿Qué día le conviene?', 'Tengo el {DIA} a las {HORA}.'],
     ARRAY['El 3 de mayo de 2015.', 'La próxima semana, en la tarde.', 'Sí, ese día está bien.'],
     'Listo, la cita quedó para el {DIA} a las {HORA}.', 'Gracias, que tenga buen día.',
     ARRAY['Cita reprogramada para el {DIA} a las {HORA}.', '{CUST} cambió su cita al {DIA} a las {HORA}.']),
    ('medical', 'es', 'pricing',
     ARRAY['¿Cuánto cuesta la consulta si no tengo seguro?', 'Buenas tardes, ¿cuánto cobran por una consulta? No tengo seguro médico.'],
     ARRAY['La consulta sin seguro cuesta 75 dólares, y tenemos tarifas reducidas según sus ingresos.', 'Un comprobante de ingresos, como un talón de cheque, y una identificación con foto.', 'También aceptamos Medi-Cal y la mayoría de los seguros.'],
     ARRAY['¿Qué necesito llevar para la tarifa reducida?', 'Muy bien.', 'Qué bueno, gracias.'],
     'Con gusto. Le envío la información de tarifas por mensaje de texto.', 'Gracias, hasta luego.',
     ARRAY['Consulta de precios: visita sin seguro $75, tarifa reducida disponible.', 'Paciente sin seguro preguntó por costos; se envió información por SMS.']),
    ('hvac', 'en', 'booking',
     ARRAY['Hi, my AC is running but it''s blowing warm air.', 'Hello, the air conditioner upstairs isn''t cooling at all. Can someone come out?'],
     ARRAY['Sorry to hear that. Is the outdoor unit running, and do you hear the fan?', 'When was the last time the filter was changed?', 'Our technician can diagnose it {DAY} at {TIME}. The diagnostic fee is $79, waived if you''re on our comfort plan.', 'Please make sure the technician can access the outdoor unit and the air handler.'],
     ARRAY['The fan is running but it sounds kind of loud.', 'Honestly, probably six months ago.', '{DAY} at {TIME} works.', 'Sure, no problem.'],
     'You''re all set for {DAY} at {TIME}. You''ll get a text when the technician is on the way.', 'Thanks.',
     ARRAY['AC not cooling (fan noisy, filter ~6 months old). Diagnostic booked {DAY} at {TIME}, $79.', '{CUST} booked AC repair for {DAY} at {TIME}.']),
    ('hvac', 'en', 'emergency',
     ARRAY['Our furnace stopped working and it''s below zero outside. I have a newborn at home.', 'The heat is out and the pipes are starting to freeze, please send someone.'],
     ARRAY['I''m sorry, let''s get someone out to you quickly. First, do you smell gas anywhere in the home?', 'Good. Please check that the thermostat is set to heat and the furnace switch is on.', 'I''m flagging this as a no-heat emergency and alerting our on-call technician, {TECH}. Keep interior doors closed to hold the heat.', 'If you smell gas at any point, leave the home and call 911 and the gas company.'],
     ARRAY['No, no gas smell.', 'It''s on, nothing happens.', 'Okay, thank you.', 'Understood.'],
     '{TECH} will call you within 15 minutes with an arrival time.', 'Thank you so much.',
     ARRAY['EMERGENCY: no heat, sub-zero temperatures, infant in home. No gas odor. {TECH} dispatched.', 'No-heat emergency; escalated to on-call tech {TECH}. Gas safety instructions given.']),
    ('hvac', 'en', 'reschedule',
     ARRAY['Hi, I need to reschedule the AC maintenance.', 'Hey, this is {CUST}, can we push the furnace install to next week?'],
     ARRAY['Sure. Can I get the address on the account?', 'Thanks, {FIRST}. What day works?', 'I have {DAY} at {TIME}.'],
     ARRAY['{ADDR}.', 'Later next week.', 'Let''s do it.'],
     'You''re rescheduled to {DAY} at {TIME}.', 'Appreciate it.',
     ARRAY['Maintenance visit moved to {DAY} at {TIME}.', '{CUST} pushed their install to {DAY} at {TIME}.']),
    ('hvac', 'en', 'pricing',
     ARRAY['How much for a new AC unit?', 'Hi, what does it cost to replace a central air system?'],
     ARRAY['A new central AC system typically ranges from $5,500 to $9,000 installed, depending on size and efficiency.', 'Yes, we have 0% financing for 18 months on approved credit.', 'Our comfort plan is $16.99 a month and includes two tune-ups a year and priority service.'],
     ARRAY['Wow, okay. Do you offer financing?', 'That helps.', 'Good to know.'],
     'I''ll text you the details, and you can book a free estimate any time.', 'Thanks, bye.',
     ARRAY['AC replacement pricing: $5,500-$9,000 installed; 0% financing mentioned.', 'Pricing inquiry; comfort plan ($16.99/mo) offered. Details sent by SMS.']),
    ('*', 'es', 'booking',
     ARRAY['Hola, quisiera hacer una cita, por favor.', 'Buenas tardes, necesito programar un servicio para esta semana.'],
     ARRAY['Con gusto. ¿Me puede describir brevemente qué necesita?', 'Entiendo. Tengo disponible el {DIA} a las {HORA}. ¿Le funciona?', 'Perfecto. Le explicarán el costo antes de empezar cualquier trabajo.'],
     ARRAY['Tengo un problema desde hace unos días y quiero que lo revisen.', 'Sí, el {DIA} está bien.', 'Está bien, no hay problema.'],
     'Listo, su cita quedó para el {DIA} a las {HORA}. Le enviaremos un mensaje de texto de confirmación.', 'Muchas gracias, muy amable.',
     ARRAY['Cliente hispanohablante programó una cita para el {DIA} a las {HORA}.', '{CUST} reservó una visita para el {DIA} a las {HORA}; confirmación por SMS en español.']),
    ('*', 'es', 'emergency',
     ARRAY['¡Por favor, ayúdeme! Es una emergencia, necesito a alguien ahora mismo.', 'Es urgente, no puede esperar hasta mañana.'],
     ARRAY['Tranquilo, le voy a ayudar. ¿Hay alguien en peligro inmediato?', 'Si en algún momento hay peligro, salga de inmediato y llame al 911.', 'Estoy marcando esto como emergencia y avisando a nuestro contacto de guardia, {TECH}.'],
     ARRAY['No, nadie está herido, pero es urgente.', 'Sí, entiendo.', 'Gracias, ¿cuánto tardará?'],
     '{TECH} le llamará en los próximos minutos. Le enviaremos un mensaje con la hora estimada.', 'Gracias, aquí espero.',
     ARRAY['EMERGENCIA reportada en español; escalada a {TECH}.', 'Llamada urgente; el cliente fue informado de llamar al 911 si hay peligro. {TECH} notificado.']),
    ('*', 'es', 'reschedule',
     ARRAY['Hola, tengo una cita mañana pero no voy a poder. ¿La puedo cambiar?', 'Buenas, habla {CUST}, quiero cambiar la fecha de mi cita.'],
     ARRAY['Claro que sí. ¿Me confirma el número de teléfono de la cuenta?', 'Gracias. ¿Qué día le queda mejor?', 'Tengo el {DIA} a las {HORA}.'],
     ARRAY['Es este mismo número.', 'Más adelante en la semana, por la tarde.', 'Perfecto, ese día me queda bien.'],
     'Listo, su cita se cambió al {DIA} a las {HORA}.', 'Gracias, hasta luego.',
     ARRAY['Cita reprogramada para el {DIA} a las {HORA}.', '{CUST} cambió su cita al {DIA} a las {HORA}.']),
    ('*', 'es', 'pricing',
     ARRAY['Hola, ¿cuánto cobran por venir a revisar?', 'Quería saber el precio aproximado de sus servicios.'],
     ARRAY['La visita de diagnóstico tiene un costo fijo que se descuenta si aprueba el trabajo.', 'También ofrecemos financiamiento sin intereses por seis meses.', '¿Le gustaría programar una visita?'],
     ARRAY['Ah, está bien.', 'Qué bueno saberlo.', 'Déjeme pensarlo y le llamo después.'],
     'Con gusto. Le enviaré por mensaje nuestra lista de precios.', 'Gracias, adiós.',
     ARRAY['Consulta de precios en español; lista de precios enviada por SMS.', 'Cliente preguntó por costos; no agendó cita.']);

-- Greetings and industry-neutral (AI, customer) pairs, appended to every
-- scenario's pairs for longer calls.
CREATE TEMP TABLE _demo_generic (lang text, greet text[], ai text[], cu text[]);
INSERT INTO _demo_generic VALUES
    ('en',
     ARRAY['Thank you for calling {ORG}, this is {AGENT}, your virtual assistant. How can I help you today?', 'Hi, you''ve reached {ORG}. I''m {AGENT}, an AI assistant, and this call may be recorded. What can I do for you?', 'Good day, {ORG}, {AGENT} speaking. How may I help?', 'Thanks for calling {ORG}! My name is {AGENT}. Are you calling about an existing appointment or something new?'],
     ARRAY['Can I get your full name, please?', 'Thanks, {FIRST}. Is this the best number to reach you?', 'Would you like to receive text message updates about this?', 'Can I also get an email address for the confirmation?', 'Just to confirm, we have you at {ADDR}. Is that correct?', 'Sorry, I didn''t quite catch that. Could you repeat it?', 'How did you hear about us, by the way?', 'Of course. Is there anything else I should note for the team?'],
     ARRAY['Sure, it''s {CUST}.', 'Yes, this is my cell.', 'Yes, texts are fine.', 'I''d rather just get the text, if that''s okay.', 'Yes, that''s correct.', 'Sorry, I said yes, that works for me.', 'A neighbor recommended you.', 'No, I think that covers it.']),
    ('es',
     ARRAY['Gracias por llamar a {ORG}, habla {AGENT}, su asistente virtual. ¿En qué le puedo ayudar?', 'Hola, se ha comunicado con {ORG}. Soy {AGENT} y esta llamada puede ser grabada. ¿Cómo le ayudo hoy?', 'Buenos días, {ORG}, le atiende {AGENT}. ¿En qué puedo servirle?'],
     ARRAY['¿Me puede dar su nombre completo, por favor?', 'Gracias, {FIRST}. ¿Este es el mejor número para comunicarnos con usted?', '¿Desea recibir confirmaciones por mensaje de texto?', 'Para confirmar, tenemos su dirección como {ADDR}, ¿correcto?', 'Perdón, no le escuché bien. ¿Me lo puede repetir?', '¿Tiene alguna otra pregunta?'],
     ARRAY['Claro, soy {CUST}.', 'Sí, es mi celular.', 'Sí, por favor, en español.', 'Sí, correcto.', 'Disculpe, dije que sí, que me queda bien.', 'No, creo que es todo.']);


-- -----------------------------------------------------------------------------
-- organizations
-- -----------------------------------------------------------------------------

INSERT INTO organizations (
    id, name, industry, timezone,
    phone_provider, twilio_account_sid, twilio_auth_token, byo_sip_credentials,
    calendar_provider, google_calendar_id, google_refresh_token, outlook_calendar_id, outlook_refresh_token,
    calendly_api_key, calendly_user_uri, calendar_sync_enabled, calendar_metadata,
    transfer_phone_number, transfer_mode, emergency_contact_phone, max_transfer_wait_time,
    settings, created_at, updated_at)
SELECT o.id, o.name, o.industry, o.tz,
       o.phone_provider,
       CASE WHEN o.phone_provider = 'twilio' THEN 'AC' || md5('twilio-sid-' || o.n) END,
       CASE WHEN o.phone_provider = 'twilio' THEN 'demo-secret-not-real' END,
       CASE WHEN o.phone_provider = 'byo' THEN jsonb_build_object(
           'sip_uri', 'sip:frontdesk@sip.' || o.domain, 'username', 'frontdesk',
           'password', 'demo-secret-not-real', 'transport', 'tls') END,
       o.calendar_provider,
       CASE WHEN o.calendar_provider = 'google' THEN 'bookings@' || o.domain END,
       CASE WHEN o.calendar_provider = 'google' THEN 'demo-secret-not-real' END,
       CASE WHEN o.calendar_provider = 'outlook' THEN 'calendar@' || o.domain END,
       CASE WHEN o.calendar_provider = 'outlook' THEN 'demo-secret-not-real' END,
       CASE WHEN o.calendar_provider = 'calendly' THEN 'demo-secret-not-real' END,
       CASE WHEN o.calendar_provider = 'calendly' THEN 'https://api.calendly.com/users/DEMO' || upper(substr(md5('calendly-' || o.n), 1, 12)) END,
       o.calendar_provider IS NOT NULL AND o.calendar_provider <> 'none',
       CASE WHEN o.calendar_provider IS NULL OR o.calendar_provider = 'none' THEN '{}'::jsonb
            ELSE jsonb_build_object('last_sync_at', now() - ((o.n * 7) * INTERVAL '1 minute'), 'default_duration_minutes', 60, 'buffer_minutes', 15) END,
       o.phone_prefix || repeat('8', o.phone_width - 1) || '0',
       o.transfer_mode,
       o.phone_prefix || repeat('9', o.phone_width - 1) || '1',
       o.max_wait,
       jsonb_build_object(
           'business_hours', jsonb_build_object('mon_fri', '08:00-18:00', 'sat', CASE WHEN o.n % 2 = 0 THEN '09:00-13:00' END, 'sun', NULL),
           'languages', CASE WHEN o.has_es THEN '["en", "es"]'::jsonb ELSE '["en"]'::jsonb END,
           'emergency_number', o.emergency_number,
           'after_hours_mode', CASE WHEN o.n % 3 = 0 THEN 'voicemail' ELSE 'ai_assistant' END,
           'record_calls', o.n <> 3,
           'sms_reminders_hours_before', 24),
       o.org_created_at,
       o.org_created_at + ((o.n * 13) * INTERVAL '1 day')
FROM _demo_org o;


-- -----------------------------------------------------------------------------
-- Users: auth.users (stand-in), user_profiles, organization_members,
-- organization_invitations. u = 1 is the owner (same person as emergency
-- contact 1), u = 2 an admin, the rest members; one outside consultant
-- belongs to three organizations.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_user AS
SELECT o.n, u.u, md5('user-' || o.n || '-' || u.u)::uuid AS id,
       CASE WHEN u.u = 1 THEN regexp_replace(o.contacts[1], '^(Dr|Dra)[.] ', '')
            ELSE nm.firsts[1 + (o.n * 7 + u.u * 5) % cardinality(nm.firsts)] || ' '
                 || nm.lasts[1 + (o.n * 11 + u.u * 3) % cardinality(nm.lasts)] END AS full_name,
       CASE WHEN u.u = 1 THEN 'owner' WHEN u.u = 2 THEN 'admin' ELSE 'member' END AS role,
       CASE WHEN o.culture = 'es' THEN 'es' ELSE 'en' END AS lang,
       o.domain,
       o.org_created_at + ((u.u - 1) * 9 * INTERVAL '1 day') AS created_at,
       (o.n = 7 AND u.u = 5) AS unconfirmed
FROM _demo_org o
CROSS JOIN LATERAL generate_series(1, 2 + o.n % 4) AS u(u)
JOIN _demo_names nm ON nm.culture = o.culture;

INSERT INTO _demo_user
SELECT o.n, 99, md5('user-consultant')::uuid, 'Jordan Blake',
       CASE WHEN o.n = 1 THEN 'admin' ELSE 'member' END, 'en', 'switchboard-partners.example',
       now() - INTERVAL '150 days', false
FROM _demo_org o WHERE o.n IN (1, 2, 8);

-- STAND-IN auth.users rows (Supabase Auth would own these).
INSERT INTO auth.users (id, email, encrypted_password, email_confirmed_at, created_at)
SELECT DISTINCT ON (u.id) u.id,
       lower(translate(replace(u.full_name, ' ', '.'), 'áéíóúñüÁÉÍÓÚÑÜ''', 'aeiounuAEIOUNU')) || '@' || u.domain,
       'demo-secret-not-real',
       CASE WHEN u.unconfirmed THEN NULL ELSE u.created_at + INTERVAL '11 minutes' END,
       u.created_at
FROM _demo_user u
ORDER BY u.id, u.n;

INSERT INTO user_profiles (id, full_name, preferred_language, email, created_at, updated_at)
SELECT au.id, u.full_name, u.lang, au.email, au.created_at, au.created_at + INTERVAL '1 hour'
FROM auth.users au
JOIN (SELECT DISTINCT ON (id) id, full_name, lang FROM _demo_user ORDER BY id, n) u ON u.id = au.id;

INSERT INTO organization_members (id, organization_id, user_id, role, created_at, updated_at)
SELECT md5('member-' || u.n || '-' || u.u)::uuid, o.id, u.id, u.role, u.created_at, u.created_at
FROM _demo_user u JOIN _demo_org o ON o.n = u.n;

INSERT INTO organization_invitations (id, organization_id, invited_by_user_id, invited_email, role, token, status, expires_at, created_at, updated_at)
SELECT md5('invite-' || o.n)::uuid, o.id, md5('user-' || o.n || '-1')::uuid,
       (ARRAY['frontdesk', 'dispatch', 'office.manager', 'new.hire'])[1 + o.n % 4] || '@' || o.domain,
       CASE WHEN o.n % 3 = 0 THEN 'admin' ELSE 'member' END,
       'inv_' || md5('invite-token-' || o.n),
       s.status,
       s.expires_at,
       s.expires_at - INTERVAL '7 days',
       s.expires_at - INTERVAL '7 days' + CASE WHEN s.status IN ('accepted', 'declined') THEN INTERVAL '2 days' ELSE INTERVAL '0' END
FROM _demo_org o
CROSS JOIN LATERAL (
    SELECT (ARRAY['pending', 'accepted', 'expired', 'declined'])[1 + o.n % 4] AS status,
           CASE WHEN o.n % 4 = 0 THEN now() + ((o.n % 5 + 1) * INTERVAL '1 day')
                ELSE now() - ((10 + o.n * 6) * INTERVAL '1 day') END AS expires_at
) s;


-- -----------------------------------------------------------------------------
-- vapi_assistants, phone_number_assignments
-- -----------------------------------------------------------------------------

INSERT INTO vapi_assistants (id, organization_id, vapi_assistant_id, name, industry, language, system_prompt, voice_config, tools_config, is_active, created_at, updated_at)
SELECT a.id, o.id, md5('vapi-asst-' || a.n || '-' || a.k)::uuid::text, a.name, o.industry, a.lang,
       CASE WHEN a.lang = 'es'
            THEN 'Eres ' || a.name || ', la recepcionista virtual de ' || o.name || '. Habla en español, con calidez y de forma breve. '
                 || 'Agenda, cambia o cancela citas, responde preguntas sobre precios y detecta emergencias. '
                 || 'Si hay una emergencia, usa get_on_call_contact y transfiere la llamada. Nunca des consejos médicos ni legales.'
            ELSE 'You are ' || a.name || ', the virtual receptionist for ' || o.name || ' (' || o.industry || '). '
                 || 'Be warm and concise. Book, reschedule and cancel appointments, answer pricing questions using the price list, '
                 || 'and detect emergencies. On an emergency, call get_on_call_contact, notify the contact and warm-transfer the caller. '
                 || 'Never promise exact arrival times. If anyone is in danger, tell the caller to hang up and dial ' || o.emergency_number || '.'
       END,
       jsonb_build_object('provider', a.voice_provider, 'voiceId', a.voice_id, 'speed', 1.0 + (a.k - 1) * 0.05,
                          'stability', 0.5, 'language', CASE WHEN a.lang = 'es' THEN 'es-US' ELSE 'en-US' END),
       '["check_availability", "book_appointment", "reschedule_appointment", "get_on_call_contact", "notify_emergency_contact", "transfer_call", "send_sms"]'::jsonb,
       a.is_active,
       o.org_created_at + ((a.k * 3) * INTERVAL '1 day'),
       o.org_created_at + ((a.k * 3 + 40) * INTERVAL '1 day')
FROM _demo_asst a JOIN _demo_org o ON o.n = a.n;

INSERT INTO phone_number_assignments (id, organization_id, vapi_assistant_id, phone_number, vapi_phone_number_id, phone_provider, capabilities, is_active, assigned_at, created_at, updated_at)
SELECT md5('pna-' || a.n || '-' || a.k)::uuid, o.id, a.id,
       o.phone_prefix || repeat('8', o.phone_width - 1) || a.k,
       CASE WHEN o.phone_provider = 'byo' THEN NULL ELSE md5('vapi-phone-' || a.n || '-' || a.k)::uuid::text END,
       o.phone_provider,
       CASE WHEN o.phone_provider = 'byo' THEN ARRAY['voice'] ELSE ARRAY['voice', 'sms'] END,
       a.is_active,
       o.org_created_at + ((a.k * 3 + 1) * INTERVAL '1 day'),
       o.org_created_at + ((a.k * 3 + 1) * INTERVAL '1 day'),
       o.org_created_at + ((a.k * 3 + 2) * INTERVAL '1 day')
FROM _demo_asst a JOIN _demo_org o ON o.n = a.n
UNION ALL
-- Two released numbers that are no longer attached to an assistant.
SELECT md5('pna-' || o.n || '-old')::uuid, o.id, NULL,
       o.phone_prefix || repeat('8', o.phone_width - 1) || '9',
       md5('vapi-phone-' || o.n || '-old')::uuid::text,
       o.phone_provider, ARRAY['voice'], false,
       o.org_created_at, o.org_created_at, o.org_created_at + INTERVAL '30 days'
FROM _demo_org o WHERE o.n IN (1, 4);


-- -----------------------------------------------------------------------------
-- emergency_contacts: 2 + n % 3 per org (25 in all).
--   k = 1 owner, weekdays 07:00-19:00, priority 1, primary
--   k = 2 on-call, every day, window crossing midnight (22:00-06:00 or
--         18:00-08:00), priority 1
--   k = 3 weekend cover, saturday/sunday, any hour, priority 2
--   k = 4 backup, always (NULL days, or an empty array for org 5), priority 3;
--         inactive in orgs 2 and 8
-- -----------------------------------------------------------------------------

INSERT INTO emergency_contacts (id, organization_id, name, phone, email, role, is_primary, is_active, available_days,
                                available_hours_start, available_hours_end, priority, escalation_timeout,
                                sms_enabled, call_enabled, email_enabled, notes, metadata, created_at, updated_at)
SELECT md5('contact-' || o.n || '-' || c.k)::uuid, o.id, o.contacts[c.k],
       o.phone_prefix || repeat('9', o.phone_width - 1) || c.k,
       lower(translate(replace(regexp_replace(o.contacts[c.k], '^(Dr|Dra)[.] ', ''), ' ', '.'), 'áéíóúñüÁÉÍÓÚÑÜ', 'aeiounuAEIOUNU')) || '@' || o.domain,
       CASE c.k WHEN 1 THEN 'Owner' WHEN 2 THEN o.oncall_role WHEN 3 THEN 'Weekend coverage' ELSE 'Office manager (backup)' END,
       c.k = 1,
       NOT (c.k = 4 AND o.n % 2 = 0),
       CASE c.k WHEN 1 THEN ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday']
                WHEN 3 THEN ARRAY['saturday', 'sunday']
                WHEN 4 THEN CASE WHEN o.n = 5 THEN '{}'::text[] END
       END,
       CASE c.k WHEN 1 THEN TIME '07:00' WHEN 2 THEN CASE WHEN o.n % 3 = 0 THEN TIME '18:00' ELSE TIME '22:00' END END,
       CASE c.k WHEN 1 THEN TIME '19:00' WHEN 2 THEN CASE WHEN o.n % 3 = 0 THEN TIME '08:00' ELSE TIME '06:00' END END,
       CASE c.k WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 2 ELSE 3 END,
       (ARRAY[30, 45, 60, 120])[c.k],
       true,
       c.k <> 3 OR o.n % 2 = 1,
       c.k IN (1, 4),
       CASE c.k WHEN 2 THEN 'Carries the after-hours phone. Escalate to the owner if no ACK within 10 minutes.'
                WHEN 4 THEN 'Backup only; prefers SMS.' END,
       jsonb_build_object('rotation', CASE c.k WHEN 2 THEN 'nights' WHEN 3 THEN 'weekends' ELSE 'business_hours' END),
       o.org_created_at + INTERVAL '2 days',
       o.org_created_at + ((2 + c.k * 5) * INTERVAL '1 day')
FROM _demo_org o
CROSS JOIN LATERAL generate_series(1, 2 + o.n % 3) AS c(k);


-- -----------------------------------------------------------------------------
-- Customers (scratch first: calls and appointments read names from it)
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_cust AS
SELECT x.n, x.idx, x.id, x.org_id, x.name,
       split_part(x.name, ' ', 1) AS first,
       x.phone, x.email, x.addr, x.lang, x.sms_enabled, x.notes, x.metadata, x.created_at
FROM (
    SELECT o.n, c.idx, md5('cust-' || o.n || '-' || c.idx)::uuid AS id, o.id AS org_id,
           coalesce(sp.name, p.first || ' ' || p.last) AS name,
           o.phone_prefix || lpad(c.idx::text, o.phone_width, '0') AS phone,
           CASE WHEN sp.name IS NOT NULL THEN sp.email
                WHEN get_byte(h.h, 4) < 150 THEN
                    lower(translate(p.first || '.' || p.last, 'áéíóúñüÁÉÍÓÚÑÜ''', 'aeiounuAEIOUNU'))
                    || CASE WHEN get_byte(h.h, 5) < 100 THEN (10 + get_byte(h.h, 5) % 90)::text ELSE '' END
                    || '@' || (ARRAY['example.com', 'example.net', 'example.org', 'mail.example'])[1 + get_byte(h.h, 6) % 4]
           END AS email,
           (1 + (get_byte(h.h, 7) * 256 + get_byte(h.h, 8)) % CASE WHEN o.culture IN ('uk', 'au', 'in') THEN 240 ELSE 4800 END)::text
               || ' ' || o.streets[1 + get_byte(h.h, 9) % cardinality(o.streets)] || ', ' || o.city AS addr,
           CASE WHEN sp.name IS NULL AND p.cult = 'es' AND (o.n = 7 OR get_byte(h.h, 3) < 160) THEN 'es' ELSE 'en' END AS lang,
           get_byte(h.h, 11) >= 15 AS sms_enabled,
           CASE get_byte(h.h, 10) % 14
               WHEN 0 THEN 'Prefers text messages over calls'
               WHEN 1 THEN 'Dog in the backyard; call before entering'
               WHEN 2 THEN 'Gate code 4521#'
               WHEN 3 THEN 'Repeat customer - always offer the first available slot'
               WHEN 4 THEN 'Hard of hearing; speak slowly'
               WHEN 5 THEN 'Paid late twice; collect payment on site'
           END AS notes,
           jsonb_build_object('source', (ARRAY['phone', 'web', 'referral', 'google', 'yelp'])[1 + get_byte(h.h, 12) % 5]) AS metadata,
           now() - ((20 + (get_byte(h.h, 13) * 256 + get_byte(h.h, 14)) % 700) * INTERVAL '1 day') AS created_at
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.ncust) AS c(idx)
    CROSS JOIN LATERAL (SELECT decode(md5('cust-' || o.n || '-' || c.idx), 'hex') AS h) h
    CROSS JOIN LATERAL (
        SELECT CASE WHEN o.culture = 'es' THEN CASE WHEN get_byte(h.h, 0) < 205 THEN 'es' ELSE 'us' END
                    WHEN o.has_es AND get_byte(h.h, 0) < 26 THEN 'es'
                    ELSE o.culture END AS cult
    ) cc
    JOIN _demo_names nm ON nm.culture = cc.cult
    CROSS JOIN LATERAL (
        SELECT cc.cult,
               nm.firsts[1 + get_byte(h.h, 1) % cardinality(nm.firsts)] AS first,
               nm.lasts[1 + get_byte(h.h, 2) % cardinality(nm.lasts)] AS last
    ) p
    -- A few customers with international names.
    LEFT JOIN (VALUES
        (1, 7, '王小明', 'xiaoming.wang@example.com'),
        (2, 11, '田中 さくら', 'sakura.tanaka@example.jp'),
        (3, 5, 'يوسف الحداد', 'y.haddad@example.com'),
        (4, 3, 'Siobhán Ó Súilleabháin', NULL),
        (5, 9, '김민준', 'minjun.kim@example.com'),
        (7, 13, 'Nguyễn Thị Hương', NULL)
    ) AS sp(n, idx, name, email) ON sp.n = o.n AND sp.idx = c.idx
    OFFSET 0
) x;


-- -----------------------------------------------------------------------------
-- Appointments (scratch first, so customer totals can be computed before the
-- customers are inserted): 30% of the org's call volume, scheduled over
-- -30..+45 days around today in the org's timezone.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_appt AS
WITH h AS MATERIALIZED (
    SELECT o.n, a.a, o.id AS org_id, o.tz, o.calls, o.ncust, o.short_name, o.calendar_provider, o.field_service,
           o.appt_types, o.appt_desc, o.base_price,
           decode(md5('appt-' || o.n || '-' || a.a), 'hex') AS h,
           decode(md5('appt2-' || o.n || '-' || a.a), 'hex') AS h2
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.calls * 3 / 10) AS a(a)
), v AS MATERIALIZED (
    SELECT h.n, h.a, h.org_id, h.tz, h.calls, h.short_name, h.calendar_provider, h.field_service,
           md5('appt-' || h.n || '-' || h.a)::uuid AS id,
           1 + (get_byte(h.h, 0) * 256 + get_byte(h.h, 1)) % h.ncust AS cidx,
           -30 + (get_byte(h.h, 2) * 256 + get_byte(h.h, 3)) % 76 AS doff,
           TIME '08:00' + ((get_byte(h.h, 9) % 20) * INTERVAL '30 minutes') AS scheduled_time,
           (ARRAY[30, 45, 60, 60, 60, 90, 120, 180])[1 + get_byte(h.h, 10) % 8] AS duration_minutes,
           h.appt_types[1 + get_byte(h.h, 8) % cardinality(h.appt_types)] AS appointment_type,
           h.appt_desc[1 + get_byte(h.h, 8) % cardinality(h.appt_types)] AS service_description,
           h.base_price * (1 + get_byte(h.h, 15) % 4) AS price,
           (get_byte(h.h, 11) * 256 + get_byte(h.h, 12)) % 100 AS r,
           get_byte(h.h, 4) AS b4, get_byte(h.h, 5) AS b5,
           get_byte(h.h, 6) * 256 + get_byte(h.h, 7) AS b67,
           get_byte(h.h, 12) AS b12, get_byte(h.h, 13) AS b13, get_byte(h.h, 14) AS b14,
           get_byte(h.h2, 0) AS b17, get_byte(h.h2, 1) AS b18, get_byte(h.h2, 2) AS b19
    FROM h
), w AS MATERIALIZED (
    SELECT v.*,
           date_trunc('day', now() AT TIME ZONE coalesce(v.tz, 'UTC'))::date + v.doff AS scheduled_date,
           (date_trunc('day', now() AT TIME ZONE coalesce(v.tz, 'UTC')) + v.doff * INTERVAL '1 day' + v.scheduled_time)
               AT TIME ZONE coalesce(v.tz, 'UTC') AS scheduled_at,
           CASE WHEN v.doff < 0 THEN
                    CASE WHEN v.r < 72 THEN 'completed' WHEN v.r < 80 THEN 'no_show' WHEN v.r < 92 THEN 'cancelled' ELSE 'confirmed' END
                ELSE
                    CASE WHEN v.r < 55 THEN 'confirmed' WHEN v.r < 85 THEN 'pending' ELSE 'cancelled' END
           END AS status
    FROM v
), x AS MATERIALIZED (
    SELECT w.*,
           least(now() - ((1 + w.b17 % 48) * INTERVAL '1 hour'),
                 w.scheduled_at - ((1 + w.b17 % 20) * INTERVAL '1 day')) AS created_at
    FROM w
), y AS MATERIALIZED (
    SELECT x.*,
           CASE WHEN x.status IN ('confirmed', 'completed', 'no_show')
                THEN least(now(), x.created_at + ((5 + x.b18 * 3) * INTERVAL '1 minute')) END AS confirmed_at,
           CASE WHEN x.status = 'cancelled'
                THEN least(now(), x.created_at + ((1 + x.b18 % 72) * INTERVAL '1 hour')) END AS cancelled_at,
           CASE WHEN x.status = 'completed'
                THEN x.scheduled_at + ((x.duration_minutes + x.b18 % 20) * INTERVAL '1 minute') END AS completed_at
    FROM x
)
SELECT y.*, greatest(y.created_at, y.confirmed_at, y.cancelled_at, y.completed_at) AS updated_at
FROM y;

INSERT INTO customers (id, organization_id, name, phone_number, email, address, primary_language, sms_enabled,
                       total_appointments, total_spent, last_appointment_date, notes, metadata, created_at, updated_at)
SELECT c.id, c.org_id, c.name, c.phone, c.email, c.addr, c.lang, c.sms_enabled,
       coalesce(s.cnt, 0), coalesce(s.spent, 0), s.last_date, c.notes, c.metadata, c.created_at,
       greatest(c.created_at, s.last_done)
FROM _demo_cust c
LEFT JOIN (
    SELECT n, cidx, count(*) AS cnt, sum(price) AS spent, max(scheduled_date) AS last_date, max(completed_at) AS last_done
    FROM _demo_appt
    WHERE status = 'completed' AND b4 >= 10
    GROUP BY n, cidx
) s ON s.n = c.n AND s.cidx = c.idx;

INSERT INTO appointments (id, organization_id, customer_id, vapi_call_id, customer_name, customer_phone, customer_email, service_address,
                          appointment_type, service_description, scheduled_date, scheduled_time, duration_minutes, status,
                          language_preference, sms_sent, sms_reminder_sent,
                          google_calendar_event_id, outlook_calendar_event_id, calendly_event_id, calendar_provider,
                          urgency_score, emergency_detected, notes, metadata,
                          created_at, updated_at, confirmed_at, cancelled_at, completed_at)
SELECT a.id, a.org_id,
       CASE WHEN a.b4 < 10 THEN NULL ELSE c.id END,
       CASE WHEN a.b5 < 180 THEN md5('vapi-call-' || a.n || '-' || (1 + a.b67 % a.calls))::uuid::text END,
       c.name, c.phone, c.email,
       CASE WHEN a.field_service THEN c.addr END,
       a.appointment_type, a.service_description, a.scheduled_date, a.scheduled_time, a.duration_minutes, a.status,
       c.lang,
       c.sms_enabled AND a.b12 >= 20,
       c.sms_enabled AND a.b12 >= 20 AND a.status IN ('confirmed', 'completed', 'no_show') AND a.doff <= 1,
       CASE WHEN a.calendar_provider = 'google' THEN substr(md5('gcal-' || a.id), 1, 26) END,
       CASE WHEN a.calendar_provider = 'outlook' THEN 'AAMkAG' || md5('outlook-' || a.id) END,
       CASE WHEN a.calendar_provider = 'calendly' THEN md5('calendly-' || a.id)::uuid::text END,
       a.calendar_provider,
       CASE WHEN a.b13 < 6 THEN round(0.90 + (a.b14 % 10) / 100.0, 2) ELSE round((a.b14 % 60) / 100.0, 2) END,
       a.b13 < 6,
       CASE a.b19 % 12
           WHEN 0 THEN 'Customer asked for a call 30 minutes before arrival'
           WHEN 1 THEN 'Booked by AI assistant; confirm details by phone'
           WHEN 2 THEN 'Parking available in the driveway'
           WHEN 3 THEN 'Requested the same technician as last time'
       END,
       jsonb_build_object('quoted_price', a.price,
                          'booked_via', CASE WHEN a.b5 < 180 THEN 'ai_phone' WHEN a.b5 < 220 THEN 'web' ELSE 'staff' END),
       a.created_at, a.updated_at, a.confirmed_at, a.cancelled_at, a.completed_at
FROM _demo_appt a
JOIN _demo_cust c ON c.n = a.n AND c.idx = a.cidx;


-- -----------------------------------------------------------------------------
-- Transcript templates: 24 variants per (org, language, scenario), 4 to 30
-- lines each: AI greeting, customer opener, (AI, customer) pairs, AI closing,
-- customer goodbye when the line count is even. One variant in twelve uses
-- the "Agent:" / "User:" labels instead of "AI:" / "Customer:".
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_tpl AS
WITH base AS (
    SELECT o.n, o.short_name, o.contacts[2] AS tech, l.lang, s.scen, s.sno, v.v,
           CASE WHEN l.lang = 'es' AND o.industry <> 'medical' THEN '*' ELSE o.industry END AS bank,
           4 + (v.v * 7 + s.sno * 5 + o.n * 3) % 27 AS nlines
    FROM _demo_org o
    CROSS JOIN (VALUES ('en'), ('es')) AS l(lang)
    CROSS JOIN (VALUES ('booking', 1), ('emergency', 2), ('reschedule', 3), ('pricing', 4)) AS s(scen, sno)
    CROSS JOIN generate_series(0, 23) AS v(v)
    WHERE l.lang = 'en' OR o.has_es
), asst AS (
    SELECT a.*, row_number() OVER (PARTITION BY a.n, a.lang ORDER BY a.k) AS rn,
           count(*) OVER (PARTITION BY a.n, a.lang) AS cnt
    FROM _demo_asst a
), full_base AS (
    SELECT base.*, a.id AS asst_id, a.name AS agent,
           bk.opens, bk.ai || g.ai AS all_ai, bk.cu || g.cu AS all_cu, bk.close_ai, bk.bye, bk.sums, g.greet,
           (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])[1 + (base.v * 3 + base.sno) % 5] AS day_en,
           (ARRAY['lunes', 'martes', 'miércoles', 'jueves', 'viernes'])[1 + (base.v * 3 + base.sno) % 5] AS day_es,
           (ARRAY['8:30 AM', '9:00 AM', '10:30 AM', '11:00 AM', '1:00 PM', '2:30 PM', '3:00 PM', '4:30 PM'])[1 + (base.v * 5 + base.sno) % 8] AS time_en,
           (ARRAY['8:30', '9:00', '10:30', '11:00', '13:00', '14:30', '15:00', '16:30'])[1 + (base.v * 5 + base.sno) % 8] AS time_es
    FROM base
    JOIN asst a ON a.n = base.n AND a.lang = base.lang AND a.rn = base.v % a.cnt + 1
    JOIN _demo_bank bk ON bk.bank = base.bank AND bk.lang = base.lang AND bk.scen = base.scen
    JOIN _demo_generic g ON g.lang = base.lang
), lines AS (
    SELECT f.n, f.lang, f.scen, f.v, t.t,
           CASE WHEN f.v % 12 = 5 THEN
                    CASE WHEN k.is_ai THEN 'Agent' ELSE 'User' END
                ELSE
                    CASE WHEN k.is_ai THEN 'AI' ELSE 'Customer' END
           END || ': ' ||
           CASE WHEN t.t = 1 THEN f.greet[1 + f.v % cardinality(f.greet)]
                WHEN t.t = 2 THEN f.opens[1 + f.v % cardinality(f.opens)]
                WHEN k.is_bye THEN f.bye
                WHEN k.is_close THEN f.close_ai
                WHEN (t.t - 3) % 2 = 0 THEN f.all_ai[1 + ((t.t - 3) / 2 + f.v % 2) % cardinality(f.all_ai)]
                ELSE f.all_cu[1 + ((t.t - 3) / 2 + f.v % 2) % cardinality(f.all_cu)]
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
    SELECT n, lang, scen, v, string_agg(line, chr(10) ORDER BY t) AS body
    FROM lines
    GROUP BY n, lang, scen, v
)
SELECT f.n, f.lang, f.scen, f.v, f.nlines, f.asst_id,
       replace(replace(replace(replace(replace(replace(replace(b.body,
           '{ORG}', f.short_name), '{AGENT}', f.agent), '{TECH}', f.tech),
           '{DAY}', f.day_en), '{TIME}', f.time_en), '{DIA}', f.day_es), '{HORA}', f.time_es) AS body,
       replace(replace(replace(replace(replace(replace(replace(f.sums[1 + f.v % cardinality(f.sums)],
           '{ORG}', f.short_name), '{AGENT}', f.agent), '{TECH}', f.tech),
           '{DAY}', f.day_en), '{TIME}', f.time_en), '{DIA}', f.day_es), '{HORA}', f.time_es) AS summary
FROM full_base f
JOIN bodies b ON b.n = f.n AND b.lang = f.lang AND b.scen = f.scen AND b.v = f.v;


-- Planner statistics for the scratch tables joined below.
ANALYZE _demo_org, _demo_cust, _demo_tpl;


-- -----------------------------------------------------------------------------
-- call_logs: 12,000 calls over the last 90 days (denser towards today),
-- mostly during local business hours; emergencies (~3%) at any hour.
-- The two newest calls of every org are still in progress.
-- -----------------------------------------------------------------------------

INSERT INTO call_logs (id, organization_id, vapi_call_id, vapi_assistant_id, customer_phone_number, call_duration,
                       call_status, language_detected, emergency_detected, urgency_score, transcript, summary,
                       tools_used, metadata, created_at, updated_at)
WITH c0 AS MATERIALIZED (
    SELECT o.n, o.id AS org_id, o.tz, o.ncust, o.has_es, o.appt_types, g.j,
           decode(md5('call-' || o.n || '-' || g.j), 'hex') AS h
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.calls) AS g(j)
), c1 AS MATERIALIZED (
    SELECT h.n, h.org_id, h.tz, h.has_es, h.j,
           h.appt_types[1 + get_byte(h.h, 13) % cardinality(h.appt_types)] AS appt_type,
           md5('vapi-call-' || h.n || '-' || h.j)::uuid::text AS vapi_call_id,
           (get_byte(h.h, 0) * 256 + get_byte(h.h, 1)) % 1000 AS r_scen,
           (get_byte(h.h, 2) * 256 + get_byte(h.h, 3)) % 100 AS r_status,
           1 + (get_byte(h.h, 4) * 256 + get_byte(h.h, 5)) % h.ncust AS cidx,
           get_byte(h.h, 6) % 24 AS v,
           floor(90 * power((get_byte(h.h, 7) * 256 + get_byte(h.h, 8)) / 65536.0::float8, 1.35::float8))::int AS dayoff,
           get_byte(h.h, 9) AS b9, get_byte(h.h, 10) AS b10, get_byte(h.h, 11) AS b11,
           get_byte(h.h, 12) AS b12, get_byte(h.h, 13) AS b13, get_byte(h.h, 14) AS b14,
           get_byte(h.h, 15) AS b15
    FROM c0 AS h
), c2 AS MATERIALIZED (
    SELECT c1.*,
           CASE WHEN r_scen < 30 THEN 'emergency' WHEN r_scen < 480 THEN 'booking'
                WHEN r_scen < 680 THEN 'reschedule' ELSE 'pricing' END AS scen
    FROM c1
), c3 AS MATERIALIZED (
    SELECT c2.*,
           CASE WHEN j <= 2 THEN 'in-progress'
                WHEN scen = 'emergency' THEN
                    CASE WHEN r_status < 55 THEN 'transferred' WHEN r_status < 94 THEN 'completed' ELSE 'failed' END
                WHEN r_status < 74 THEN 'completed'
                WHEN r_status < 79 THEN 'transferred'
                WHEN r_status < 84 THEN 'failed'
                WHEN r_status < 91 THEN 'no-answer'
                WHEN r_status < 95 THEN 'busy'
                WHEN r_status < 98 THEN 'voicemail'
                ELSE 'completed'
           END AS status,
           (date_trunc('day', now() AT TIME ZONE coalesce(tz, 'UTC'))
               - (dayoff * INTERVAL '1 day')
               + ((CASE WHEN scen = 'emergency' OR b9 < 18 THEN b10 % 24 ELSE 7 + b10 % 12 END) * INTERVAL '1 hour')
               + ((b11 % 60) * INTERVAL '1 minute') + ((b12 % 60) * INTERVAL '1 second')
           ) AT TIME ZONE coalesce(tz, 'UTC') AS ts0
    FROM c2
), c4 AS MATERIALIZED (
    SELECT c3.*,
           CASE WHEN j <= 2 THEN now() - ((j * 4 + b12 % 3) * INTERVAL '1 minute') - ((b11 % 60) * INTERVAL '1 second')
                WHEN ts0 > now() - INTERVAL '15 minutes' THEN ts0 - INTERVAL '7 days'
                ELSE ts0 END AS created_at,
           cu.id AS customer_id, cu.name AS cust_name, cu.phone AS cust_phone,
           t.lang, t.nlines, t.asst_id,
           replace(replace(replace(t.body, '{CUST}', cu.name), '{FIRST}', cu.first), '{ADDR}', cu.addr) AS tx,
           replace(replace(replace(t.summary, '{CUST}', cu.name), '{FIRST}', cu.first), '{ADDR}', cu.addr) AS sm
    FROM c3
    JOIN _demo_cust cu ON cu.n = c3.n AND cu.idx = c3.cidx
    JOIN _demo_tpl t ON t.n = c3.n AND t.scen = c3.scen AND t.v = c3.v
                    AND t.lang = CASE WHEN c3.has_es AND cu.lang = 'es' THEN 'es' ELSE 'en' END
), c5 AS MATERIALIZED (
    SELECT c4.*,
           CASE status
               WHEN 'in-progress' THEN NULL
               WHEN 'no-answer' THEN CASE WHEN b13 % 2 = 0 THEN NULL ELSE 0 END
               WHEN 'busy' THEN 0
               WHEN 'voicemail' THEN 18 + b13 % 45
               WHEN 'failed' THEN CASE WHEN b13 % 3 = 0 THEN NULL ELSE 3 + b13 % 40 END
               ELSE CASE WHEN b14 < 5 THEN NULL
                         ELSE nlines * 14 + b13 % 90 + CASE WHEN status = 'transferred' THEN 120 + b14 % 300 ELSE 0 END END
           END AS duration,
           status NOT IN ('no-answer', 'busy', 'voicemail') AND b15 >= 3 AS has_transcript,
           CASE WHEN status IN ('no-answer', 'busy') THEN NULL
                WHEN scen = 'emergency' THEN round(0.85 + (b14 % 15) / 100.0, 2)
                WHEN scen = 'booking' THEN round(0.20 + (b14 % 40) / 100.0, 2)
                ELSE round(0.05 + (b14 % 30) / 100.0, 2)
           END AS urgency
    FROM c4
)
SELECT md5('call-' || n || '-' || j)::uuid,
       org_id,
       vapi_call_id,
       CASE WHEN b9 % 50 = 7 THEN NULL ELSE asst_id END,
       cust_phone,
       duration,
       status,
       CASE WHEN status IN ('no-answer', 'busy') OR b13 % 97 = 5 THEN NULL ELSE lang END,
       scen = 'emergency',
       urgency,
       CASE WHEN NOT has_transcript THEN NULL
            WHEN status = 'failed' THEN array_to_string((string_to_array(tx, chr(10)))[1:3], chr(10))
            WHEN status = 'in-progress' THEN array_to_string((string_to_array(tx, chr(10)))[1:4], chr(10))
            ELSE tx END,
       CASE WHEN status IN ('no-answer', 'busy', 'in-progress') OR (NOT has_transcript AND status <> 'voicemail') THEN NULL
            WHEN status = 'voicemail' THEN
                CASE WHEN lang = 'es' THEN 'El cliente dejó un mensaje de voz pidiendo que le devuelvan la llamada.'
                     ELSE 'Caller reached voicemail after hours and left a message asking for a callback.' END
            WHEN status = 'failed' THEN 'Call dropped before the caller finished stating the request.'
            ELSE sm
                 || CASE WHEN status = 'transferred' THEN ' Call transferred to a team member.' ELSE '' END
                 || CASE WHEN b15 % 61 = 1 THEN
                         CASE scen WHEN 'booking' THEN ' ✅' WHEN 'emergency' THEN ' 🚨' WHEN 'pricing' THEN ' 💬' ELSE ' 📅' END
                    ELSE '' END
       END,
       CASE WHEN status IN ('no-answer', 'busy', 'voicemail', 'failed', 'in-progress') THEN '[]'::jsonb
            WHEN scen = 'booking' THEN jsonb_build_array(
                jsonb_build_object('name', 'check_availability', 'result', 'success'),
                jsonb_build_object('name', 'book_appointment', 'result', CASE WHEN b13 < 20 THEN 'slot_taken_retried' ELSE 'success' END,
                                   'appointment_type', appt_type),
                jsonb_build_object('name', 'send_sms', 'template', 'appointment_confirmation'))
            WHEN scen = 'emergency' THEN jsonb_build_array(
                jsonb_build_object('name', 'detect_emergency', 'urgency', CASE WHEN urgency >= 0.95 THEN 'critical' ELSE 'high' END),
                jsonb_build_object('name', 'get_on_call_contact', 'result', 'success'),
                jsonb_build_object('name', 'notify_emergency_contact', 'channel', 'sms'),
                jsonb_build_object('name', 'transfer_call', 'mode', 'warm'))
            WHEN scen = 'reschedule' THEN jsonb_build_array(
                jsonb_build_object('name', 'lookup_appointment', 'result', 'found'),
                jsonb_build_object('name', 'reschedule_appointment', 'result', 'success'),
                jsonb_build_object('name', 'send_sms', 'template', 'appointment_rescheduled'))
            WHEN b13 % 2 = 0 THEN jsonb_build_array(jsonb_build_object('name', 'send_sms', 'template', 'pricing_sheet'))
            ELSE '[]'::jsonb
       END,
       jsonb_strip_nulls(jsonb_build_object(
           'customer_id', customer_id,
           'customer_name', cust_name,
           'direction', CASE WHEN status IN ('no-answer', 'busy') THEN 'outbound' ELSE 'inbound' END,
           'intent', CASE WHEN status IN ('no-answer', 'busy') THEN 'appointment_reminder' ELSE scen END,
           'ended_reason', CASE status
               WHEN 'completed' THEN CASE WHEN b12 % 2 = 0 THEN 'customer-ended-call' ELSE 'assistant-ended-call' END
               WHEN 'transferred' THEN 'assistant-forwarded-call'
               WHEN 'failed' THEN (ARRAY['pipeline-error-openai-llm-failed', 'twilio-failed-to-connect-call', 'silence-timed-out'])[1 + b12 % 3]
               WHEN 'no-answer' THEN 'customer-did-not-answer'
               WHEN 'busy' THEN 'customer-busy'
               WHEN 'voicemail' THEN 'voicemail'
           END,
           'cost_usd', round(coalesce(duration, 0) / 60.0 * 0.11, 3),
           'recording_url', CASE WHEN duration > 0 THEN 'https://storage.vapi.example/recordings/' || vapi_call_id || '.wav' END)),
       created_at,
       CASE WHEN status = 'in-progress' THEN now()
            ELSE created_at + ((coalesce(duration, 0) + 4) * INTERVAL '1 second') END
FROM c5;


-- Fresh row counts and statistics for the columns the following statements
-- filter and join on (the transcripts are left to autovacuum: sampling them
-- costs more than everything else here).
ANALYZE call_logs (organization_id, call_status, emergency_detected, created_at);


-- -----------------------------------------------------------------------------
-- emergency_notifications: 1-2 per emergency call (first alert, then an
-- escalation call to the other contact).
-- -----------------------------------------------------------------------------

INSERT INTO emergency_notifications (id, organization_id, emergency_contact_id, vapi_call_id, notification_type, urgency,
                                     message, status, sent_at, delivered_at, acknowledged_at, metadata, created_at, updated_at)
SELECT x.id, x.org_id, x.contact_id, x.vapi_call_id, x.notification_type, x.urgency, x.message, x.status,
       x.sent_at, x.delivered_at, x.acknowledged_at, x.metadata, x.created_at,
       coalesce(x.acknowledged_at, x.delivered_at, x.sent_at, x.created_at)
FROM (
    SELECT w.*,
           CASE WHEN w.status <> 'pending' THEN w.created_at + ((3 + w.b2 % 20) * INTERVAL '1 second') END AS sent_at,
           CASE WHEN w.status IN ('delivered', 'acknowledged') THEN w.created_at + ((8 + w.b2 % 40) * INTERVAL '1 second') END AS delivered_at,
           CASE WHEN w.status = 'acknowledged' THEN w.created_at + ((60 + w.b3 * 4) * INTERVAL '1 second') END AS acknowledged_at
    FROM (
        SELECT md5('notif-' || cl.id || '-' || s.s)::uuid AS id, cl.organization_id AS org_id,
               md5('contact-' || o.n || '-' || CASE WHEN (get_byte(h.h, 0) % 2 = 0) = (s.s = 1) THEN 2 ELSE 1 END)::uuid AS contact_id,
               cl.vapi_call_id,
               CASE WHEN s.s = 2 THEN 'call' WHEN get_byte(h.h, 1) < 30 THEN 'email' ELSE 'sms' END AS notification_type,
               CASE WHEN cl.urgency_score >= 0.95 THEN 'critical' ELSE 'high' END AS urgency,
               CASE WHEN s.s = 2 THEN 'ESCALATION - no acknowledgement yet. ' ELSE '' END
                   || 'EMERGENCY at ' || o.short_name || ': ' || coalesce(cl.summary, 'emergency call in progress')
                   || ' Caller: ' || coalesce(cl.metadata ->> 'customer_name', 'unknown') || ' ' || cl.customer_phone_number
                   || '. Reply ACK to acknowledge.' AS message,
               CASE WHEN cl.created_at > now() - INTERVAL '30 minutes' THEN CASE WHEN s.s = 1 THEN 'sent' ELSE 'pending' END
                    WHEN get_byte(h.h, 4) % 100 < 45 THEN 'acknowledged'
                    WHEN get_byte(h.h, 4) % 100 < 70 THEN 'delivered'
                    WHEN get_byte(h.h, 4) % 100 < 82 THEN 'sent'
                    WHEN get_byte(h.h, 4) % 100 < 95 THEN 'failed'
                    ELSE 'pending' END AS status,
               get_byte(h.h, 2) AS b2, get_byte(h.h, 3) AS b3,
               jsonb_build_object('attempt', s.s, 'provider', 'twilio',
                                  'message_sid', 'SM' || md5('notif-sid-' || cl.id || '-' || s.s)) AS metadata,
               cl.created_at + ((20 + (s.s - 1) * 90) * INTERVAL '1 second') AS created_at
        FROM call_logs cl
        JOIN _demo_org o ON o.id = cl.organization_id
        CROSS JOIN LATERAL (SELECT decode(md5('notif-' || cl.id), 'hex') AS h) h
        CROSS JOIN LATERAL generate_series(1, 1 + get_byte(h.h, 5) % 2) AS s(s)
        WHERE cl.emergency_detected
        OFFSET 0
    ) w
    OFFSET 0
) x;


-- -----------------------------------------------------------------------------
-- call_transfers: emergencies (to the on-call contact) and calls that ended
-- in a transfer (to the org's transfer line).
-- -----------------------------------------------------------------------------

INSERT INTO call_transfers (id, organization_id, vapi_call_id, reason, urgency, summary, customer_name, transfer_to,
                            status, connected_at, completed_at, metadata, created_at)
SELECT x.id, x.org_id, x.vapi_call_id, x.reason, x.urgency, x.summary, x.customer_name, x.transfer_to, x.status,
       CASE WHEN x.status IN ('connected', 'completed') THEN x.created_at + ((6 + x.b2 % 30) * INTERVAL '1 second') END,
       CASE WHEN x.status = 'completed' THEN x.created_at + ((60 + x.b3 * 3) * INTERVAL '1 second') END,
       x.metadata, x.created_at
FROM (
    SELECT md5('xfer-' || cl.id)::uuid AS id, cl.organization_id AS org_id, cl.vapi_call_id,
           CASE WHEN cl.emergency_detected THEN 'Emergency escalation'
                ELSE (ARRAY['Caller requested a human', 'Billing question', 'Complex quote request',
                            'Follow-up on existing job', 'Complaint about previous service', 'Insurance question'])[1 + get_byte(h.h, 0) % 6]
           END AS reason,
           CASE WHEN cl.emergency_detected THEN CASE WHEN cl.urgency_score >= 0.95 THEN 'critical' ELSE 'high' END
                ELSE (ARRAY['normal', 'low', 'normal', 'high'])[1 + get_byte(h.h, 1) % 4] END AS urgency,
           cl.summary,
           cl.metadata ->> 'customer_name' AS customer_name,
           CASE WHEN cl.emergency_detected THEN o.phone_prefix || repeat('9', o.phone_width - 1) || '2'
                ELSE o.phone_prefix || repeat('8', o.phone_width - 1) || '0' END AS transfer_to,
           CASE WHEN cl.call_status = 'in-progress' THEN CASE WHEN get_byte(h.h, 1) % 2 = 0 THEN 'connecting' ELSE 'connected' END
                WHEN get_byte(h.h, 4) % 100 < 78 THEN 'completed'
                WHEN get_byte(h.h, 4) % 100 < 85 THEN 'no_answer'
                WHEN get_byte(h.h, 4) % 100 < 92 THEN 'failed'
                WHEN get_byte(h.h, 4) % 100 < 96 THEN 'connected'
                WHEN get_byte(h.h, 4) % 100 < 98 THEN 'connecting'
                ELSE 'initiated' END AS status,
           get_byte(h.h, 2) AS b2, get_byte(h.h, 3) AS b3,
           jsonb_build_object('mode', o.transfer_mode, 'max_wait_seconds', o.max_wait,
                              'hold_music', get_byte(h.h, 5) % 2 = 0) AS metadata,
           cl.created_at + ((coalesce(cl.call_duration, 90) * 6 / 10) * INTERVAL '1 second') AS created_at
    FROM call_logs cl
    JOIN _demo_org o ON o.id = cl.organization_id
    CROSS JOIN LATERAL (SELECT decode(md5('xfer-' || cl.id), 'hex') AS h) h
    WHERE cl.call_status = 'transferred'
       OR (cl.emergency_detected AND cl.call_status IN ('completed', 'in-progress'))
    OFFSET 0
) x;


-- -----------------------------------------------------------------------------
-- sms_communications: appointment confirmations and reminders, inbound
-- replies, emergency dispatch texts and pricing follow-ups.
-- -----------------------------------------------------------------------------

INSERT INTO sms_communications (id, organization_id, customer_id, phone_number, message_content, message_type, language_code,
                                direction, status, twilio_message_sid, template_key, variables, delivered_at, created_at, updated_at)
SELECT md5('sms-' || m.kind || '-' || m.src_id)::uuid, m.org_id, m.customer_id, m.phone, m.body, m.message_type, m.lang,
       m.direction, m.status,
       'SM' || md5('sms-sid-' || m.kind || '-' || m.src_id),
       m.template_key, m.variables,
       CASE WHEN m.status = 'delivered' THEN m.created_at + ((2 + m.b % 9) * INTERVAL '1 second') END,
       m.created_at,
       CASE WHEN m.status = 'delivered' THEN m.created_at + ((2 + m.b % 9) * INTERVAL '1 second') ELSE m.created_at END
FROM (
    SELECT z.*,
           CASE WHEN z.direction = 'inbound' THEN 'delivered'
                WHEN z.b % 100 < 86 THEN 'delivered'
                WHEN z.b % 100 < 93 THEN 'sent'
                WHEN z.b % 100 < 97 THEN 'failed'
                ELSE 'undelivered' END AS status
    FROM (
        -- Appointment confirmations.
        SELECT 'confirm' AS kind, a.id::text AS src_id, a.organization_id AS org_id, a.customer_id, a.customer_phone AS phone,
               CASE WHEN a.language_preference = 'es'
                    THEN 'Hola ' || split_part(a.customer_name, ' ', 1) || ', su cita con ' || o.short_name || ' está confirmada para el '
                         || to_char(a.scheduled_date, 'DD/MM/YYYY') || ' a las ' || to_char(a.scheduled_date + a.scheduled_time, 'HH24:MI')
                         || '. Responda C para confirmar o R para cambiarla.'
                    ELSE 'Hi ' || split_part(a.customer_name, ' ', 1) || ', your ' || replace(a.appointment_type, '_', ' ')
                         || ' with ' || o.short_name || ' is confirmed for ' || to_char(a.scheduled_date, 'FMDay, FMMonth FMDD')
                         || ' at ' || to_char(a.scheduled_date + a.scheduled_time, 'FMHH12:MI AM') || '. Reply C to confirm or R to reschedule.'
               END AS body,
               'appointment_confirmation' AS message_type, a.language_preference AS lang, 'outbound' AS direction,
               'appointment_confirmation_' || a.language_preference AS template_key,
               jsonb_build_object('customer_name', a.customer_name, 'date', a.scheduled_date, 'time', to_char(a.scheduled_date + a.scheduled_time, 'HH24:MI')) AS variables,
               least(now(), a.created_at + INTERVAL '1 minute') AS created_at,
               get_byte(decode(md5('sms-c-' || a.id), 'hex'), 0) AS b
        FROM appointments a JOIN _demo_org o ON o.id = a.organization_id
        WHERE a.sms_sent
        UNION ALL
        -- Day-before reminders.
        SELECT 'remind', a.id::text, a.organization_id, a.customer_id, a.customer_phone,
               CASE WHEN a.language_preference = 'es'
                    THEN 'Recordatorio: mañana tiene cita con ' || o.short_name || ' a las ' || to_char(a.scheduled_date + a.scheduled_time, 'HH24:MI')
                         || '. Responda C para confirmar.'
                    ELSE 'Reminder: you have an appointment with ' || o.short_name || ' tomorrow at '
                         || to_char(a.scheduled_date + a.scheduled_time, 'FMHH12:MI AM') || '. Reply C to confirm, R to reschedule, STOP to opt out.'
               END,
               'appointment_reminder', a.language_preference, 'outbound',
               'appointment_reminder_' || a.language_preference,
               jsonb_build_object('customer_name', a.customer_name, 'time', to_char(a.scheduled_date + a.scheduled_time, 'HH24:MI')),
               greatest(a.created_at + INTERVAL '2 minutes',
                        least(now() - INTERVAL '5 minutes', (a.scheduled_date - 1 + TIME '10:00') AT TIME ZONE coalesce(o.tz, 'UTC'))),
               get_byte(decode(md5('sms-r-' || a.id), 'hex'), 0)
        FROM appointments a JOIN _demo_org o ON o.id = a.organization_id
        WHERE a.sms_reminder_sent
        UNION ALL
        -- Customer replies to reminders (about one in four).
        SELECT 'reply', a.id::text, a.organization_id, a.customer_id, a.customer_phone,
               CASE WHEN a.language_preference = 'es'
                    THEN (ARRAY['C', 'Sí, ahí estaré', 'Gracias', '¿Se puede cambiar a la tarde?'])[1 + get_byte(decode(md5('sms-i-' || a.id), 'hex'), 1) % 4]
                    ELSE (ARRAY['C', 'Yes, see you then', 'R', 'Can we make it a bit later in the day?', 'Thanks!', 'STOP'])[1 + get_byte(decode(md5('sms-i-' || a.id), 'hex'), 1) % 6]
               END,
               'inbound_reply', a.language_preference, 'inbound', NULL, '{}'::jsonb,
               greatest(a.created_at + INTERVAL '3 minutes',
                        least(now() - INTERVAL '1 minute', (a.scheduled_date - 1 + TIME '10:07') AT TIME ZONE coalesce(o.tz, 'UTC'))),
               0
        FROM appointments a JOIN _demo_org o ON o.id = a.organization_id
        WHERE a.sms_reminder_sent AND get_byte(decode(md5('sms-i-' || a.id), 'hex'), 0) < 64
        UNION ALL
        -- Emergency dispatch texts to the caller.
        SELECT 'dispatch', cl.id::text, cl.organization_id, (cl.metadata ->> 'customer_id')::uuid, cl.customer_phone_number,
               CASE WHEN cl.language_detected = 'es'
                    THEN 'La ayuda va en camino de parte de ' || o.short_name || '. ' || o.contacts[2]
                         || ' le llamará en breve. Si alguien está en peligro, llame al ' || o.emergency_number || '.'
                    ELSE 'Help is on the way from ' || o.short_name || '. ' || o.contacts[2]
                         || ' will call you shortly. If anyone is in danger, call ' || o.emergency_number || '.'
               END,
               'emergency_dispatch', coalesce(cl.language_detected, 'en'), 'outbound',
               'emergency_dispatch_' || coalesce(cl.language_detected, 'en'),
               jsonb_build_object('contact_name', o.contacts[2], 'vapi_call_id', cl.vapi_call_id),
               least(now(), cl.created_at + INTERVAL '45 seconds'),
               get_byte(decode(md5('sms-d-' || cl.id), 'hex'), 0)
        FROM call_logs cl JOIN _demo_org o ON o.id = cl.organization_id
        WHERE cl.emergency_detected
        UNION ALL
        -- Pricing sheets sent after pricing questions.
        SELECT 'pricing', cl.id::text, cl.organization_id, (cl.metadata ->> 'customer_id')::uuid, cl.customer_phone_number,
               CASE WHEN cl.language_detected = 'es'
                    THEN 'Gracias por llamar a ' || o.short_name || '. Nuestra lista de precios: https://' || o.domain || '/precios'
                    ELSE 'Thanks for calling ' || o.short_name || '! Here is our price list: https://' || o.domain || '/pricing'
               END,
               'pricing_info', coalesce(cl.language_detected, 'en'), 'outbound',
               'pricing_sheet_' || coalesce(cl.language_detected, 'en'),
               jsonb_build_object('link', 'https://' || o.domain || '/pricing'),
               cl.created_at + ((coalesce(cl.call_duration, 60) + 10) * INTERVAL '1 second'),
               get_byte(decode(md5('sms-p-' || cl.id), 'hex'), 0)
        FROM call_logs cl JOIN _demo_org o ON o.id = cl.organization_id
        WHERE cl.tools_used @> '[{"template": "pricing_sheet"}]'
    ) z
    OFFSET 0
) m;


-- -----------------------------------------------------------------------------
-- Billing: one subscription and three monthly invoices per org. Org 6 is
-- past_due with an open invoice, org 3 cancels at period end, org 4 has an
-- uncollectible invoice.
-- -----------------------------------------------------------------------------

INSERT INTO billing_subscriptions (id, organization_id, stripe_subscription_id, stripe_customer_id, status, plan_name,
                                   current_period_start, current_period_end, cancel_at_period_end, metadata, created_at, updated_at)
SELECT md5('sub-' || o.n)::uuid, o.id,
       'sub_demo' || substr(md5('stripe-sub-' || o.n), 1, 20),
       'cus_demo' || substr(md5('stripe-cus-' || o.n), 1, 14),
       CASE o.n WHEN 6 THEN 'past_due' ELSE 'active' END,
       o.plan,
       date_trunc('day', now()) - (((o.n * 5) % 28) * INTERVAL '1 day'),
       date_trunc('day', now()) - (((o.n * 5) % 28) * INTERVAL '1 day') + INTERVAL '1 month',
       o.n = 3,
       jsonb_build_object('included_minutes', CASE o.plan WHEN 'Starter' THEN 500 WHEN 'Growth' THEN 2000 ELSE 6000 END,
                          'currency', o.currency),
       o.org_created_at + INTERVAL '14 days',
       date_trunc('day', now()) - (((o.n * 5) % 28) * INTERVAL '1 day')
FROM _demo_org o;

INSERT INTO billing_invoices (id, organization_id, stripe_invoice_id, stripe_subscription_id, amount_paid, currency, status, paid_at, created_at, updated_at)
SELECT md5('inv-' || o.n || '-' || m.m)::uuid, o.id,
       'in_demo' || substr(md5('stripe-inv-' || o.n || '-' || m.m), 1, 20),
       'sub_demo' || substr(md5('stripe-sub-' || o.n), 1, 20),
       CASE WHEN st.status = 'paid' THEN
                o.plan_cents + (o.n * (m.m + 1) * 731) % (o.plan_cents / 5)
            ELSE 0 END,
       o.currency,
       st.status,
       CASE WHEN st.status = 'paid' THEN p.period_start + INTERVAL '1 hour' END,
       p.period_start,
       p.period_start + CASE WHEN st.status = 'paid' THEN INTERVAL '1 hour' ELSE INTERVAL '3 days' END
FROM _demo_org o
CROSS JOIN generate_series(0, 2) AS m(m)
CROSS JOIN LATERAL (
    SELECT date_trunc('day', now()) - (((o.n * 5) % 28) * INTERVAL '1 day') - (m.m * INTERVAL '1 month') AS period_start
) p
CROSS JOIN LATERAL (
    SELECT CASE WHEN o.n = 6 AND m.m = 0 THEN 'open'
                WHEN o.n = 4 AND m.m = 2 THEN 'uncollectible'
                ELSE 'paid' END AS status
) st;


-- -----------------------------------------------------------------------------
-- Clean up scratch tables.
-- -----------------------------------------------------------------------------

DROP TABLE _demo_tpl, _demo_appt, _demo_cust, _demo_user, _demo_generic, _demo_bank, _demo_asst, _demo_names, _demo_org;
