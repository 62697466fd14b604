import { Button, Table, Tag } from 'nhsuk-react-components';
import type { LearningCategory, LearningRecordQuery } from '../gql/graphql';
import { formatUkDate } from '../ui/uk-date-time';
import { KIND_TEXT } from './informal-learning-form';

type LearningRecordData = LearningRecordQuery['learningRecord'];

export const CATEGORY_TEXT: Record<LearningCategory, string> = {
  EXPERIENTIAL: 'Experience (70)', SOCIAL: 'Learning from others (20)', FORMAL: 'Formal learning (10)',
};
const percent = (share: number) => `${Math.round(share * 100)}%`;
const hoursText = (hours: number) => `${hours.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${hours === 1 ? 'hour' : 'hours'}`;

/** The 70:20:10 balance: a bar per category against the model's share, and the same figures as a table. */
export function BalanceSection({ balance, own }: { balance: LearningRecordData['balance']; own: boolean }) {
  return (
    <section aria-labelledby="balance-heading">
      <h2 id="balance-heading">{own ? 'Your 70:20:10 balance' : '70:20:10 balance'}</h2>
      <p>{hoursText(balance.totalHours)} of learning in all. The 70:20:10 model suggests about 70% from experience, 20% from others and 10% from formal learning.</p>
      <svg className="records-balance-chart" role="img" aria-labelledby="balance-chart-title" viewBox="0 0 300 96" width="100%" preserveAspectRatio="xMinYMin meet">
        <title id="balance-chart-title">Share of learning hours by 70:20:10 category, with the model's share marked</title>
        {balance.categories.map((c, i) => (
          <g key={c.category} transform={`translate(0 ${i * 32})`}>
            <text x="0" y="12" fontSize="10" fill="#212b32">{CATEGORY_TEXT[c.category]}: {percent(c.share)}</text>
            <rect x="0" y="16" width="300" height="10" fill="#e8edee" />
            <rect x="0" y="16" width={Math.round(c.share * 300)} height="10" fill="#005eb8" />
            <line x1={c.target * 300} x2={c.target * 300} y1="14" y2="28" stroke="#212b32" strokeWidth="2" />
          </g>
        ))}
      </svg>
      <Table responsive caption="Learning hours by 70:20:10 category">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Category</Table.Cell>
            <Table.Cell format="numeric">Hours</Table.Cell>
            <Table.Cell format="numeric">Share</Table.Cell>
            <Table.Cell format="numeric">Model</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {balance.categories.map((c) => (
            <Table.Row key={c.category}>
              <Table.Cell>{CATEGORY_TEXT[c.category]}</Table.Cell>
              <Table.Cell format="numeric">{c.hours.toLocaleString('en-GB')}</Table.Cell>
              <Table.Cell format="numeric">{percent(c.share)}</Table.Cell>
              <Table.Cell format="numeric">{percent(c.target)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

export function CompletionsSection({ completions }: { completions: LearningRecordData['completions'] }) {
  return (
    <section aria-labelledby="completions-heading">
      <h2 id="completions-heading">Courses completed</h2>
      {completions.length ? (
        <Table responsive caption="Courses completed" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Course</Table.Cell>
              <Table.Cell>Completed</Table.Cell>
              <Table.Cell format="numeric">Hours</Table.Cell>
              <Table.Cell>Category and subject</Table.Cell>
              <Table.Cell>Certificate</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {completions.map((c) => (
              <Table.Row key={c.bookingId} data-booking-id={c.bookingId}>
                <Table.Cell>{c.courseTitle}<br /><span className="nhsuk-body-s">{c.providerName}</span></Table.Cell>
                <Table.Cell>{formatUkDate(c.completedAt)}</Table.Cell>
                <Table.Cell format="numeric">{c.hours.toLocaleString('en-GB')}</Table.Cell>
                <Table.Cell>
                  {CATEGORY_TEXT[c.learningCategory]}
                  {c.mandatorySubjectName ? <><br />Mandatory: {c.mandatorySubjectName}</> : null}
                  {c.ksfDimensions.length ? <><br />KSF: {c.ksfDimensions.join(', ')}</> : null}
                  {c.accreditation !== 'NONE' ? <><br />Accreditation: {c.accreditation}</> : null}
                </Table.Cell>
                <Table.Cell><a href={c.certificateUrl} download>Download certificate<span className="nhsuk-u-visually-hidden"> for {c.courseTitle} (PDF)</span></a></Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : <p>No courses completed yet.</p>}
    </section>
  );
}

export function InformalLearningSection({ entries, mayConfirm, onConfirm, confirming }: {
  entries: LearningRecordData['informalLearning']; mayConfirm: boolean; onConfirm?: (entryId: string) => void; confirming?: string | null;
}) {
  return (
    <section aria-labelledby="informal-heading">
      <h2 id="informal-heading">Informal learning</h2>
      {entries.length ? (
        <Table responsive caption="Informal learning" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>What was learned</Table.Cell>
              <Table.Cell>Date</Table.Cell>
              <Table.Cell format="numeric">Hours</Table.Cell>
              <Table.Cell>Evidence</Table.Cell>
              <Table.Cell>Line manager</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {entries.map((e) => (
              <Table.Row key={e.id} data-entry-id={e.id}>
                <Table.Cell><strong>{KIND_TEXT[e.kind].text}</strong><br />{e.description}</Table.Cell>
                <Table.Cell>{formatUkDate(`${e.learnedOn}T12:00:00Z`)}</Table.Cell>
                <Table.Cell format="numeric">{e.hours.toLocaleString('en-GB')}</Table.Cell>
                <Table.Cell>
                  {e.evidenceUrl ? <a href={e.evidenceUrl} rel="noreferrer noopener" target="_blank">Link<span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span></a> : null}
                  {e.evidenceFile ? <>{e.evidenceUrl ? <br /> : null}<a href={e.evidenceFile.downloadUrl} download>{e.evidenceFile.fileName}</a></> : null}
                  {!e.evidenceUrl && !e.evidenceFile ? 'None' : null}
                </Table.Cell>
                <Table.Cell>
                  {e.confirmedAt ? <Tag modifier="green">Confirmed</Tag> : mayConfirm && onConfirm ? (
                    <Button type="button" secondary small disabled={confirming === e.id} onClick={() => onConfirm(e.id)}>
                      Confirm<span className="nhsuk-u-visually-hidden"> {KIND_TEXT[e.kind].text.toLowerCase()} on {e.learnedOn}</span>
                    </Button>
                  ) : <Tag modifier="grey">Not confirmed</Tag>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : <p>No informal learning logged yet.</p>}
    </section>
  );
}
