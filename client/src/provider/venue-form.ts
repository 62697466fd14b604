import type { CreateVenueInput } from '../gql/graphql';
import type { FieldError } from '../ui/form-errors';

export interface VenueForm { organisationId: string; name: string; address: string; town: string; postcode: string; latitude: string; longitude: string }
export const VENUE_FIELDS = ['organisationId', 'name', 'address', 'town', 'postcode', 'latitude', 'longitude'] as const;
export type VenueField = (typeof VENUE_FIELDS)[number];
export const VENUE_INPUT_IDS: Record<VenueField, string> = {
  organisationId: 'venue-organisation', name: 'venue-name', address: 'venue-address', town: 'venue-town', postcode: 'venue-postcode',
  latitude: 'venue-latitude', longitude: 'venue-longitude',
};

export const emptyVenueForm = (organisationId = ''): VenueForm =>
  ({ organisationId, name: '', address: '', town: '', postcode: '', latitude: '', longitude: '' });

const coordinate = (text: string) => (/^-?\d{1,3}(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** The page's checks (what must be filled in, numbers that are numbers); the API checks ranges, the postcode and the organisation. */
export function venueInputFrom(form: VenueForm): { input: CreateVenueInput | null; errors: Array<FieldError<VenueField>> } {
  const errors: Array<FieldError<VenueField>> = [];
  if (!form.name.trim()) errors.push({ field: 'name', message: 'Enter the venue’s name' });
  if (!form.town.trim()) errors.push({ field: 'town', message: 'Enter the town' });
  const latitude = coordinate(form.latitude);
  const longitude = coordinate(form.longitude);
  if (!form.latitude.trim()) errors.push({ field: 'latitude', message: 'Enter the latitude' });
  else if (Number.isNaN(latitude)) errors.push({ field: 'latitude', message: 'Enter the latitude as a number, like 52.5695' });
  if (!form.longitude.trim()) errors.push({ field: 'longitude', message: 'Enter the longitude' });
  else if (Number.isNaN(longitude)) errors.push({ field: 'longitude', message: 'Enter the longitude as a number, like -0.2405' });
  if (errors.length) return { input: null, errors };
  return {
    input: { ...(form.organisationId ? { organisationId: form.organisationId } : {}), name: form.name.trim(), address: form.address.trim(),
      town: form.town.trim(), postcode: form.postcode.trim(), latitude, longitude },
    errors,
  };
}
