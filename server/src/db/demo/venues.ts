import type { Tenancy } from './organisations';
import type { PartnershipSpec, VenueSpec } from './partnership-spec';
import type { Rng } from './prng';
import type { VenueRow } from './rows';

export interface DemoVenue {
  row: VenueRow;
  spec: VenueSpec;
}

export function buildVenues(spec: PartnershipSpec, tenancy: Tenancy, rng: Rng): DemoVenue[] {
  return spec.venues.map((v) => ({
    spec: v,
    row: {
      id: rng.uuid(),
      partnership_id: tenancy.partnership.id,
      name: v.name,
      address: v.address,
      town: v.town,
      postcode: v.postcode,
      latitude: v.latitude,
      longitude: v.longitude,
    },
  }));
}
