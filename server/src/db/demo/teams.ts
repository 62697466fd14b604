import type { Sector } from './rows';

/** Teams an organisation of a sector is made of, with the job titles found in them. */
export interface TeamTemplate {
  team: string;
  manager: string;
  titles: readonly string[];
}

const nursingTitles = ['Staff Nurse', 'Senior Staff Nurse', 'Healthcare Assistant', 'Nursing Associate'];

export const TEAMS_BY_SECTOR: Readonly<Record<Sector, readonly TeamTemplate[]>> = {
  acute_trust: [
    { team: 'Ward 10 – Acute Medicine', manager: 'Ward Manager', titles: nursingTitles },
    { team: 'Emergency Department', manager: 'Matron', titles: ['Emergency Nurse Practitioner', 'Staff Nurse', 'Healthcare Assistant', 'Emergency Department Receptionist'] },
    { team: 'Maternity Unit', manager: 'Maternity Ward Manager', titles: ['Midwife', 'Maternity Support Worker', 'Senior Midwife'] },
    { team: 'Theatres and Recovery', manager: 'Theatre Manager', titles: ['Operating Department Practitioner', 'Theatre Nurse', 'Theatre Support Worker'] },
    { team: 'Radiology', manager: 'Radiology Services Manager', titles: ['Diagnostic Radiographer', 'Radiology Assistant', 'Sonographer'] },
    { team: 'Ward 4 – Elderly Care', manager: 'Ward Manager', titles: nursingTitles },
    { team: 'Outpatients', manager: 'Outpatients Manager', titles: ['Outpatient Nurse', 'Clinic Coordinator', 'Healthcare Assistant'] },
    { team: 'Hospital Pharmacy', manager: 'Chief Pharmacist', titles: ['Clinical Pharmacist', 'Pharmacy Technician', 'Pharmacy Assistant'] },
    { team: 'Estates and Facilities', manager: 'Facilities Manager', titles: ['Porter', 'Domestic Assistant', 'Maintenance Technician'] },
    { team: 'Health Records', manager: 'Health Records Manager', titles: ['Medical Secretary', 'Health Records Clerk', 'Ward Clerk'] },
  ],
  primary_care: [
    { team: 'Community Nursing – Peterborough North', manager: 'Community Nursing Team Leader', titles: ['District Nurse', 'Community Staff Nurse', 'Healthcare Assistant'] },
    { team: 'Health Visiting', manager: 'Health Visiting Team Leader', titles: ['Health Visitor', 'Community Nursery Nurse'] },
    { team: 'Medicines Management', manager: 'Medicines Management Lead', titles: ['Prescribing Adviser', 'Medicines Optimisation Technician'] },
    { team: 'Community Nursing – Peterborough South', manager: 'Community Nursing Team Leader', titles: ['District Nurse', 'Community Staff Nurse', 'Healthcare Assistant'] },
    { team: 'Podiatry', manager: 'Podiatry Service Lead', titles: ['Podiatrist', 'Podiatry Assistant'] },
    { team: 'Intermediate Care', manager: 'Intermediate Care Manager', titles: ['Physiotherapist', 'Occupational Therapist', 'Rehabilitation Assistant'] },
    { team: 'Workforce Development', manager: 'Workforce Development Officer', titles: ['Training Administrator', 'Apprenticeship Coordinator'] },
  ],
  mental_health: [
    { team: 'Community Mental Health Team – Peterborough', manager: 'Team Manager', titles: ['Community Psychiatric Nurse', 'Mental Health Social Worker', 'Support Time Recovery Worker'] },
    { team: 'Crisis Resolution and Home Treatment', manager: 'Team Manager', titles: ['Mental Health Nurse', 'Healthcare Assistant', 'Crisis Worker'] },
    { team: 'Older People’s Mental Health', manager: 'Ward Manager', titles: ['Mental Health Nurse', 'Healthcare Assistant', 'Occupational Therapist'] },
    { team: 'Psychological Therapies', manager: 'Clinical Lead', titles: ['Psychological Wellbeing Practitioner', 'CBT Therapist', 'Counsellor'] },
  ],
  ambulance: [
    { team: 'A&E Operations – Peterborough', manager: 'Station Officer', titles: ['Paramedic', 'Emergency Medical Technician', 'Emergency Care Assistant'] },
    { team: 'Emergency Operations Centre', manager: 'EOC Duty Manager', titles: ['Emergency Medical Dispatcher', 'Clinical Support Desk Nurse', 'Call Handler'] },
    { team: 'Patient Transport Service', manager: 'PTS Team Leader', titles: ['Ambulance Care Assistant', 'PTS Driver'] },
    { team: 'Clinical Education', manager: 'Clinical Education Manager', titles: ['Clinical Tutor', 'Practice Educator'] },
  ],
  local_authority: [
    { team: 'Adult Social Care – Reablement', manager: 'Reablement Team Manager', titles: ['Reablement Support Worker', 'Senior Reablement Worker', 'Occupational Therapist'] },
    { team: 'Safeguarding Adults Team', manager: 'Safeguarding Team Manager', titles: ['Social Worker', 'Senior Social Worker', 'Safeguarding Officer'] },
    { team: 'Adult Social Care – Assessment', manager: 'Assessment Team Manager', titles: ['Social Worker', 'Care Manager', 'Social Work Assistant'] },
    { team: 'Occupational Therapy Service', manager: 'OT Service Manager', titles: ['Occupational Therapist', 'OT Assistant', 'Equipment Coordinator'] },
    { team: 'Commissioning and Contracts', manager: 'Commissioning Manager', titles: ['Commissioning Officer', 'Contracts Officer', 'Quality Assurance Officer'] },
    { team: 'Day Opportunities', manager: 'Day Services Manager', titles: ['Day Centre Officer', 'Support Worker', 'Driver Escort'] },
  ],
  childrens_services: [
    { team: 'Children in Care', manager: 'Team Manager', titles: ['Children’s Social Worker', 'Personal Adviser', 'Family Support Worker'] },
    { team: 'Early Help', manager: 'Early Help Coordinator', titles: ['Family Support Worker', 'Parenting Practitioner', 'Youth Worker'] },
    { team: 'Fostering and Adoption', manager: 'Fostering Team Manager', titles: ['Supervising Social Worker', 'Fostering Recruitment Officer'] },
  ],
  voluntary: [
    { team: 'Volunteer Centre', manager: 'Volunteer Coordinator', titles: ['Volunteer Development Officer', 'Administrator'] },
    { team: 'Community Development', manager: 'Community Development Manager', titles: ['Community Development Worker', 'Funding Adviser'] },
    { team: 'Carers Support', manager: 'Carers Support Manager', titles: ['Carers Support Worker', 'Information and Advice Officer'] },
  ],
  general_practice: [
    { team: 'Clinical Team', manager: 'Practice Manager', titles: ['General Practitioner', 'Practice Nurse', 'Healthcare Assistant', 'Clinical Pharmacist'] },
    { team: 'Reception and Administration', manager: 'Reception Manager', titles: ['Receptionist', 'Medical Secretary', 'Care Navigator'] },
  ],
  dentistry: [
    { team: 'Dental Surgery', manager: 'Practice Manager', titles: ['Dentist', 'Dental Nurse', 'Dental Hygienist', 'Dental Receptionist'] },
  ],
  pharmacy: [
    { team: 'Dispensary', manager: 'Pharmacy Manager', titles: ['Pharmacist', 'Pharmacy Technician', 'Dispensing Assistant', 'Medicines Counter Assistant'] },
  ],
  optometry: [
    { team: 'Eye Clinic', manager: 'Practice Manager', titles: ['Optometrist', 'Dispensing Optician', 'Optical Assistant'] },
  ],
  care_home: [
    { team: 'Day Care Team', manager: 'Deputy Manager', titles: ['Care Assistant', 'Senior Care Assistant', 'Registered Nurse', 'Activities Coordinator'] },
    { team: 'Night Care Team', manager: 'Night Team Leader', titles: ['Care Assistant', 'Senior Care Assistant', 'Registered Nurse'] },
    { team: 'Kitchen and Housekeeping', manager: 'Hospitality Manager', titles: ['Cook', 'Kitchen Assistant', 'Housekeeper', 'Laundry Assistant'] },
  ],
  domiciliary_care: [
    { team: 'Care Team – Peterborough North', manager: 'Care Coordinator', titles: ['Care Worker', 'Senior Care Worker'] },
    { team: 'Care Team – Peterborough South', manager: 'Care Coordinator', titles: ['Care Worker', 'Senior Care Worker'] },
    { team: 'Field Supervision', manager: 'Registered Manager', titles: ['Field Care Supervisor', 'Care Worker'] },
  ],
  education_provider: [
    { team: 'Health and Social Care Faculty', manager: 'Curriculum Manager', titles: ['Lecturer in Health and Social Care', 'Assessor', 'Learning Support Assistant'] },
    { team: 'Apprenticeships', manager: 'Apprenticeships Manager', titles: ['Apprenticeship Assessor', 'Work-based Learning Coordinator'] },
  ],
  fire_and_rescue: [
    { team: 'Community Fire Safety', manager: 'Watch Manager', titles: ['Fire Safety Advisor', 'Firefighter', 'Community Safety Officer'] },
    { team: 'Training Centre', manager: 'Training Centre Manager', titles: ['Training Instructor', 'Firefighter'] },
  ],
};

/** Teams volunteers of a voluntary organisation belong to, with their volunteer roles. */
export const VOLUNTEER_TEAMS: readonly { team: string; titles: readonly string[] }[] = [
  { team: 'Hospital Volunteers', titles: ['Ward Volunteer', 'Meet and Greet Volunteer', 'Mealtime Companion'] },
  { team: 'Befriending Service', titles: ['Befriending Volunteer', 'Telephone Befriender'] },
  { team: 'Carers Support', titles: ['Carers Support Volunteer', 'Sitting Service Volunteer'] },
  { team: 'Community Transport', titles: ['Volunteer Driver', 'Passenger Assistant'] },
];
