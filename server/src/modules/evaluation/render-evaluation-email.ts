/** The evaluation emails' words: pure, so tests read them without a mail server. */
export interface EvaluationEmailFacts {
  personName: string;
  courseTitle: string;
  sessionStartsAt: Date;
  timeZone: string;
  link: string;
}

const dayOf = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);

export function feedbackRequestEmail(facts: EvaluationEmailFacts): { subject: string; text: string } {
  return {
    subject: `How was ${facts.courseTitle}?`,
    text: [
      `Dear ${facts.personName},`,
      '',
      `Thank you for attending ${facts.courseTitle} on ${dayOf(facts.sessionStartsAt, facts.timeZone)}.`,
      'Please tell us how it went. It takes 2 minutes and helps the partnership choose and improve its training.',
      '',
      `Give feedback: ${facts.link}`,
      '',
      'Your answers are reported only in groups of 5 or more, and never with your name.',
    ].join('\n'),
  };
}

export function impactReviewReminderEmail(facts: EvaluationEmailFacts & { forReport: string | null }): { subject: string; text: string } {
  const about = facts.forReport ? `${facts.forReport}'s learning from ${facts.courseTitle}` : `your learning from ${facts.courseTitle}`;
  return {
    subject: `Impact review due: ${facts.courseTitle}`,
    text: [
      `Dear ${facts.personName},`,
      '',
      `It is time to review ${about} (attended ${dayOf(facts.sessionStartsAt, facts.timeZone)}).`,
      facts.forReport ? 'Is the learning being applied at work? Give one example.' : 'Are you applying what you learned at work? Give one example.',
      '',
      `Record the review: ${facts.link}`,
    ].join('\n'),
  };
}
