/** Great-circle distance on a spherical Earth: accurate to well under 1% at a county's scale. */
export const EARTH_RADIUS_KM = 6371.0088;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

const rad = (degrees: number) => (degrees * Math.PI) / 180;

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A latitude/longitude box that contains the circle, for an indexed pre-filter before the exact distance. */
export function boundingBox(centre: GeoPoint, radiusKm: number) {
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const cosLat = Math.max(Math.cos(rad(centre.latitude)), 1e-6);
  const dLon = Math.min(180, dLat / cosLat);
  return {
    minLatitude: Math.max(-90, centre.latitude - dLat),
    maxLatitude: Math.min(90, centre.latitude + dLat),
    minLongitude: centre.longitude - dLon,
    maxLongitude: centre.longitude + dLon,
  };
}
