import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isDeliverableEmail } from '@portal/domain';
import type { UserError } from '../../graphql/user-error';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { parsePeopleCsv, type ImportRowError, type PersonCsvRow } from './parse-people-csv';
import { orderByLineManager } from './order-by-line-manager';
import { peopleError } from './people.errors';
import { isUuid } from '../../graphql/uuid';
import { isStaleReference } from '../../graphql/constraint-violations';
import { withInputErrors } from '../../graphql/input-errors';
import { holdImport } from './import-ownership';
import type { Invitations } from '../auth/invitations';

export interface PeopleImportRecord {
  id: string;
  partnershipId: string;
  organisationId: string;
  status: 'running' | 'succeeded' | 'failed';
  totalRows: number;
  processedRows: number;
  importedCount: number;
  errors: ImportRowError[];
  createdAt: Date;
}

export type ImportPeopleResult = { import: PeopleImportRecord; userErrors: [] } | { import: null; userErrors: UserError[] };

const SELECT_IMPORT = `SELECT id, partnership_id AS "partnershipId", organisation_id AS "organisationId", status,
  total_rows AS "totalRows", processed_rows AS "processedRows", imported_count AS "importedCount", errors, created_at AS "createdAt"
  FROM people_import`;

/** Rows checked against the database per statement; progress is written after each. */
const CHECK_CHUNK = 500;
/** Rows inserted per statement. */
const INSERT_CHUNK = 1000;

/**
 * Found while writing: someone changed the people the checks relied on (an email taken, a line
 * manager moved) between the checks and the transaction. The file is checked again to say which rows.
 */
class ImportClash extends Error {}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

const byLine = (a: ImportRowError, b: ImportRowError) => a.line - b.line;

/**
 * Progress of one import, written with the data source itself (autocommit), never with the
 * import's transaction: a client polling peopleImport(id) sees it grow while the people stay
 * invisible until the transaction commits. Each row counts half when checked and half when
 * written, so the figure grows steadily from 0 to the number of rows.
 */
class ImportProgress {
  static readonly none = { rowsChecked: async () => {}, rowsWritten: async () => {} };

  private checked = 0;
  private written = 0;

  constructor(private readonly dataSource: DataSource, private readonly id: string) {}

  async rowsChecked(count: number): Promise<void> {
    this.checked += count;
    await this.write();
  }

  async rowsWritten(count: number): Promise<void> {
    this.written += count;
    await this.write();
  }

  // Awaited, so no progress write is still waiting when the transaction updates the same row.
  private async write(): Promise<void> {
    await this.dataSource.query(
      `UPDATE people_import SET processed_rows = greatest(processed_rows, least(total_rows, $2)) WHERE id = $1 AND status = 'running'`,
      [this.id, Math.floor((this.checked + this.written) / 2)]);
  }
}

/**
 * Journey 7: an administrator imports the people of one organisation from a CSV file. Every
 * row is checked first and every problem reported with its line; only a file with none is
 * written, in one transaction, so nothing half-imports. The import's own record (status,
 * progress, errors) is kept either way.
 */
export class PeopleImportService {
  constructor(private readonly dataSource: DataSource, private readonly invitations: Invitations) {}

  async findImport(partnershipId: string, id: string): Promise<PeopleImportRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.dataSource.query(`${SELECT_IMPORT} WHERE id = $1 AND partnership_id = $2`, [id, partnershipId]);
    return row ?? null;
  }

  /**
   * `inputProblems`: the input rules' errors (a file too large, a malformed import id), answered
   * together with an unknown organisation before any import exists; the file's own rows are then
   * checked all at once and reported on the import (import.errors).
   */
  async importPeople(viewer: Viewer, input: { organisationId: string; csv: string; importId?: string | null },
    origin: RequestOrigin, inputProblems: readonly UserError[] = []): Promise<ImportPeopleResult> {
    const importId = input.importId?.toLowerCase() ?? null;
    if (importId && !inputProblems.length) {
      const replay = await this.replay(viewer, importId);
      if (replay) return replay;
    }
    const [organisation] = isUuid(input.organisationId)
      ? await this.dataSource.query(`SELECT id, name FROM organisation WHERE id = $1 AND partnership_id = $2`,
        [input.organisationId, viewer.partnershipId])
      : [];
    const userErrors = withInputErrors(inputProblems, organisation ? [] : [peopleError(['input', 'organisationId'],
      'There is no such organisation in your partnership.', 'NOT_FOUND')]);
    if (userErrors.length) return { import: null, userErrors };

    const parsed = parsePeopleCsv(input.csv);
    // Held from before the row exists until the import has finished: how other processes know it runs.
    let held = await holdImport(this.dataSource, importId ?? randomUUID());
    // A fresh id whose lock key a running import shares: take another.
    while (!held && !importId) held = await holdImport(this.dataSource, randomUUID());
    try {
      const [created] = held ? await this.dataSource.query(
        `INSERT INTO people_import (id, partnership_id, organisation_id, started_by_person_id, total_rows)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [held.id, viewer.partnershipId, organisation.id, viewer.personId, parsed.totalRows]) : [];
      if (!created) {
        // The same importId arrived twice at once: the other request is doing the work.
        const replay = await this.replay(viewer, importId!);
        if (replay) return replay;
        throw new Error(`people import ${importId} neither created nor found`);
      }
      return await this.run(viewer, organisation, created.id, parsed, origin);
    } finally {
      await held?.release();
    }
  }

  private async run(viewer: Viewer, organisation: { id: string; name: string }, id: string,
    parsed: ReturnType<typeof parsePeopleCsv>, origin: RequestOrigin): Promise<ImportPeopleResult> {
    const progress = new ImportProgress(this.dataSource, id);

    try {
      const errors = [...parsed.errors];
      const checked = parsed.rows.length
        ? await this.checkAgainstPeople(viewer, organisation, parsed.rows, progress)
        : { errors: [], existingManagers: new Map<string, string>() };
      errors.push(...checked.errors);
      if (errors.length) return { import: await this.finishFailed(id, errors), userErrors: [] };
      try {
        await this.dataSource.transaction((manager) => this.write(manager, viewer, organisation.id, id, parsed.rows,
          checked.existingManagers, progress, origin));
      } catch (error) {
        if (!(error instanceof ImportClash || isStaleReference(error))) throw error;
        const again = await this.checkAgainstPeople(viewer, organisation, parsed.rows, ImportProgress.none);
        return { import: await this.finishFailed(id, again.errors.length ? again.errors : [{ line: 1, field: 'csv',
          message: 'People in this file changed while it was being imported. Nothing was imported: send the file again.' }]), userErrors: [] };
      }
      return { import: (await this.findImport(viewer.partnershipId, id))!, userErrors: [] };
    } catch (error) {
      await this.finishFailed(id, [{ line: 1, field: 'csv', message: 'The import stopped because of a problem on our side. Nothing was imported: send the file again.' }])
        .catch(() => undefined);
      throw error;
    }
  }

  private async replay(viewer: Viewer, importId: string): Promise<ImportPeopleResult | null> {
    if (!isUuid(importId)) return null;
    const [existing] = await this.dataSource.query(`${SELECT_IMPORT} WHERE id = $1`, [importId]);
    if (!existing) return null;
    if (existing.partnershipId === viewer.partnershipId) return { import: existing, userErrors: [] };
    return { import: null, userErrors: [peopleError(['input', 'importId'],
      'This import id is already in use. Make a new one for a new import.', 'TAKEN')] };
  }

  /** What the file alone cannot tell: emails already in use anywhere, and line managers outside the file. */
  private async checkAgainstPeople(viewer: Viewer, organisation: { id: string; name: string }, rows: PersonCsvRow[],
    progress: Pick<ImportProgress, 'rowsChecked'>): Promise<{ errors: ImportRowError[]; existingManagers: Map<string, string> }> {
    const errors: ImportRowError[] = [];
    const existingManagers = new Map<string, string>();
    const inFile = new Set(rows.map((row) => row.email));
    for (const chunk of chunks(rows, CHECK_CHUNK)) {
      const emails = chunk.filter((row) => row.duplicateOf === null && row.email).map((row) => row.email);
      const managers = [...new Set(chunk.flatMap((row) => (row.lineManagerEmail && !inFile.has(row.lineManagerEmail)
        ? [row.lineManagerEmail] : [])))];
      const taken: Array<{ email: string }> = await this.dataSource.query(
        `SELECT email FROM person WHERE email = ANY($1::text[])`, [emails]);
      const known: Array<{ id: string; email: string }> = managers.length ? await this.dataSource.query(
        `SELECT id, email FROM person WHERE partnership_id = $1 AND organisation_id = $2 AND email = ANY($3::text[])`,
        [viewer.partnershipId, organisation.id, managers]) : [];
      const takenEmails = new Set(taken.map((r) => r.email));
      for (const manager of known) existingManagers.set(manager.email, manager.id);
      for (const row of chunk) {
        if (row.duplicateOf === null && takenEmails.has(row.email)) {
          errors.push({ line: row.line, field: 'email', message: `${row.email} already belongs to someone in the portal.` });
        }
        // A malformed line manager address already has its error from the file's own checks.
        if (row.lineManagerEmail && isDeliverableEmail(row.lineManagerEmail) && !inFile.has(row.lineManagerEmail)
          && !existingManagers.has(row.lineManagerEmail)) {
          errors.push({ line: row.line, field: 'line_manager_email',
            message: `${row.lineManagerEmail} is neither in this file nor a person of ${organisation.name}.` });
        }
      }
      await progress.rowsChecked(chunk.length);
    }
    return { errors, existingManagers };
  }

  /**
   * One transaction: people with their first role and line manager, then whoever manages others
   * gets the line manager role, then the audit entry and the finished record. Ids are made here,
   * so everyone's line manager is known before they are inserted and each person is written once.
   */
  private async write(manager: EntityManager, viewer: Viewer, organisationId: string, importId: string, rows: PersonCsvRow[],
    existingManagers: ReadonlyMap<string, string>, progress: ImportProgress, origin: RequestOrigin): Promise<void> {
    const { partnershipId } = viewer;
    const ids = new Map(rows.map((row) => [row.email, randomUUID()]));
    const managerId = (row: PersonCsvRow) => (row.lineManagerEmail === null ? null
      : ids.get(row.lineManagerEmail) ?? existingManagers.get(row.lineManagerEmail)!);

    // Line managers already in the organisation stay there until this commits.
    const outside = [...new Set(existingManagers.values())];
    if (outside.length) {
      const still = await manager.query(
        `SELECT id FROM person WHERE id = ANY($1::uuid[]) AND partnership_id = $2 AND organisation_id = $3 FOR KEY SHARE`,
        [outside, partnershipId, organisationId]);
      if (still.length !== outside.length) throw new ImportClash();
    }

    const { ordered, inCircles } = orderByLineManager(rows);
    const insertion = [...ordered.map((row) => ({ row, lineManagerId: managerId(row) })),
      ...inCircles.map((row) => ({ row, lineManagerId: null }))];
    for (const chunk of chunks(insertion, INSERT_CHUNK)) {
      // People and their first role in one statement: learners, or volunteers for volunteer rows.
      const inserted: unknown[] = await manager.query(
        `WITH inserted AS (
           INSERT INTO person (id, partnership_id, organisation_id, kind, name, email, job_title, team, line_manager_id)
           SELECT u.id, $1, $2, u.kind, u.name, u.email, u.job_title, u.team, u.line_manager_id
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[])
             AS u(id, kind, name, email, job_title, team, line_manager_id)
           ON CONFLICT (email) DO NOTHING
           RETURNING id, kind),
         granted AS (
           INSERT INTO role_grant (partnership_id, person_id, role, organisation_id)
           SELECT $1, id, CASE kind WHEN 'volunteer' THEN 'volunteer' ELSE 'learner' END, $2 FROM inserted)
         SELECT id FROM inserted`,
        [partnershipId, organisationId, chunk.map((c) => ids.get(c.row.email)), chunk.map((c) => c.row.kind),
          chunk.map((c) => c.row.name), chunk.map((c) => c.row.email), chunk.map((c) => c.row.jobTitle),
          chunk.map((c) => c.row.team), chunk.map((c) => c.lineManagerId)]);
      if (inserted.length !== chunk.length) throw new ImportClash();
      await progress.rowsWritten(chunk.length);
    }
    const circled = inCircles.filter((row) => row.lineManagerEmail !== null);
    if (circled.length) {
      await manager.query(
        `UPDATE person p SET line_manager_id = u.line_manager_id FROM unnest($1::uuid[], $2::uuid[]) AS u(id, line_manager_id) WHERE p.id = u.id`,
        [circled.map((row) => ids.get(row.email)), circled.map(managerId)]);
    }

    // Whoever now has direct reports needs the role to see and approve them.
    const managers = [...new Set(rows.flatMap((row) => (row.lineManagerEmail === null ? [] : [managerId(row)])))];
    const managerRoles: unknown[] = managers.length ? await manager.query(
      `INSERT INTO role_grant (partnership_id, person_id, role, organisation_id)
       SELECT $1, m, 'line_manager', $2 FROM unnest($3::uuid[]) AS m
       ON CONFLICT (person_id, role, organisation_id) DO NOTHING RETURNING id`,
      [partnershipId, organisationId, managers]) : [];

    // Everyone added is invited to choose a password: one statement for the whole file.
    await this.invitations.queue(manager, viewer, rows.map((row) => ({ id: ids.get(row.email)!, name: row.name, email: row.email })));

    const volunteers = rows.filter((row) => row.kind === 'volunteer').length;
    await recordAudit(manager, origin, { partnershipId, actorPersonId: viewer.personId, action: 'people.imported',
      subjectType: 'people_import', subjectId: importId, details: {
        organisationId, imported: rows.length, staff: rows.length - volunteers, volunteers,
        withLineManager: rows.filter((row) => row.lineManagerEmail !== null).length, lineManagerRolesGranted: managerRoles.length,
      } });
    // Last, once every progress write has finished: they update this same row from outside.
    await manager.query(
      `UPDATE people_import SET status = 'succeeded', processed_rows = total_rows, imported_count = $2, finished_at = now() WHERE id = $1`,
      [importId, rows.length]);
  }

  private async finishFailed(id: string, errors: ImportRowError[]): Promise<PeopleImportRecord> {
    const [[row]] = await this.dataSource.query(
      `UPDATE people_import SET status = 'failed', processed_rows = total_rows, imported_count = 0, errors = $2::jsonb, finished_at = now()
       WHERE id = $1 AND status = 'running'
       RETURNING id, partnership_id AS "partnershipId", organisation_id AS "organisationId", status, total_rows AS "totalRows",
         processed_rows AS "processedRows", imported_count AS "importedCount", errors, created_at AS "createdAt"`,
      [id, JSON.stringify([...errors].sort(byLine))]);
    return row;
  }
}
