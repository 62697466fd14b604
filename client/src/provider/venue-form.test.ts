import { describe, expect, it } from '@jest/globals';
import { emptyVenueForm, venueInputFrom } from './venue-form';

describe('venueInputFrom', () => {
  it('says everything missing at once, and refuses coordinates that are not numbers', () => {
    expect(venueInputFrom(emptyVenueForm()).errors.map((e) => e.field)).toEqual(['name', 'town', 'latitude', 'longitude']);
    expect(venueInputFrom({ ...emptyVenueForm(), name: 'N', town: 'T', latitude: 'north', longitude: '0.1.2' }).errors.map((e) => e.message))
      .toEqual(['Enter the latitude as a number, like 52.5695', 'Enter the longitude as a number, like -0.2405']);
  });

  it('makes the API\'s input', () => {
    expect(venueInputFrom({ ...emptyVenueForm('org'), name: ' Education Centre ', town: 'Peterborough', latitude: '52.59', longitude: '-0.29' }).input)
      .toEqual({ organisationId: 'org', name: 'Education Centre', address: '', town: 'Peterborough', postcode: '', latitude: 52.59, longitude: -0.29 });
  });
});
