import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Radios, Textarea } from 'nhsuk-react-components';
import { EVALUATION_PATHS } from '../route-patterns';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { tooLong, tooLongMessage } from '../ui/field-checks';
import { FormErrorSummary } from '../ui/form-error-summary';
import type { FieldError } from '../ui/form-errors';
import { formatUkDate } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import { useFormSubmit } from '../ui/use-form-submit';
import { useViewer } from '../ui/use-viewer';
import { BookingEvaluationQuery, RecordImpactReviewMutation } from './evaluation.operations';
import { FEEDBACK_TEXT_MAX } from './feedback-form';

const SIGNED_IN = { needs: 'signed in', who: 'People who are signed in' };
const FIELDS = ['applying', 'example'] as const;
type ReviewField = (typeof FIELDS)[number];
const INPUT_IDS: Record<ReviewField, string> = { applying: 'applying-yes', example: 'example' };

function ownChecks(applying: boolean | null, example: string): Array<FieldError<ReviewField>> {
  const errors: Array<FieldError<ReviewField>> = [];
  if (applying === null) errors.push({ field: 'applying', message: 'Choose whether the learning is being applied' });
  if (!example.trim()) errors.push({ field: 'example', message: 'Enter an example' });
  else if (tooLong(example, FEEDBACK_TEXT_MAX)) errors.push({ field: 'example', message: tooLongMessage('The example', FEEDBACK_TEXT_MAX) });
  return errors;
}

function ImpactReviewForm({ bookingId }: { bookingId: string }) {
  const { data, loading, error } = useQuery(BookingEvaluationQuery, { variables: { bookingId } });
  const [applying, setApplying] = useState<boolean | null>(null);
  const [example, setExample] = useState('');
  const [recorded, setRecorded] = useState(false);
  const { errors, byField, send } = useFormSubmit<ReviewField>(FIELDS);
  const [recordImpactReview, { loading: sending }] = useMutation(RecordImpactReviewMutation, { refetchQueries: ['ImpactReviewsToRecord'] });
  const review = data?.bookingEvaluation?.impactReview;
  useDocumentTitle([recorded ? 'Impact review recorded' : 'Impact review', review?.courseTitle ?? ''], errors.length > 0);

  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...SIGNED_IN} />;
  if (loading && !data) return <p role="status">Loading…</p>;
  if (!review) {
    return (
      <>
        <h1>Impact review not found</h1>
        <p>There is no impact review for you at this address. <Link to={EVALUATION_PATHS.impactReviews}>See your impact reviews</Link>.</p>
      </>
    );
  }
  const forManager = review.viewerRole === 'MANAGER';
  const mine = forManager ? review.manager : review.learner;
  if (recorded || mine) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-panel nhsuk-panel--confirmation" data-testid="review-recorded">
            <h1 className="nhsuk-panel__title">Impact review recorded</h1>
            <div className="nhsuk-panel__body">{review.courseTitle}{forManager ? ` for ${review.personName}` : ''}</div>
          </div>
          <p><Link to={EVALUATION_PATHS.impactReviews}>Back to impact reviews</Link></p>
        </div>
      </div>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const own = ownChecks(applying, example);
    await send({
      own,
      request: own.length ? null : async () => (await recordImpactReview({ variables: { input: { bookingId, applying: applying!, example } } })).data?.recordImpactReview,
      succeeded: (payload) => !!payload.impactReview,
      done: () => setRecorded(true),
    });
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={EVALUATION_PATHS.impactReviews}>Impact reviews</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
          <span className="nhsuk-caption-l">{review.courseTitle}{forManager ? `, ${review.personName}` : ''}</span>
          <h1>Impact review</h1>
          <p>Attended {formatUkDate(data!.bookingEvaluation!.sessionEndsAt)}. Review due {formatUkDate(review.dueAt)}.</p>
          <form noValidate onSubmit={submit}>
            <Radios name="applying" legend={forManager ? `Is ${review.personName} applying the learning at work?` : 'Are you applying what you learned at work?'}
              legendProps={{ size: 'm' }} error={byField.applying}>
              <Radios.Item id="applying-yes" value="yes" checked={applying === true} onChange={() => setApplying(true)}>Yes</Radios.Item>
              <Radios.Item id="applying-no" value="no" checked={applying === false} onChange={() => setApplying(false)}>Not yet</Radios.Item>
            </Radios>
            <Textarea id="example" name="example" label="Give an example" hint="What has changed, or what is getting in the way" rows={5}
              value={example} onChange={(event) => setExample(event.currentTarget.value)} error={byField.example} />
            <Button type="submit">Record review</Button>
          </form>
        </div>
      </div>
    </>
  );
}

/** The learner, and their line manager for them: the level-3 impact review of a course attended. */
export function ImpactReviewPage() {
  const { id = '' } = useParams();
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...SIGNED_IN} />;
  return <ImpactReviewForm key={id} bookingId={id} />;
}
