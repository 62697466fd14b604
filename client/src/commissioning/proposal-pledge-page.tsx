import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Radios, TextInput } from 'nhsuk-react-components';
import { paths } from '../paths';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { useFormSubmit } from '../ui/use-form-submit';
import type { SignedInViewer } from '../ui/use-viewer';
import { CommissioningProposalQuery, PledgeToProposalMutation } from './proposal.operations';
import { PLEDGE_FIELDS, pledgeInputFrom, type PledgeField, type PledgeForm } from './proposal-forms';
import { seatsText } from './proposal-text';

const LEADS = { roles: ['LD_LEAD'], needs: 'an L&D lead', who: 'L&D leads' } as const;
const INPUT_IDS: Record<PledgeField, string> = { seats: 'seats', amount: 'amount', streamId: 'stream-none' };

function PledgeFormPage({ viewer, slug, id }: { viewer: SignedInViewer; slug: string; id: string }) {
  const navigate = useNavigate();
  const { data, loading: reading, error } = useQuery(CommissioningProposalQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [form, setForm] = useState<PledgeForm>({ seats: '', amount: '', streamId: '' });
  // One key for this form's pledge: pressing again after a lost answer does not pledge twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { errors, byField, refused, send } = useFormSubmit<PledgeField>(PLEDGE_FIELDS, { refusable: true });
  const [pledge, { loading }] = useMutation(PledgeToProposalMutation, { refetchQueries: ['CommissioningProposal', 'CommissioningProposals'] });
  const proposal = data?.commissioningProposal ?? null;
  useDocumentTitle(['Pledge', proposal?.title ?? 'Proposal', viewer.partnership.name], errors.length > 0);
  const problem = refused ?? accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...LEADS} />;
  if (reading && !data) return <p role="status">Loading the proposal…</p>;
  if (!proposal) return <><h1>Proposal not found</h1><p>There is no such proposal in your partnership.</p></>;
  if (proposal.status !== 'OPEN') {
    return <><h1>{proposal.title}</h1><p>This proposal has been decided: it takes no more pledges.</p><Link to={paths.proposal(slug, id)}>Back to the proposal</Link></>;
  }
  const streams = proposal.pledgeableStreams;
  const chosen = streams.find((s) => s.id === form.streamId) ?? null;
  const seatsLeft = Math.max(proposal.seatsPlanned - proposal.progress.seatsPledged, 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const { input, errors: own } = pledgeInputFrom(form);
    await send({
      own,
      request: input ? async () => (await pledge({ variables: { input: { proposalId: id, ...input, idempotencyKey,
        organisationId: chosen?.organisation.id ?? null } } })).data?.pledgeToProposal : null,
      succeeded: (payload) => !!payload.pledge,
      done: async () => { await navigate(paths.proposal(slug, id)); },
    });
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={paths.proposal(slug, id)}>{proposal.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
          <span className="nhsuk-caption-l">{proposal.title}</span>
          <h1>Pledge seats or money</h1>
          <p>{proposal.progress.seatsPledged.toLocaleString('en-GB')} of {seatsText(proposal.seatsPlanned)} and {proposal.progress.moneyPledged.formatted} of{' '}
            {proposal.estimatedCost.formatted} are pledged so far. Pledged money is committed on its stream at once, and released if you
            withdraw, or if the proposal is declined or lapses.</p>
          <form noValidate onSubmit={submit}>
            <TextInput id={INPUT_IDS.seats} name="seats" label="Seats your organisation will fill (optional)" width={5} inputMode="numeric"
              hint={`At most ${seatsText(seatsLeft)} are left to pledge`} autoComplete="off" value={form.seats} error={byField.seats}
              onChange={(event) => setForm({ ...form, seats: event.currentTarget.value })} />
            <Radios name="streamId" legend="Where the money comes from" legendProps={{ size: 's' }} error={byField.streamId}
              hint={`Streams of ${proposal.financialYear} that your organisation manages or funds, with what each has left`}>
              <Radios.Item id="stream-none" value="" checked={form.streamId === ''} onChange={() => setForm({ ...form, streamId: '', amount: '' })}>
                No money: seats only
              </Radios.Item>
              {streams.map((stream) => (
                <Radios.Item key={stream.id} id={`stream-${stream.id}`} value={stream.id} checked={form.streamId === stream.id}
                  hint={`${stream.remaining.formatted} left · ${stream.funderName} · for ${stream.organisation.name}`}
                  onChange={() => setForm({ ...form, streamId: stream.id })}>
                  {stream.name}
                </Radios.Item>
              ))}
            </Radios>
            {streams.length === 0 ? <p className="nhsuk-body-s">Your organisation manages or funds no stream of {proposal.financialYear}: you can pledge seats.</p> : null}
            {form.streamId ? (
              <TextInput id={INPUT_IDS.amount} name="amount" label="Amount, in pounds" width={10} inputMode="decimal" prefix="£"
                hint={chosen ? `At most ${chosen.remaining.formatted}, what ${chosen.name} has left` : undefined}
                autoComplete="off" value={form.amount} error={byField.amount} onChange={(event) => setForm({ ...form, amount: event.currentTarget.value })} />
            ) : null}
            <Button type="submit" disabled={loading}>Pledge</Button>
          </form>
        </div>
      </div>
    </>
  );
}

/** An L&D lead, for their organisation: seats and/or money from a stream it manages or funds, with what each stream has left. */
export function ProposalPledgePage() {
  const { slug = '', id = '' } = useParams();
  return <RequireRole audience={LEADS}>{(viewer) => <PledgeFormPage viewer={viewer} slug={slug} id={id} />}</RequireRole>;
}
