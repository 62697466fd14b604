import type { DataSource } from 'typeorm';
import { groupKeys } from '@portal/domain';
import { entityFromRow } from '../../db/entity-from-row';
import type { Loaders } from '../../graphql/loaders';
import { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { demandShowsNeed, type NeedDemandView } from './needs.policy';
import { TrainingNeedEntity } from './training-need.entity';
import { toTrainingNeed } from './training-need.type';
import { TrainingNeedGroup, TrainingNeedGroupKind, TrainingNeedGroupOrganisation } from './needs.types';

/** Most upcoming sessions a group lists. */
export const GROUP_SESSIONS = 10;

/**
 * Every live (OPEN or GROUPED) need of the partnership (its entity's columns: not the search_vector
 * itself), with the stemmed words of its topic when it names neither subject nor dimension (the
 * weight-A lexemes of its search_vector) and its subject's name. Grouping is then done in the
 * service by packages/domain's groupKeys, in one pass over these rows.
 */
const liveNeedsSql = (columns: string) => `
  SELECT ${columns},
    CASE WHEN n.mandatory_subject IS NULL AND n.ksf_dimension IS NULL
      THEN ARRAY(SELECT u.lexeme FROM unnest(n.search_vector) u WHERE 'A' = ANY(u.weights) ORDER BY u.lexeme) END AS words,
    ms.name AS subject_name
  FROM training_need n LEFT JOIN mandatory_subject ms ON ms.code = n.mandatory_subject
  WHERE n.partnership_id = $1 AND n.status IN ('open', 'grouped')
  ORDER BY n.created_at, n.id`;

/**
 * The upcoming sessions that could meet each group, by the public catalogue's rules (a public
 * course, scheduled, not started, booking still open): the group's mandatory subject, or else a
 * course whose title and summary hold at least half the words of the group's topic.
 */
const SESSIONS_SQL = `
  WITH wanted AS (
    SELECT w.group_key, w.subject, tsvector_to_array(to_tsvector('english', coalesce(w.topic, ''))) AS words
    FROM unnest($2::text[], $3::text[], $4::text[]) AS w(group_key, subject, topic)
  ), matched AS (
    SELECT w.group_key, s.*, row_number() OVER (PARTITION BY w.group_key ORDER BY s.starts_at, s.id) AS place
    FROM wanted w
    JOIN course c ON c.partnership_id = $1 AND c.visibility = 'public' AND (
      c.mandatory_subject = w.subject
      OR (w.subject IS NULL AND cardinality(w.words) > 0
        AND c.search_vector @@ (SELECT string_agg(quote_literal(word), ' | ') FROM unnest(w.words) word)::tsquery
        AND cardinality(ARRAY(SELECT unnest(w.words) INTERSECT SELECT unnest(tsvector_to_array(c.search_vector)))) * 2 >= cardinality(w.words)))
    JOIN training_session s ON s.course_id = c.id AND s.partnership_id = c.partnership_id
    WHERE s.status = 'scheduled' AND s.starts_at > $5 AND s.booking_closes_at > $5
  )
  SELECT * FROM matched WHERE place <= ${GROUP_SESSIONS} ORDER BY group_key, starts_at, id`;

interface GroupDraft {
  key: string;
  kind: TrainingNeedGroupKind;
  label: string;
  subject: string | null;
  ksf: string | null;
  /** The text courses are matched on when there is no subject. */
  topic: string;
  needs: TrainingNeedEntity[];
}

/**
 * Shared demand: two statements for the whole partnership, whatever the number of groups (the
 * live needs, grouped here, then every group's sessions), and the request's loaders for names.
 */
export class NeedGroupsService {
  constructor(private readonly dataSource: DataSource) {}

  async groups(partnershipId: string, view: NeedDemandView, now: Date, loaders: Loaders): Promise<TrainingNeedGroup[]> {
    const columns = this.dataSource.getMetadata(TrainingNeedEntity).columns.map((column) => `n."${column.databaseName}"`).join(', ');
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(liveNeedsSql(columns), [partnershipId]);
    const needs = rows.map((row) => ({ row, need: entityFromRow(this.dataSource, TrainingNeedEntity, row), words: (row.words as string[] | null) ?? [] }));
    const keys = groupKeys(needs.map(({ need, words }) => ({ id: need.id, mandatorySubject: need.mandatorySubject, ksfDimension: need.ksfDimension, words })));
    const drafts = new Map<string, GroupDraft>();
    for (const { row, need } of needs) {
      const key = keys.get(need.id);
      if (!key) continue;
      let draft = drafts.get(key);
      if (!draft) {
        const kind = key.startsWith('mandatory_subject:') ? TrainingNeedGroupKind.MANDATORY_SUBJECT
          : key.startsWith('ksf_dimension:') ? TrainingNeedGroupKind.KSF_DIMENSION : TrainingNeedGroupKind.TOPIC;
        // A topic group's first need is the one that started it: the group is named after it and its sessions match its topic.
        draft = { key, kind, label: '', subject: need.mandatorySubject, ksf: kind === TrainingNeedGroupKind.TOPIC ? null : need.ksfDimension,
          topic: need.topic, needs: [] };
        if (kind === TrainingNeedGroupKind.MANDATORY_SUBJECT) draft.label = String(row.subject_name);
        else if (kind === TrainingNeedGroupKind.KSF_DIMENSION) draft.label = `KSF ${need.ksfDimension}`;
        else draft.label = need.topic;
        drafts.set(key, draft);
      }
      draft.needs.push(need);
    }
    // Shared demand: needs of two or more organisations.
    for (const [key, draft] of drafts) if (new Set(draft.needs.map((n) => n.organisationId)).size < 2) drafts.delete(key);
    const groups = [...drafts.values()];
    const sessions = await this.sessions(partnershipId, groups, now, loaders);
    return groups.map((draft) => this.group(draft, view, sessions.get(draft.key) ?? []))
      .sort((a, b) => b.peopleCount - a.peopleCount || a.earliestWantedBy.localeCompare(b.earliestWantedBy) || a.key.localeCompare(b.key));
  }

  private async sessions(partnershipId: string, groups: GroupDraft[], now: Date, loaders: Loaders): Promise<Map<string, TrainingSessionEntity[]>> {
    const byGroup = new Map<string, TrainingSessionEntity[]>();
    if (!groups.length) return byGroup;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(SESSIONS_SQL, [partnershipId,
      groups.map((g) => g.key), groups.map((g) => g.subject), groups.map((g) => g.topic), now.toISOString()]);
    for (const row of rows) {
      const session = entityFromRow(this.dataSource, TrainingSessionEntity, row);
      loaders.sessionsById.prime(session.id, session);
      const key = String(row.group_key);
      byGroup.set(key, [...byGroup.get(key) ?? [], session]);
    }
    return byGroup;
  }

  private group(draft: GroupDraft, view: NeedDemandView, sessions: TrainingSessionEntity[]): TrainingNeedGroup {
    const organisations = new Map<string, TrainingNeedGroupOrganisation>();
    for (const need of draft.needs) {
      const part = organisations.get(need.organisationId)
        ?? Object.assign(new TrainingNeedGroupOrganisation(), { organisationId: need.organisationId, needCount: 0, peopleCount: 0, needIds: [] });
      part.needCount += 1;
      part.needIds.push(need.id);
      part.peopleCount += need.peopleCount;
      organisations.set(need.organisationId, part);
    }
    return Object.assign(new TrainingNeedGroup(), {
      key: draft.key, kind: draft.kind, label: draft.label, ksfDimension: draft.ksf, mandatorySubjectCode: draft.subject,
      needs: draft.needs.filter((n) => demandShowsNeed(view, n.organisationId)).map(toTrainingNeed),
      organisations: [...organisations.values()].sort((a, b) => b.peopleCount - a.peopleCount || a.organisationId.localeCompare(b.organisationId)),
      needCount: draft.needs.length,
      peopleCount: draft.needs.reduce((sum, n) => sum + n.peopleCount, 0),
      earliestWantedBy: draft.needs.map((n) => n.wantedBy).sort()[0],
      sessions,
    });
  }
}
