import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Fieldset, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { paths } from '../paths';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { useFormSubmit } from '../ui/use-form-submit';
import type { SignedInViewer } from '../ui/use-viewer';
import { ApprovalVenuesQuery, ApproveProposalMutation, CommissioningProposalQuery, DeclineProposalMutation } from './proposal.operations';
import { approvalFields, approvalInputFrom, type ApprovalField, type ApprovalForm } from './proposal-forms';
import { seatsText } from './proposal-text';

const DECIDERS = {
  roles: ['PARTNERSHIP_ADMIN', 'STEERING_GROUP'],
  needs: 'an administrator or a steering group member',
  who: 'Partnership administrators and steering group members',
} as const;

type DeclineField = 'reason';

function DecisionForms({ viewer, slug, id }: { viewer: SignedInViewer; slug: string; id: string }) {
  const navigate = useNavigate();
  const { data, loading: reading, error } = useQuery(CommissioningProposalQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const proposal = data?.commissioningProposal ?? null;
  // Refused for the steering group, who hold the sessions online.
  const { data: venueData } = useQuery(ApprovalVenuesQuery, { errorPolicy: 'ignore' });
  const venues = venueData?.venues ?? [];
  const count = proposal?.sessionsPlanned ?? 0;
  const [form, setForm] = useState<ApprovalForm | null>(null);
  const [declineReason, setDeclineReason] = useState('');
  const fields = approvalFields(count);
  const approval = useFormSubmit<ApprovalField>(fields, { refusable: true });
  const declining = useFormSubmit<DeclineField>(['reason'], { refusable: true });
  const refetchQueries = ['CommissioningProposal', 'CommissioningProposals'];
  const [approve, { loading: approving }] = useMutation(ApproveProposalMutation, { refetchQueries });
  const [decline, { loading: declineBusy }] = useMutation(DeclineProposalMutation, { refetchQueries });
  useDocumentTitle(['Approve or decline', proposal?.title ?? 'Proposal', viewer.partnership.name], approval.errors.length + declining.errors.length > 0);
  const problem = approval.refused ?? declining.refused ?? accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...DECIDERS} />;
  if (reading && !data) return <p role="status">Loading the proposal…</p>;
  if (!proposal) return <><h1>Proposal not found</h1><p>There is no such proposal in your partnership.</p></>;
  if (proposal.status !== 'OPEN') {
    return <><h1>{proposal.title}</h1><p>This proposal has already been decided.</p><Link to={paths.proposal(slug, id)}>Back to the proposal</Link></>;
  }
  const current: ApprovalForm = form ?? {
    sessions: Array.from({ length: count }, () => ({ date: '', startTime: '09:30', endTime: '16:00' })),
    deliveryOptionId: proposal.deliveryOptions[0]?.id ?? '', shortfall: '', reason: '',
  };
  const { progress } = proposal;
  const inputIds = Object.fromEntries(fields.map((field) => {
    const session = /^sessions\.(\d+)\.(startsAt|endsAt)$/.exec(field);
    if (session) return [field, session[2] === 'startsAt' ? `session-${session[1]}-date` : `session-${session[1]}-end`];
    return [field, { deliveryOptionId: 'option-first', shortfallAccepted: 'shortfall', reason: 'approval-reason', sessions: 'session-0-date' }[field as string]];
  })) as Record<ApprovalField, string>;
  const setRow = (index: number, key: 'date' | 'startTime' | 'endTime' | 'venueId', value: string) =>
    setForm({ ...current, sessions: current.sessions.map((row, i) => (i === index ? { ...row, [key]: value } : row)) });

  const submitApproval = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (approving) return;
    const { input, errors: own } = approvalInputFrom(current, id, { needsShortfall: !progress.covered });
    await approval.send({
      own, request: input ? async () => (await approve({ variables: { input } })).data?.approveProposal : null,
      succeeded: (payload) => !!payload.proposal, done: async () => { await navigate(paths.proposal(slug, id)); },
    });
  };
  const submitDecline = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (declineBusy) return;
    const own = declineReason.trim() ? [] : [{ field: 'reason' as const, message: 'Say why the proposal is declined' }];
    await declining.send({
      own, request: own.length ? null : async () => (await decline({ variables: { input: { proposalId: id, reason: declineReason.trim() } } })).data?.declineProposal,
      succeeded: (payload) => !!payload.proposal, done: async () => { await navigate(paths.proposal(slug, id)); },
    });
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={paths.proposal(slug, id)}>{proposal.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={approval.errors} inputIds={inputIds} />
          <FormErrorSummary errors={declining.errors} inputIds={{ reason: 'decline-reason' }} />
          <span className="nhsuk-caption-l">{proposal.title}</span>
          <h1>Approve or decline</h1>
          <p>{progress.seatsPledged.toLocaleString('en-GB')} of {seatsText(progress.seatsPlanned)} and {progress.moneyPledged.formatted} of{' '}
            {progress.moneyTarget.formatted} are pledged{progress.covered ? ': the cost is covered.' : `: ${progress.shortfall.formatted} short.`}</p>
          <h2>Approve</h2>
          <p>Approving publishes the course, schedules its {count} sessions with each partner&apos;s pledged seats held for it (the rest in the
            shared pool), splits the cost by seats and moves the pledged money onto the sessions. The pledging leads are emailed.</p>
          <form noValidate onSubmit={submitApproval}>
            <Radios name="deliveryOptionId" legend="Delivery option chosen" legendProps={{ size: 's' }} error={approval.byField.deliveryOptionId}>
              {proposal.deliveryOptions.map((option, index) => (
                <Radios.Item key={option.id} id={index === 0 ? 'option-first' : `option-${option.id}`} value={option.id}
                  checked={current.deliveryOptionId === option.id} hint={`Quote ${option.quotedCost.formatted}`}
                  onChange={() => setForm({ ...current, deliveryOptionId: option.id })}>{option.providerName}</Radios.Item>
              ))}
            </Radios>
            {current.sessions.map((row, index) => (
              <Fieldset key={index}>
                <Fieldset.Legend size="s">Session {index + 1} ({seatsText(proposal.seatsPerSession)})</Fieldset.Legend>
                <TextInput id={`session-${index}-date`} type="date" label="Date" width={10} value={row.date}
                  error={approval.byField[`sessions.${index}.startsAt`]} onChange={(event) => setRow(index, 'date', event.currentTarget.value)} />
                <TextInput id={`session-${index}-start`} type="time" label="Start time" width={5} value={row.startTime}
                  onChange={(event) => setRow(index, 'startTime', event.currentTarget.value)} />
                <TextInput id={`session-${index}-end`} type="time" label="End time" width={5} value={row.endTime}
                  error={approval.byField[`sessions.${index}.endsAt`]} onChange={(event) => setRow(index, 'endTime', event.currentTarget.value)} />
                {venues.length ? (
                  <Select id={`session-${index}-venue`} label="Where" value={row.venueId ?? ''} onChange={(event) => setRow(index, 'venueId', event.currentTarget.value)}>
                    <Select.Option value="">Online</Select.Option>
                    {venues.map((venue) => <Select.Option key={venue.id} value={venue.id}>{venue.name}, {venue.town}</Select.Option>)}
                  </Select>
                ) : <p className="nhsuk-body-s">Online</p>}
              </Fieldset>
            ))}
            {!progress.covered ? (
              <TextInput id="shortfall" name="shortfall" label="Shortfall accepted, in pounds" width={10} prefix="£" inputMode="decimal"
                hint={`The pledges fall ${progress.shortfall.formatted} short: accept exactly that, with a reason, to approve now`}
                value={current.shortfall} error={approval.byField.shortfallAccepted}
                onChange={(event) => setForm({ ...current, shortfall: event.currentTarget.value })} />
            ) : null}
            <Textarea id="approval-reason" name="reason" label={progress.covered ? 'Note for the pledging leads (optional)' : 'Why the shortfall is accepted'}
              rows={3} value={current.reason} error={approval.byField.reason} onChange={(event) => setForm({ ...current, reason: event.currentTarget.value })} />
            <Button type="submit" disabled={approving}>Approve and schedule the sessions</Button>
          </form>
          <h2>Decline</h2>
          <form noValidate onSubmit={submitDecline}>
            <Textarea id="decline-reason" name="declineReason" label="Why it is declined" hint="The pledging leads are told; every pledge is released"
              rows={3} value={declineReason} error={declining.byField.reason} onChange={(event) => setDeclineReason(event.currentTarget.value)} />
            <Button type="submit" secondary disabled={declineBusy}>Decline the proposal</Button>
          </form>
        </div>
      </div>
    </>
  );
}

/** Administrators and steering group members: approve (with the sessions' dates, and any shortfall accepted) or decline. */
export function ProposalDecisionPage() {
  const { slug = '', id = '' } = useParams();
  return <RequireRole audience={DECIDERS}>{(viewer) => <DecisionForms viewer={viewer} slug={slug} id={id} />}</RequireRole>;
}
