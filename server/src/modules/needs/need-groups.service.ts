import type { DataSource } from 'typeorm';
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
 * Two texts are alike when at least half the stemmed words of the shorter are in the other
 * (stop words left out by the english configuration). `a` and `b` are text[] of lexemes.
 */
const alike = (a: string, b: string) =>
  `(cardinality(ARRAY(SELECT unnest(${a}) INTERSECT SELECT unnest(${b}))) * 2 >= least(cardinality(${a}), cardinality(${b})))`;

/**
 * Every live (OPEN or GROUPED) need of the partnership with the key of the one group it joins:
 * its mandatory subject; else its KSF dimension; else its topic, by similarity: a need whose topic
 * is like no earlier need's starts a group (a root), and every other joins the earliest root it is
 * like (or is left alone). Only groups with needs of two or more organisations are shared demand.
 */
const GROUPS_SQL = `
  WITH live AS (
    SELECT n.*, tsvector_to_array(to_tsvector('english', n.topic)) AS words
    FROM training_need n WHERE n.partnership_id = $1 AND n.status IN ('open', 'grouped')
  ), topical AS (
    SELECT id, created_at, words FROM live
    WHERE mandatory_subject IS NULL AND ksf_dimension IS NULL AND cardinality(words) > 0
  ), pairs AS (
    SELECT a.id AS need_id, b.id AS other_id, b.created_at AS other_created_at
    FROM topical a JOIN topical b ON b.id <> a.id AND ${alike('a.words', 'b.words')}
  ), roots AS (
    SELECT t.id, t.created_at FROM topical t WHERE NOT EXISTS (
      SELECT 1 FROM pairs p WHERE p.need_id = t.id AND (p.other_created_at, p.other_id) < (t.created_at, t.id))
  ), topic_root AS (
    SELECT t.id, coalesce((
      SELECT r.id FROM roots r
      WHERE r.id = t.id OR EXISTS (SELECT 1 FROM pairs p WHERE p.need_id = t.id AND p.other_id = r.id)
      ORDER BY r.created_at, r.id LIMIT 1), t.id) AS root_id
    FROM topical t
  ), keyed AS (
    SELECT l.*, CASE
        WHEN l.mandatory_subject IS NOT NULL THEN 'mandatory_subject:' || l.mandatory_subject
        WHEN l.ksf_dimension IS NOT NULL THEN 'ksf_dimension:' || l.ksf_dimension
        ELSE 'topic:' || tr.root_id END AS group_key
    FROM live l LEFT JOIN topic_root tr ON tr.id = l.id
    WHERE l.mandatory_subject IS NOT NULL OR l.ksf_dimension IS NOT NULL OR tr.id IS NOT NULL
  ), shared AS (
    SELECT group_key FROM keyed GROUP BY group_key HAVING count(DISTINCT organisation_id) >= 2
  )
  SELECT k.*, ms.name AS subject_name FROM keyed k JOIN shared USING (group_key)
  LEFT JOIN mandatory_subject ms ON ms.code = k.mandatory_subject
  ORDER BY k.group_key, k.wanted_by, k.created_at, k.id`;

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
 * groups with their needs, then every group's sessions), and the request's loaders for names.
 */
export class NeedGroupsService {
  constructor(private readonly dataSource: DataSource) {}

  async groups(partnershipId: string, view: NeedDemandView, now: Date, loaders: Loaders): Promise<TrainingNeedGroup[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(GROUPS_SQL, [partnershipId]);
    const drafts = new Map<string, GroupDraft>();
    for (const row of rows) {
      const key = String(row.group_key);
      const need = entityFromRow(this.dataSource, TrainingNeedEntity, row);
      let draft = drafts.get(key);
      if (!draft) {
        const kind = key.startsWith('mandatory_subject:') ? TrainingNeedGroupKind.MANDATORY_SUBJECT
          : key.startsWith('ksf_dimension:') ? TrainingNeedGroupKind.KSF_DIMENSION : TrainingNeedGroupKind.TOPIC;
        draft = { key, kind, label: '', subject: need.mandatorySubject, ksf: kind === TrainingNeedGroupKind.TOPIC ? null : need.ksfDimension,
          topic: need.topic, needs: [] };
        if (kind === TrainingNeedGroupKind.MANDATORY_SUBJECT) draft.label = String(row.subject_name);
        if (kind === TrainingNeedGroupKind.KSF_DIMENSION) draft.label = `KSF ${need.ksfDimension}`;
        drafts.set(key, draft);
      }
      // A topic group is named after its root, the need that started it; its sessions match that topic.
      if (draft.kind === TrainingNeedGroupKind.TOPIC && key === `topic:${need.id}`) {
        draft.label = need.topic;
        draft.topic = need.topic;
      }
      draft.needs.push(need);
    }
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
        ?? Object.assign(new TrainingNeedGroupOrganisation(), { organisationId: need.organisationId, needCount: 0, peopleCount: 0 });
      part.needCount += 1;
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
