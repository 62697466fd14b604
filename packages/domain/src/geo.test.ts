import { boundingBox, distanceKm } from './geo';

const peterborough = { latitude: 52.5725, longitude: -0.2427 };
const stamford = { latitude: 52.6519, longitude: -0.4803 };
const wisbech = { latitude: 52.6664, longitude: 0.1594 };

describe('geo', () => {
  it('measures distances between towns', () => {
    expect(distanceKm(peterborough, stamford)).toBeCloseTo(18.4, 0);
    expect(distanceKm(peterborough, wisbech)).toBeCloseTo(29.1, 0);
    expect(distanceKm(peterborough, peterborough)).toBe(0);
  });

  it('boxes the whole circle', () => {
    const box = boundingBox(peterborough, 20);
    expect(stamford.latitude).toBeGreaterThan(box.minLatitude);
    expect(stamford.latitude).toBeLessThan(box.maxLatitude);
    expect(stamford.longitude).toBeGreaterThan(box.minLongitude);
    expect(wisbech.longitude).toBeGreaterThan(box.maxLongitude);
  });
});
