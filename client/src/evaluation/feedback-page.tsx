import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, Radios, Textarea } from 'nhsuk-react-components';
import { AREA_PATHS } from '../route-patterns';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { formatUkDate } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import { useFormSubmit } from '../ui/use-form-submit';
import { useViewer } from '../ui/use-viewer';
import { BookingEvaluationQuery, SubmitFeedbackMutation } from './evaluation.operations';
import { EMPTY_FEEDBACK_FORM, FEEDBACK_FIELDS, feedbackInputFrom, type FeedbackField, type FeedbackForm } from './feedback-form';

const SIGNED_IN = { needs: 'signed in', who: 'People who are signed in' };
const INPUT_IDS: Record<FeedbackField, string> = { rating: 'rating-1', wouldRecommend: 'wouldRecommend-0', whatWorked: 'whatWorked', whatToImprove: 'whatToImprove' };
const RATINGS: Array<[string, string]> = [['1', '1 – Poor'], ['2', '2 – Fair'], ['3', '3 – Good'], ['4', '4 – Very good'], ['5', '5 – Excellent']];

function FeedbackFormView({ bookingId }: { bookingId: string }) {
  const { data, loading, error } = useQuery(BookingEvaluationQuery, { variables: { bookingId } });
  const [form, setForm] = useState<FeedbackForm>(EMPTY_FEEDBACK_FORM);
  const [thanked, setThanked] = useState(false);
  const { errors, byField, send } = useFormSubmit<FeedbackField>(FEEDBACK_FIELDS);
  const [submitFeedback, { loading: sending }] = useMutation(SubmitFeedbackMutation, { refetchQueries: ['MyBookings'] });
  const evaluation = data?.bookingEvaluation;
  useDocumentTitle([thanked ? 'Thank you for your feedback' : 'Give feedback', evaluation?.courseTitle ?? ''], errors.length > 0);

  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...SIGNED_IN} />;
  if (loading && !data) return <p role="status">Loading…</p>;
  if (!evaluation) {
    return (
      <>
        <h1>Course not found</h1>
        <p>There is no course of yours to give feedback on at this address. <Link to={AREA_PATHS.myBookings}>Go to My bookings</Link>.</p>
      </>
    );
  }
  if (thanked || evaluation.feedback) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-panel nhsuk-panel--confirmation" data-testid="feedback-thanks">
            <h1 className="nhsuk-panel__title">Thank you for your feedback</h1>
            <div className="nhsuk-panel__body">on {evaluation.courseTitle}</div>
          </div>
          <p>Your answers are reported only in groups of 5 or more, and never with your name.</p>
          <p><Link to={AREA_PATHS.myBookings}>Back to My bookings</Link></p>
        </div>
      </div>
    );
  }
  if (!evaluation.canGiveFeedback) {
    return (
      <>
        <h1>Feedback on {evaluation.courseTitle}</h1>
        <p>You can give feedback once you have attended the course.</p>
        <p><Link to={AREA_PATHS.myBookings}>Back to My bookings</Link></p>
      </>
    );
  }

  const set = (key: keyof FeedbackForm, value: string) => setForm({ ...form, [key]: value });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const { input, errors: problems } = feedbackInputFrom(bookingId, form);
    await send({
      own: problems,
      request: input ? async () => (await submitFeedback({ variables: { input } })).data?.submitFeedback : null,
      succeeded: (payload) => !!payload.feedback,
      done: () => setThanked(true),
    });
  };

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={AREA_PATHS.myBookings}>My bookings</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
          <span className="nhsuk-caption-l">{evaluation.courseTitle}, {formatUkDate(evaluation.sessionStartsAt)}</span>
          <h1>Give feedback</h1>
          <form noValidate onSubmit={submit}>
            <Radios name="rating" legend="Overall, how good was the course?" legendProps={{ size: 'm' }} error={byField.rating}>
              {RATINGS.map(([value, text]) => (
                <Radios.Item key={value} id={`rating-${value}`} value={value} checked={form.rating === value} onChange={() => set('rating', value)}>
                  {text}
                </Radios.Item>
              ))}
            </Radios>
            <Radios name="wouldRecommend" inline legend="How likely are you to recommend it to a colleague?" legendProps={{ size: 'm' }}
              hint="0 is not at all likely, 10 is extremely likely" error={byField.wouldRecommend}>
              {Array.from({ length: 11 }, (_, n) => String(n)).map((value) => (
                <Radios.Item key={value} id={`wouldRecommend-${value}`} value={value} checked={form.wouldRecommend === value}
                  onChange={() => set('wouldRecommend', value)}>
                  {value}
                </Radios.Item>
              ))}
            </Radios>
            <Textarea id={INPUT_IDS.whatWorked} name="whatWorked" label="What worked well? (optional)" rows={4} value={form.whatWorked}
              onChange={(event) => set('whatWorked', event.currentTarget.value)} error={byField.whatWorked} />
            <Textarea id={INPUT_IDS.whatToImprove} name="whatToImprove" label="What could be better? (optional)" rows={4} value={form.whatToImprove}
              onChange={(event) => set('whatToImprove', event.currentTarget.value)} error={byField.whatToImprove} />
            <p className="nhsuk-body-s">Your answers are reported only in groups of 5 or more, and never with your name.</p>
            <Button type="submit">Send feedback</Button>
          </form>
        </div>
      </div>
    </>
  );
}

/** The booked person, after attending: the level-1 feedback form (the morning-after email and My bookings link here). */
export function FeedbackPage() {
  const { id = '' } = useParams();
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...SIGNED_IN} />;
  return <FeedbackFormView key={id} bookingId={id} />;
}
