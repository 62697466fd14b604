import { Tag } from 'nhsuk-react-components';
import type { BookingStatus } from '../gql/graphql';
import { BOOKING_STATUS, bookingStatusText } from './booking-text';

export function BookingStatusTag({ status, waitlistPosition }: { status: BookingStatus; waitlistPosition?: number | null }) {
  return <Tag modifier={BOOKING_STATUS[status].tag} data-testid="booking-status">{bookingStatusText(status, waitlistPosition)}</Tag>;
}
