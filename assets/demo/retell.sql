-- =============================================================================
-- Retell Metrics demo data generator.
--
-- Run once, right after assets/schemas/retell.sql, on an empty database.
-- Set-based and deterministic: every value is derived from generate_series
-- indexes, modular arithmetic and md5() of fixed strings (no random(); all ids
-- are md5-derived uuids). Only timestamps move: they are relative to now(),
-- so the data always covers "the last 90 days".
-- No psql meta-commands and no BEGIN/COMMIT: the file can be sent as one
-- multi-statement simple query (e.g. to PGlite). Scratch data lives in
-- temporary tables named _demo_*, dropped at the end.
--
-- Tenancy is schema per organization: every organization gets its schema
-- from public.create_organization_schema() (a DO block stops the load if that
-- fails), and its calls are copied there from the scratch table by a DO loop
-- with format('%I'). Schema names follow create_organization()'s pattern
-- 'org_<slug, at most 26 chars>_<32 hex>' (hyphens kept, as in the seed).
--
-- Volume (fixed):
--   system.organizations   8 (org 8 'suspended': no call in the last 35 days)
--   calls             10,000 (2,000 / 1,800 / 1,500 / 1,000 / 1,200 / 900 /
--                             1,000 / 600 per org), inbound and outbound
--   call_rollups      one row per (UTC day, agent) with calls, per org
--   auth.users 27 (25 organization users + 2 super admins, STAND-IN table),
--   system.organization_users 25, system.system_users 2,
--   system.billing_history 32 (4 monthly periods per org),
--   system.activity_logs 8 x 54 + 3 = 435
--
-- Statuses: completed, failed, no_answer, busy, voicemail, in_progress (the two
-- newest calls of orgs 1-7). end_reason uses Retell's disconnection reasons
-- (user_hangup, agent_hangup, call_transfer, inactivity, max_duration_reached,
-- voicemail_reached, dial_no_answer, dial_busy, dial_failed,
-- error_llm_websocket_open, error_retell). billed_minutes = ceil(duration/60).
-- raw holds a small Retell webhook payload (no transcript, no keys/tokens).
--
-- Secrets (organizations.retell_api_key) hold the obviously fake value
-- 'demo-secret-not-real'. Every e-mail domain and URL is under .example.
-- =============================================================================


-- Transaction-local (a no-op when each statement runs in its own
-- transaction): scratch tables have no statistics, and on servers with JIT
-- enabled a JIT compile would cost more than the statement itself.
SELECT set_config('jit', 'off', true);


-- -----------------------------------------------------------------------------
-- Scratch: organizations
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_org AS
SELECT v.*,
       md5('retell-org-' || v.n)::uuid AS id,
       'org_' || rtrim(left(v.slug, 26), '-') || '_' || md5('retell-demo-schema-' || v.n) AS schema_name,
       now() - ((150 + v.n * 17) * INTERVAL '1 day') AS org_created_at
FROM (VALUES
    (1, 'Summit Family Dental', 'summit-family-dental', 'Summit Dental', 'dental', 2000, 15, -5, '617',
     ARRAY['Maya', 'Leo'], 0, 90, 'active', 'calls.summitfamilydental.example', 0.20, 0.40, '#0EA5E9', '#0369A1', '🦷'),
    (2, 'BlueLine Plumbing & Heating', 'blueline-plumbing-heating', 'BlueLine Plumbing', 'plumbing', 1800, 10, -6, '312',
     ARRAY['Sam', 'Rosa', 'Dex'], 0, 90, 'active', NULL, 0.20, 0.45, '#2563EB', '#1E3A8A', '🔧'),
    (3, 'Harbor Point Realty', 'harbor-point-realty', 'Harbor Point Realty', 'real_estate', 1500, 40, -8, '206',
     ARRAY['Olivia', 'Grant'], 0, 90, 'active', 'voice.harborpointrealty.example', 0.18, 0.40, '#059669', '#064E3B', '🏡'),
    (4, 'Whitaker & Cho Law Group', 'whitaker-cho-law-group', 'Whitaker & Cho', 'legal', 1000, 15, -5, '212',
     ARRAY['Claire'], 0, 90, 'active', NULL, 0.20, 0.50, '#334155', '#0F172A', '⚖️'),
    (5, 'Evergreen Veterinary Clinic', 'evergreen-veterinary-clinic', 'Evergreen Vet', 'veterinary', 1200, 20, -8, '503',
     ARRAY['Hazel', 'Finn'], 0, 90, 'active', NULL, 0.20, 0.40, '#16A34A', '#14532D', '🐾'),
    (6, 'Lakeside Physical Therapy', 'lakeside-physical-therapy', 'Lakeside PT', 'physical_therapy', 900, 20, -6, '512',
     ARRAY['Jordan'], 0, 90, 'active', NULL, 0.20, 0.35, '#F59E0B', '#92400E', '💪'),
    (7, 'Northstar Heating & Air', 'northstar-heating-air', 'Northstar', 'hvac', 1000, 25, -7, '303',
     ARRAY['Cody', 'Skye'], 0, 90, 'active', 'calls.northstarhvac.example', 0.20, 0.45, '#DC2626', '#7F1D1D', '❄️'),
    (8, 'Golden Key Property Management', 'golden-key-property-management', 'Golden Key', 'property_management', 600, 20, -5, '404',
     ARRAY['Avery', 'Quinn'], 35, 90, 'suspended', NULL, 0.20, 0.40, '#CA8A04', '#713F12', '🔑')
) AS v(n, name, slug, short_name, industry, calls, outbound_pct, utc_offset, area,
       agents, day_min, day_max, status, domain, cogs, rate, color1, color2, emoji);

ALTER TABLE _demo_org ADD COLUMN call_offset INT;
UPDATE _demo_org o SET call_offset = s.off
FROM (SELECT n, (sum(calls) OVER (ORDER BY n) - calls)::int AS off FROM _demo_org) s
WHERE s.n = o.n;

-- Agents: one Retell agent id per (org, persona).
CREATE TEMP TABLE _demo_agent AS
SELECT o.n, a.k::int AS k, o.agents[a.k] AS persona,
       'agent_' || substr(md5('retell-agent-' || o.n || '-' || a.k), 1, 24) AS agent_id
FROM _demo_org o
CROSS JOIN LATERAL generate_subscripts(o.agents, 1) AS a(k);

CREATE TEMP TABLE _demo_names (firsts text[], lasts text[], intl text[], pets text[]);
INSERT INTO _demo_names VALUES (
    ARRAY['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
          'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen',
          'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Priya', 'Mark', 'Sandra', 'Kevin', 'Ashley',
          'Brian', 'Emily', 'Tyler', 'Megan', 'Jordan', 'Aaliyah', 'DeShawn', 'Keisha', 'Connor', 'Hannah',
          'Sofia', 'Mateo', 'Chloé', 'Nguyen', 'Fatima', 'Raj'],
    ARRAY['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
          'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson',
          'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
          'Nguyen', 'Patel', 'Kim', 'Okafor', 'O''Brien', 'Müller', 'Kowalski', 'Rossi', 'Cohen', 'Haddad'],
    -- A few international callers (about one call in 120).
    ARRAY['王芳', '陈伟', '佐藤 花子', '김민준', 'أحمد منصور', 'فاطمة الزهراء'],
    ARRAY['Biscuit', 'Luna', 'Max', 'Bella', 'Charlie', 'Milo', 'Daisy', 'Rocky', 'Coco', 'Oliver']);


-- -----------------------------------------------------------------------------
-- Scratch: transcript phrase bank
--
-- _demo_intent: per industry, three inbound intents (k = 1..3) and one
-- outbound intent (k = 4): the opening lines, ordered (AI, customer) pairs,
-- the AI's closing line, the customer's goodbye, a summary template and the
-- outcome. _demo_ind: industry-wide pairs; _demo_generic: pairs for any
-- industry. Longer calls append the industry and generic pairs.
-- Placeholders: {ORG} {AGENT} {DAY} {TIME} per template; {NAME} {FIRST}
-- {PET} per call.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_intent (ind text, k int, dir text, urgent boolean, force_transfer boolean,
                                ai_open text, cu_open text, ai text[], cu text[],
                                close_ai text, bye text, summary text, outcome text);
INSERT INTO _demo_intent VALUES
    -- Dental -----------------------------------------------------------------
    ('dental', 1, 'inbound', false, false, NULL,
     'Hi, I''d like to schedule a cleaning and checkup. It''s been about a year.',
     ARRAY['Happy to help with that. Are you a current patient with us, or would this be your first visit?',
           'Welcome back. Do you still have the same dental insurance on file?',
           'Thanks, we''re in network with Delta Dental. I have {DAY} at {TIME} with our hygienist Maria. Does that work?'],
     ARRAY['I''ve been there before, a couple of years ago.',
           'No, I switched to Delta Dental through my new job.',
           '{DAY} at {TIME} works for me.'],
     'You''re all set for a cleaning and exam on {DAY} at {TIME}. I''ll text you a confirmation and a link to update your insurance details.',
     'Perfect, thank you so much.',
     '{NAME} booked a cleaning and exam for {DAY} at {TIME}. Returning patient; insurance changed to Delta Dental, update link sent by SMS.',
     'appointment_booked'),
    ('dental', 2, 'inbound', true, false, NULL,
     'Hi, I have a really bad toothache on the lower left side and it''s keeping me up at night.',
     ARRAY['I''m sorry you''re in pain. Is there any swelling in your face or jaw, or a fever?',
           'Thank you. Swelling can mean an infection, so we''d like to see you soon. Can you come in {DAY} at {TIME} for an emergency exam?',
           'Until then you can take over-the-counter pain relief as directed and rinse with warm salt water. If the swelling spreads or you have trouble breathing or swallowing, go to the emergency room.'],
     ARRAY['A little swelling in the gum, no fever.',
           'Yes, I can make that work.',
           'Okay, thank you, that''s helpful.'],
     'You''re booked for an emergency exam on {DAY} at {TIME}. Please arrive ten minutes early, and call us if anything gets worse.',
     'Will do. Thanks again.',
     'Urgent: {NAME} reported a lower left toothache with gum swelling, no fever. Emergency exam booked for {DAY} at {TIME}; ER precautions given.',
     'appointment_booked'),
    ('dental', 3, 'inbound', false, false, NULL,
     'Hi, I got a bill from you and I thought my insurance was supposed to cover the filling.',
     ARRAY['I can help look into that. Can I get the patient''s full name and date of birth?',
           'Thank you. I see the claim was processed and insurance paid 80 percent; the remaining balance is your 20 percent coinsurance.',
           'That''s a common question. I can have our billing coordinator call you to go over the explanation of benefits, or set up a payment plan.'],
     ARRAY['It''s {NAME}, June 12th, 1988.',
           'Oh, I didn''t realize it was only 80 percent.',
           'A call from billing would be great.'],
     'I''ve asked our billing coordinator to call you back within one business day.',
     'Okay, thanks for explaining.',
     '{NAME} questioned a balance for a filling; insurance paid 80%, the rest is coinsurance. Billing coordinator callback requested.',
     'callback_requested'),
    ('dental', 4, 'outbound', false, false,
     'Hi, this is {AGENT}, the virtual assistant from {ORG}, calling for {FIRST}. I''m calling to confirm your appointment on {DAY} at {TIME}.',
     'Oh hi, yes, this is {FIRST}.',
     ARRAY['Great. Will you be able to make it on {DAY} at {TIME}?',
           'Wonderful. Please bring your insurance card and a photo ID, and arrive about ten minutes early.'],
     ARRAY['Yes, I''ll be there.',
           'Got it.'],
     'Your appointment is confirmed. If anything changes, just call or text us at this number.',
     'Thanks for the reminder.',
     'Reminder call: {NAME} confirmed the appointment on {DAY} at {TIME}.',
     'appointment_confirmed'),

    -- Plumbing ---------------------------------------------------------------
    ('plumbing', 1, 'inbound', false, false, NULL,
     'Hi, my kitchen sink is draining really slowly and it gurgles when the dishwasher runs.',
     ARRAY['Sorry to hear that. Is it just the kitchen sink, or are other drains in the house slow too?',
           'That usually points to a partial clog in the kitchen line. I have a technician available {DAY} at {TIME}. Would that work?',
           'The diagnostic visit is $89, and that''s applied to the repair if you go ahead. Is there anything the technician should know about parking or access?'],
     ARRAY['Just the kitchen one as far as I can tell.',
           'Yes, {DAY} at {TIME} is good.',
           'Street parking is fine, and the side gate is unlocked.'],
     'You''re all set for {DAY} at {TIME}. The technician will call when they''re on the way.',
     'Great, thank you.',
     '{NAME} booked drain service for {DAY} at {TIME}: slow kitchen sink that gurgles with the dishwasher. $89 diagnostic fee quoted.',
     'appointment_booked'),
    ('plumbing', 2, 'inbound', true, true, NULL,
     'I need someone right now, a pipe burst under the sink and there''s water all over the kitchen floor!',
     ARRAY['I''m going to help you right away. Do you know where your main water shut-off valve is?',
           'Please turn that valve clockwise until it stops. That will stop the water while we get someone to you.',
           'Good job. Is any water near outlets or appliances?',
           'Please stay clear of anything plugged in. I''m transferring you to our on-call plumber now so they can confirm your address and an arrival time.'],
     ARRAY['I think it''s in the basement next to the water heater.',
           'Okay, I turned it. The water''s stopping.',
           'Some near the dishwasher, but not the outlets.',
           'Okay, thank you.'],
     'Connecting you now. Please stay on the line.',
     'Thanks.',
     'EMERGENCY: burst pipe under the kitchen sink at {NAME}''s home. Caller shut off the main valve; transferred to the on-call plumber.',
     'transferred'),
    ('plumbing', 3, 'inbound', false, false, NULL,
     'How much would it cost to replace a water heater? Mine is about twelve years old.',
     ARRAY['Happy to help. Is it a standard tank heater, and do you know if it''s gas or electric?',
           'A standard 50-gallon gas replacement usually runs between $1,600 and $2,300 installed, depending on venting and permits.',
           'We also offer financing, and the in-home estimate is free. Would you like to book one?'],
     ARRAY['It''s a 50 gallon gas tank.',
           'Okay, that''s about what I expected.',
           'Let me talk to my husband first.'],
     'No problem. I''ll text you our pricing sheet and a link to book the free estimate whenever you''re ready.',
     'Sounds good, bye.',
     'Pricing inquiry from {NAME}: 50-gal gas water heater replacement, quoted $1,600-$2,300 installed. Pricing sheet sent; no booking yet.',
     'information_provided'),
    ('plumbing', 4, 'outbound', false, false,
     'Hi {FIRST}, this is {AGENT}, the virtual assistant from {ORG}. I''m following up on the repipe estimate we sent last week.',
     'Oh right, yes, I got it.',
     ARRAY['Great. Did you have any questions about the estimate, or would you like to schedule the work?',
           'I can''t change the price myself, but I can have our estimator call you to go over options, like doing the job in two phases.'],
     ARRAY['The price is a bit higher than I hoped. Is there any flexibility?',
           'That would be helpful.'],
     'I''ll have the estimator call you {DAY} afternoon. Thanks for your time, {FIRST}.',
     'Thanks, bye.',
     'Estimate follow-up: {NAME} received the repipe estimate and asked about pricing flexibility. Estimator callback set for {DAY}.',
     'callback_requested'),

    -- Real estate ------------------------------------------------------------
    ('real_estate', 1, 'inbound', false, false, NULL,
     'Hi, I saw the listing for the three-bedroom on Maple Street and I''d like to see it.',
     ARRAY['Great choice, that one just came on the market. Are you working with an agent already?',
           'No problem. Have you been pre-approved for a mortgage?',
           'Perfect. I can book a private showing {DAY} at {TIME} with one of our agents. Does that work?'],
     ARRAY['No, we''re not working with anyone yet.',
           'Yes, we''re pre-approved up to 550.',
           'Yes, {DAY} at {TIME} works.'],
     'You''re booked for a showing {DAY} at {TIME}. I''ll text you the address and the agent''s contact details.',
     'Thank you!',
     'New buyer lead {NAME}: showing of the Maple Street 3BR booked for {DAY} at {TIME}. Pre-approved up to $550k; no agent yet.',
     'showing_booked'),
    ('real_estate', 2, 'inbound', false, false, NULL,
     'Hi, we''re thinking about selling our house in the spring and wanted to know what it might be worth.',
     ARRAY['I''d be happy to help. Can you tell me a bit about the home?',
           'Thanks. One of our listing agents can prepare a free comparative market analysis. Would you like them to visit {DAY} at {TIME}?'],
     ARRAY['It''s a four-bedroom colonial, about 2,400 square feet, with a finished basement.',
           'Sure, that works.'],
     'Great, your home valuation visit is set for {DAY} at {TIME}. The agent will bring recent sales from your neighborhood.',
     'Sounds good, thanks.',
     'Seller lead {NAME}: 4BR colonial, about 2,400 sq ft. Valuation visit set for {DAY} at {TIME}.',
     'lead_captured'),
    ('real_estate', 3, 'inbound', false, false, NULL,
     'Hi, is the two-bedroom apartment on Harbor Avenue still available for rent?',
     ARRAY['Let me check. Yes, it''s still available from the first of next month, at $2,150 per month.',
           'Cats and small dogs are allowed with a $300 pet deposit. Would you like me to send you the application link?'],
     ARRAY['Are pets allowed?',
           'Yes, please send it.'],
     'I''ve texted you the application link and the list of required documents.',
     'Thanks, I''ll fill it out tonight.',
     'Rental inquiry from {NAME} for the 2BR on Harbor Avenue ($2,150/mo, pets allowed with deposit). Application link sent.',
     'information_provided'),
    ('real_estate', 4, 'outbound', false, false,
     'Hi {FIRST}, this is {AGENT} from {ORG}. You recently asked about homes in the Westside area, and I wanted to follow up.',
     'Oh, hi. Yes, we''re still looking.',
     ARRAY['Great to hear. Are you still looking in the same price range, and how many bedrooms do you need?',
           'Three new listings match that. Would you like to tour them {DAY} at {TIME}?'],
     ARRAY['Under 600, at least three bedrooms.',
           'Sure, let''s do that.'],
     'You''re set for tours {DAY} at {TIME}. I''ll text you the addresses.',
     'Thanks, talk soon.',
     'Lead follow-up with {NAME}: still searching, 3BR+ under $600k. Tours of three listings booked for {DAY} at {TIME}.',
     'showing_booked'),

    -- Legal ------------------------------------------------------------------
    ('legal', 1, 'inbound', false, false, NULL,
     'Hi, I was in a car accident last week and the other driver''s insurance keeps calling me. I think I need a lawyer.',
     ARRAY['I''m sorry to hear about the accident. Were you injured, and have you seen a doctor?',
           'Thank you. Please don''t give a recorded statement to the other insurer before speaking with an attorney. I can book a free consultation {DAY} at {TIME}.',
           'Please bring the police report number, photos and any medical bills you have.'],
     ARRAY['Yes, I hurt my neck and I''ve been seeing a chiropractor.',
           'Okay, {DAY} works.',
           'I have the report number and photos.'],
     'Your free consultation is booked for {DAY} at {TIME}. I''ll text you the intake form and our office address.',
     'Thank you, I appreciate it.',
     'PI intake: {NAME}, rear-end collision last week, neck injury under chiropractic care. Free consultation {DAY} at {TIME}; advised not to give a recorded statement.',
     'consultation_booked'),
    ('legal', 2, 'inbound', false, false, NULL,
     'Hello, my wife and I want to set up wills and maybe a trust. Do you handle that?',
     ARRAY['Yes, our estate planning team does. Do you have minor children or property in more than one state?',
           'Thanks. Many families in your situation choose a revocable living trust. Our flat-fee package starts at $2,400. Would you like to meet with attorney Cho?'],
     ARRAY['Two kids under ten, and just our house here.',
           'Yes, please.'],
     'You''re booked with attorney Cho on {DAY} at {TIME}. I''ll email you a short questionnaire to fill out beforehand.',
     'Great, thank you.',
     'Estate planning inquiry from {NAME}: married, two minor children. Flat-fee trust package ($2,400+) discussed; meeting with attorney Cho {DAY} at {TIME}.',
     'consultation_booked'),
    ('legal', 3, 'inbound', false, false, NULL,
     'Hi, this is {NAME}. I''m a current client and I wanted to check on the status of my case.',
     ARRAY['Thanks for calling. For your privacy I can''t discuss case details, but I can send a message to your attorney right away. What would you like them to know?',
           'Understood. I''ll mark it as time-sensitive. What''s the best time for a callback?'],
     ARRAY['Just that I got a letter from the court and I''m not sure what it means.',
           'Any time after 3 today.'],
     'I''ve sent your message to your attorney and the paralegal, marked time-sensitive, with a callback after 3 PM.',
     'Thanks.',
     'Existing client {NAME} received a court letter and asked for a callback after 3 PM. Message forwarded to attorney and paralegal (time-sensitive).',
     'message_taken'),
    ('legal', 4, 'outbound', false, false,
     'Hello, this is {AGENT}, the virtual assistant from {ORG}, calling for {FIRST} about your consultation on {DAY} at {TIME}.',
     'Yes, this is {FIRST}.',
     ARRAY['I''m calling to confirm you can still attend, and to remind you to bring any documents related to your matter.'],
     ARRAY['Yes, I''ll be there, and I have the documents ready.'],
     'Thank you, your consultation is confirmed. Our office is on the 4th floor; parking validation is available at the front desk.',
     'Great, see you then.',
     'Consultation reminder: {NAME} confirmed attendance on {DAY} at {TIME}.',
     'appointment_confirmed'),

    -- Veterinary -------------------------------------------------------------
    ('veterinary', 1, 'inbound', false, false, NULL,
     'Hi, I need to book my dog {PET} in for the annual vaccinations.',
     ARRAY['Of course. Is {PET} already a patient with us?',
           'Thanks. It looks like {PET} is due for rabies and DHPP. I have {DAY} at {TIME} with Dr. Alvarez. Does that work?',
           'Please bring {PET} on a leash, and a fresh stool sample if you can.'],
     ARRAY['Yes, we were in last spring.',
           'Yes, that''s perfect.',
           'Will do.'],
     '{PET} is booked for vaccines on {DAY} at {TIME}. You''ll get a reminder text the day before.',
     'Thanks so much.',
     'Vaccination visit for {PET} (owner {NAME}) on {DAY} at {TIME}; due for rabies and DHPP.',
     'appointment_booked'),
    ('veterinary', 2, 'inbound', true, false, NULL,
     'Hi, my dog {PET} just ate a whole bar of dark chocolate, what should I do?',
     ARRAY['Thank you for calling right away. How much does {PET} weigh, and how long ago did this happen?',
           'Dark chocolate can be dangerous at that size, so we''d like to see {PET} right away. Can you come in now?',
           'Please bring the wrapper so the vet can see how much was eaten. I''m letting the team know you''re on the way.'],
     ARRAY['About 20 pounds, and it was maybe half an hour ago.',
           'Yes, I can leave right now.',
           'Okay, we''re leaving now.'],
     'The team is expecting you. If {PET} starts vomiting repeatedly or shaking, tell the front desk right away when you arrive.',
     'Thank you!',
     'URGENT: {NAME}''s dog {PET} (about 20 lb) ate a dark chocolate bar about 30 minutes ago. Told to come in now with the wrapper; team alerted.',
     'urgent_visit'),
    ('veterinary', 3, 'inbound', false, false, NULL,
     'Hi, I need to refill {PET}''s heartworm prevention.',
     ARRAY['Happy to help. Which product does {PET} take, and what size?',
           'Thanks. I''ve sent the refill request to the doctor for approval. It''s usually ready within 24 hours.'],
     ARRAY['Heartgard, the blue box for medium dogs.',
           'Great. Can I pick it up tomorrow?'],
     'Yes, we''ll text you as soon as it''s ready for pickup.',
     'Perfect, thanks.',
     'Refill request from {NAME}: Heartgard (medium dog) for {PET}. Sent for doctor approval; pickup text to follow.',
     'refill_requested'),
    ('veterinary', 4, 'outbound', false, false,
     'Hi, this is {AGENT} calling from {ORG}. This is a reminder that {PET} is due for a wellness exam.',
     'Oh, thanks for the reminder.',
     ARRAY['Would you like to book it now? I have {DAY} at {TIME} available.'],
     ARRAY['Sure, {DAY} at {TIME} works.'],
     'Great, {PET} is booked for {DAY} at {TIME}. See you then!',
     'Thanks, bye.',
     'Wellness reminder call: {NAME} booked {PET}''s exam for {DAY} at {TIME}.',
     'appointment_booked'),

    -- Physical therapy -------------------------------------------------------
    ('physical_therapy', 1, 'inbound', false, false, NULL,
     'Hi, my doctor referred me for physical therapy after knee surgery. I''d like to set up my first visit.',
     ARRAY['Glad you''re through the surgery. When was the procedure, and what was done?',
           'Thank you. Do you have the referral and your insurance card handy?',
           'Great. I have an initial evaluation {DAY} at {TIME}. It takes about an hour.'],
     ARRAY['An ACL reconstruction, two weeks ago.',
           'Yes, I have the referral from Dr. Kim and my Aetna card.',
           'That works.'],
     'You''re booked for your evaluation {DAY} at {TIME}. Please wear shorts or loose clothing and bring your referral.',
     'Great, thank you.',
     'New patient {NAME}: ACL reconstruction 2 weeks ago, referral from Dr. Kim, Aetna. Initial evaluation {DAY} at {TIME}.',
     'appointment_booked'),
    ('physical_therapy', 2, 'inbound', false, false, NULL,
     'Hi, I need to move my appointment tomorrow, something came up at work.',
     ARRAY['No problem. Can I have your full name and date of birth?',
           'Thanks, {FIRST}. I can move you to {DAY} at {TIME} with the same therapist.'],
     ARRAY['It''s {NAME}, October 3rd, 1979.',
           'Yes, that''s better.'],
     'Done. Your appointment is now {DAY} at {TIME}, and tomorrow''s slot has been released.',
     'Thank you.',
     '{NAME} rescheduled their therapy session to {DAY} at {TIME} with the same therapist.',
     'rescheduled'),
    ('physical_therapy', 3, 'inbound', false, false, NULL,
     'Hi, how many physical therapy visits does my insurance cover?',
     ARRAY['I can check. Which insurance do you have?',
           'Most Blue Cross PPO plans cover 20 to 30 visits a year, but it depends on your plan. Our billing team can verify your exact benefits within a day.'],
     ARRAY['Blue Cross PPO.',
           'Yes, please have them check.'],
     'I''ve asked billing to verify your benefits and call you back.',
     'Thanks.',
     'Benefits question from {NAME} (Blue Cross PPO): typical 20-30 visits a year explained; billing to verify and call back.',
     'callback_requested'),
    ('physical_therapy', 4, 'outbound', false, false,
     'Hi {FIRST}, this is {AGENT} from {ORG}. We missed you at your session today and wanted to check in.',
     'Oh no, I completely forgot, I''m sorry.',
     ARRAY['No worries. Staying consistent really helps your recovery. Can I rebook you for {DAY} at {TIME}?'],
     ARRAY['Yes, please do.'],
     'You''re rebooked for {DAY} at {TIME}. We''ll send a reminder the day before.',
     'Thank you.',
     'Missed-visit follow-up: {NAME} missed today''s session; rebooked for {DAY} at {TIME}.',
     'rescheduled'),

    -- HVAC -------------------------------------------------------------------
    ('hvac', 1, 'inbound', false, false, NULL,
     'Hi, our furnace stopped working last night and the house is freezing.',
     ARRAY['I''m sorry, let''s get that fixed. Is the thermostat set to heat, and have you checked the breaker for the furnace?',
           'Thanks. Do you smell gas anywhere in the house?',
           'Good. I have a technician who can be there {DAY} at {TIME}. Our no-heat service call is $99.'],
     ARRAY['Yes, it''s on heat and the breaker is fine.',
           'No, no gas smell.',
           'Yes, please send them.'],
     'You''re booked for {DAY} at {TIME}. If you ever smell gas, leave the house and call the gas company from outside.',
     'Thank you so much.',
     'No-heat call from {NAME}: furnace down since last night, thermostat and breaker OK, no gas smell. Service booked {DAY} at {TIME} ($99).',
     'appointment_booked'),
    ('hvac', 2, 'inbound', false, false, NULL,
     'Hi, I''d like to schedule an AC tune-up before summer.',
     ARRAY['Great idea. Are you a member of our Comfort Club maintenance plan?',
           'It''s $15 a month and covers two tune-ups a year plus 15 percent off repairs. Would you like to join, or just book a one-time tune-up for $129?',
           'Sure. I have {DAY} at {TIME}.'],
     ARRAY['No, what is that?',
           'Let''s just do the one-time tune-up for now.',
           'That works.'],
     'You''re booked for an AC tune-up {DAY} at {TIME}.',
     'Thanks.',
     '{NAME} booked a one-time AC tune-up ($129) for {DAY} at {TIME}; declined the Comfort Club plan for now.',
     'appointment_booked'),
    ('hvac', 3, 'inbound', false, false, NULL,
     'Hi, my new thermostat keeps saying the system is in recovery mode. Is that normal?',
     ARRAY['Good question. Recovery mode means the thermostat starts early so it reaches your scheduled temperature on time. It''s normal.',
           'Correct. If you''d rather it didn''t, you can turn off smart recovery in the settings menu. I can text you the steps.'],
     ARRAY['Oh, okay. So I don''t need to do anything?',
           'Yes, send them please.'],
     'I''ve texted you the steps. Call us any time if you have other questions.',
     'Thanks for the help.',
     'Thermostat question from {NAME}: recovery mode explained as normal; steps to disable smart recovery sent by SMS.',
     'information_provided'),
    ('hvac', 4, 'outbound', false, false,
     'Hi, this is {AGENT} from {ORG}. It''s been about a year since your last furnace tune-up, and I''m calling to help you schedule the next one.',
     'Oh, right, it''s probably time.',
     ARRAY['I have {DAY} at {TIME}. Would that work?',
           'Sure, I''ll put you down for the following {DAY} at {TIME}.'],
     ARRAY['Actually, can we do the week after?',
           'Perfect.'],
     'You''re all set. We''ll send a reminder the day before.',
     'Thanks.',
     'Maintenance reminder: {NAME} booked the annual furnace tune-up for the following {DAY} at {TIME}.',
     'appointment_booked'),

    -- Property management ----------------------------------------------------
    ('property_management', 1, 'inbound', false, false, NULL,
     'Hi, I''m a tenant and my bathroom faucet has been leaking for a few days.',
     ARRAY['Sorry about that. Can I get your name and unit number?',
           'Thanks. Is the leak constant, and is water getting onto the floor?',
           'Okay, that''s non-urgent. I''ve created a work order, and maintenance can come {DAY} at {TIME}. Do we have permission to enter if you''re not home?'],
     ARRAY['It''s {NAME}, unit 4B.',
           'It''s a steady drip, nothing on the floor.',
           'Yes, that''s fine.'],
     'Your work order is submitted for {DAY} at {TIME} with permission to enter.',
     'Thank you.',
     'Maintenance request from {NAME} (unit 4B): dripping bathroom faucet. Work order for {DAY} at {TIME}; permission to enter given.',
     'work_order_created'),
    ('property_management', 2, 'inbound', true, true, NULL,
     'Water is dripping through my ceiling from the unit upstairs!',
     ARRAY['I''m treating this as an emergency. Is the water near any light fixtures or outlets?',
           'Please switch that circuit off at the breaker if you can do it safely, and move valuables away. I''m connecting you to our on-call maintenance supervisor now.'],
     ARRAY['It''s near the ceiling light in the hallway.',
           'Okay, thank you.'],
     'Transferring you now, please stay on the line.',
     'Okay.',
     'EMERGENCY: ceiling leak from the unit above reported by {NAME}, near a light fixture. Safety advice given; transferred to on-call maintenance.',
     'transferred'),
    ('property_management', 3, 'inbound', false, false, NULL,
     'Hi, I wanted to ask if I can pay rent a few days late this month.',
     ARRAY['I understand. Rent is due on the first, with a grace period until the fifth. After that a $50 late fee applies.',
           'I''ll note that and have the property manager reach out about a payment arrangement.'],
     ARRAY['I should be able to pay by the seventh.',
           'Thank you, I appreciate it.'],
     'I''ve passed your request to the property manager, who will contact you within one business day.',
     'Thanks, bye.',
     'Tenant {NAME} asked about paying rent by the 7th. Grace period and $50 late fee explained; property manager to follow up.',
     'message_taken'),
    ('property_management', 4, 'outbound', false, false,
     'Hello, this is {AGENT} from {ORG}, calling {FIRST} about the annual unit inspection scheduled for {DAY} at {TIME}.',
     'Oh, okay. Do I need to be home?',
     ARRAY['You don''t need to be home, but please make sure pets are secured. The inspection takes about twenty minutes.'],
     ARRAY['Okay, I''ll put the cat in the bedroom.'],
     'Thank you. You''ll also receive a written notice by email.',
     'Okay, thanks.',
     'Inspection notice delivered to {NAME} for {DAY} at {TIME}; tenant will secure pets.',
     'notice_delivered');

CREATE TEMP TABLE _demo_ind (ind text, ai text[], cu text[]);
INSERT INTO _demo_ind VALUES
    ('dental',
     ARRAY['Do you have any allergies to medications, like penicillin or latex?', 'Would you prefer morning or afternoon appointments in general?',
           'Do you also want us to check whether your kids are due for a cleaning?', 'We also send text reminders two days before each visit. Would you like those?'],
     ARRAY['Just penicillin.', 'Mornings are usually better for me.', 'Not right now, thanks.', 'Yes, texts are great.']),
    ('plumbing',
     ARRAY['Is the home a house, a condo or an apartment?', 'Do you know roughly how old the plumbing is?',
           'Have you had any work done on this issue before?', 'Are you the homeowner, or should we coordinate with a landlord?'],
     ARRAY['It''s a single-family house.', 'The house was built in the seventies.', 'No, this is the first time.', 'I''m the owner.']),
    ('real_estate',
     ARRAY['What''s the best email to send listing details to?', 'Are you hoping to move within the next three months?',
           'Would you also like to get our new-listing alerts?', 'Do you need to sell a current home before buying?'],
     ARRAY['I''d rather just get texts for now.', 'Ideally before the school year starts.', 'Yes, that would be helpful.', 'No, we''re renting right now.']),
    ('legal',
     ARRAY['Just so you know, I''m an AI assistant and can''t give legal advice, but I can get you to the right attorney.', 'Has another firm represented you on this matter?',
           'Is there a deadline coming up, like a court date, that we should know about?', 'Can I confirm the spelling of your last name?'],
     ARRAY['That''s fine.', 'No, never.', 'Not that I know of.', 'Sure, it''s spelled the way it sounds.']),
    ('veterinary',
     ARRAY['Has {PET} had any vomiting, diarrhea or changes in appetite lately?', 'Is {PET} on any medications right now?',
           'Would you like us to trim {PET}''s nails during the visit?', 'Can I confirm the best phone number for the reminder text?'],
     ARRAY['No, eating normally.', 'Just the flea and tick chew.', 'Sure, why not.', 'This number is fine.']),
    ('physical_therapy',
     ARRAY['On a scale of zero to ten, how would you rate your pain today?', 'Are you keeping up with your home exercise program?',
           'Do you prefer early morning or evening sessions?', 'Would you like text reminders for all your visits?'],
     ARRAY['About a four.', 'Most days, yes.', 'Early morning, before work.', 'Yes, please.']),
    ('hvac',
     ARRAY['How old is the system, roughly?', 'Is the equipment in the basement, the attic, or a closet?',
           'Do you have any pets the technician should know about?', 'Would you like a text when the technician is on the way?'],
     ARRAY['I think it''s about ten years old.', 'It''s in the basement.', 'We have a dog, but we''ll keep him inside.', 'Yes, please.']),
    ('property_management',
     ARRAY['Can I confirm the property address?', 'Is this the best phone number for the technician to reach you?',
           'Do you have any pets in the unit?', 'Would you like updates on the work order by text?'],
     ARRAY['It''s the Oakwood building on 5th Street.', 'Yes, this is my cell.', 'Just a cat.', 'Yes, texts are best.']);

CREATE TEMP TABLE _demo_generic (greet text[], ai text[], cu text[]);
INSERT INTO _demo_generic VALUES (
    ARRAY['Thank you for calling {ORG}, this is {AGENT}. How can I help you today?',
          'Hi, you''ve reached {ORG}. I''m {AGENT}, a virtual assistant, and this call may be recorded. What can I do for you?',
          'Hello, {ORG}, {AGENT} speaking. How may I help?'],
    ARRAY['Can I get your full name, please?', 'Thanks, {FIRST}. Is this the best number to reach you?',
          'Would you like a text confirmation?', 'Sorry, I didn''t quite catch that. Could you say it again?',
          'How did you hear about us?', 'Is there anything else I can help you with today?'],
    ARRAY['Sure, it''s {NAME}.', 'Yes, this is my cell.', 'Yes, please.', 'Sorry, I said yes, that works.',
          'A neighbor recommended you.', 'No, I think that covers it.']);


-- -----------------------------------------------------------------------------
-- Transcript templates: 12 variants per (org, intent), 4 to 30 lines each:
-- AI greeting (inbound) or AI opener (outbound), customer opener, (AI,
-- customer) pairs, AI closing, customer goodbye when the line count is even.
-- Variant 5 uses the "Agent:" / "User:" labels instead of "AI:" / "Customer:".
-- -----------------------------------------------------------------------------

-- Built in steps: the pairs are unnested into their own scratch table and
-- joined by position (subscripting the arrays once per line was ten times
-- slower).
CREATE TEMP TABLE _demo_sized AS
WITH base AS (
    SELECT o.n, o.short_name, o.industry, i.k, v.v,
           a.persona, a.agent_id,
           i.dir, i.urgent, i.force_transfer, i.ai_open, i.cu_open, i.close_ai, i.bye, i.summary, i.outcome,
           i.ai || d.ai || g.ai AS all_ai, i.cu || d.cu || g.cu AS all_cu, g.greet,
           (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])[1 + (v.v * 3 + i.k) % 5] AS day_en,
           (ARRAY['8:30 AM', '9:00 AM', '10:30 AM', '11:00 AM', '1:00 PM', '2:30 PM', '3:00 PM', '4:30 PM'])[1 + (v.v * 5 + i.k + o.n) % 8] AS time_en
    FROM _demo_org o
    JOIN _demo_intent i ON i.ind = o.industry
    JOIN _demo_ind d ON d.ind = o.industry
    CROSS JOIN _demo_generic g
    CROSS JOIN generate_series(0, 11) AS v(v)
    JOIN _demo_agent a ON a.n = o.n AND a.k = 1 + v.v % cardinality(o.agents)
)
SELECT b.*,
       least(4 + (b.v * 7 + b.k * 5 + b.n * 3) % 27, 4 + 2 * cardinality(b.all_ai)) AS nlines
FROM base b;

CREATE TEMP TABLE _demo_pairs AS
SELECT s.n, s.k, s.v, p.p::int AS p, p.ai, p.cu
FROM _demo_sized s
CROSS JOIN LATERAL unnest(s.all_ai, s.all_cu) WITH ORDINALITY AS p(ai, cu, p);

CREATE TEMP TABLE _demo_tpl AS
WITH lines AS (
    SELECT s.n, s.k, s.v, t.t,
           CASE WHEN s.v = 5 THEN CASE WHEN t.t % 2 = 1 THEN 'Agent' ELSE 'User' END
                ELSE CASE WHEN t.t % 2 = 1 THEN 'AI' ELSE 'Customer' END
           END || ': ' ||
           CASE WHEN t.t = 1 THEN coalesce(s.ai_open, s.greet1)
                WHEN t.t = 2 THEN s.cu_open
                WHEN s.nlines % 2 = 0 AND t.t = s.nlines THEN s.bye
                WHEN (s.nlines % 2 = 0 AND t.t = s.nlines - 1) OR (s.nlines % 2 = 1 AND t.t = s.nlines) THEN s.close_ai
                WHEN t.t % 2 = 1 THEN p.ai
                ELSE p.cu
           END AS line
    FROM (SELECT n, k, v, nlines, ai_open, cu_open, bye, close_ai,
                 greet[1 + v % cardinality(greet)] AS greet1, cardinality(all_ai) AS npairs
          FROM _demo_sized) s
    CROSS JOIN LATERAL generate_series(1, s.nlines) AS t(t)
    LEFT JOIN _demo_pairs p ON p.n = s.n AND p.k = s.k AND p.v = s.v
                           AND t.t >= 3 AND p.p = 1 + ((t.t - 3) / 2) % s.npairs
), bodies AS (
    SELECT n, k, v, string_agg(line, chr(10) ORDER BY t) AS body
    FROM lines
    GROUP BY n, k, v
)
SELECT s.n, s.k, s.v, s.dir, s.urgent, s.force_transfer, s.outcome, s.nlines, s.agent_id, s.industry,
       replace(replace(replace(replace(b.body, '{ORG}', s.short_name), '{AGENT}', s.persona),
               '{DAY}', s.day_en), '{TIME}', s.time_en) AS body,
       replace(replace(replace(replace(s.summary, '{ORG}', s.short_name), '{AGENT}', s.persona),
               '{DAY}', s.day_en), '{TIME}', s.time_en) AS summary,
       CASE WHEN s.v = 5 THEN 'Agent' ELSE 'AI' END || ': Hi {FIRST}, this is ' || s.persona || ', the virtual assistant from '
           || s.short_name || '. Sorry we missed you. Please call us back at your convenience. Thank you, and have a great day!' AS voicemail
FROM _demo_sized s
JOIN bodies b ON b.n = s.n AND b.k = s.k AND b.v = s.v;

ANALYZE _demo_org, _demo_tpl, _demo_agent;


-- -----------------------------------------------------------------------------
-- Scratch: the calls. Materialized layers keep md5() from being re-evaluated
-- per reference; the transcript templates are joined in only at the end.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_calls AS
WITH c0 AS MATERIALIZED (
    SELECT o.n, o.id AS org_id, o.area, o.utc_offset, o.outbound_pct, o.day_min, o.day_max, o.status AS org_status,
           o.emoji, o.calls, g.j,
           decode(md5('retell-call-' || o.n || '-' || g.j), 'hex') AS h
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.calls) AS g(j)
), c1 AS MATERIALIZED (
    SELECT c0.n, c0.org_id, c0.area, c0.utc_offset, c0.day_min, c0.day_max, c0.org_status, c0.emoji, c0.j,
           CASE WHEN get_byte(h, 0) % 100 < c0.outbound_pct THEN 'outbound' ELSE 'inbound' END AS dir,
           get_byte(h, 1) % 100 AS r_intent,
           get_byte(h, 2) % 12 AS v,
           (get_byte(h, 3) * 256 + get_byte(h, 4)) / 65536.0 AS u_day,
           get_byte(h, 5) AS b5, get_byte(h, 6) AS b6, get_byte(h, 7) AS b7, get_byte(h, 8) AS b8,
           get_byte(h, 9) AS b9, get_byte(h, 10) AS b10, get_byte(h, 11) AS b11, get_byte(h, 12) AS b12,
           get_byte(h, 13) AS b13, get_byte(h, 14) AS b14, get_byte(h, 15) AS b15,
           'call_' || md5('retell-ext-' || c0.n || '-' || c0.j) AS external_call_id,
           md5('retell-call-id-' || c0.n || '-' || c0.j)::uuid AS id
    FROM c0
), c2 AS MATERIALIZED (
    SELECT c1.*,
           CASE WHEN dir = 'outbound' THEN 4
                WHEN r_intent < 50 THEN 1
                WHEN r_intent < 65 THEN 2
                ELSE 3 END AS k,
           1 + ((b12 * 256 + b13) % 300) AS cidx
    FROM c1
), c3 AS MATERIALIZED (
    SELECT c2.*, t.urgent, t.force_transfer, t.outcome AS t_outcome, t.nlines, t.agent_id,
           CASE WHEN c2.org_status = 'active' AND c2.j <= 2 THEN 'in_progress'
                WHEN c2.dir = 'inbound' THEN
                    CASE WHEN b6 % 100 < 90 THEN 'completed' WHEN b6 % 100 < 96 THEN 'failed' ELSE 'completed' END
                ELSE
                    CASE WHEN b6 % 100 < 55 THEN 'completed' WHEN b6 % 100 < 75 THEN 'voicemail'
                         WHEN b6 % 100 < 90 THEN 'no_answer' WHEN b6 % 100 < 95 THEN 'busy' ELSE 'failed' END
           END AS status,
           -- 4% of inbound calls end for inactivity right after the opener.
           (c2.dir = 'inbound' AND b6 % 100 >= 96) AS abandoned,
           (date_trunc('day', now() AT TIME ZONE 'UTC')
               - ((c2.day_min + floor((c2.day_max - c2.day_min) * power(c2.u_day, 1.25::numeric)))::int * INTERVAL '1 day')
               + (((CASE WHEN t.urgent AND b7 % 3 = 0 THEN b8 % 24 ELSE 8 + b8 % 11 END) - c2.utc_offset) * INTERVAL '1 hour')
               + ((b9 % 60) * INTERVAL '1 minute') + ((b10 % 60) * INTERVAL '1 second')
           ) AT TIME ZONE 'UTC' AS ts0
    FROM c2
    JOIN _demo_tpl t ON t.n = c2.n AND t.k = c2.k AND t.v = c2.v
), c4 AS MATERIALIZED (
    SELECT c3.*,
           CASE WHEN status = 'in_progress' THEN now() - ((j * 3 + 1) * INTERVAL '1 minute') - ((b10 % 50) * INTERVAL '1 second')
                WHEN ts0 > now() - INTERVAL '10 minutes' THEN ts0 - INTERVAL '7 days'
                ELSE ts0 END AS started_at,
           CASE WHEN dir = 'inbound' THEN 1 + b11 % 3 ELSE 4 + b11 % 20 END AS ring,
           CASE WHEN status = 'failed' AND dir = 'outbound' THEN 'dial_failed'
                WHEN status = 'failed' THEN CASE WHEN b7 % 10 < 7 THEN 'error_llm_websocket_open' ELSE 'error_retell' END
                WHEN status = 'voicemail' THEN 'voicemail_reached'
                WHEN status = 'no_answer' THEN 'dial_no_answer'
                WHEN status = 'busy' THEN 'dial_busy'
                WHEN status = 'in_progress' THEN NULL
                WHEN abandoned THEN 'inactivity'
                WHEN force_transfer THEN 'call_transfer'
                WHEN dir = 'outbound' THEN CASE WHEN b7 % 10 < 5 THEN 'agent_hangup' ELSE 'user_hangup' END
                WHEN b7 % 100 < 55 THEN 'user_hangup'
                WHEN b7 % 100 < 86 THEN 'agent_hangup'
                WHEN b7 % 100 < 97 THEN 'call_transfer'
                ELSE 'max_duration_reached'
           END AS end_reason,
           CASE WHEN b14 % 120 = 7 THEN nm.intl[1 + b15 % cardinality(nm.intl)]
                ELSE nm.firsts[1 + cidx % cardinality(nm.firsts)] || ' ' || nm.lasts[1 + (cidx * 7) % cardinality(nm.lasts)]
           END AS cust_name,
           nm.pets[1 + cidx % cardinality(nm.pets)] AS pet,
           '+1' || area || '555' || lpad(((cidx * 7919 + n * 131) % 10000)::text, 4, '0') AS cust_phone,
           '+1' || area || '5550100' AS org_phone
    FROM c3
    CROSS JOIN _demo_names nm
), c5 AS MATERIALIZED (
    SELECT c4.*,
           CASE WHEN cust_name ~ ' ' THEN split_part(cust_name, ' ', 1) ELSE cust_name END AS first,
           CASE
               WHEN status = 'in_progress' THEN NULL
               WHEN status IN ('no_answer', 'busy') THEN 0
               WHEN status = 'voicemail' THEN 18 + b13 % 30
               WHEN status = 'failed' THEN CASE WHEN b13 % 2 = 0 THEN NULL ELSE 2 + b13 % 20 END
               WHEN abandoned THEN 12 + b13 % 25
               WHEN b15 % 100 = 3 THEN NULL
               ELSE nlines * 9 + b13 % 60
                    + CASE WHEN end_reason = 'call_transfer' THEN 60 + b14 % 240 ELSE 0 END
                    + CASE WHEN end_reason = 'max_duration_reached' THEN 1800 ELSE 0 END
           END AS duration
    FROM c4
)
SELECT n, org_id, j, id, external_call_id, dir, status, end_reason, agent_id, started_at,
       CASE WHEN status IN ('completed', 'voicemail', 'in_progress') THEN started_at + ring * INTERVAL '1 second' END AS connected_at,
       CASE WHEN status <> 'in_progress'
            THEN started_at + (ring + coalesce(duration, 0)) * INTERVAL '1 second' END AS ended_at,
       duration,
       ceil(duration / 60.0) AS billed_minutes,
       CASE WHEN dir = 'inbound' THEN cust_phone ELSE org_phone END AS from_e164,
       CASE WHEN dir = 'inbound' THEN org_phone ELSE cust_phone END AS to_e164,
       CASE WHEN status = 'voicemail' THEN 'voicemail_left'
            WHEN status <> 'completed' THEN NULL
            WHEN abandoned THEN 'abandoned'
            WHEN end_reason = 'call_transfer' THEN 'transferred'
            ELSE t_outcome END AS outcome,
       CASE WHEN status IN ('no_answer', 'busy', 'in_progress') THEN NULL
            WHEN status = 'voicemail' THEN 'Reached voicemail; left a callback message for ' || cust_name || '.'
            WHEN status = 'failed' THEN 'Call failed before the conversation started (' || end_reason || ').'
            WHEN abandoned THEN 'Caller stopped responding after the opening; the call ended for inactivity.'
            ELSE replace(replace(replace(summary, '{NAME}', cust_name), '{FIRST}', first), '{PET}', pet)
                 || CASE WHEN end_reason = 'call_transfer' AND NOT force_transfer THEN ' Caller asked for a person and was transferred to staff.' ELSE '' END
                 || CASE WHEN b15 % 40 = 1 THEN ' ' || emoji WHEN b15 % 40 = 2 THEN ' 👍' ELSE '' END
       END AS detailed_summary,
       CASE WHEN status IN ('no_answer', 'busy') THEN NULL
            WHEN status = 'voicemail' THEN replace(voicemail, '{FIRST}', first)
            WHEN status = 'failed' THEN CASE WHEN duration IS NULL THEN NULL
                 ELSE array_to_string((string_to_array(replace(replace(replace(body, '{NAME}', cust_name), '{FIRST}', first), '{PET}', pet), chr(10)))[1:1], chr(10)) END
            WHEN status = 'in_progress' OR abandoned THEN
                 array_to_string((string_to_array(replace(replace(replace(body, '{NAME}', cust_name), '{FIRST}', first), '{PET}', pet), chr(10)))[1:CASE WHEN abandoned THEN 2 ELSE 4 END], chr(10))
            WHEN b15 % 100 = 4 THEN NULL
            ELSE replace(replace(replace(body, '{NAME}', cust_name), '{FIRST}', first), '{PET}', pet)
       END AS transcript,
       jsonb_build_object(
           'event', CASE status WHEN 'in_progress' THEN 'call_started'
                                WHEN 'completed' THEN 'call_analyzed'
                                WHEN 'voicemail' THEN 'call_analyzed'
                                ELSE 'call_ended' END,
           'call', jsonb_strip_nulls(jsonb_build_object(
               'call_id', external_call_id,
               'agent_id', agent_id,
               'agent_version', 1 + (n + b5) % 4,
               'call_type', 'phone_call',
               'call_status', CASE status WHEN 'in_progress' THEN 'ongoing' WHEN 'failed' THEN 'error'
                                          WHEN 'no_answer' THEN 'not_connected' WHEN 'busy' THEN 'not_connected'
                                          ELSE 'ended' END,
               'direction', dir,
               'from_number', CASE WHEN dir = 'inbound' THEN cust_phone ELSE org_phone END,
               'to_number', CASE WHEN dir = 'inbound' THEN org_phone ELSE cust_phone END,
               'start_timestamp', (extract(epoch FROM started_at) * 1000)::bigint,
               'end_timestamp', CASE WHEN status <> 'in_progress'
                                     THEN (extract(epoch FROM started_at) * 1000)::bigint + (ring + coalesce(duration, 0)) * 1000 END,
               'duration_ms', duration * 1000,
               'disconnection_reason', end_reason,
               'call_analysis', CASE WHEN status IN ('completed', 'voicemail') THEN jsonb_build_object(
                   'call_successful', status = 'completed' AND NOT abandoned,
                   'in_voicemail', status = 'voicemail',
                   'user_sentiment', CASE WHEN abandoned OR status = 'voicemail' THEN 'Unknown' WHEN urgent THEN 'Negative'
                                          WHEN b5 % 10 < 7 THEN 'Positive' ELSE 'Neutral' END) END,
               'latency', CASE WHEN status = 'completed' THEN jsonb_build_object(
                   'e2e', jsonb_build_object('p50', 650 + b11 * 2, 'p90', 1100 + b12 * 4)) END,
               'call_cost', CASE WHEN duration > 0 THEN jsonb_build_object(
                   'combined_cost', round(duration * 7 / 60.0, 2), 'total_duration_seconds', duration) END,
               'metadata', jsonb_build_object('source', CASE WHEN dir = 'inbound' THEN 'main_line' ELSE 'outbound_campaign' END),
               'retell_llm_dynamic_variables', jsonb_build_object('customer_first_name', first)
           ))
       ) AS raw,
       started_at AS created_at,
       CASE WHEN status = 'in_progress' THEN started_at + ring * INTERVAL '1 second'
            ELSE started_at + (ring + coalesce(duration, 0) + 3 + b9 % 25) * INTERVAL '1 second' END AS updated_at
FROM c5
-- The template texts join in last, so the layers above stay narrow.
JOIN (SELECT n AS tn, k AS tk, v AS tv, body, summary, voicemail FROM _demo_tpl) tp
  ON tp.tn = c5.n AND tp.tk = c5.k AND tp.tv = c5.v;


-- -----------------------------------------------------------------------------
-- system.organizations
-- -----------------------------------------------------------------------------

INSERT INTO system.organizations (
    id, name, slug, subdomain, domain, schema_name,
    retell_api_key, retell_agent_id, retell_configured,
    cogs_per_minute, billing_rate_per_minute, branding, status,
    created_at, updated_at, last_activity_at)
SELECT o.id, o.name, o.slug, o.slug, o.domain, o.schema_name,
       'demo-secret-not-real',
       (SELECT a.agent_id FROM _demo_agent a WHERE a.n = o.n AND a.k = 1),
       true,
       o.cogs, o.rate,
       jsonb_build_object('logo_url', CASE WHEN o.n % 3 <> 0 THEN 'https://cdn.retell-metrics.example/logos/' || o.slug || '.png' END,
                          'favicon_url', CASE WHEN o.n % 3 = 1 THEN 'https://cdn.retell-metrics.example/favicons/' || o.slug || '.ico' END,
                          'company_name', o.name,
                          'primary_color', o.color1,
                          'secondary_color', o.color2),
       o.status,
       o.org_created_at,
       CASE WHEN o.status = 'suspended' THEN now() - INTERVAL '33 days' ELSE o.org_created_at + ((o.n * 11) * INTERVAL '1 day') END,
       (SELECT max(c.updated_at) FROM _demo_calls c WHERE c.n = o.n)
FROM _demo_org o;


-- -----------------------------------------------------------------------------
-- Per-organization schemas, calls and call_rollups
-- -----------------------------------------------------------------------------

DO $$
DECLARE
    r RECORD;
BEGIN
    FOR r IN SELECT n, id, schema_name FROM _demo_org ORDER BY n LOOP
        IF NOT public.create_organization_schema(r.id, r.schema_name) THEN
            RAISE EXCEPTION 'create_organization_schema failed for %', r.schema_name;
        END IF;

        EXECUTE format($q$
            INSERT INTO %I.calls (id, external_call_id, started_at, connected_at, ended_at, direction, from_e164, to_e164,
                                  status, end_reason, duration_seconds, billed_minutes, outcome, detailed_summary, transcript,
                                  raw, created_at, updated_at, organization_id, agent_id)
            SELECT id, external_call_id, started_at, connected_at, ended_at, dir, from_e164, to_e164,
                   status, end_reason, duration, billed_minutes, outcome, detailed_summary, transcript,
                   raw, created_at, updated_at, org_id, agent_id
            FROM _demo_calls
            WHERE n = $1
            ORDER BY created_at
        $q$, r.schema_name) USING r.n;

        -- One row per UTC day and agent; successful = completed, failed = failed.
        EXECUTE format($q$
            INSERT INTO %I.call_rollups (id, day, agent_id, organization_id, total_calls, successful_calls, failed_calls,
                                         total_duration_seconds, total_billed_minutes, created_at, updated_at)
            SELECT md5('retell-rollup-' || $1 || '-' || g.day || '-' || g.agent_id)::uuid,
                   g.day, g.agent_id, $2,
                   g.total_calls, g.successful_calls, g.failed_calls, g.total_duration_seconds, g.total_billed_minutes,
                   least(now(), (g.day + 1)::timestamp AT TIME ZONE 'UTC' + INTERVAL '15 minutes'),
                   least(now(), (g.day + 1)::timestamp AT TIME ZONE 'UTC' + INTERVAL '15 minutes')
            FROM (
                SELECT (c.created_at AT TIME ZONE 'UTC')::date AS day, c.agent_id,
                       count(*)::int AS total_calls,
                       (count(*) FILTER (WHERE c.status = 'completed'))::int AS successful_calls,
                       (count(*) FILTER (WHERE c.status = 'failed'))::int AS failed_calls,
                       coalesce(sum(c.duration_seconds), 0)::int AS total_duration_seconds,
                       coalesce(sum(c.billed_minutes), 0) AS total_billed_minutes
                FROM %I.calls c
                WHERE c.created_at IS NOT NULL AND c.agent_id IS NOT NULL
                GROUP BY 1, 2
            ) g
        $q$, r.schema_name, r.schema_name) USING r.n, r.id;

        EXECUTE format('ANALYZE %I.calls', r.schema_name);
        EXECUTE format('ANALYZE %I.call_rollups', r.schema_name);
    END LOOP;
END
$$;


-- -----------------------------------------------------------------------------
-- Users: auth.users (STAND-IN), system.organization_users, system.system_users.
-- u = 1 is each organization's org_admin, the others viewers (org 1 has two
-- admins). Metadata follows the seed's user_metadata example.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_user AS
SELECT o.n, u.u, md5('retell-user-' || o.n || '-' || u.u)::uuid AS id,
       nm.firsts[1 + (o.n * 7 + u.u * 5) % cardinality(nm.firsts)] AS first_name,
       nm.lasts[1 + (o.n * 11 + u.u * 3) % cardinality(nm.lasts)] AS last_name,
       CASE WHEN u.u = 1 OR (o.n = 1 AND u.u = 2) THEN 'org_admin' ELSE 'viewer' END AS role,
       replace(o.slug, '-', '') || '.example' AS domain,
       o.org_created_at + ((u.u - 1) * 6 * INTERVAL '1 day') AS created_at
FROM _demo_org o
CROSS JOIN LATERAL generate_series(1, 2 + o.n % 3) AS u(u)
CROSS JOIN _demo_names nm;

INSERT INTO auth.users (id, email, raw_user_meta_data, created_at)
SELECT u.id,
       lower(translate(u.first_name || '.' || u.last_name, 'éüÉÜ''', 'euEU')) || '@' || u.domain,
       jsonb_build_object('role', u.role, 'organization_id', o.id, 'first_name', u.first_name, 'last_name', u.last_name),
       u.created_at
FROM _demo_user u JOIN _demo_org o ON o.n = u.n;

INSERT INTO system.organization_users (id, organization_id, user_id, role, created_at, updated_at)
SELECT md5('retell-orguser-' || u.n || '-' || u.u)::uuid, o.id, u.id, u.role, u.created_at,
       u.created_at + ((u.u % 3) * INTERVAL '2 days')
FROM _demo_user u JOIN _demo_org o ON o.n = u.n;

-- Super admins: an auth user each, plus their system_users row.
INSERT INTO auth.users (id, email, raw_user_meta_data, created_at)
VALUES (md5('retell-superadmin-1')::uuid, 'ops@retell-metrics.example',
        '{"role": "super_admin", "first_name": "Platform", "last_name": "Ops"}', now() - INTERVAL '400 days'),
       (md5('retell-superadmin-2')::uuid, 'dana.reyes@retell-metrics.example',
        '{"role": "super_admin", "first_name": "Dana", "last_name": "Reyes"}', now() - INTERVAL '210 days');

INSERT INTO system.system_users (id, email, role, created_at)
VALUES (md5('retell-superadmin-1')::uuid, 'ops@retell-metrics.example', 'super_admin', now() - INTERVAL '400 days'),
       (md5('retell-superadmin-2')::uuid, 'dana.reyes@retell-metrics.example', 'super_admin', now() - INTERVAL '210 days');


-- -----------------------------------------------------------------------------
-- system.billing_history: 4 monthly periods per organization (the current,
-- still open month and the three before it), minutes summed from the calls.
-- -----------------------------------------------------------------------------

INSERT INTO system.billing_history (id, organization_id, period_start, period_end, total_minutes, total_cost, status, created_at)
SELECT md5('retell-billing-' || o.n || '-' || m.m)::uuid, o.id,
       p.period_start, p.period_end,
       coalesce(s.minutes, 0),
       round(coalesce(s.minutes, 0) * o.rate, 2),
       CASE WHEN m.m = 0 THEN 'pending'
            WHEN o.status = 'suspended' AND m.m <= 2 THEN 'overdue'
            WHEN o.n = 6 AND m.m = 1 THEN 'failed'
            ELSE 'paid' END,
       least(now(), p.period_end + INTERVAL '2 hours')
FROM _demo_org o
CROSS JOIN generate_series(0, 3) AS m(m)
CROSS JOIN LATERAL (
    SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') - m.m * INTERVAL '1 month') AT TIME ZONE 'UTC' AS period_start,
           (date_trunc('month', now() AT TIME ZONE 'UTC') - (m.m - 1) * INTERVAL '1 month') AT TIME ZONE 'UTC' AS period_end
) p
LEFT JOIN LATERAL (
    SELECT sum(c.billed_minutes) AS minutes
    FROM _demo_calls c
    WHERE c.n = o.n AND c.created_at >= p.period_start AND c.created_at < p.period_end
) s ON true;


-- -----------------------------------------------------------------------------
-- system.activity_logs: per organization 54 entries (creation, Retell setup,
-- user invitations, branding, 40 logins, 6 call syncs, an export) plus 3
-- platform-wide entries without organization or user.
-- -----------------------------------------------------------------------------

INSERT INTO system.activity_logs (id, organization_id, user_id, action, resource_type, resource_id, metadata, created_at)
SELECT md5('retell-activity-' || o.n || '-' || e.e)::uuid, o.id,
       CASE WHEN e.e IN (1, 2) THEN NULL
            ELSE md5('retell-user-' || o.n || '-' || (1 + e.e % (2 + o.n % 3)))::uuid END,
       e.action, e.resource_type, e.resource_id, e.metadata, e.created_at
FROM _demo_org o
CROSS JOIN LATERAL (
    SELECT 1 AS e, 'organization.created' AS action, 'organization' AS resource_type, o.id::text AS resource_id,
           jsonb_build_object('schema_name', o.schema_name, 'slug', o.slug) AS metadata, o.org_created_at AS created_at
    UNION ALL
    SELECT 2, 'retell.configured', 'organization', o.id::text,
           jsonb_build_object('agent_id', (SELECT a.agent_id FROM _demo_agent a WHERE a.n = o.n AND a.k = 1)),
           o.org_created_at + INTERVAL '20 minutes'
    UNION ALL
    SELECT 3, 'user.invited', 'organization_user', md5('retell-orguser-' || o.n || '-2')::uuid::text,
           jsonb_build_object('role', 'viewer'), o.org_created_at + INTERVAL '6 days'
    UNION ALL
    SELECT 4, 'organization.settings_updated', 'organization', o.id::text,
           jsonb_build_object('fields', jsonb_build_array('branding')), o.org_created_at + INTERVAL '9 days'
    UNION ALL
    SELECT 4 + g.g, 'user.login', 'session', md5('retell-session-' || o.n || '-' || g.g),
           jsonb_build_object('ip', '198.51.100.' || (10 + (o.n * 7 + g.g) % 200), 'user_agent', 'Mozilla/5.0'),
           now() - ((o.day_min + (g.g * 2 + o.n) % (90 - o.day_min)) * INTERVAL '1 day') - ((g.g * 37 % 600) * INTERVAL '1 minute')
    FROM generate_series(1, 40) AS g(g)
    UNION ALL
    SELECT 44 + g.g, 'calls.synced', 'calls', o.schema_name,
           jsonb_build_object('count', (SELECT count(*) FROM _demo_calls c WHERE c.n = o.n
                                        AND c.created_at < now() - ((o.day_min + (6 - g.g) * 14) * INTERVAL '1 day'))),
           now() - ((o.day_min + (6 - g.g) * 14) * INTERVAL '1 day')
    FROM generate_series(1, 6) AS g(g)
    UNION ALL
    SELECT 51, 'calls.exported', 'calls', o.schema_name,
           jsonb_build_object('format', 'csv', 'range_days', 30), now() - ((o.day_min + 3) * INTERVAL '1 day')
    UNION ALL
    SELECT 52, 'billing.period_closed', 'billing_history', md5('retell-billing-' || o.n || '-1')::uuid::text,
           jsonb_build_object('months_ago', 1), least(now(), date_trunc('month', now()) + INTERVAL '2 hours')
    UNION ALL
    SELECT 53, 'user.role_changed', 'organization_user', md5('retell-orguser-' || o.n || '-1')::uuid::text,
           jsonb_build_object('from', 'viewer', 'to', 'org_admin'), o.org_created_at + INTERVAL '1 day'
    UNION ALL
    SELECT 54, CASE WHEN o.status = 'suspended' THEN 'organization.suspended' ELSE 'agent.updated' END,
           'organization', o.id::text,
           CASE WHEN o.status = 'suspended' THEN jsonb_build_object('reason', 'billing_overdue')
                ELSE jsonb_build_object('agent_version', 2) END,
           CASE WHEN o.status = 'suspended' THEN now() - INTERVAL '33 days' ELSE now() - ((o.n * 3) * INTERVAL '1 day') END
) e;

INSERT INTO system.activity_logs (id, organization_id, user_id, action, resource_type, resource_id, metadata, created_at)
VALUES (md5('retell-activity-system-1')::uuid, NULL, NULL, 'system.migration', 'schema', 'phase_2_multi_tenant',
        '{"description": "Moved public.calls into per-organization schemas"}', now() - INTERVAL '300 days'),
       (md5('retell-activity-system-2')::uuid, NULL, NULL, 'system.index_check', 'schema', 'all_organizations',
        '{"missing_indexes": 0}', now() - INTERVAL '30 days'),
       (md5('retell-activity-system-3')::uuid, NULL, NULL, 'system.rollups_refreshed', 'call_rollups', 'all_organizations',
        '{"organizations": 8}', now() - INTERVAL '1 day');


-- -----------------------------------------------------------------------------
-- Clean up scratch tables.
-- -----------------------------------------------------------------------------

DROP TABLE _demo_calls, _demo_user, _demo_tpl, _demo_pairs, _demo_sized, _demo_generic, _demo_ind, _demo_intent, _demo_names, _demo_agent, _demo_org;
