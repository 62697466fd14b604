import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import { SERVICE_PROBLEM, type FieldError } from '../ui/form-errors';
import { CancelBookingMutation } from './bookings.operations';
import { newIdempotencyKey } from './booking-text';

/**
 * "Cancel this booking", then a confirm step ("Yes, cancel it" / "No, keep it"), so a slip of
 * the thumb cancels nothing. Problems show in the error summary above the buttons.
 */
export function CancelBookingControl({ bookingId, what, onCancelled, buttonText = 'Cancel this booking', refetchQueries }: {
  bookingId: string;
  /** "your place on Safeguarding Adults Level 2" */
  what: string;
  onCancelled?: () => void;
  buttonText?: string;
  refetchQueries?: string[];
}) {
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<Array<FieldError<'bookingId'>>>([]);
  const [cancel, { loading }] = useMutation(CancelBookingMutation, { refetchQueries: refetchQueries ?? [] });
  const idBase = `cancel-${bookingId}`;

  const confirm = async () => {
    if (loading) return;
    setErrors([]);
    try {
      const { data } = await cancel({ variables: { input: { bookingId, idempotencyKey: newIdempotencyKey() } } });
      const payload = data?.cancelBooking;
      if (!payload?.booking || payload.userErrors.length) {
        setErrors(payload?.userErrors.length
          ? payload.userErrors.map((e) => ({ field: 'bookingId' as const, message: e.message }))
          : [{ field: null, message: SERVICE_PROBLEM }]);
        return;
      }
      setConfirming(false);
      onCancelled?.();
    } catch {
      setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    }
  };

  if (!confirming) {
    return (
      <Button type="button" secondary id={`${idBase}-start`} onClick={() => setConfirming(true)}>
        {buttonText}
        {buttonText === 'Cancel' ? <span className="nhsuk-u-visually-hidden"> {what}</span> : null}
      </Button>
    );
  }

  return (
    <div role="group" aria-labelledby={`${idBase}-question`}>
      <FormErrorSummary errors={errors} inputIds={{ bookingId: `${idBase}-yes` }} />
      <p className="nhsuk-body nhsuk-u-font-weight-bold" id={`${idBase}-question`}>
        Are you sure you want to cancel {what}?
      </p>
      <div className="nhsuk-button-group">
        <Button type="button" warning id={`${idBase}-yes`} onClick={() => void confirm()} disabled={loading}>
          Yes, cancel it
        </Button>
        <Button type="button" secondary onClick={() => { setConfirming(false); setErrors([]); }}>No, keep it</Button>
      </div>
    </div>
  );
}
