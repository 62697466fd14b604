import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
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
  const { errors, setErrors, send } = useFormSubmit<'bookingId'>(['bookingId']);
  const [cancel, { loading }] = useMutation(CancelBookingMutation, { refetchQueries: refetchQueries ?? [] });
  const idBase = `cancel-${bookingId}`;

  const confirm = async () => {
    if (loading) return;
    await send({
      request: async () => (await cancel({ variables: { input: { bookingId, idempotencyKey: newIdempotencyKey() } } })).data?.cancelBooking,
      succeeded: (payload) => !!payload.booking && !payload.userErrors.length,
      done: () => {
        setConfirming(false);
        onCancelled?.();
      },
      // Whatever the API names, the message belongs beside the one thing this form sends.
      toErrors: (userErrors) => userErrors.map((e) => ({ field: 'bookingId' as const, message: e.message })),
    });
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
