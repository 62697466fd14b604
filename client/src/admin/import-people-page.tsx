import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button, ErrorSummary, Select, Table, Textarea } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import type { PeopleImportFieldsFragment } from '../gql/graphql';
import { accessProblemOf, type AccessProblem } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { fieldErrorsFrom, messagesByField, SERVICE_PROBLEM, type FieldError } from '../ui/form-errors';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { CsvFileInput } from './csv-file-input';
import { AdminOrganisationsQuery, ImportPeopleMutation, PeopleImportProgressQuery } from './admin.operations';
import {
  countCsvRows, csvDownloadHref, exampleCsv, importedText, MAX_CSV_CHARACTERS, newImportId, PEOPLE_CSV_HEADER, progressText,
} from './people-csv';
import { paths } from '../paths';

type Field = 'organisationId' | 'csv';
const INPUT_IDS: Record<Field, string> = { organisationId: 'organisationId', csv: 'csv-file' };
const POLL_MS = 300;

interface Progress {
  processed: number;
  total: number;
}

const COLUMNS: Array<[string, string]> = [
  ['name', 'required'],
  ['email', 'required: their work email, which they sign in with'],
  ['kind', 'staff or volunteer (staff if left blank)'],
  ['job_title', 'optional'],
  ['team', 'optional'],
  ['line_manager_email', 'optional: someone in the file, or already in the organisation'],
];

/** Rows the summary links to; the table below lists every one. */
const SUMMARY_ROWS = 20;

const rowErrorId = (index: number) => `import-problem-${index + 1}`;

/**
 * A failed import in the error summary pattern: "There is a problem" at the top of the page,
 * taking focus, each row's problem linking to its line in the table (the first 20, then how many
 * more), so a keyboard or screen reader user hears every problem before the form.
 */
function ImportErrorSummary({ outcome }: { outcome: PeopleImportFieldsFragment }) {
  const shown = outcome.errors.slice(0, SUMMARY_ROWS);
  const more = outcome.errors.length - shown.length;
  return (
    <ErrorSummary key={outcome.id}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <p>Nothing was imported. Fix {outcome.errors.length === 1 ? 'this row' : 'these rows'} in the file and try again.</p>
      <ErrorSummary.List>
        {shown.map((rowError, index) => (
          <ErrorSummary.ListItem key={`${index}:${rowError.line}:${rowError.field}`} href={`#${rowErrorId(index)}`}>
            {`Line ${rowError.line}, ${rowError.field}: ${rowError.message}`}
          </ErrorSummary.ListItem>
        ))}
        {more > 0 ? <ErrorSummary.ListItem href="#import-outcome">{`and ${more.toLocaleString('en-GB')} more problems, listed below`}</ErrorSummary.ListItem> : null}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

function ImportOutcome({ outcome }: { outcome: PeopleImportFieldsFragment }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A failure's summary takes focus itself (the error summary pattern); a success's banner heading here.
  useEffect(() => {
    if (outcome.status === 'SUCCEEDED') heading.current?.focus();
  }, [outcome.id, outcome.status]);

  if (outcome.status === 'SUCCEEDED') {
    return (
      <div className="nhsuk-notification-banner nhsuk-notification-banner--success" aria-labelledby="import-outcome">
        <div className="nhsuk-notification-banner__header">
          <h2 className="nhsuk-notification-banner__title">Success</h2>
        </div>
        <div className="nhsuk-notification-banner__content">
          <h3 className="nhsuk-notification-banner__heading" id="import-outcome" tabIndex={-1} ref={heading}>
            {importedText(outcome.importedCount)}
          </h3>
          <p>They have joined {outcome.organisation.name} as learners (volunteers as volunteers). Each has been emailed an
            invitation with a link to choose their password and sign in.</p>
          <p><Link className="nhsuk-notification-banner__link"
            to={paths.adminPeople({ organisation: outcome.organisation.id })}>
            See the people of {outcome.organisation.name}</Link></p>
        </div>
      </div>
    );
  }

  return (
    <div className="portal-import-errors">
      <h2 id="import-outcome" tabIndex={-1}>Nothing was imported. Fix these rows and try again.</h2>
      <p>{outcome.errors.length === 1 ? '1 problem' : `${outcome.errors.length.toLocaleString('en-GB')} problems`} in the file.
        Line 1 is the header.</p>
      <Table responsive caption="Problems in the file" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell format="numeric">Line</Table.Cell>
            <Table.Cell>Column</Table.Cell>
            <Table.Cell>Problem</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {outcome.errors.map((rowError, index) => (
            <Table.Row key={`${rowError.line}:${rowError.field}:${index}`}>
              <Table.Cell format="numeric" id={rowErrorId(index)} tabIndex={-1}>{rowError.line}</Table.Cell>
              <Table.Cell>{rowError.field}</Table.Cell>
              <Table.Cell>{rowError.message}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ImportProgress({ progress }: { progress: Progress }) {
  return (
    <div className="portal-progress">
      <h2 className="nhsuk-heading-m" id="import-progress-label">Importing people</h2>
      <progress className="portal-progress__bar" aria-labelledby="import-progress-label" max={Math.max(progress.total, 1)}
        value={Math.min(progress.processed, progress.total)} />
      <p className="portal-progress__text" aria-live="polite" aria-atomic="true" data-testid="import-progress-text">
        {progressText(progress.processed, progress.total)}
      </p>
    </div>
  );
}

function ImportPeople({ viewer }: { viewer: SignedInViewer }) {
  const client = useApolloClient();
  const { data: organisationsData } = useQuery(AdminOrganisationsQuery, { variables: { partnershipSlug: viewer.partnership.slug } });
  const organisations = [...(organisationsData?.organisations ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const [importPeople, { loading }] = useMutation(ImportPeopleMutation, {
    update: (cache, { data }) => {
      // New people belong in every people list: ask for them again.
      if (data?.importPeople.import?.status === 'SUCCEEDED') cache.evict({ id: 'ROOT_QUERY', fieldName: 'people' });
    },
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const [organisationId, setOrganisationId] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<Array<FieldError<Field>>>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<PeopleImportFieldsFragment | null>(null);
  const [refused, setRefused] = useState<AccessProblem | null>(null);
  const byField = messagesByField(errors);
  const example = exampleCsv();
  const failed = outcome?.status === 'FAILED' && !progress;
  useDocumentTitle(['Import people', viewer.partnership.name], errors.length > 0 || failed);

  if (refused) return <AccessProblemPage problem={refused} {...AREA_AUDIENCE.PARTNERSHIP_ADMIN} />;

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0];
    setOutcome(null);
    if (!chosen) {
      setFile(null);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setFile({ name: chosen.name, text: String(reader.result ?? '') });
    reader.onerror = () => setErrors([{ field: 'csv', message: 'The file could not be read. Choose it again' }]);
    reader.readAsText(chosen);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const csv = file?.text ?? pasted;
    const problems: Array<FieldError<Field>> = [];
    if (!organisationId) problems.push({ field: 'organisationId', message: 'Select the organisation the people join' });
    if (!csv.trim()) problems.push({ field: 'csv', message: 'Choose a CSV file or paste the rows' });
    else if (csv.length > MAX_CSV_CHARACTERS) {
      problems.push({ field: 'csv', message: 'The file is too large. Split it into files of at most 10,000 people' });
    }
    setErrors(problems);
    setOutcome(null);
    if (problems.length) return;

    const importId = newImportId();
    setProgress({ processed: 0, total: countCsvRows(csv) });
    // Ask how far the import has got while the mutation runs; one question at a time.
    let running = true;
    const poll = async () => {
      while (running) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!running) break;
        try {
          const { data } = await client.query({ query: PeopleImportProgressQuery, variables: { id: importId }, fetchPolicy: 'network-only' });
          const found = data?.peopleImport;
          if (running && found) setProgress({ processed: found.processedRows, total: found.totalRows });
        } catch {
          // Progress is a courtesy: the mutation's answer is what counts.
        }
      }
    };
    void poll();
    try {
      const { data } = await importPeople({ variables: { input: { organisationId, csv, importId } } });
      const payload = data?.importPeople;
      if (!payload?.import) {
        setErrors(payload?.userErrors.length ? fieldErrorsFrom(payload.userErrors, ['organisationId', 'csv']) : [{ field: null, message: SERVICE_PROBLEM }]);
        return;
      }
      setOutcome(payload.import);
      // Choosing the same file again after fixing it must read it again: browsers send no change
      // event for the file already chosen. Either way this file is done with.
      if (file && fileInput.current) {
        fileInput.current.value = '';
        setFile(null);
      }
      if (payload.import.status === 'SUCCEEDED') setPasted('');
    } catch (caught) {
      const access = accessProblemOf(caught);
      if (access) setRefused(access);
      else setErrors([{ field: null, message: SERVICE_PROBLEM }]);
    } finally {
      running = false;
      setProgress(null);
    }
  };

  const rows = file ? countCsvRows(file.text) : null;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} inputIds={INPUT_IDS} />
        {failed && outcome ? <ImportErrorSummary outcome={outcome} /> : null}
        <h1>Import people</h1>
        <p>Add the staff or volunteers of one organisation from a CSV file. Every row is checked first: if any row is wrong,
          nobody is imported, and you see which rows to fix.</p>

        {progress ? <ImportProgress progress={progress} /> : null}
        {outcome && !progress ? <ImportOutcome outcome={outcome} /> : null}

        <h2 className="nhsuk-heading-m">What the file must look like</h2>
        <p>The first line names the columns, in any order:</p>
        <pre className="portal-code"><code>{PEOPLE_CSV_HEADER}</code></pre>
        <ul>
          {COLUMNS.map(([column, meaning]) => <li key={column}><code>{column}</code>: {meaning}</li>)}
        </ul>
        <p>Up to 10,000 people in one file. Save it from your spreadsheet as “CSV UTF-8”.</p>
        <p><a href={csvDownloadHref(example)} download="people-example.csv">Download an example file (CSV, 4 people)</a></p>

        <form noValidate onSubmit={submit}>
          <Select id={INPUT_IDS.organisationId} name="organisationId" label="Organisation the people join"
            value={organisationId} error={byField.organisationId}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}>
            <Select.Option value="">Choose an organisation</Select.Option>
            {organisations.map((organisation) => (
              <Select.Option key={organisation.id} value={organisation.id}>{organisation.name}</Select.Option>
            ))}
          </Select>
          <CsvFileInput id={INPUT_IDS.csv} inputRef={fileInput} label="Choose a CSV file"
            hint={file ? `${file.name}: ${rows === 1 ? '1 person' : `${(rows ?? 0).toLocaleString('en-GB')} people`}` : undefined}
            error={byField.csv} onChange={chooseFile} />
          <Textarea id="csv-text" name="csvText" label="Or paste the rows, header first" rows={6} spellCheck={false}
            hint={file ? 'The chosen file is used instead of anything pasted here.' : undefined}
            value={pasted} onChange={(event) => setPasted(event.currentTarget.value)} />
          <Button type="submit">Import people</Button>
        </form>
      </div>
    </div>
  );
}

/** Administrators: journey 7, bringing an organisation's people in from a spreadsheet. */
export function ImportPeoplePage() {
  return <RequireRole role="PARTNERSHIP_ADMIN">{(viewer) => <ImportPeople viewer={viewer} />}</RequireRole>;
}
