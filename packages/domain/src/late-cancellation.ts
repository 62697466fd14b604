/** A cancellation this close to the start leaves a seat that is hard to fill: reported as late. */
export const DEFAULT_LATE_CANCELLATION_HOURS = 48;

export function isLateCancellation(startsAt: Date, cancelledAt: Date, hours = DEFAULT_LATE_CANCELLATION_HOURS): boolean {
  return startsAt.getTime() - cancelledAt.getTime() < hours * 3_600_000;
}
