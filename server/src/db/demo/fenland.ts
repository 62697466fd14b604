import type { PartnershipSpec } from './partnership-spec';

/**
 * A second, small partnership. It exists so that tenant isolation can be seen and tested: it
 * has its own public safeguarding course with upcoming sessions, which must never show up in
 * Greater Peterborough's catalogue (and the other way round).
 */
export const FENLAND: PartnershipSpec = {
  slug: 'fenland-care-partnership',
  name: 'Fenland Care Partnership',
  sectorGroups: ['Fenland Care Providers Forum'],
  organisations: [
    { code: 'NCCH', name: 'North Cambridgeshire Community Health', sector: 'primary_care', role: 'core_stakeholder', deliversTraining: true, staff: 600, volunteers: 0, domain: 'ncch-fenland', leadTitle: 'Education and Training Manager', orgId: 'GB-NHS-ZNC', orgIdIs: 'invented',
      about: 'Community health services across Fenland, with an education team that trains partners.' },
    { code: 'FDC', name: 'Fenland District Council Adult Services', sector: 'local_authority', role: 'core_stakeholder', deliversTraining: false, staff: 300, volunteers: 0, domain: 'fenland-council', leadTitle: 'Workforce Development Officer', orgId: 'GB-LAE-FEN', orgIdIs: 'unverified',
      about: 'Adult services of the district council.' },
    { code: 'RCCH', name: 'Rose Court Care Home', sector: 'care_home', role: 'core_stakeholder', deliversTraining: false, sectorGroup: 'Fenland Care Providers Forum', staff: 60, volunteers: 0, domain: 'rosecourt-care', leadTitle: 'Registered Manager', orgId: 'GB-COH-99000007', orgIdIs: 'invented',
      about: 'A residential care home, represented through the Fenland Care Providers Forum.' },
    { code: 'FVN', name: 'Fenland Volunteer Network', sector: 'voluntary', role: 'core_stakeholder', deliversTraining: true, staff: 12, volunteers: 200, domain: 'fenland-volunteers', leadTitle: 'Volunteer Services Manager', orgId: 'GB-CHC-1999002', orgIdIs: 'invented',
      about: 'Recruits, trains and supports volunteers across Fenland.' },
  ],
  independentVolunteers: false,
  venues: [
    { name: 'Wisbech Community Health Centre', address: 'Nene Quay', town: 'Wisbech', postcode: 'PE13 1AQ', latitude: 52.6650, longitude: 0.1580, usedBy: ['NCCH'] },
    { name: 'March Town Hall Meeting Room', address: 'Market Place', town: 'March', postcode: 'PE15 9JF', latitude: 52.5520, longitude: 0.0880, usedBy: ['FDC', 'FVN'] },
    { name: 'Chatteris Community Centre', address: 'West Park Street', town: 'Chatteris', postcode: 'PE16 6AH', latitude: 52.4560, longitude: 0.0530, usedBy: ['FVN'] },
  ],
  courses: [
    {
      title: 'Safeguarding Adults Awareness (Fenland)',
      summary: 'Free safeguarding awareness for staff and volunteers working in Fenland.',
      outcomes: ['Recognise abuse and neglect', 'Report a concern to Fenland adult services'],
      method: 'webinar', minutes: 90, provider: 'NCCH', audience: 'both', pounds: 0, joint: true, mandatory: 'safeguarding-adults-1', ksf: ['C3', 'HWB3'],
    },
    {
      title: 'Moving and Handling for Care Workers',
      summary: 'Practical moving and handling for care home and community staff.',
      outcomes: ['Use hoists and slide sheets safely', 'Assess moving and handling risk'],
      method: 'classroom', minutes: 240, provider: 'NCCH', audience: 'staff', pounds: 35, joint: true, mandatory: 'moving-and-handling', ksf: ['C3', 'HWB5'],
    },
    {
      title: 'Dementia Friends Information Session',
      summary: 'Free one-hour session about living with dementia.',
      outcomes: ['Understand dementia', 'Turn understanding into action'],
      method: 'classroom', minutes: 60, provider: 'FVN', audience: 'both', pounds: 0, ksf: ['HWB1'],
    },
    {
      title: 'Volunteer Welcome and Induction',
      summary: 'Induction for new Fenland volunteers.',
      outcomes: ['Understand your volunteering role', 'Keep people and information safe'],
      method: 'classroom', minutes: 150, provider: 'FVN', audience: 'volunteers', pounds: 0, ksf: ['C1'],
    },
    {
      title: 'Medication Awareness for Care Staff',
      summary: 'Supporting people with medicines in care homes and at home.',
      outcomes: ['Record medicines accurately', 'Report errors'],
      method: 'blended', minutes: 240, provider: 'NCCH', audience: 'staff', pounds: 40, visibility: 'partnership', joint: true, ksf: ['HWB5'], sectors: ['care_home', 'local_authority'],
    },
    {
      title: 'Infection Control Essentials',
      summary: 'Standard precautions and outbreak basics.',
      outcomes: ['Apply standard precautions', 'Use PPE correctly'],
      method: 'webinar', minutes: 90, provider: 'NCCH', audience: 'both', pounds: 0, mandatory: 'infection-prevention', ksf: ['C3'],
    },
  ],
  anchors: [
    { courseTitle: 'Safeguarding Adults Awareness (Fenland)', daysFromNow: 12, mode: 'online', capacity: 30, startHour: 10, startMinute: 0, bookings: 4 },
    { courseTitle: 'Safeguarding Adults Awareness (Fenland)', daysFromNow: 40, mode: 'online', capacity: 30, startHour: 13, startMinute: 30, bookings: 1 },
  ],
  demoAccounts: [],
  funding: [
    {
      name: 'Fenland Care Training Pool',
      description: 'Fenland partners pool money for moving and handling and medicines training for care staff.',
      funderKind: 'other', funder: 'Fenland Care Partnership members (pooled contributions)', managedBy: 'NCCH', audience: 'staff',
      purposes: ['mandatory_training'],
      contributions: [{ code: 'NCCH', pounds: 5_500 }, { code: 'FDC', pounds: 4_000 }, { code: 'RCCH', pounds: 1_000 }],
      courses: ['Moving and Handling for Care Workers', 'Medication Awareness for Care Staff'],
      invoices: ['Trainer fee: {course}', 'Venue hire: {course}'],
      allocations: ['Places on {course} earmarked for {organisation}'],
    },
  ],
};
