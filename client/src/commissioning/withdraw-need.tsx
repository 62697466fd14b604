import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Textarea } from 'nhsuk-react-components';
import { tooLong, tooLongMessage } from '../ui/field-checks';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { WithdrawTrainingNeedMutation } from './commissioning.operations';

type WithdrawField = 'needId' | 'reason';
const MAX_REASON = 1000;

/**
 * "Withdraw", then the reason (kept with the need) and a confirm step, so a slip of the thumb
 * withdraws nothing. Problems show in the error summary above the reason and beside it.
 */
export function WithdrawNeedControl({ needId, topic }: { needId: string; topic: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, setErrors, byField, send } = useFormSubmit<WithdrawField>(['needId', 'reason']);
  const [withdraw, { loading }] = useMutation(WithdrawTrainingNeedMutation, {
    update: (cache, { data }) => {
      if (data?.withdrawTrainingNeed.trainingNeed) cache.evict({ id: 'ROOT_QUERY', fieldName: 'trainingNeedGroups' });
    },
  });
  const idBase = `withdraw-${needId}`;

  const confirm = async () => {
    if (loading) return;
    const own = !reason.trim() ? [{ field: 'reason' as const, message: 'Enter why the need is withdrawn' }]
      : tooLong(reason, MAX_REASON) ? [{ field: 'reason' as const, message: tooLongMessage('The reason', MAX_REASON) }] : [];
    await send({
      own,
      request: own.length ? null : async () => (await withdraw({ variables: { input: { needId, reason: reason.trim() } } })).data?.withdrawTrainingNeed,
      succeeded: (payload) => !!payload.trainingNeed,
      done: () => setOpen(false),
    });
  };

  if (!open) {
    return (
      <Button type="button" secondary className="nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-2" onClick={() => setOpen(true)}>
        Withdraw<span className="nhsuk-u-visually-hidden"> the need “{topic}”</span>
      </Button>
    );
  }
  return (
    <div role="group" aria-labelledby={`${idBase}-question`} className="nhsuk-u-margin-top-3">
      <FormErrorSummary errors={errors} inputIds={{ needId: `${idBase}-yes`, reason: `${idBase}-reason` }} />
      <p className="nhsuk-body nhsuk-u-font-weight-bold" id={`${idBase}-question`}>Withdraw the need “{topic}”?</p>
      <Textarea id={`${idBase}-reason`} name="reason" label="Why is it withdrawn?" rows={3} value={reason}
        onChange={(event) => setReason(event.currentTarget.value)} error={byField.reason} />
      <div className="nhsuk-button-group">
        <Button type="button" warning id={`${idBase}-yes`} onClick={() => void confirm()} disabled={loading}>Withdraw the need</Button>
        <Button type="button" secondary onClick={() => { setOpen(false); setErrors([]); }}>Keep it</Button>
      </div>
    </div>
  );
}
