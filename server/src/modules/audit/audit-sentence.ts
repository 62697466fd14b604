import { formatPence } from '@portal/domain';

/**
 * The audit log as a person reads it: one sentence per entry, with names instead of ids and
 * pounds instead of pence. Pure: the names come in from audit-names.loader.ts. An action this
 * file does not know still reads as a sentence ("Alex Smith: people exported (person Sam Jones).").
 */
export type NameKind = 'person' | 'organisation' | 'session' | 'booking' | 'funding_stream';

export interface AuditFacts {
  action: string;
  actorName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
}

/** A name for a thing, or null when it is gone or not this partnership's. */
export type NameOf = (kind: NameKind, id: unknown) => string | null;

const SUBJECT_KINDS: Record<string, NameKind> = {
  person: 'person', organisation: 'organisation', session: 'session', training_session: 'session',
  booking: 'booking', funding_stream: 'funding_stream',
};

const ROLE_WORDS: Record<string, string> = {
  partnership_admin: 'a partnership administrator', steering_member: 'a steering group member', ld_lead: 'an L&D lead',
  line_manager: 'a line manager', provider_coordinator: 'a provider coordinator', learner: 'a learner',
};

const THING_WORDS: Record<NameKind, string> = {
  person: 'a person', organisation: 'an organisation', session: 'a session', booking: 'a booking', funding_stream: 'a funding stream',
};

/** The kinds of named thing an entry mentions, so the loader can fetch every name a page needs at once. */
export function namesMentioned(facts: Pick<AuditFacts, 'subjectType' | 'subjectId' | 'details'>): Array<[NameKind, string]> {
  const out: Array<[NameKind, string]> = [];
  const add = (kind: NameKind, id: unknown) => {
    if (typeof id === 'string' && id) out.push([kind, id]);
  };
  const kind = facts.subjectType ? SUBJECT_KINDS[facts.subjectType] : undefined;
  if (kind) add(kind, facts.subjectId);
  const d = facts.details;
  add('person', d.personId);
  add('person', d.leadPersonId);
  add('session', d.sessionId);
  add('organisation', d.organisationId);
  add('funding_stream', d.streamId);
  add('booking', d.bookingId);
  if (typeof d.seatFrom === 'string' && d.seatFrom !== 'pool') add('organisation', d.seatFrom);
  for (const list of [d.byOrganisation, (d.before as { allocations?: unknown })?.allocations, (d.after as { allocations?: unknown })?.allocations]) {
    if (Array.isArray(list)) for (const item of list) add('organisation', (item as { organisationId?: unknown })?.organisationId);
  }
  return out;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

function words(action: string): string {
  return action.replace(/^[a-z]+\./, '').replace(/_/g, ' ');
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function allocationText(list: unknown, nameOf: NameOf): string {
  if (!Array.isArray(list) || list.length === 0) return 'none';
  return list.map((item) => {
    const { organisationId, seats } = item as { organisationId?: unknown; seats?: unknown };
    return `${nameOf('organisation', organisationId) ?? THING_WORDS.organisation} ${count(seats)}`;
  }).join(', ');
}

const ENTRY_FIELD_WORDS: Record<string, string> = {
  description: 'description', website: 'website', contactEmail: 'contact email', contactPhone: 'telephone',
  deliversTraining: 'whether it provides training', orgId: 'registered identifier',
};

const LEDGER_WORDS: Record<string, string> = {
  budget: 'a budget of', contribution: 'a contribution of', allocation: 'an allocation of', commitment: 'a commitment of',
  release: 'a release of', spend: 'spending of', adjustment: 'an adjustment of',
};

/** "funding.commitment_recorded": one ledger entry, with its stream and, for a booking's, whose place. */
function ledgerSentence(kind: string, actor: string, d: Record<string, unknown>, nameOf: NameOf): string {
  const amount = typeof d.amountPence === 'number' && Number.isSafeInteger(d.amountPence) ? formatPence(d.amountPence) : 'an amount';
  const stream = nameOf('funding_stream', d.streamId) ?? 'a funding stream';
  const booking = nameOf('booking', d.bookingId);
  const forWhat = booking ? ` for ${booking}` : '';
  const reason = typeof d.reason === 'string' && d.reason ? ` (“${d.reason}”)` : '';
  const correcting = typeof d.reversesEntryId === 'string' ? ', correcting an earlier entry' : '';
  return `${actor} recorded ${LEDGER_WORDS[kind] ?? `${kind} of`} ${amount} on ${stream}${forWhat}${reason}${correcting}.`;
}

export function auditSentence(facts: AuditFacts, nameOf: NameOf): string {
  const d = facts.details;
  const subjectKind = facts.subjectType ? SUBJECT_KINDS[facts.subjectType] : undefined;
  const subject = subjectKind ? nameOf(subjectKind, facts.subjectId) ?? THING_WORDS[subjectKind] : null;
  const actor = facts.actorName ?? 'Someone not signed in';
  const email = typeof d.email === 'string' ? d.email : 'an unknown address';
  const session = nameOf('session', d.sessionId) ?? 'a session';
  const person = nameOf('person', d.personId);

  switch (facts.action) {
    case 'auth.signed_in': return `${actor} signed in.`;
    case 'auth.signed_out': return `${actor} signed out.`;
    case 'auth.sign_in_failed': return `A sign-in as ${email} failed.`;
    case 'auth.sign_in_limited': return `Sign-ins as ${email} were paused after too many attempts.`;
    case 'auth.registered': return `${subject ?? actor} registered as a volunteer.`;
    case 'auth.reset_requested': return `A password reset link was requested for ${subject ?? 'a person'}.`;
    case 'auth.password_reset': return `${actor} set a new password with a reset link.`;
    case 'bookings.created': {
      const who = person && person !== facts.actorName ? ` for ${person}` : '';
      const seat = d.seatFrom === 'pool' ? ' from the shared pool'
        : typeof d.seatFrom === 'string' ? ` from ${nameOf('organisation', d.seatFrom) ?? 'an organisation'}’s allocation` : '';
      if (d.status === 'waitlisted') return `${actor} joined the waiting list for ${session}${who}.`;
      if (d.status === 'requested') return `${actor} requested a place on ${session}${who}${seat}.`;
      return `${actor} booked a place on ${session}${who}${seat}.`;
    }
    case 'bookings.cancelled': {
      const late = d.late === true ? ', late' : '';
      const reason = typeof d.reason === 'string' && d.reason ? `: “${d.reason}”` : '';
      return `${actor} cancelled ${subject ?? 'a booking'}${late}${reason}.`;
    }
    case 'bookings.promoted':
      return d.status === 'requested'
        ? `${subject ?? 'A booking'} moved from the waiting list to a request for approval.`
        : `${subject ?? 'A booking'} was given a place from the waiting list.`;
    case 'bookings.request_expired':
      return `The request for ${subject ?? 'a booking'} lapsed: it was not decided ${plural(count(d.holdHours), 'hour')} before the session.`;
    case 'sessions.cancelled': {
      const reason = typeof d.reason === 'string' && d.reason ? `: “${d.reason}”` : '';
      return `${actor} cancelled ${subject ?? 'a session'}${reason}. ${plural(count(d.peopleTold), 'person', 'people')} told.`;
    }
    case 'sessions.register_taken':
      return `${actor} took the register for ${subject ?? 'a session'}: ${count(d.attended)} attended, ${count(d.noShows)} did not attend.`;
    case 'sessions.seats_released': {
      const promoted = Array.isArray(d.promoted) ? d.promoted.length : 0;
      return `${plural(count(d.seatsReturned), 'unused allocated seat')} of ${subject ?? 'a session'} returned to the shared pool`
        + ` (${allocationText(d.byOrganisation, nameOf)}); ${plural(promoted, 'person', 'people')} given a place from the waiting list.`;
    }
    case 'sessions.allocations_set': {
      const before = d.before as { capacity?: unknown; allocations?: unknown } | undefined;
      const after = d.after as { capacity?: unknown; allocations?: unknown } | undefined;
      return `${actor} set the seats of ${subject ?? 'a session'}: capacity ${count(before?.capacity)} → ${count(after?.capacity)};`
        + ` allocations ${allocationText(before?.allocations, nameOf)} → ${allocationText(after?.allocations, nameOf)}.`;
    }
    case 'roles.granted':
    case 'roles.revoked': {
      const at = nameOf('organisation', d.organisationId);
      const where = at ? ` of ${at}` : '';
      const who = subject ?? 'a person';
      if (typeof d.role !== 'string') return `${actor} changed the roles of ${who}${where}.`;
      const role = ROLE_WORDS[d.role] ?? `a ${d.role.replace(/_/g, ' ')}`;
      return facts.action === 'roles.granted' ? `${actor} made ${who} ${role}${where}.` : `${actor} removed ${who} as ${role}${where}.`;
    }
    case 'organisations.created': {
      const lead = nameOf('person', d.leadPersonId);
      const name = typeof d.name === 'string' ? d.name : subject ?? 'an organisation';
      return `${actor} added the organisation ${name}${lead ? ` with ${lead} as its L&D lead` : ''}.`;
    }
    case 'organisations.entry_updated': {
      const fields = Array.isArray(d.changed) ? d.changed.filter((f): f is string => typeof f === 'string') : [];
      const what = fields.map((f) => ENTRY_FIELD_WORDS[f] ?? f.replace(/([A-Z])/g, ' $1').toLowerCase()).join(', ');
      return `${actor} updated the directory entry of ${subject ?? 'an organisation'}${what ? ` (${what})` : ''}.`;
    }
    case 'people.disabled': return `${actor} disabled the account of ${subject ?? 'a person'}, ending their sign-ins.`;
    case 'people.enabled': return `${actor} enabled the account of ${subject ?? 'a person'} again.`;
    case 'people.imported':
      return `${actor} imported ${plural(count(d.imported), 'person', 'people')} into ${nameOf('organisation', d.organisationId) ?? 'an organisation'}`
        + ` (${count(d.staff).toLocaleString('en-GB')} staff, ${plural(count(d.volunteers), 'volunteer')}; ${count(d.withLineManager).toLocaleString('en-GB')} with a line manager).`;
    case 'funding.stream_created': {
      const amount = typeof d.amountPence === 'number' && Number.isSafeInteger(d.amountPence) ? ` worth ${formatPence(d.amountPence)}` : '';
      const year = typeof d.financialYear === 'string' ? ` for ${d.financialYear}` : '';
      const name = typeof d.name === 'string' ? d.name : subject ?? 'a funding stream';
      return `${actor} created the ${d.pooled === true ? 'pooled ' : ''}funding stream ${name}${year}${amount}.`;
    }
    case 'needs.raised':
    case 'needs.withdrawn':
    case 'needs.met': {
      const topic = typeof d.topic === 'string' ? `“${d.topic}”` : 'a training need';
      const of = nameOf('organisation', d.organisationId) ?? 'an organisation';
      if (facts.action === 'needs.raised') {
        const people = typeof d.peopleCount === 'number' ? ` for ${plural(count(d.peopleCount), 'person', 'people')}` : '';
        return `${actor} raised the training need ${topic} of ${of}${people}.`;
      }
      if (facts.action === 'needs.met') return `${actor} marked the training need ${topic} of ${of} as met by an existing course.`;
      const reason = typeof d.reason === 'string' && d.reason ? `: “${d.reason}”` : '';
      return `${actor} withdrew the training need ${topic} of ${of}${reason}.`;
    }
    case 'commissioning.proposed': {
      const title = typeof d.title === 'string' ? `“${d.title}”` : 'a joint course';
      const of = nameOf('organisation', d.organisationId) ?? 'an organisation';
      const cost = typeof d.estimatedCostPence === 'number' && Number.isSafeInteger(d.estimatedCostPence) ? ` at ${formatPence(d.estimatedCostPence)}` : '';
      return `${actor} proposed ${title} for ${of}: ${plural(count(d.sessionsPlanned), 'session')} of ${plural(count(d.seatsPerSession), 'seat')}${cost}.`;
    }
    case 'commissioning.pledged':
    case 'commissioning.pledge_withdrawn': {
      const of = nameOf('organisation', d.organisationId) ?? 'an organisation';
      const what = [count(d.seats) ? plural(count(d.seats), 'seat') : null,
        count(d.amountPence) && Number.isSafeInteger(d.amountPence) ? formatPence(count(d.amountPence)) : null].filter(Boolean).join(' and ') || 'nothing';
      return facts.action === 'commissioning.pledged'
        ? `${actor} pledged ${what} for ${of} to a commissioning proposal.`
        : `${actor} withdrew the pledge of ${what} by ${of} from a commissioning proposal.`;
    }
    case 'commissioning.approved':
      return `${actor} approved a commissioning proposal, scheduling ${plural(Array.isArray(d.sessionIds) ? d.sessionIds.length : 0, 'session')}`
        + `${typeof d.shortfallAcceptedPence === 'number' ? ` and accepting a shortfall of ${formatPence(d.shortfallAcceptedPence)}` : ''}.`;
    case 'commissioning.declined': {
      const reason = typeof d.reason === 'string' && d.reason ? `: “${d.reason}”` : '';
      return `${actor} declined a commissioning proposal${reason}. Its pledges were released.`;
    }
    case 'commissioning.lapsed':
      return 'A commissioning proposal lapsed at its pledge deadline. Its pledges were released.';
    default: {
      const ledger = /^funding\.([a-z]+)_recorded$/.exec(facts.action);
      if (ledger) return ledgerSentence(ledger[1], actor, d, nameOf);
      const about = subject ? ` (${subject})` : '';
      return `${actor}: ${words(facts.action)}${about}.`;
    }
  }
}
