import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { WithdrawPledgeMutation } from './proposal.operations';

/**
 * "Withdraw", then a confirm step ("Yes, withdraw it" / "No, keep it"), so a slip of the thumb
 * releases no one's money. Problems show in the error summary above the buttons.
 */
export function WithdrawPledgeControl({ pledgeId, what }: {
  pledgeId: string;
  /** "the pledge of Peterborough City Council: 6 seats and £300.00" */
  what: string;
}) {
  const [confirming, setConfirming] = useState(false);
  // One key for the one withdrawal this confirm step sends, so a repeated press is the same request.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { errors, setErrors, send } = useFormSubmit<'pledgeId'>(['pledgeId']);
  const [withdraw, { loading }] = useMutation(WithdrawPledgeMutation, { refetchQueries: ['CommissioningProposal'], awaitRefetchQueries: true });
  const idBase = `withdraw-pledge-${pledgeId}`;

  const confirm = async () => {
    if (loading) return;
    await send({
      request: async () => (await withdraw({ variables: { input: { pledgeId, idempotencyKey } } })).data?.withdrawPledge,
      succeeded: (payload) => !!payload.pledge && !payload.userErrors.length,
      done: () => setConfirming(false),
      // Whatever the API names, the message belongs beside the one thing this control sends.
      toErrors: (userErrors) => userErrors.map((e) => ({ field: 'pledgeId' as const, message: e.message })),
    });
  };

  if (!confirming) {
    return (
      <Button type="button" secondary small id={`${idBase}-start`} className="nhsuk-u-margin-bottom-0" onClick={() => setConfirming(true)}>
        Withdraw<span className="nhsuk-u-visually-hidden"> {what}</span>
      </Button>
    );
  }

  return (
    <div role="group" aria-labelledby={`${idBase}-question`}>
      <FormErrorSummary errors={errors} inputIds={{ pledgeId: `${idBase}-yes` }} />
      <p className="nhsuk-body-s nhsuk-u-font-weight-bold" id={`${idBase}-question`}>
        Are you sure you want to withdraw {what}?
      </p>
      <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
        <Button type="button" warning small id={`${idBase}-yes`} onClick={() => void confirm()} disabled={loading}>
          Yes, withdraw it
        </Button>
        <Button type="button" secondary small onClick={() => { setConfirming(false); setErrors([]); }}>No, keep it</Button>
      </div>
    </div>
  );
}
