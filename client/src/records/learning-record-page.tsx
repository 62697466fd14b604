import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, ErrorSummary, InsetText } from 'nhsuk-react-components';
import { AccessProblemPage } from '../ui/access-problem';
import { accessProblemOf } from '../ui/access-errors';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { useDocumentTitle } from '../ui/use-document-title';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import { AREA_PATHS, RECORDS_PATHS } from '../route-patterns';
import { ConfirmInformalLearningMutation, LearningRecordQuery } from './records.operations';
import { BalanceSection, CompletionsSection, InformalLearningSection } from './learning-record-view';

const SIGNED_IN = { needs: 'signed in', who: 'Everyone with an account' };
const RECORD_READERS = { needs: 'the person, their line manager or their organisation\'s L&D lead', who: 'The person, their line manager and their L&D lead' };

/** Where a person's record goes back to, when a list opened it (else My team). */
export interface RecordBackState { recordBack?: { href: string; text: string } }

/** Where a logged entry's page comes back to, with a message. */
export interface LearningLoggedState { learningLogged?: { message: string } }

function LearningRecordView({ viewer, personId, logged, back }: { viewer: SignedInViewer; personId: string | null; logged?: string; back?: RecordBackState['recordBack'] }) {
  const { data, loading, error } = useQuery(LearningRecordQuery, { variables: { personId }, fetchPolicy: 'cache-and-network' });
  const [confirm] = useMutation(ConfirmInformalLearningMutation);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const record = data?.learningRecord;
  const own = personId === null;
  useDocumentTitle([own ? 'My learning record' : record ? `${record.person.name}: learning record` : 'Learning record', viewer.partnership.name]);
  const refused = accessProblemOf(error);
  if (refused) return <AccessProblemPage problem={refused} {...RECORD_READERS} />;
  if (loading && !data) return <p role="status">Loading the learning record…</p>;
  if (!record) return <><h1>Learning record not found</h1><p>There is no such person, or their record is not yours to see.</p></>;

  const onConfirm = async (entryId: string) => {
    setConfirming(entryId);
    setProblem(null);
    try {
      const result = await confirm({ variables: { input: { entryId } } });
      const errors = result.data?.confirmInformalLearning.userErrors ?? [];
      if (errors.length) setProblem(errors[0].message);
    } catch {
      setProblem(SERVICE_PROBLEM);
    } finally {
      setConfirming(null);
    }
  };

  return (
    <>
      {!own ? <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={back?.href ?? AREA_PATHS.team}>{back?.text ?? 'My team'}</BackLink> : null}
      {problem ? (
        <ErrorSummary><ErrorSummary.Title>There is a problem</ErrorSummary.Title><ErrorSummary.List><ErrorSummary.ListItem>{problem}</ErrorSummary.ListItem></ErrorSummary.List></ErrorSummary>
      ) : null}
      {logged ? <InsetText role="status"><p>{logged}</p></InsetText> : null}
      {!own && record.person.organisationName ? <span className="nhsuk-caption-l">{record.person.organisationName}</span> : null}
      <h1>{own ? 'My learning record' : `${record.person.name}: learning record`}</h1>
      {own ? <Button secondary asElement={Link} to={RECORDS_PATHS.logLearning}>Log informal learning</Button> : null}
      <BalanceSection balance={record.balance} own={own} />
      <CompletionsSection completions={record.completions} />
      <InformalLearningSection entries={record.informalLearning} mayConfirm={record.viewerMayConfirm} onConfirm={(id) => void onConfirm(id)} confirming={confirming} />
    </>
  );
}

/** My learning record: completions, informal learning and the 70:20:10 balance, for everyone signed in. */
export function MyLearningRecordPage() {
  const { viewer, loading } = useViewer();
  const logged = ((useLocation().state ?? {}) as LearningLoggedState).learningLogged?.message;
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...SIGNED_IN} />;
  return <LearningRecordView viewer={viewer} personId={null} logged={logged} />;
}

/** A report's (or, for a lead, an organisation's person's) record; the API decides who may see it. */
export function PersonLearningRecordPage() {
  const { viewer, loading } = useViewer();
  const { personId = '' } = useParams();
  const back = ((useLocation().state ?? {}) as RecordBackState).recordBack;
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...RECORD_READERS} />;
  return <LearningRecordView viewer={viewer} personId={personId} back={back?.href.startsWith('/') ? back : undefined} />;
}
