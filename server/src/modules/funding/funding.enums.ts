import { registerEnumType } from 'type-graphql';

export enum FunderKind {
  PARTNER = 'partner', NHS_EDUCATION = 'nhs_education', APPRENTICESHIP_LEVY = 'apprenticeship_levy',
  COUNCIL_GRANT = 'council_grant', CHARITY_GRANT = 'charity_grant', IN_KIND = 'in_kind', OTHER = 'other',
}
export enum FundingPurpose {
  MANDATORY_TRAINING = 'mandatory_training', CLINICAL_SKILLS = 'clinical_skills', LEADERSHIP = 'leadership',
  APPRENTICESHIPS = 'apprenticeships', CARE_CERTIFICATE = 'care_certificate', VOLUNTEER_DEVELOPMENT = 'volunteer_development',
  DIGITAL_SKILLS = 'digital_skills', WELLBEING = 'wellbeing',
}
export enum LedgerEntryKind {
  BUDGET = 'budget', CONTRIBUTION = 'contribution', ALLOCATION = 'allocation', COMMITMENT = 'commitment',
  RELEASE = 'release', SPEND = 'spend', ADJUSTMENT = 'adjustment',
}

/** Whose figures a funding report adds up. */
export enum FundingScopeKind { PARTNERSHIP = 'partnership', ORGANISATION = 'organisation' }

registerEnumType(FundingScopeKind, {
  name: 'FundingScopeKind',
  description: 'PARTNERSHIP: the whole partnership\'s money (steering group, administrators). ORGANISATION: one organisation\'s own money (an L&D lead).',
});
registerEnumType(FunderKind, { name: 'FunderKind', description: 'A partner organisation, or an outside body.' });
registerEnumType(FundingPurpose, { name: 'FundingPurpose', description: 'What a stream may pay for; none listed: any learning.' });
registerEnumType(LedgerEntryKind, {
  name: 'LedgerEntryKind',
  description: 'BUDGET and CONTRIBUTION add to the budget; ALLOCATION earmarks money and moves no figure; COMMITMENT and RELEASE move committed; SPEND moves spent; ADJUSTMENT reverses (part of) an earlier entry.',
});
