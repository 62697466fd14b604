import { registerEnumType } from 'type-graphql';

export enum Sector {
  ACUTE_TRUST = 'acute_trust', PRIMARY_CARE = 'primary_care', MENTAL_HEALTH = 'mental_health',
  AMBULANCE = 'ambulance', LOCAL_AUTHORITY = 'local_authority', CHILDRENS_SERVICES = 'childrens_services',
  VOLUNTARY = 'voluntary', GENERAL_PRACTICE = 'general_practice', DENTISTRY = 'dentistry', PHARMACY = 'pharmacy',
  OPTOMETRY = 'optometry', CARE_HOME = 'care_home', DOMICILIARY_CARE = 'domiciliary_care',
  EDUCATION_PROVIDER = 'education_provider', FIRE_AND_RESCUE = 'fire_and_rescue',
}
export enum OrganisationRole { CORE_STAKEHOLDER = 'core_stakeholder', AFFECTED = 'affected', PROVIDER = 'provider' }

registerEnumType(Sector, { name: 'Sector' });
registerEnumType(OrganisationRole, { name: 'OrganisationRole' });
