import type { PartnershipSpec } from './partnership-spec';
import { PETERBOROUGH_COURSES } from './peterborough-courses';

/**
 * The main demo partnership, after the Peterborough Whole Systems Working strategy: its
 * stakeholders, the independent sector represented by sector groups (Annex B), headcounts in
 * the strategy's proportions (4500 in the acute trust, 1500 in primary care…) and fictional
 * L&D leads. Independent-sector organisations are invented.
 *
 * Registered identifiers: the NHS trusts the strategy names carry their real ODS codes (RGN, which
 * North West Anglia NHS Foundation Trust kept from Peterborough and Stamford Hospitals; RT1, now
 * Cambridgeshire and Peterborough NHS Foundation Trust), the ambulance trust its successor's (RYC,
 * East of England Ambulance Service), the council its local-authority-eng register code (PTE, shared by
 * its children's services). Every other identifier is invented and marked so (`orgIdIs`).
 */
const CGOLG = 'Clinical Governance Operational Leads Group';
const CSSG = 'Care Sector Strategy Group';

export const GREATER_PETERBOROUGH: PartnershipSpec = {
  slug: 'greater-peterborough',
  name: 'Greater Peterborough Health and Social Care Partnership',
  sectorGroups: [CGOLG, CSSG],
  organisations: [
    { code: 'GPPCP', name: 'Greater Peterborough Primary Care Partnership', sector: 'primary_care', role: 'core_stakeholder', deliversTraining: true, staff: 1500, volunteers: 0, domain: 'gppcp', leadTitle: 'Workforce Development Manager', orgId: 'GB-NHS-ZPC', orgIdIs: 'invented',
      about: 'Commissions and runs primary care across Greater Peterborough, and coordinates training for GP practices, dentists, pharmacists and optometrists.' },
    { code: 'PSHNHSFT', name: 'Peterborough and Stamford Hospitals NHS Foundation Trust', sector: 'acute_trust', role: 'core_stakeholder', deliversTraining: true, staff: 4500, volunteers: 0, domain: 'pshnhsft', leadTitle: 'Assistant Director – Learning and Development', orgId: 'GB-NHS-RGN', orgIdIs: 'real',
      about: 'The acute hospital trust. Its Education Centre runs mandatory and clinical skills training that partners can book.' },
    { code: 'PCC', name: 'Peterborough City Council', sector: 'local_authority', role: 'core_stakeholder', deliversTraining: true, staff: 1800, volunteers: 0, domain: 'peterborough-council', leadTitle: 'Learning and Development Business Manager', orgId: 'GB-LAE-PTE', orgIdIs: 'unverified',
      about: 'Adult social care, public health and housing. Runs safeguarding, mental capacity and care skills courses for the partnership.' },
    { code: 'CPMHPNHST', name: 'Cambridgeshire and Peterborough Mental Health Partnership NHS Trust', sector: 'mental_health', role: 'core_stakeholder', deliversTraining: true, staff: 1000, volunteers: 0, domain: 'cpmhpnhst', leadTitle: 'Senior Training Manager', orgId: 'GB-NHS-RT1', orgIdIs: 'real',
      about: 'Mental health and learning disability services. Offers mental health awareness, de-escalation and suicide prevention training.' },
    { code: 'EAANHST', name: 'East Anglian Ambulance NHS Trust', sector: 'ambulance', role: 'core_stakeholder', deliversTraining: true, staff: 400, volunteers: 0, domain: 'eaanhst', leadTitle: 'Head of Learning and Development', orgId: 'GB-NHS-RYC', orgIdIs: 'successor',
      about: 'Emergency and urgent care. Offers basic life support, first aid and conflict resolution training.' },
    { code: 'PCVS', name: 'Peterborough CVS', sector: 'voluntary', role: 'core_stakeholder', deliversTraining: true, staff: 40, volunteers: 1200, domain: 'peterborough-cvs', leadTitle: 'Volunteer Development Manager', orgId: 'GB-CHC-1999001', orgIdIs: 'invented',
      about: 'Supports the voluntary sector and its 1,200 volunteer carers, with induction, safeguarding and volunteer development training.' },
    { code: 'BGMP', name: 'Bretton Green Medical Practice', sector: 'general_practice', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CGOLG, staff: 42, volunteers: 0, domain: 'brettongreen-practice', leadTitle: 'Practice Business Manager', orgId: 'GB-NHS-Z99001', orgIdIs: 'invented',
      about: 'A GP practice, represented through the Clinical Governance Operational Leads Group.' },
    { code: 'OLS', name: 'Orton Lakes Surgery', sector: 'general_practice', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CGOLG, staff: 35, volunteers: 0, domain: 'ortonlakes-surgery', leadTitle: 'Assistant Practice Manager', orgId: 'GB-NHS-Z99002', orgIdIs: 'invented',
      about: 'A GP practice, represented through the Clinical Governance Operational Leads Group.' },
    { code: 'MDC', name: 'Millfield Dental Care', sector: 'dentistry', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CGOLG, staff: 18, volunteers: 0, domain: 'millfield-dental', leadTitle: 'Lead Dental Nurse', orgId: 'GB-NHS-Z999001', orgIdIs: 'invented',
      about: 'A dental practice, represented through the Clinical Governance Operational Leads Group.' },
    { code: 'WGP', name: 'Westgate Pharmacy', sector: 'pharmacy', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CGOLG, staff: 12, volunteers: 0, domain: 'westgate-pharmacy', leadTitle: 'Superintendent Pharmacist', orgId: 'GB-NHS-FZZ01', orgIdIs: 'invented',
      about: 'A community pharmacy, represented through the Clinical Governance Operational Leads Group.' },
    { code: 'CSO', name: 'Cathedral Square Opticians', sector: 'optometry', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CGOLG, staff: 10, volunteers: 0, domain: 'cathedral-opticians', leadTitle: 'Practice Owner', orgId: 'GB-COH-99000001', orgIdIs: 'invented',
      about: 'An optometry practice, represented through the Clinical Governance Operational Leads Group.' },
    { code: 'NVCH', name: 'Nene Valley Care Home', sector: 'care_home', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CSSG, staff: 85, volunteers: 0, domain: 'nenevalley-care', leadTitle: 'Registered Manager', orgId: 'GB-COH-99000002', orgIdIs: 'invented',
      about: 'A residential care home, represented through the Care Sector Strategy Group.' },
    { code: 'FML', name: 'Ferry Meadows Lodge', sector: 'care_home', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CSSG, staff: 60, volunteers: 0, domain: 'ferrymeadows-lodge', leadTitle: 'Home Manager', orgId: 'GB-COH-99000003', orgIdIs: 'invented',
      about: 'A residential care home, represented through the Care Sector Strategy Group.' },
    { code: 'LHNH', name: 'Longthorpe House Nursing Home', sector: 'care_home', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CSSG, staff: 70, volunteers: 0, domain: 'longthorpe-house', leadTitle: 'Clinical Lead and Trainer', orgId: 'GB-COH-99000004', orgIdIs: 'invented',
      about: 'A nursing home, represented through the Care Sector Strategy Group.' },
    { code: 'HFDC', name: 'HomeFirst Domiciliary Care', sector: 'domiciliary_care', role: 'core_stakeholder', deliversTraining: false, sectorGroup: CSSG, staff: 140, volunteers: 0, domain: 'homefirst-care', leadTitle: 'Training and Compliance Manager', orgId: 'GB-COH-99000005', orgIdIs: 'invented',
      about: 'Home care across the city, represented through the Care Sector Strategy Group.' },
    { code: 'PRC', name: 'Peterborough Regional College', sector: 'education_provider', role: 'provider', deliversTraining: true, staff: 350, volunteers: 0, domain: 'peterborough-college', leadTitle: 'Head of Health and Care Academy', orgId: 'GB-COH-99000006', orgIdIs: 'invented',
      about: 'Further education college. Its Health and Care Academy delivers accredited courses and apprenticeships.' },
    { code: 'PCS', name: 'Peterborough Children’s Services', sector: 'childrens_services', role: 'affected', deliversTraining: false, staff: 600, volunteers: 0, domain: 'peterborough-childrens', leadTitle: 'Workforce Development Lead', orgId: 'GB-LAE-PTE', orgIdIs: 'unverified',
      about: 'The council’s children’s services, which share its identifier. Affected by the framework rather than a core stakeholder.' },
    { code: 'CFRS', name: 'Cambridgeshire Fire and Rescue Service', sector: 'fire_and_rescue', role: 'provider', deliversTraining: true, staff: 120, volunteers: 0, domain: 'cambs-fire', leadTitle: 'Community Safety Training Manager', orgId: 'GB-LAE-ZCFR', orgIdIs: 'invented',
      about: 'Fire and rescue. Delivers fire safety and fire marshal training to partners.' },
  ],
  independentVolunteers: true,
  venues: [
    { name: 'Peterborough City Hospital Education Centre', address: 'Bretton Gate', town: 'Peterborough', postcode: 'PE3 9GZ', latitude: 52.5843, longitude: -0.2790, usedBy: ['PSHNHSFT', 'GPPCP'] },
    { name: 'Town Hall Training Suite', address: 'Bridge Street', town: 'Peterborough', postcode: 'PE1 1HF', latitude: 52.5717, longitude: -0.2420, usedBy: ['PCC', 'PCS'] },
    { name: 'Peterborough CVS Training Room', address: '32 Lincoln Road', town: 'Peterborough', postcode: 'PE1 2RL', latitude: 52.5790, longitude: -0.2450, usedBy: ['PCVS'] },
    { name: 'Peterborough Regional College – Health and Care Academy', address: 'Park Crescent', town: 'Peterborough', postcode: 'PE1 4DZ', latitude: 52.5886, longitude: -0.2330, usedBy: ['PRC'] },
    { name: 'Cavell Centre Training Room', address: 'Edith Cavell Campus, Bretton Gate', town: 'Peterborough', postcode: 'PE3 9GZ', latitude: 52.5852, longitude: -0.2812, usedBy: ['CPMHPNHST'] },
    { name: 'Dogsthorpe Fire Station Training Room', address: 'Eye Road', town: 'Peterborough', postcode: 'PE1 4SA', latitude: 52.5937, longitude: -0.2296, usedBy: ['CFRS'] },
    { name: 'Stamford Hospital Training Room', address: 'Ryhall Road', town: 'Stamford', postcode: 'PE9 1UA', latitude: 52.6519, longitude: -0.4803, usedBy: ['PSHNHSFT'] },
    { name: 'Wisbech Community Hub', address: '1 Church Terrace', town: 'Wisbech', postcode: 'PE13 1BW', latitude: 52.6664, longitude: 0.1594, usedBy: ['PCVS', 'GPPCP'] },
    { name: 'Hinchingbrooke Education Centre', address: 'Hinchingbrooke Park', town: 'Huntingdon', postcode: 'PE29 6NT', latitude: 52.3302, longitude: -0.1855, usedBy: ['CPMHPNHST', 'EAANHST'] },
    { name: 'March Community Centre', address: 'Station Road', town: 'March', postcode: 'PE15 8LE', latitude: 52.5513, longitude: 0.0884, usedBy: ['PCVS'] },
    { name: 'Whittlesey Health Centre Seminar Room', address: 'Scaldgate', town: 'Whittlesey', postcode: 'PE7 1PW', latitude: 52.5580, longitude: -0.1300, usedBy: ['GPPCP'] },
    { name: 'Queen Victoria Hall', address: 'West Street', town: 'Oundle', postcode: 'PE8 4EJ', latitude: 52.4807, longitude: -0.4689, usedBy: ['PRC'] },
    { name: 'Market Deeping Community Centre', address: 'Godsey Lane', town: 'Market Deeping', postcode: 'PE6 8HY', latitude: 52.6782, longitude: -0.3195, usedBy: ['CFRS', 'EAANHST'] },
  ],
  courses: PETERBOROUGH_COURSES,
  anchors: [
    // Journey 2: the council holds 5 of 20 seats on a joint course more than 14 days away (so
    // the release is still to come), with none of its seats used yet.
    { courseTitle: 'Safeguarding Adults Level 2', daysFromNow: 28, mode: 'in_person', venue: 'Town Hall Training Suite', capacity: 20, startHour: 9, startMinute: 30, allocations: [{ code: 'PCC', seats: 5 }, { code: 'PSHNHSFT', seats: 6 }, { code: 'GPPCP', seats: 4 }], bookings: 8, excludeBookersFrom: ['PCC'] },
    // …and the next one is full, so the lead's two extra people go on its waiting list.
    { courseTitle: 'Safeguarding Adults Level 2', daysFromNow: 45, mode: 'in_person', venue: 'Peterborough City Hospital Education Centre', capacity: 20, startHour: 9, startMinute: 30, bookings: 22, excludeBookersFrom: ['PCC'] },
    // Journey 1: free safeguarding open to volunteers, online or in Peterborough, seats left.
    { courseTitle: 'Safeguarding Adults Level 1', daysFromNow: 7, mode: 'online', capacity: 40, startHour: 10, startMinute: 0, bookings: 12 },
    { courseTitle: 'Safeguarding Adults Level 1', daysFromNow: 23, mode: 'online', capacity: 40, startHour: 13, startMinute: 30, bookings: 6 },
    { courseTitle: 'Safeguarding Adults Awareness for Volunteers', daysFromNow: 10, mode: 'in_person', venue: 'Peterborough CVS Training Room', capacity: 16, startHour: 13, startMinute: 30, bookings: 5 },
    { courseTitle: 'Safeguarding Adults Awareness for Volunteers', daysFromNow: 36, mode: 'online', capacity: 20, startHour: 9, startMinute: 30, bookings: 2 },
    { courseTitle: 'Safeguarding Adults Awareness for Volunteers', daysFromNow: 24, mode: 'in_person', venue: 'Wisbech Community Hub', capacity: 12, startHour: 9, startMinute: 30, bookings: 3 },
    { courseTitle: 'Safeguarding Children Level 1', daysFromNow: 14, mode: 'online', capacity: 30, startHour: 9, startMinute: 30, bookings: 8 },
    { courseTitle: 'Safeguarding Children Level 1', daysFromNow: 31, mode: 'in_person', venue: 'Town Hall Training Suite', capacity: 20, startHour: 13, startMinute: 30, bookings: 4 },
  ],
  demoAccounts: [
    { email: 'volunteer@demo.portal', name: 'Robin Fairbrother', organisation: 'PCVS', slot: 'first-volunteer', roles: [{ role: 'volunteer', organisation: 'PCVS' }] },
    { email: 'learner@demo.portal', name: 'Jess Holloway', organisation: 'PCC', slot: 'first-team-member', jobTitle: 'Reablement Support Worker', roles: [{ role: 'learner', organisation: 'PCC' }] },
    { email: 'manager@demo.portal', name: 'Mark Ellison', organisation: 'PCC', slot: 'first-team-manager', roles: [{ role: 'learner', organisation: 'PCC' }, { role: 'line_manager', organisation: 'PCC' }] },
    { email: 'lead@demo.portal', name: 'Priya Whitaker', organisation: 'PCC', slot: 'lead', roles: [{ role: 'ld_lead', organisation: 'PCC' }] },
    // Journey 3: a care-home worker whose request their manager approves (care homes ask the line manager only).
    { email: 'careworker@demo.portal', name: 'Grace Adeyemi', organisation: 'NVCH', slot: 'first-team-member', jobTitle: 'Senior Care Assistant', roles: [{ role: 'learner', organisation: 'NVCH' }] },
    { email: 'carehome-manager@demo.portal', name: 'Tom Whitlock', organisation: 'NVCH', slot: 'first-team-manager', jobTitle: 'Deputy Manager', roles: [{ role: 'learner', organisation: 'NVCH' }, { role: 'line_manager', organisation: 'NVCH' }] },
    { email: 'provider@demo.portal', name: 'Owen Bradley', organisation: 'PSHNHSFT', slot: 'coordinator', jobTitle: 'Education Centre Coordinator', team: 'Education Centre', roles: [{ role: 'provider_coordinator', organisation: 'PSHNHSFT' }] },
    // The schema lets only volunteers belong to no organisation, so the two partnership-wide
    // accounts are staff of the primary care partnership that hosts the programme; their
    // roles are granted partnership-wide (organisation_id NULL).
    { email: 'steering@demo.portal', name: 'Helen Armitage', organisation: 'GPPCP', slot: 'spare-member', jobTitle: 'Director of Workforce (Steering Group member)', team: 'Executive Team', roles: [{ role: 'steering_group', organisation: null }] },
    { email: 'admin@demo.portal', name: 'Martin Crowe', organisation: 'GPPCP', slot: 'spare-member', jobTitle: 'Whole Systems L&D Programme Manager', team: 'Whole Systems Working for Learning and Development', roles: [{ role: 'partnership_admin', organisation: null }] },
  ],
  // "No one has overall visibility of funding … running, collectively, into millions of pounds":
  // the partners' own budgets, NHS education money, the levy, grants and time given in kind.
  funding: [
    {
      // Journey 2: the joint Safeguarding Adults Level 2 is charged here, a stream the council manages and pays into.
      name: 'Joint Mandatory and Safeguarding Training Pool',
      description: 'Partners pool money for the joint statutory and mandatory programme (safeguarding, moving and handling, life support, conflict resolution, medicines in care settings) so that every partner\'s staff can take a place on any joint session. The council\'s learning and development team manages it for the Whole Systems Working group.',
      funderKind: 'other', funder: 'Whole Systems Working partners (pooled contributions)', managedBy: 'PCC', audience: 'both',
      purposes: ['mandatory_training'],
      contributions: [{ code: 'PCC', pounds: 62_000 }, { code: 'PSHNHSFT', pounds: 58_000 }, { code: 'GPPCP', pounds: 34_000 }, { code: 'CPMHPNHST', pounds: 22_000 }, { code: 'EAANHST', pounds: 12_000 }],
      courses: ['Safeguarding Adults Level 2', 'Safeguarding Children Level 2', 'Safeguarding Adults Level 3 for Managers', 'Moving and Handling (People)', 'Moving and Handling Refresher for Care Staff', 'Fire Marshal Training', 'Basic Life Support (Adult)', 'Paediatric Basic Life Support', 'Emergency First Aid at Work', 'Conflict Resolution', 'Mental Capacity Act and Deprivation of Liberty Safeguards', 'Risk Assessment in Practice', 'Medication Administration in Care Settings'],
      invoices: ['Trainer fee: {course}', 'Venue hire and refreshments: {course}', 'Invoice {invoice}: {course}, external trainer', 'Resuscitation manikins and consumables', 'Printed safeguarding handbooks for joint courses'],
      allocations: ['Places on {course} earmarked for {organisation}', 'Earmarked for the {course} programme'],
    },
    {
      name: 'Peterborough City Council Workforce Development Budget',
      description: 'The council\'s own learning and development budget: social work education, management development and the courses the council runs for the partnership.',
      funderKind: 'partner', funder: 'PCC', managedBy: 'PCC', audience: 'both', purposes: ['leadership', 'digital_skills', 'wellbeing'],
      pounds: 145_000,
      courses: ['Recruitment and Selection for Managers', 'Customer Care and Communication'],
      organisations: ['PCC', 'PCS'],
      invoices: ['Social work practice educator fees, {month}', 'Approved Mental Health Professional training: university fees', 'Assessed and Supported Year in Employment programme, {month}', 'Digital skills licences for {organisation} teams', 'Trainer fee: {course}', 'Invoice {invoice}: conference places for {organisation}'],
      allocations: ['Allocated to {organisation}: social work academy', 'Earmarked for {course}'],
    },
    {
      name: 'NHS Education Funding – Clinical Skills and CPD',
      description: 'Continuing professional development and clinical skills money from NHS England\'s workforce, training and education directorate, managed by the acute trust for the local health and care system.',
      funderKind: 'nhs_education', funder: 'NHS England – Workforce, Training and Education (East of England)', managedBy: 'PSHNHSFT', audience: 'staff',
      purposes: ['clinical_skills', 'care_certificate'], pounds: 260_000,
      courses: ['Immediate Life Support (ILS)', 'Optical Practice CPD Evening', 'End of Life Care: Communication Skills', 'Clinical Supervision Skills', 'Dementia Care: Enhanced Practice', 'De-escalation and Breakaway Techniques', 'The Care Certificate', 'BTEC Level 3 Certificate in Health and Social Care'],
      organisations: ['PSHNHSFT', 'GPPCP', 'CPMHPNHST', 'EAANHST', 'BGMP', 'OLS', 'WGP'],
      invoices: ['CPD funding released to {organisation}: nursing and allied health professional modules', 'Simulation suite sessions: {course}', 'University module fees: non-medical prescribing ({organisation})', 'Trainer fee: {course}', 'Invoice {invoice}: clinical skills equipment'],
      allocations: ['CPD allocation for {organisation}', 'Earmarked for {course}'],
    },
    {
      name: 'Apprenticeship Levy – Health and Care Apprenticeships',
      description: 'The acute trust\'s apprenticeship service account: its own apprentices, and levy transferred to care homes and home care providers in the partnership.',
      funderKind: 'apprenticeship_levy', funder: 'Apprenticeship service account (levy paid by Peterborough and Stamford Hospitals)', managedBy: 'PSHNHSFT',
      audience: 'staff', purposes: ['apprenticeships'], pounds: 220_000,
      delivers: ['Level 3 Diploma in Adult Care (Apprenticeship)'],
      organisations: ['PSHNHSFT', 'NVCH', 'FML', 'LHNH', 'HFDC'],
      invoices: ['Levy payment to Peterborough Regional College: {course}, {month}', 'Levy transfer to {organisation}: Lead Adult Care Worker apprentices, {month}', 'Levy payment: Nursing Associate apprenticeship, {month}', 'Levy payment: Senior Healthcare Support Worker apprenticeship, {month}', 'Invoice {invoice}: end-point assessment fees'],
      allocations: ['Levy transfer agreed for {organisation}'],
    },
    {
      name: 'Mental Health and Wellbeing Training Grant',
      description: 'A public health grant for mental health first aid and suicide prevention training across health, care and the voluntary sector.',
      funderKind: 'council_grant', funder: 'Cambridgeshire County Council – Public Health', managedBy: 'CPMHPNHST', audience: 'both',
      purposes: ['wellbeing'], pounds: 42_000,
      courses: ['Mental Health First Aid (Adult)'],
      delivers: ['Suicide Prevention Awareness', 'Mental Health Awareness'],
      invoices: ['MHFA England instructor fee: {course}', 'Course manuals: {course}', 'Trainer fee: {course}', 'Wellbeing champions network event, {month}'],
      allocations: ['Earmarked for {course}', 'Places earmarked for {organisation}'],
    },
    {
      name: 'Whole Systems Leadership Programme',
      description: 'Leadership, coaching and mentoring for managers across the partnership, funded by the regional NHS leadership academy.',
      funderKind: 'nhs_education', funder: 'NHS Leadership Academy – East of England', managedBy: 'GPPCP', audience: 'both', purposes: ['leadership'],
      pounds: 95_000,
      courses: ['Coaching for Managers (ILM Level 5)', 'Leading Through Change', 'Team Building Outdoor Day', 'Coaching Conversations for Team Leaders', 'Unconscious Bias Awareness', 'Mentoring Skills'],
      invoices: ['ILM registration fees: {course}', 'Executive coaching for {organisation} managers', 'Action learning set facilitation, {month}', 'Trainer fee: {course}'],
      allocations: ['Places on {course} earmarked for {organisation}'],
    },
    {
      name: 'Volunteer Learning Grant',
      description: 'A three-year grant for volunteers\' learning: the free volunteer courses\' trainers, rooms and travel.',
      funderKind: 'charity_grant', funder: 'The National Lottery Community Fund', managedBy: 'PCVS', audience: 'volunteers', sectors: ['voluntary'],
      purposes: ['volunteer_development'], pounds: 30_000, years: 'current',
      delivers: ['Safeguarding Adults Awareness for Volunteers', 'Volunteer induction', 'Peer Mentoring for Volunteers', 'End of Life Care Awareness for Volunteers'],
      invoices: ['Trainer fee: {course}', 'Volunteer travel expenses: {course}', 'Venue hire: {course}', 'Volunteer learning packs, {month}'],
      allocations: ['Earmarked for {course}'],
    },
    {
      name: 'Partner Trainer Days (in kind)',
      description: 'The value of trainers\' time and rooms that partners give to free joint courses, recorded so that the true cost of the programme can be seen.',
      funderKind: 'in_kind', funder: 'Trainers and rooms given by partner organisations', managedBy: 'GPPCP', audience: 'both',
      purposes: ['mandatory_training'], pounds: 48_000, years: 'current',
      delivers: ['Fire Safety Awareness', 'Infection Prevention and Control', 'Life Support and Defibrillator Awareness for Volunteers', 'Infection Prevention and Control for Care Homes', 'Falls Prevention', 'Nutrition and Hydration in Care', 'Pressure Ulcer Prevention (React to Red)'],
      invoices: ['Trainer day given in kind: {course}', 'Two trainer days given in kind: {course}', 'Training room given in kind: {course}'],
      allocations: ['Trainer days pledged for {course}'],
    },
  ],
};
