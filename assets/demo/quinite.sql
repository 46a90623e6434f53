-- =============================================================================
-- Quinite Vantage demo data generator.
--
-- Run once, right after assets/schemas/quinite.sql, on an empty database.
-- Set-based and deterministic: every value is derived from generate_series
-- indexes, modular arithmetic and md5() of fixed strings (no random(); all ids
-- are md5-derived uuids). Only timestamps move: they are relative to now(),
-- so the calls always cover "the last 90 days".
-- No psql meta-commands and no BEGIN/COMMIT: the file can be sent as one
-- multi-statement simple query (e.g. to PGlite). Scratch data lives in
-- temporary tables named _demo_*, dropped at the end.
-- Performance note: derived columns are layered in MATERIALIZED CTEs, so the
-- planner does not inline the layers and re-evaluate md5() once per
-- reference.
--
-- Quinite Vantage places OUTBOUND AI calls to the leads of a campaign; an
-- interested lead is transferred to a human in "sales", an existing customer
-- with a problem to "support".
--
-- Volume (fixed): 8 organizations, 25 auth.users / profiles (3 per org and
-- one platform user without an organization), 16 projects, 32 campaigns
-- (3 drafts without calls), 5,700 leads (calls / 2 per org; the newest 15%
-- of each org's leads were never called), 11,400 call_logs
-- (2,600 / 1,400 / 1,700 / 900 / 1,100 / 1,500 / 1,200 / 1,000 per org),
-- 4 websocket_servers.
--
-- Secrets: the only secret column, auth.users.encrypted_password, holds the
-- obviously fake value 'demo-secret-not-real'. Every e-mail and URL domain is
-- under .example.
-- =============================================================================


-- Transaction-local (a no-op when each statement runs in its own
-- transaction): scratch tables have no statistics, and on servers with JIT
-- enabled the resulting estimates would make several statements pay for a
-- JIT compile that costs more than the statement itself.
SELECT set_config('jit', 'off', true);


-- -----------------------------------------------------------------------------
-- Scratch: organizations, their projects, campaigns and vocabulary
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_org AS
SELECT v.*,
       v.calls / 2 AS nleads,
       (v.calls / 2) * 85 / 100 AS ncalled,
       md5('org-' || v.n)::uuid AS id,
       now() - ((400 + v.n * 37) * INTERVAL '1 day') AS org_created_at
FROM (VALUES
    (1, 'Skyline Crest Realty', 'skyline-crest', 'Skyline Crest', 'real_estate', 'Asia/Kolkata', 2600, 'in',
     '+9198200', 5, 'skylinecrest.example', 'Riya', '₹1.45 crore', 'active',
     ARRAY['Lakeview Towers, Powai', 'Palm Grove Villas, Alibaug'],
     ARRAY['Lakeview Towers Launch', 'Palm Grove Weekend Site Visits', 'Diwali Festive Offer', 'NRI Investor Outreach'],
     ARRAY['our new 2 and 3 BHK homes at Lakeview Towers in Powai', 'weekend site visits at Palm Grove Villas in Alibaug',
           'our Diwali festive offer on ready-to-move apartments', 'investment options for NRI buyers'],
     ARRAY['active', 'active', 'completed', 'draft'], ARRAY[1, 2, 1, 2], 3,
     ARRAY['Vikram Mehta', 'Sneha Kulkarni', 'Arjun Nair']),
    (2, 'Harborview Family Dental', 'harborview-dental', 'Harborview Dental', 'dental', 'America/New_York', 1400, 'us',
     '+1617555', 4, 'harborviewdental.example', 'Grace', '', 'active',
     ARRAY['Patient Recall', 'Invisalign Promotion'],
     ARRAY['Six-Month Cleaning Recall', 'Invisalign Spring Consults', 'Overdue Patients Reactivation', 'Insurance Benefits Year-End Reminder'],
     ARRAY['your six-month cleaning and checkup', 'our free Invisalign consultations this spring',
           'scheduling your overdue dental visit', 'using your remaining dental insurance benefits before they reset'],
     ARRAY['active', 'active', 'paused', 'completed'], ARRAY[1, 2, 1, 1], 4,
     ARRAY['Dr. Karen Walsh', 'Melissa Duarte', 'Tom Becker']),
    (3, 'Brightline Solar & Roofing', 'brightline-solar', 'Brightline Solar', 'solar', 'America/Phoenix', 1700, 'us',
     '+1480555', 4, 'brightlinesolar.example', 'Max', '', 'active',
     ARRAY['Residential Solar', 'Roof Replacement'],
     ARRAY['Solar Savings Webinar Follow-up', 'Storm Damage Roof Inspections', 'Battery Backup Upsell', '30% Tax Credit Deadline'],
     ARRAY['the solar savings webinar you signed up for', 'free roof inspections after the recent storms',
           'adding battery backup to your solar system', 'the thirty percent federal solar tax credit'],
     ARRAY['active', 'active', 'paused', 'completed'], ARRAY[1, 2, 1, 1], 4,
     ARRAY['Derek Lawson', 'Ana Ruiz', 'Jake Holloway']),
    (4, 'Morrison & Pike Solicitors', 'morrison-pike', 'Morrison and Pike', 'legal', 'Europe/London', 900, 'uk',
     '+447700900', 3, 'morrisonpike.example', 'Eleanor', '£1,250', 'active',
     ARRAY['Conveyancing', 'Wills & Probate'],
     ARRAY['Conveyancing Quote Follow-up', 'Lasting Power of Attorney Outreach', 'Free Will Review Month', 'Remortgage Clients'],
     ARRAY['the conveyancing quote you requested', 'making a lasting power of attorney',
           'our free will review month', 'remortgage legal work'],
     ARRAY['active', 'active', 'completed', 'draft'], ARRAY[1, 2, 2, 1], 3,
     ARRAY['Helen Morrison', 'David Pike', 'Priya Shah']),
    (5, 'Evergreen Physio & Sports Clinic', 'evergreen-physio', 'Evergreen Physio', 'clinic', 'Australia/Melbourne', 1100, 'au',
     '+61491570', 3, 'evergreenphysio.example', 'Mia', '$99', 'active',
     ARRAY['Clinic Recalls', 'Pilates Studio'],
     ARRAY['Post-Treatment Check-in', 'Clinical Pilates Intro Offer', 'Winter Sports Injury Screening', 'Health Fund Rebate Reminder'],
     ARRAY['a quick check-in after your recent treatment', 'our clinical Pilates introductory offer',
           'winter sports injury screening', 'using your private health extras before the end of the year'],
     ARRAY['active', 'active', 'paused', 'completed'], ARRAY[1, 2, 1, 1], 4,
     ARRAY['Dr. Liam O''Brien', 'Chloe Nguyen', 'Jess Taylor']),
    (6, 'Al Noor Properties', 'al-noor-properties', 'Al Noor Properties', 'real_estate', 'Asia/Dubai', 1500, 'ae',
     '+97150555', 4, 'alnoorproperties.example', 'Layla', 'AED 1.35 million', 'active',
     ARRAY['Marina Heights Residences', 'Al Noor Gardens Townhouses'],
     ARRAY['Marina Heights Off-Plan Launch', 'Gardens Townhouse Open House', 'Golden Visa Investor Campaign', 'Ramadan Payment Plan Offer'],
     ARRAY['the off-plan launch of Marina Heights Residences', 'the open house at Al Noor Gardens Townhouses',
           'property investments that qualify for the UAE Golden Visa', 'our Ramadan payment plan offer'],
     ARRAY['active', 'active', 'paused', 'completed'], ARRAY[1, 2, 1, 2], 4,
     ARRAY['Omar Al Suwaidi', 'Hina Qureshi', 'Daniel Fernandes']),
    (7, 'Summit Heating & Cooling', 'summit-hvac', 'Summit Heating', 'hvac', 'America/Denver', 1200, 'us',
     '+1303555', 4, 'summithvac.example', 'Cody', '$189', 'active',
     ARRAY['Maintenance Plans', 'Equipment Replacement'],
     ARRAY['Comfort Club Renewals', 'Heat Pump Rebate Outreach', 'Fall Furnace Tune-up', 'Spring AC Check'],
     ARRAY['renewing your Comfort Club maintenance plan', 'the heat pump rebates available this year',
           'booking your fall furnace tune-up', 'a spring air conditioning check'],
     ARRAY['active', 'active', 'completed', 'draft'], ARRAY[1, 2, 1, 1], 3,
     ARRAY['Brent Olson', 'Marisol Vega', 'Kyle Jensen']),
    (8, 'Northstar Insurance Brokers', 'northstar-insurance', 'Northstar Insurance', 'insurance', 'America/Chicago', 1000, 'us',
     '+1312555', 4, 'northstarins.example', 'Nora', '$480', 'trial',
     ARRAY['Auto & Home', 'Medicare Advantage'],
     ARRAY['Auto Policy Renewal Review', 'Home and Auto Bundle Savings', 'Life Insurance Quote Requests', 'Medicare Open Enrollment'],
     ARRAY['a free review of your auto policy before it renews', 'savings from bundling your home and auto insurance',
           'the life insurance quote you requested', 'Medicare open enrollment'],
     ARRAY['active', 'active', 'paused', 'completed'], ARRAY[1, 1, 1, 2], 4,
     ARRAY['Linda Kowalski', 'Marcus Reed', 'Tanya Brooks'])
) AS v(n, name, slug, short_name, industry, tz, calls, culture,
       phone_prefix, phone_width, domain, agent, price, status,
       projects, camps, pitches, camp_status, camp_proj, ncallable, users);

-- Campaigns: k = 1..4 per org; the ncallable first ones have calls (drafts
-- are always last). Completed campaigns only have calls 45-89 days ago,
-- paused ones none in the last 10 days.
CREATE TEMP TABLE _demo_camp AS
SELECT o.n, k.k, md5('campaign-' || o.n || '-' || k.k)::uuid AS id, o.id AS org_id,
       md5('project-' || o.n || '-' || o.camp_proj[k.k])::uuid AS project_id,
       o.projects[o.camp_proj[k.k]] AS project, o.camps[k.k] AS name, o.pitches[k.k] AS pitch,
       o.camp_status[k.k] AS status,
       CASE WHEN o.camp_status[k.k] = 'draft' THEN now() - ((2 + o.n) * INTERVAL '1 day') - INTERVAL '5 hours'
            ELSE now() - ((95 + k.k * 9 + o.n * 2) * INTERVAL '1 day') - ((o.n * 3) * INTERVAL '1 hour') END AS created_at
FROM _demo_org o
CROSS JOIN generate_series(1, 4) AS k(k);

CREATE TEMP TABLE _demo_names (culture text, firsts text[], lasts text[]);
INSERT INTO _demo_names VALUES
    ('in',
     ARRAY['Aarav', 'Ananya', 'Vihaan', 'Diya', 'Arjun', 'Priya', 'Rohan', 'Kavya', 'Aditya', 'Sneha', 'Karthik', 'Lakshmi', 'Rahul', 'Pooja', 'Siddharth', 'Meera', 'Naveen', 'Divya', 'Harish', 'Shreya', 'Amit', 'Neha', 'Sanjay', 'Ritu'],
     ARRAY['Sharma', 'Reddy', 'Iyer', 'Nair', 'Rao', 'Gowda', 'Menon', 'Kumar', 'Patel', 'Shetty', 'Naidu', 'Pillai', 'Hegde', 'Das', 'Bhat', 'Krishnan', 'Deshmukh', 'Joshi', 'Kulkarni', 'Mehta']),
    ('us',
     ARRAY['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Betty', 'Kevin', 'Ashley', 'Tyler', 'Megan', 'Jordan', 'Aaliyah', 'DeShawn', 'Keisha', 'Carlos', 'Maria'],
     ARRAY['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'King', 'Wright', 'Scott', 'Nguyen', 'Hill', 'Flores', 'Green', 'O''Connor']),
    ('uk',
     ARRAY['Oliver', 'Amelia', 'Harry', 'Olivia', 'George', 'Isla', 'Jack', 'Ava', 'Noah', 'Emily', 'Charlie', 'Sophie', 'Jacob', 'Grace', 'Alfie', 'Mia', 'Freddie', 'Poppy', 'Thomas', 'Ella', 'Callum', 'Niamh', 'Rhys', 'Zara'],
     ARRAY['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Hughes', 'Byrne']),
    ('au',
     ARRAY['Jack', 'Charlotte', 'Oliver', 'Mia', 'William', 'Olivia', 'Lachlan', 'Isla', 'Cooper', 'Chloe', 'Riley', 'Matilda', 'Thomas', 'Zoe', 'Liam', 'Ruby', 'Ethan', 'Sienna', 'Harrison', 'Grace'],
     ARRAY['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Johnson', 'Martin', 'White', 'Anderson', 'Walker', 'Thompson', 'Ryan', 'Kelly', 'Tran', 'Murphy', 'Campbell', 'O''Brien', 'Lee']),
    ('ae',
     ARRAY['Ahmed', 'Fatima', 'Mohammed', 'Aisha', 'Omar', 'Mariam', 'Khalid', 'Noura', 'Hassan', 'Layla', 'Yousef', 'Sara', 'Rahul', 'Priya', 'James', 'Olga', 'Imran', 'Reem', 'Faisal', 'Hana'],
     ARRAY['Al Mansoori', 'Al Hashimi', 'Haddad', 'Khoury', 'Nasser', 'Rahman', 'Siddiqui', 'Menon', 'Petrova', 'Thompson', 'Al Falasi', 'Karim', 'Saleh', 'Aziz', 'Al Ketbi', 'Chaudhry', 'Fernandes', 'Ivanova']);

-- Transcript phrase bank: per (industry, scenario) the lead's first answer
-- to the AI's introduction, ordered (AI, lead) pairs, the AI's closing line,
-- the lead's goodbye, summary templates and (for transferring scenarios) the
-- transfer reasons. Scenarios: interested (transferred to sales), support
-- (existing customer, transferred to support), callback and not_interested
-- (plain 'called').
-- Placeholders: {ORG} {AGENT} {REP} {PRICE} {DAY} {TIME} are filled per
-- transcript template; {CUST} {FIRST} {PITCH} {PROJECT} per call.
CREATE TEMP TABLE _demo_bank (industry text, scen text, opens text[], ai text[], cu text[], close_ai text, bye text, sums text[], reasons text[]);
INSERT INTO _demo_bank VALUES
    -- real estate ----------------------------------------------------------
    ('real_estate', 'interested',
     ARRAY['Yes, this is {FIRST}. Actually I did fill a form on your website last week.', 'Oh yes, I have been looking for a home in that area. Tell me more.'],
     ARRAY['Wonderful. Are you looking for a home to live in, or as an investment?', 'Great. Which configuration are you considering, two bedroom or three bedroom?', 'The two bedroom units at {PROJECT} start at {PRICE}, and possession is planned for the end of next year.', 'We have site visits on {DAY} at {TIME}. Shall I block a slot for you?'],
     ARRAY['To live in. We are a family of four, my parents stay with us.', 'Three bedroom, if the budget works out.', 'That is within our range. Is there a home loan tie-up?', 'Yes, but I would like to speak to someone about the payment plan first.'],
     'Of course. I am connecting you to {REP} from our sales team right now, please stay on the line.', 'Okay, thank you.',
     ARRAY['{CUST} is interested in {PROJECT}: three bedroom, end use, family of four. Asked about the payment plan; transferred to sales ({REP}).', 'Hot lead for {PROJECT}. Budget fits the {PRICE} starting price; wants a site visit {DAY} at {TIME}. Handed over to sales.'],
     ARRAY['Lead requested payment plan details', 'Lead wants to book a site visit with a sales executive', 'Hot lead: budget confirmed']),
    ('real_estate', 'support',
     ARRAY['Yes, I already booked a unit with you. I have a question about my payment schedule.', 'This is {FIRST}. I am an existing buyer, and my demand letter looks wrong.'],
     ARRAY['Thank you for letting me know. Could you share your unit number?', 'I can see your booking. Which instalment are you asking about?', 'I understand. Our customer relations team can correct the demand letter and explain the schedule.', 'I will also note that you prefer to be contacted by email.'],
     ARRAY['It is tower B, unit 1204.', 'The second instalment. It shows the full amount instead of my part after the bank loan.', 'Yes please, the due date is next week.', 'Email is better, thank you.'],
     'I am transferring you to our customer relations team now. They have your booking details on screen.', 'Thank you.',
     ARRAY['Existing buyer {CUST} disputes the second instalment on the demand letter (tower B, 1204). Transferred to support.', 'Customer query about the payment schedule of an existing booking at {PROJECT}; routed to customer relations.'],
     ARRAY['Existing customer: demand letter query', 'Payment schedule question for a booked unit']),
    ('real_estate', 'callback',
     ARRAY['I am driving right now, can you call me later?', 'I am in a meeting. Is this about the project near the metro?'],
     ARRAY['Of course. What time would suit you better?', 'Noted. Should I also send you the brochure and floor plans on WhatsApp meanwhile?', 'Perfect. I have scheduled a callback for {DAY} at {TIME}.'],
     ARRAY['Evening after seven is better.', 'Yes, send the brochure.', 'Fine.'],
     'Thank you {FIRST}, I will call you back {DAY} at {TIME}. Have a good day.', 'Bye.',
     ARRAY['{CUST} was busy; callback scheduled {DAY} at {TIME}. Brochure and floor plans of {PROJECT} to be sent on WhatsApp.', 'Lead asked for a callback in the evening. Brochure requested.'],
     NULL),
    ('real_estate', 'not_interested',
     ARRAY['No, I have already bought a flat, thanks.', 'Sorry, I am not looking to buy right now.'],
     ARRAY['I understand, congratulations on your new home. Would you be interested in investment options later?', 'No problem at all. Would you like us to remove your number from this campaign?'],
     ARRAY['No, not for now.', 'Yes, please do not call again.'],
     'Understood. I have updated your preference. Thank you for your time, {FIRST}.', 'Thanks, bye.',
     ARRAY['{CUST} already purchased elsewhere; not interested. Marked as lost.', 'Not interested in buying at the moment; asked not to be called for this campaign.'],
     NULL),
    -- dental ---------------------------------------------------------------
    ('dental', 'interested',
     ARRAY['Oh, yes. I was meaning to call you guys, it has been a while.', 'Hi. Yes, I think I am overdue for a cleaning.'],
     ARRAY['It looks like your last cleaning was about seven months ago. Would you like to book your next visit?', 'Great. Are you still covered by the same dental insurance?', 'I have an opening {DAY} at {TIME} with our hygienist. Does that work?', 'Would you also like to hear about Invisalign? We are offering free consultations this month.'],
     ARRAY['Yes, let us get that done.', 'Actually I changed jobs, so I have a new plan now.', 'That works for me.', 'Sure, my teeth have shifted a bit.'],
     'Since your insurance changed, I will connect you to {REP} at our front desk to verify your new plan and lock in {DAY} at {TIME}.', 'Perfect, thanks.',
     ARRAY['{CUST} agreed to book a cleaning ({DAY} {TIME}); new insurance plan needs verification. Transferred to front desk ({REP}).', 'Recall call successful; patient also interested in an Invisalign consult. Handed to the front desk.'],
     ARRAY['Patient wants to book; new insurance to verify', 'Interested in an Invisalign consultation']),
    ('dental', 'support',
     ARRAY['Actually I got a bill from you that I don''t understand.', 'Hi, yes. My crown has been feeling loose since my last visit.'],
     ARRAY['I am sorry about that. Can you confirm your date of birth so I can find your account?', 'Thank you. I see your last visit. Is there any pain or swelling?', 'I will make sure someone who can look at your records helps you right away.'],
     ARRAY['March 12, 1979.', 'A little sensitivity, no swelling.', 'Thank you.'],
     'I am transferring you to our patient care team now.', 'Okay.',
     ARRAY['Patient {CUST} reports a loose crown with mild sensitivity; transferred to patient care.', 'Billing question about a recent statement; routed to patient support.'],
     ARRAY['Billing question', 'Post-treatment concern: loose crown']),
    ('dental', 'callback',
     ARRAY['I am at work right now, can you call back later?', 'Can you call me back tomorrow? I need to check my calendar.'],
     ARRAY['Of course. When is a good time?', 'Got it. I will also text you a link to book online if that is easier.'],
     ARRAY['After five works.', 'That would be great.'],
     'No problem, {FIRST}. I will call you back {DAY} at {TIME}.', 'Thanks, bye.',
     ARRAY['{CUST} asked for a callback {DAY} at {TIME}; online booking link sent.', 'Busy at work; callback scheduled.'],
     NULL),
    ('dental', 'not_interested',
     ARRAY['I have actually moved to a different dentist.', 'No thanks, I am not interested.'],
     ARRAY['Thanks for letting us know. Would you like us to transfer your records?', 'Understood. Should I remove you from our reminder calls?'],
     ARRAY['No, that is fine.', 'Yes, please.'],
     'I have updated your file. Have a great day, {FIRST}.', 'You too.',
     ARRAY['{CUST} has moved to another practice; removed from the recall list.', 'Declined; asked to stop reminder calls.'],
     NULL),
    -- solar & roofing ------------------------------------------------------
    ('solar', 'interested',
     ARRAY['Yes, I watched part of the webinar. My electric bill was over three hundred dollars last summer.', 'Yeah, my roof got hit pretty hard in the last storm, I have been meaning to get it looked at.'],
     ARRAY['Thanks for sharing that. Do you own the home, and roughly how old is the roof?', 'Good to know. Which direction does most of your roof face?', 'Based on that, most homes like yours qualify for the thirty percent federal tax credit.', 'I can book a free inspection and savings estimate {DAY} at {TIME}.'],
     ARRAY['We own it, the roof is about twelve years old.', 'Mostly south and west.', 'That is what I heard on the webinar.', 'Sure, but I want to understand the financing first.'],
     'Absolutely. Let me connect you with {REP}, one of our energy consultants, who can walk you through financing.', 'Okay, go ahead.',
     ARRAY['Homeowner {CUST}: about $300 summer bills, south/west roof, 12-year-old roof. Wants financing details; transferred to energy consultant {REP}.', 'Storm damage inspection interest; inspection proposed {DAY} {TIME}. Transferred to sales.'],
     ARRAY['Homeowner wants financing options', 'Qualified: owns home, high bills']),
    ('solar', 'support',
     ARRAY['I already have your panels. The app has shown zero production since Tuesday.', 'We had our roof done by you in spring and there is a leak near the chimney.'],
     ARRAY['I am sorry to hear that. Can you confirm the installation address?', 'Thank you. Is the inverter showing any lights or error codes?', 'I have opened a service ticket and noted the details.'],
     ARRAY['It is the house on Camelback Road.', 'There is a red light blinking.', 'Okay, thanks.'],
     'Let me transfer you to our service team so they can run remote diagnostics while you are on the line.', 'Great.',
     ARRAY['Existing customer {CUST}: inverter red light, zero production since Tuesday. Ticket opened; transferred to service.', 'Warranty claim: roof leak near the chimney after a spring install. Routed to support.'],
     ARRAY['Inverter fault on an existing system', 'Warranty: roof leak']),
    ('solar', 'callback',
     ARRAY['Can you call back? I am on a job site.', 'Now is not a good time, my wife handles the bills.'],
     ARRAY['No problem. When would be better?', 'Would it help if I called when you are both available?'],
     ARRAY['Tomorrow afternoon.', 'Yes, evenings are best.'],
     'Great, I will call back {DAY} at {TIME}. Thanks, {FIRST}.', 'Sounds good.',
     ARRAY['{CUST} asked for a callback {DAY} at {TIME}, with spouse present.', 'Busy on a job site; callback scheduled.'],
     NULL),
    ('solar', 'not_interested',
     ARRAY['We are renting, so it is not our call.', 'Not interested, we already got quotes.'],
     ARRAY['Understood. Would your landlord be interested in some information?', 'Thanks for letting me know. Should I take you off our list?'],
     ARRAY['I doubt it.', 'Yes, please.'],
     'Done. Thank you for your time, {FIRST}.', 'Bye.',
     ARRAY['Renter; not the decision maker. Lost.', '{CUST} already has quotes; asked to be removed from the list.'],
     NULL),
    -- legal ----------------------------------------------------------------
    ('legal', 'interested',
     ARRAY['Yes, we had an offer accepted on a house last week, actually.', 'Oh yes, I have been meaning to sort out a will for ages.'],
     ARRAY['Congratulations! Is this a freehold or leasehold property?', 'And are you buying with a mortgage?', 'Our fixed fee for a freehold purchase starts at {PRICE} plus VAT and disbursements.', 'I can arrange a call with a solicitor {DAY} at {TIME}.'],
     ARRAY['Freehold, a three bed semi.', 'Yes, with Nationwide.', 'That sounds reasonable.', 'Could I speak to someone now instead?'],
     'Of course. I am putting you through to {REP}, one of our solicitors.', 'Lovely, thank you.',
     ARRAY['{CUST}: offer accepted on a freehold semi, mortgage with Nationwide. Fixed fee from {PRICE} quoted; transferred to solicitor {REP}.', 'Will and LPA enquiry; wants to speak to a solicitor today. Transferred.'],
     ARRAY['Purchase instruction: wants to speak to a solicitor', 'Will writing enquiry']),
    ('legal', 'support',
     ARRAY['I am already a client. I have not heard anything about my completion date.', 'Yes, you are handling my mother''s probate and I have a question about the estate account.'],
     ARRAY['I am sorry for the wait. Can I take your matter reference or postcode?', 'Thank you, I have found your file.', 'I will pass this to your case handler.'],
     ARRAY['It is SW11 4NJ.', 'Good.', 'Thank you.'],
     'I am transferring you to the client care team now; they can see your file.', 'Cheers.',
     ARRAY['Existing client {CUST} chasing the completion date; transferred to client care.', 'Probate client query about the estate account; routed to the case handler.'],
     ARRAY['Existing client chasing completion', 'Probate matter query']),
    ('legal', 'callback',
     ARRAY['Sorry, I am at work, could you ring back later?', 'Can you call me after the school run?'],
     ARRAY['Of course. What time suits?', 'No problem, shall I email you our fee guide in the meantime?'],
     ARRAY['After six, please.', 'Yes please.'],
     'I will call you back {DAY} at {TIME}. Thanks, {FIRST}.', 'Thanks, bye.',
     ARRAY['{CUST} asked for a callback {DAY} at {TIME}; fee guide emailed.', 'Callback requested after work.'],
     NULL),
    ('legal', 'not_interested',
     ARRAY['We have already instructed another firm, thanks.', 'No thank you, I am not interested.'],
     ARRAY['Understood. Best of luck with your move. Shall I remove you from our list?', 'No problem at all. Would you like to opt out of future calls?'],
     ARRAY['Yes, please.', 'Yes.'],
     'Done. Thanks for your time, {FIRST}.', 'Bye.',
     ARRAY['{CUST} has instructed another firm. Opted out.', 'Not interested; opted out of calls.'],
     NULL),
    -- clinic (physiotherapy) -----------------------------------------------
    ('clinic', 'interested',
     ARRAY['Yes, my knee is much better, but it still aches after a run.', 'Oh, the Pilates offer? Yes, I saw the email.'],
     ARRAY['Glad to hear it is improving. Are you back to your normal training?', 'Our physios usually recommend a review and a strengthening program at this stage.', 'The intro offer is three clinical Pilates classes for {PRICE}, and you can claim it on private health.', 'I have a spot {DAY} at {TIME}.'],
     ARRAY['About half my usual distance.', 'That makes sense.', 'Which funds do you accept?', 'Can I check with someone about my health fund first?'],
     'Of course. I am transferring you to {REP} at reception, who can check your fund and book you in.', 'Thanks.',
     ARRAY['{CUST}: knee improving, running at half distance. Interested in a review and the Pilates intro ({PRICE}); transferred to reception ({REP}).', 'Wants to book the Pilates intro offer; health fund check needed. Transferred.'],
     ARRAY['Wants to book: health fund check', 'Booking request for the Pilates intro offer']),
    ('clinic', 'support',
     ARRAY['I was charged twice for my last appointment.', 'My exercises are making my back worse, not better.'],
     ARRAY['I am sorry about that. Can I confirm your date of birth?', 'Thank you. I will make sure the right person looks at this today.'],
     ARRAY['Fourth of July, 1990.', 'Thanks.'],
     'I am putting you through to our patient support team now.', 'Okay.',
     ARRAY['{CUST} reports a double charge for the last appointment; transferred to patient support.', 'Patient reports worsening back pain with the home program; transferred to clinical support.'],
     ARRAY['Billing: double charge', 'Clinical concern with the home exercise program']),
    ('clinic', 'callback',
     ARRAY['I am at work, can you call back at lunch?', 'Can you ring me tomorrow?'],
     ARRAY['No worries. What time suits?', 'I will also text you our booking link.'],
     ARRAY['Around half twelve.', 'Great.'],
     'I will call you back {DAY} at {TIME}. Thanks, {FIRST}.', 'Cheers.',
     ARRAY['{CUST} requested a callback {DAY} at {TIME}; booking link sent.', 'Busy; callback booked.'],
     NULL),
    ('clinic', 'not_interested',
     ARRAY['No thanks, I am all good now.', 'Not interested, sorry.'],
     ARRAY['That is great to hear. Would you like us to stop the check-in calls?', 'No worries. Shall I take you off the list?'],
     ARRAY['Yes please.', 'Yeah.'],
     'All done. Take care, {FIRST}.', 'Bye.',
     ARRAY['{CUST} fully recovered; opted out of check-ins.', 'Not interested; removed from the campaign.'],
     NULL),
    -- HVAC -----------------------------------------------------------------
    ('hvac', 'interested',
     ARRAY['Yes, actually the furnace has been making a rattling noise.', 'Yeah, my AC unit is about fifteen years old, I have been wondering about heat pumps.'],
     ARRAY['Thanks for telling me. When did you first notice it?', 'Our Comfort Club members get two tune-ups a year and priority service for {PRICE} a year.', 'There are also utility rebates on heat pumps right now, up to several thousand dollars.', 'I can book a technician {DAY} at {TIME}.'],
     ARRAY['A couple of weeks ago, it gets louder when it starts.', 'That sounds worth it.', 'How much would I actually pay?', 'Sure, but I want a price first.'],
     'Let me connect you with {REP}, our comfort advisor, who can go over pricing and rebates.', 'Okay, thanks.',
     ARRAY['{CUST}: rattling furnace, interested in Comfort Club ({PRICE}/yr). Transferred to comfort advisor {REP}.', 'Heat pump rebate interest; 15-year-old AC. Wants pricing; transferred to sales.'],
     ARRAY['Wants pricing for a heat pump replacement', 'Interested in the Comfort Club plan']),
    ('hvac', 'support',
     ARRAY['Your tech was here last week and now the thermostat is blank.', 'I am a member and I have no heat right now.'],
     ARRAY['I am sorry about that. Can I confirm your address?', 'Thank you. Is the furnace switch on, and is the breaker on?', 'Thanks, I am flagging this as priority.'],
     ARRAY['4420 Tejon Street.', 'Yes, both are on.', 'Thank you.'],
     'I am transferring you to our service dispatcher now.', 'Thanks.',
     ARRAY['Member {CUST} has no heat; breaker and switch checked. Priority transfer to dispatch.', 'Blank thermostat after last week''s visit; transferred to service.'],
     ARRAY['No heat: member priority', 'Issue after a service visit']),
    ('hvac', 'callback',
     ARRAY['Can you call me back later? I am driving.', 'I need to talk to my husband first, can you call tomorrow?'],
     ARRAY['Sure. What time works?', 'No problem.'],
     ARRAY['After four.', 'Thanks.'],
     'I will call back {DAY} at {TIME}. Drive safe, {FIRST}.', 'Bye.',
     ARRAY['{CUST} asked for a callback {DAY} at {TIME}.', 'Needs to check with spouse; callback scheduled.'],
     NULL),
    ('hvac', 'not_interested',
     ARRAY['We just replaced our system last year.', 'No thanks.'],
     ARRAY['Good to hear. Would you like a reminder for maintenance next season?', 'Understood. Shall I remove you from our list?'],
     ARRAY['No, that is fine.', 'Yes.'],
     'Done. Thanks for your time, {FIRST}.', 'Bye.',
     ARRAY['{CUST} replaced the system last year; not interested.', 'Declined; removed from the campaign.'],
     NULL),
    -- insurance ------------------------------------------------------------
    ('insurance', 'interested',
     ARRAY['Yes, my auto policy renews next month and the premium went up a lot.', 'Oh, I was actually shopping around for home insurance.'],
     ARRAY['I can help with that. How many vehicles are on the policy?', 'Have you had any claims or tickets in the last three years?', 'Customers who bundle home and auto typically save around {PRICE} a year.', 'A licensed agent can run quotes from several carriers while you are on the line.'],
     ARRAY['Two cars, my wife''s and mine.', 'No, clean record.', 'That would be nice.', 'Okay, let us do it.'],
     'Great, I am transferring you to {REP}, a licensed agent, now.', 'Thanks.',
     ARRAY['{CUST}: 2 vehicles, clean record, premium increase at renewal. Bundle savings of about {PRICE}/yr mentioned; transferred to licensed agent {REP}.', 'Shopping for home insurance; wants quotes. Transferred to sales.'],
     ARRAY['Wants an auto and home bundle quote', 'Premium increase at renewal; wants quotes']),
    ('insurance', 'support',
     ARRAY['I need to file a claim, someone hit my car in a parking lot.', 'I have a question about my Medicare plan, my pharmacy says my medication is not covered.'],
     ARRAY['I am sorry to hear that. Is everyone okay?', 'Thank you. I will make sure our service team helps you right away.'],
     ARRAY['Yes, nobody was hurt.', 'Thanks.'],
     'I am transferring you to our client service team now.', 'Okay.',
     ARRAY['Existing client {CUST} needs to file an auto claim (parking lot); transferred to client service.', 'Medicare formulary question; routed to service.'],
     ARRAY['Claim assistance', 'Medicare coverage question']),
    ('insurance', 'callback',
     ARRAY['I am busy right now, can you call back?', 'Can you call me next week? I will have my policy papers then.'],
     ARRAY['Of course. When is a good time?', 'Sounds good.'],
     ARRAY['Friday morning.', 'Thanks.'],
     'I will call back {DAY} at {TIME}. Thanks, {FIRST}.', 'Bye.',
     ARRAY['{CUST} requested a callback {DAY} at {TIME}.', 'Will have policy documents next week; callback scheduled.'],
     NULL),
    ('insurance', 'not_interested',
     ARRAY['I am happy with my current insurance.', 'Please take me off your list.'],
     ARRAY['Understood. Would you like a free policy review at renewal time?', 'Of course. I will remove your number right away.'],
     ARRAY['No thanks.', 'Thank you.'],
     'No problem. Have a nice day, {FIRST}.', 'Bye.',
     ARRAY['{CUST} is happy with the current carrier; not interested.', 'Asked to be removed from the list; do not call.'],
     NULL);

-- The AI's opening line (outbound call) and industry-neutral (AI, lead)
-- pairs appended to every scenario's pairs for longer calls.
CREATE TEMP TABLE _demo_generic (intro text[], ai text[], cu text[]);
INSERT INTO _demo_generic VALUES
    (ARRAY['Hi, am I speaking with {FIRST}? This is {AGENT}, a virtual assistant calling from {ORG} about {PITCH}.',
           'Hello {FIRST}, this is {AGENT} from {ORG}. I am an AI assistant, and I am calling about {PITCH}. Is now a good time?',
           'Good day, is this {CUST}? My name is {AGENT}, and I am calling on behalf of {ORG} regarding {PITCH}. This call may be recorded.'],
     ARRAY['Just to confirm, is this still the best number to reach you?', 'And may I have your email address so I can send the details in writing?', 'Would you prefer a text message or an email for the follow-up?', 'Is there a particular day of the week that usually works better for you?', 'Sorry, I did not quite catch that. Could you say it again?', 'Thank you, I have noted that down. Anything else I should pass on?'],
     ARRAY['Yes, this number is fine.', 'Sure, it is the one you have on file.', 'Email is better for me.', 'Weekends are usually easier.', 'I said that works for me.', 'No, I think that covers it.']);


-- -----------------------------------------------------------------------------
-- organizations, projects, users (auth.users stand-in + profiles)
-- -----------------------------------------------------------------------------

INSERT INTO organizations (id, name, slug, status, created_at, updated_at)
SELECT o.id, o.name, o.slug, o.status, o.org_created_at, o.org_created_at + ((o.n * 11) * INTERVAL '1 day')
FROM _demo_org o;

INSERT INTO projects (id, organization_id, name, created_at)
SELECT md5('project-' || o.n || '-' || p.p)::uuid, o.id, o.projects[p.p],
       o.org_created_at + ((20 + p.p * 60) * INTERVAL '1 day')
FROM _demo_org o
CROSS JOIN generate_series(1, 2) AS p(p);

-- u = 1 admin, 2 manager, 3 sales (the "{REP}" of the transcripts); plus one
-- platform support user with no organization.
CREATE TEMP TABLE _demo_user AS
SELECT o.n, u.u, md5('user-' || o.n || '-' || u.u)::uuid AS id, o.id AS org_id, o.users[u.u] AS full_name,
       lower(regexp_replace(regexp_replace(o.users[u.u], '^Dr[.] ', ''), '[^A-Za-z]+', '.', 'g')) || '@' || o.domain AS email,
       (ARRAY['admin', 'manager', 'sales'])[u.u] AS role,
       o.org_created_at + ((u.u - 1) * 9 * INTERVAL '1 day') + ((o.n * 5) * INTERVAL '1 minute') AS created_at
FROM _demo_org o
CROSS JOIN generate_series(1, 3) AS u(u)
UNION ALL
SELECT 0, 1, md5('user-platform-support')::uuid, NULL, 'Quinite Support', 'support@quinite.example', 'super_admin',
       now() - INTERVAL '700 days';

INSERT INTO auth.users (id, email, encrypted_password, created_at)
SELECT u.id, u.email, 'demo-secret-not-real', u.created_at
FROM _demo_user u;

INSERT INTO profiles (id, organization_id, full_name, email, role, created_at)
SELECT u.id, u.org_id, u.full_name, u.email, u.role, u.created_at + INTERVAL '2 minutes'
FROM _demo_user u;


-- -----------------------------------------------------------------------------
-- Leads (scratch first: calls read names from it; the lead rows themselves
-- are inserted once the calls are known). Each lead belongs to one callable
-- campaign ((idx - 1) % ncallable + 1) and that campaign's project. Leads
-- 1..ncalled were imported 92-241 days ago and get calls; the newest 15%
-- arrived in the last 30 days and were never called.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_lead AS
WITH h AS MATERIALIZED (
    SELECT o.n, o.id AS org_id, o.culture, o.phone_prefix, o.phone_width, o.ncalled, o.ncallable, o.price, o.industry,
           l.idx, decode(md5('lead-' || o.n || '-' || l.idx), 'hex') AS h
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.nleads) AS l(idx)
), p AS MATERIALIZED (
    SELECT h.*, 1 + (h.idx - 1) % h.ncallable AS k,
           nm.firsts[1 + get_byte(h.h, 0) % cardinality(nm.firsts)] AS first,
           nm.lasts[1 + get_byte(h.h, 1) % cardinality(nm.lasts)] AS last,
           (get_byte(h.h, 2) * 256 + get_byte(h.h, 3)) % 100 AS r_src,
           get_byte(h.h, 4) AS b4, get_byte(h.h, 5) AS b5, get_byte(h.h, 6) AS b6,
           get_byte(h.h, 7) AS b7, get_byte(h.h, 8) AS b8, get_byte(h.h, 9) AS b9
    FROM h
    JOIN _demo_names nm ON nm.culture = h.culture
)
SELECT p.n, p.idx, p.k, md5('lead-' || p.n || '-' || p.idx)::uuid AS id, p.org_id,
       CASE WHEN p.b9 < 12 THEN NULL ELSE c.project_id END AS project_id,
       c.project, c.pitch,
       coalesce(sp.name, p.first || ' ' || p.last) AS name,
       coalesce(sp.first, p.first) AS first,
       CASE WHEN sp.name IS NOT NULL THEN sp.email
            WHEN p.b4 < 180 THEN
                regexp_replace(lower(p.first || '.' || p.last), '[^a-z.]', '', 'g')
                || CASE WHEN p.b5 < 90 THEN (10 + p.b5 % 90)::text ELSE '' END
                || '@' || (ARRAY['mail.example', 'example.com', 'example.net', 'inbox.example'])[1 + p.b6 % 4]
       END AS email,
       CASE WHEN p.idx > p.ncalled AND p.b7 < 12 THEN NULL
            ELSE p.phone_prefix || lpad(p.idx::text, p.phone_width, '0') END AS phone,
       CASE WHEN p.r_src < 40 THEN 'website' WHEN p.r_src < 70 THEN 'csv_upload'
            WHEN p.r_src < 85 THEN 'manual' ELSE 'referral' END AS source,
       CASE WHEN p.r_src < 40 THEN NULL
            ELSE md5('user-' || p.n || '-' || (1 + p.b8 % 3))::uuid END AS created_by,
       CASE p.b8 % 19
           WHEN 0 THEN 'Prefers WhatsApp over calls'
           WHEN 1 THEN 'Call only after 6 pm'
           WHEN 2 THEN 'Referred by an existing customer'
           WHEN 3 THEN 'Asked for a brochure by email'
           WHEN 4 THEN 'Spouse makes the final decision'
       END AS notes,
       CASE WHEN p.b9 % 10 = 3 THEN NULL
            ELSE jsonb_strip_nulls(jsonb_build_object(
                'utm_source', (ARRAY['google', 'facebook', 'instagram', 'newsletter', 'walk_in'])[1 + p.b6 % 5],
                'preferred_contact', (ARRAY['phone', 'email', 'whatsapp'])[1 + p.b7 % 3],
                'budget', CASE WHEN p.industry = 'real_estate' THEN p.price END)) END AS metadata,
       p.idx <= p.ncalled AS callable,
       CASE WHEN p.idx <= p.ncalled
            THEN now() - ((92 + (p.b4 * 256 + p.b5) % 150) * INTERVAL '1 day') - ((p.b6 % 24) * INTERVAL '1 hour')
            ELSE now() - ((p.b4 * 256 + p.b5) % 30 * INTERVAL '1 day') - ((1 + p.b6 % 20) * INTERVAL '1 hour')
       END AS created_at
FROM p
JOIN _demo_camp c ON c.n = p.n AND c.k = p.k
-- A few leads with international names (all among the called leads).
LEFT JOIN (VALUES
    (1, 7, '王芳', '王芳', 'wang.fang@example.com'),
    (1, 19, 'Chen Wei 陈伟', 'Chen', NULL),
    (6, 3, 'فاطمة الزهراء', 'فاطمة', NULL),
    (6, 11, 'يوسف الحداد', 'يوسف', 'y.haddad@example.com'),
    (2, 11, 'Nguyễn Thị Hương', 'Hương', 'huong.nguyen@example.com'),
    (4, 3, 'Siobhán Ó Súilleabháin', 'Siobhán', NULL),
    (5, 9, '田中 さくら', 'さくら', 'sakura.tanaka@example.jp'),
    (8, 13, '김민준', '민준', 'minjun.kim@example.com')
) AS sp(n, idx, name, first, email) ON sp.n = p.n AND sp.idx = p.idx;


-- -----------------------------------------------------------------------------
-- Transcript templates: per (org, scenario, variant 0..23). Interested and
-- support calls have 4 to 30 lines, callbacks 4 to 12, refusals 4 to 8:
-- AI introduction, lead's answer, (AI, lead) pairs, AI closing, lead's
-- goodbye when the line count is even. One variant in twelve uses the
-- "Agent:" / "User:" labels instead of "AI:" / "Customer:".
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_tpl AS
WITH base AS (
    SELECT o.n, o.short_name, o.agent, o.users[3] AS rep, o.price, o.industry, s.scen, s.sno, v.v,
           CASE s.scen
               WHEN 'callback' THEN 4 + (v.v * 5 + o.n) % 9
               WHEN 'not_interested' THEN 4 + (v.v * 3 + o.n) % 5
               ELSE 4 + (v.v * 7 + s.sno * 5 + o.n * 3) % 27
           END AS nlines
    FROM _demo_org o
    CROSS JOIN (VALUES ('interested', 1), ('support', 2), ('callback', 3), ('not_interested', 4)) AS s(scen, sno)
    CROSS JOIN generate_series(0, 23) AS v(v)
), full_base AS (
    SELECT base.*, g.intro, bk.opens, bk.ai || g.ai AS all_ai, bk.cu || g.cu AS all_cu,
           bk.close_ai, bk.bye, bk.sums, bk.reasons,
           (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'])[1 + (base.v * 3 + base.sno) % 6] AS day_en,
           (ARRAY['10:00 AM', '11:30 AM', '12:30 PM', '3:00 PM', '4:30 PM', '6:00 PM', '7:30 PM'])[1 + (base.v * 5 + base.sno) % 7] AS time_en
    FROM base
    JOIN _demo_bank bk ON bk.industry = base.industry AND bk.scen = base.scen
    CROSS JOIN _demo_generic g
), lines AS (
    SELECT f.n, f.scen, f.v, t.t,
           CASE WHEN f.v % 12 = 5 THEN
                    CASE WHEN k.is_ai THEN 'Agent' ELSE 'User' END
                ELSE
                    CASE WHEN k.is_ai THEN 'AI' ELSE 'Customer' END
           END || ': ' ||
           CASE WHEN t.t = 1 THEN f.intro[1 + f.v % cardinality(f.intro)]
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
    SELECT n, scen, v, string_agg(line, chr(10) ORDER BY t) AS body
    FROM lines
    GROUP BY n, scen, v
)
SELECT f.n, f.scen, f.v, f.nlines, f.agent,
       replace(replace(replace(replace(replace(replace(b.body,
           '{ORG}', f.short_name), '{AGENT}', f.agent), '{REP}', f.rep),
           '{PRICE}', f.price), '{DAY}', f.day_en), '{TIME}', f.time_en) AS body,
       replace(replace(replace(replace(replace(replace(f.sums[1 + f.v % cardinality(f.sums)],
           '{ORG}', f.short_name), '{AGENT}', f.agent), '{REP}', f.rep),
           '{PRICE}', f.price), '{DAY}', f.day_en), '{TIME}', f.time_en) AS summary,
       CASE WHEN f.reasons IS NOT NULL THEN f.reasons[1 + f.v % cardinality(f.reasons)] END AS reason,
       'AI: Hi {FIRST}, this is ' || f.agent || ' from ' || f.short_name || ', calling about {PITCH}. '
           || 'Please call us back at your convenience, or reply to the text message we will send you. Thank you!' AS voicemail
FROM full_base f
JOIN bodies b ON b.n = f.n AND b.scen = f.scen AND b.v = f.v;


-- Planner statistics for the scratch tables joined below.
ANALYZE _demo_org, _demo_camp, _demo_lead, _demo_tpl;


-- -----------------------------------------------------------------------------
-- Calls (scratch): 11,400 outbound calls over the last 90 days (denser
-- towards today), during local calling hours 9:00-19:59. 22% no answer,
-- 12% voicemail; answered calls: 32% interested (transferred to sales),
-- 11% existing customers (transferred to support), 27% callback requests,
-- 30% refusals.
-- -----------------------------------------------------------------------------

CREATE TEMP TABLE _demo_call AS
WITH c0 AS MATERIALIZED (
    SELECT o.n, o.id AS org_id, o.tz, o.ncalled, o.agent, o.slug, g.j,
           decode(md5('call-' || o.n || '-' || g.j), 'hex') AS h
    FROM _demo_org o
    CROSS JOIN LATERAL generate_series(1, o.calls) AS g(j)
), c1 AS MATERIALIZED (
    SELECT c0.n, c0.org_id, c0.tz, c0.agent, c0.slug, c0.j,
           1 + (get_byte(c0.h, 0) * 256 + get_byte(c0.h, 1)) % c0.ncalled AS lidx,
           (get_byte(c0.h, 2) * 256 + get_byte(c0.h, 3)) % 100 AS r_status,
           (get_byte(c0.h, 4) * 256 + get_byte(c0.h, 5)) % 1000 AS r_scen,
           get_byte(c0.h, 6) % 24 AS v,
           (get_byte(c0.h, 7) * 256 + get_byte(c0.h, 8)) / 65536.0 AS u,
           get_byte(c0.h, 9) AS b9, get_byte(c0.h, 10) AS b10, get_byte(c0.h, 11) AS b11,
           get_byte(c0.h, 12) AS b12, get_byte(c0.h, 13) AS b13, get_byte(c0.h, 14) AS b14,
           get_byte(c0.h, 15) AS b15
    FROM c0
), c2 AS MATERIALIZED (
    SELECT c1.*, l.id AS lead_id, l.name AS lead_name, l.first, l.k, l.pitch, l.project,
           cp.id AS campaign_id, cp.status AS camp_status, cp.name AS camp_name,
           CASE WHEN c1.r_status < 34 THEN NULL
                WHEN c1.r_scen < 320 THEN 'interested' WHEN c1.r_scen < 430 THEN 'support'
                WHEN c1.r_scen < 700 THEN 'callback' ELSE 'not_interested' END AS scen,
           CASE cp.status
               WHEN 'completed' THEN 45 + floor(45 * c1.u)::int
               WHEN 'paused' THEN 10 + floor(80 * c1.u)::int
               ELSE floor(90 * power(c1.u::float8, 1.35::float8))::int
           END AS dayoff
    FROM c1
    JOIN _demo_lead l ON l.n = c1.n AND l.idx = c1.lidx
    JOIN _demo_camp cp ON cp.n = c1.n AND cp.k = l.k
), c3 AS MATERIALIZED (
    SELECT c2.*,
           CASE WHEN r_status < 22 THEN 'no_answer'
                WHEN r_status < 34 THEN 'voicemail'
                WHEN scen IN ('interested', 'support') THEN 'transferred'
                ELSE 'called' END AS status,
           (date_trunc('day', now() AT TIME ZONE tz)
               - (dayoff * INTERVAL '1 day')
               + ((9 + b9 % 11) * INTERVAL '1 hour')
               + ((b10 % 60) * INTERVAL '1 minute') + ((b11 % 60) * INTERVAL '1 second')
           ) AT TIME ZONE tz AS ts0
    FROM c2
), c4 AS MATERIALIZED (
    SELECT c3.*,
           CASE WHEN ts0 > now() - INTERVAL '10 minutes' THEN ts0 - INTERVAL '7 days' ELSE ts0 END AS ts,
           t.nlines,
           CASE WHEN c3.status = 'voicemail' THEN replace(replace(t.voicemail, '{FIRST}', c3.first), '{PITCH}', c3.pitch)
                WHEN c3.status IN ('called', 'transferred') THEN
                    replace(replace(replace(replace(t.body, '{CUST}', c3.lead_name), '{FIRST}', c3.first),
                            '{PITCH}', c3.pitch), '{PROJECT}', c3.project)
           END AS tx,
           CASE WHEN c3.status IN ('called', 'transferred') THEN
                    replace(replace(replace(t.summary, '{CUST}', c3.lead_name), '{FIRST}', c3.first), '{PROJECT}', c3.project)
           END AS sm,
           t.reason
    FROM c3
    JOIN _demo_tpl t ON t.n = c3.n AND t.scen = coalesce(c3.scen, 'callback') AND t.v = c3.v
)
SELECT c4.*,
       md5('call-' || n || '-' || j)::uuid AS id,
       CASE WHEN status IN ('called', 'transferred') THEN nlines * 11 + b12 % 40 END AS ai_seconds,
       CASE status
           WHEN 'no_answer' THEN 0
           WHEN 'voicemail' THEN 18 + b12 % 25
           WHEN 'called' THEN nlines * 11 + b12 % 40
           ELSE nlines * 11 + b12 % 40 + 45 + b13 * 3
       END AS duration
FROM c4;

ANALYZE _demo_call;


-- -----------------------------------------------------------------------------
-- campaigns: totals counted from the calls (conversion_rate is generated).
-- -----------------------------------------------------------------------------

INSERT INTO campaigns (id, organization_id, project_id, name, status, created_at, updated_at, total_calls, transferred_calls)
SELECT c.id, c.org_id, c.project_id, c.name, c.status, c.created_at,
       coalesce(s.last_ts, c.created_at + INTERVAL '30 minutes'),
       coalesce(s.total, 0), coalesce(s.transferred, 0)
FROM _demo_camp c
LEFT JOIN (
    SELECT campaign_id, count(*)::int AS total, (count(*) FILTER (WHERE status = 'transferred'))::int AS transferred,
           max(ts) AS last_ts
    FROM _demo_call
    GROUP BY campaign_id
) s ON s.campaign_id = c.id;


-- -----------------------------------------------------------------------------
-- leads: final status from the calls (call_log_id is set once the calls
-- exist). Never called: 'new'. Ever transferred: 'qualified' (every fourth
-- 'converted'). Latest call a refusal: 'lost'. Otherwise 'contacted'.
-- -----------------------------------------------------------------------------

INSERT INTO leads (id, organization_id, project_id, created_by, name, email, phone, source, status, call_status,
                   transferred_to_human, call_date, call_log_id, notes, metadata, created_at, updated_at)
SELECT l.id, l.org_id, l.project_id, l.created_by, l.name, l.email, l.phone, l.source,
       CASE WHEN x.lead_id IS NULL THEN 'new'
            WHEN x.any_transferred THEN CASE WHEN get_byte(decode(md5(l.id::text), 'hex'), 0) % 4 = 0 THEN 'converted' ELSE 'qualified' END
            WHEN x.status = 'called' AND x.scen = 'not_interested' THEN 'lost'
            ELSE 'contacted'
       END,
       coalesce(x.status, 'not_called'),
       coalesce(x.any_transferred, false),
       x.ts,
       NULL,
       l.notes, l.metadata, l.created_at, l.created_at
FROM _demo_lead l
LEFT JOIN (
    SELECT DISTINCT ON (lead_id) lead_id, id, status, scen, ts,
           bool_or(status = 'transferred') OVER (PARTITION BY lead_id) AS any_transferred
    FROM _demo_call
    ORDER BY lead_id, ts DESC, j DESC
) x ON x.lead_id = l.id;


-- -----------------------------------------------------------------------------
-- call_logs
-- -----------------------------------------------------------------------------

INSERT INTO call_logs (id, campaign_id, lead_id, organization_id, call_sid, call_status, transferred, transferred_at,
                       transfer_reason, transfer_department, call_timestamp, duration, transcript,
                       conversation_summary, recording_url, notes, metadata, created_at)
SELECT c.id, c.campaign_id, c.lead_id, c.org_id,
       CASE WHEN c.b14 = 7 THEN NULL ELSE md5('plivo-' || c.n || '-' || c.j)::uuid::text END,
       c.status,
       c.status = 'transferred',
       CASE WHEN c.status = 'transferred' THEN c.ts + (c.ai_seconds * INTERVAL '1 second') END,
       CASE WHEN c.status = 'transferred' THEN c.reason END,
       CASE WHEN c.status = 'transferred' THEN CASE WHEN c.scen = 'support' THEN 'support' ELSE 'sales' END END,
       c.ts,
       c.duration,
       -- A few answered calls lost their transcript (websocket dropped).
       CASE WHEN c.status IN ('called', 'transferred') AND c.b15 < 3 THEN NULL ELSE c.tx END,
       CASE WHEN c.status = 'voicemail' THEN 'Reached voicemail; left a callback message (' || c.camp_name || ').'
            WHEN c.sm IS NULL THEN NULL
            ELSE c.sm || CASE WHEN c.b15 % 53 = 1 THEN
                             CASE c.scen WHEN 'interested' THEN ' 🔥' WHEN 'support' THEN ' 🛠️'
                                         WHEN 'callback' THEN ' 📞' ELSE ' 🙅' END
                             ELSE '' END
       END,
       CASE WHEN c.duration > 0 AND c.b14 <> 7 AND c.b13 % 40 <> 1
            THEN 'https://media.plivo.example/recordings/' || md5('plivo-' || c.n || '-' || c.j)::uuid::text || '.mp3' END,
       CASE WHEN c.status = 'transferred' AND c.b10 % 5 = 0 THEN
                (ARRAY['Rep took over; follow-up meeting booked.', 'Sent brochure and price sheet by email after the call.',
                       'Customer asked for WhatsApp updates.', 'Escalated to manager.', 'Issue resolved on the call.'])[1 + c.b11 % 5]
            WHEN c.status = 'called' AND c.scen = 'not_interested' AND c.b10 % 4 = 0 THEN 'Marked do-not-call at customer request.'
            WHEN c.status = 'no_answer' AND c.b10 % 9 = 0 THEN 'Number rang out; retry scheduled.'
       END,
       CASE WHEN c.b13 % 23 = 4 THEN NULL
            ELSE jsonb_strip_nulls(jsonb_build_object(
                'direction', 'outbound',
                'ai_agent', c.agent,
                'websocket_server', (ARRAY['ws-primary-1', 'ws-primary-2'])[1 + c.j % 2],
                'hangup_cause', CASE c.status WHEN 'no_answer' THEN 'NO_ANSWER' ELSE 'NORMAL_CLEARING' END,
                'machine_detected', CASE WHEN c.status = 'voicemail' THEN true END,
                'scenario', c.scen,
                'sentiment', CASE c.scen WHEN 'interested' THEN 'positive' WHEN 'support' THEN 'neutral'
                                         WHEN 'callback' THEN 'neutral' WHEN 'not_interested' THEN 'negative' END,
                'cost_usd', round(c.duration / 60.0 * 0.012, 4))) END,
       c.ts
FROM _demo_call c;

-- Each called lead points at its latest call. updated_at is set explicitly
-- (the leads trigger then keeps it) to the end of that call.
UPDATE leads l
SET call_log_id = x.id,
    updated_at = x.ts + ((x.duration + 5) * INTERVAL '1 second')
FROM (
    SELECT DISTINCT ON (lead_id) lead_id, id, ts, duration
    FROM _demo_call
    ORDER BY lead_id, ts DESC, j DESC
) x
WHERE l.id = x.lead_id;


-- -----------------------------------------------------------------------------
-- websocket_servers (global)
-- -----------------------------------------------------------------------------

INSERT INTO websocket_servers (id, name, url, is_active, status, last_verified_at, priority)
VALUES
    (md5('ws-1')::uuid, 'ws-primary-1', 'wss://voice-ws-1.quinite.example/stream', true, 'verified', now() - INTERVAL '4 minutes', 10),
    (md5('ws-2')::uuid, 'ws-primary-2', 'wss://voice-ws-2.quinite.example/stream', true, 'verified', now() - INTERVAL '6 minutes', 10),
    (md5('ws-3')::uuid, 'ws-eu-fallback', 'wss://eu-voice-ws.quinite.example/stream', false, 'failed', now() - INTERVAL '3 days', 5),
    (md5('ws-4')::uuid, 'ws-staging', 'wss://staging-voice-ws.quinite.example/stream', true, 'pending', NULL, 0);


-- -----------------------------------------------------------------------------
-- Clean up
-- -----------------------------------------------------------------------------

DROP TABLE _demo_call, _demo_tpl, _demo_lead, _demo_user, _demo_generic, _demo_bank, _demo_names, _demo_camp, _demo_org;

ANALYZE organizations, projects, campaigns, profiles, leads, call_logs, websocket_servers;
