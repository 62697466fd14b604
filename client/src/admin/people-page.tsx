import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Select, Tag } from 'nhsuk-react-components';
import type { SignedInViewer } from '../ui/use-viewer';
import { ViewerQuery } from '../ui/viewer.query';
import type { AdminPersonFieldsFragment, Role } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { FormErrorSummary } from '../ui/form-error-summary';
import { useFormSubmit } from '../ui/use-form-submit';
import { Pager } from '../ui/pager';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { PeopleCount, PeopleSearchForm, usePeopleSearch } from '../people/people-search';
import {
  AdminOrganisationsQuery, AdminPeopleQuery, GrantRoleMutation, RevokeRoleMutation, SetPersonDisabledMutation,
} from './admin.operations';
import { PERSON_KIND_TEXT, ROLE_TEXT, ROLES, roleGrantText, roleOrganisation } from './admin-text';
import {
  personErrorsFrom, personFieldKey, personInputId, personInputIds, type PersonFieldKey,
} from './person-errors';

const PAGE_SIZE = 20;

type Person = AdminPersonFieldsFragment;
type PayloadResult = { person: Person | null; userErrors: ReadonlyArray<{ field: readonly string[]; message: string }> } | undefined;

interface PersonActions {
  /** Runs a change to one person and reports it; false when it was refused. */
  change: (person: Person, run: () => Promise<PayloadResult>, done: string) => Promise<boolean>;
  errors: Partial<Record<PersonFieldKey, string>>;
}

function GiveRoleForm({ person, organisations, actions, grant }: {
  person: Person;
  organisations: ReadonlyArray<{ id: string; name: string }>;
  actions: PersonActions;
  grant: (role: Role, organisationId: string | null) => Promise<PayloadResult>;
}) {
  const [role, setRole] = useState<Role | ''>('');
  const [organisationId, setOrganisationId] = useState(person.organisation?.id ?? '');
  const scope = role ? roleOrganisation(role) : 'none';
  const roleId = personInputId(person.id, 'role');
  const organisationInputId = personInputId(person.id, 'organisationId');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!role) return;
    const organisation = scope === 'none' ? null : (organisationId || null);
    const organisationName = organisations.find((o) => o.id === organisation)?.name ?? null;
    const ok = await actions.change(person, () => grant(role, organisation),
      `${person.name} is now ${roleGrantText({ role, organisation: organisationName ? { name: organisationName } : null })}.`);
    if (ok) setRole('');
  };

  return (
    <details className="nhsuk-details" open={!!(actions.errors[personFieldKey(person.id, 'role')] || actions.errors[personFieldKey(person.id, 'organisationId')]) || undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Give a role<span className="nhsuk-u-visually-hidden"> to {person.name}</span></span>
      </summary>
      <div className="nhsuk-details__text">
        <form noValidate onSubmit={submit}>
          <Select id={roleId} name="role" label="Role" value={role} error={actions.errors[personFieldKey(person.id, 'role')]}
            onChange={(event) => setRole(event.currentTarget.value as Role | '')}>
            <Select.Option value="">Choose a role</Select.Option>
            {ROLES.map((option) => <Select.Option key={option} value={option}>{ROLE_TEXT[option]}</Select.Option>)}
          </Select>
          {scope !== 'none' ? (
            <Select id={organisationInputId} name="organisationId"
              label={scope === 'optional' ? 'For the organisation (optional)' : 'For the organisation'}
              value={organisationId} error={actions.errors[personFieldKey(person.id, 'organisationId')]}
              onChange={(event) => setOrganisationId(event.currentTarget.value)}>
              <Select.Option value="">{scope === 'optional' ? 'None (independent volunteer)' : 'Choose an organisation'}</Select.Option>
              {organisations.map((organisation) => (
                <Select.Option key={organisation.id} value={organisation.id}>{organisation.name}</Select.Option>
              ))}
            </Select>
          ) : null}
          <Button type="submit" small>Give role<span className="nhsuk-u-visually-hidden"> to {person.name}</span></Button>
        </form>
      </div>
    </details>
  );
}

function PersonCard({ person, organisations, actions }: {
  person: Person;
  organisations: ReadonlyArray<{ id: string; name: string }>;
  actions: PersonActions;
}) {
  const [grantRole] = useMutation(GrantRoleMutation);
  const [revokeRole] = useMutation(RevokeRoleMutation);
  const [setDisabled] = useMutation(SetPersonDisabledMutation);
  const details = [person.email, person.organisation?.name ?? 'Independent volunteer', person.jobTitle, person.team,
    PERSON_KIND_TEXT[person.kind]].filter(Boolean).join(' · ');

  const revoke = (grant: Person['roles'][number]) => actions.change(person,
    async () => (await revokeRole({ variables: { input: { personId: person.id, role: grant.role, organisationId: grant.organisation?.id ?? null } } })).data?.revokeRole,
    `${person.name} is no longer ${roleGrantText(grant)}.`);

  const toggleDisabled = () => actions.change(person,
    async () => (await setDisabled({ variables: { input: { personId: person.id, disabled: !person.disabled } } })).data?.setPersonDisabled,
    person.disabled ? `${person.name} can sign in again.` : `${person.name} has been disabled and signed out everywhere.`);

  return (
    <div className="nhsuk-card portal-person" data-person-email={person.email}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">
          {person.name}
          {person.disabled ? <> <Tag modifier="grey">Disabled</Tag></> : null}
        </h3>
        <p className="nhsuk-body-s">{details}</p>
        {person.lineManager ? <p className="nhsuk-body-s">Line manager: {person.lineManager.name}</p> : null}
        <h4 className="nhsuk-heading-xs">Roles</h4>
        {person.roles.length ? (
          <ul className="nhsuk-list portal-role-list">
            {person.roles.map((grant) => (
              <li key={`${grant.role}:${grant.organisation?.id ?? ''}`}>
                <span>{roleGrantText(grant)}</span>
                <Button type="button" secondary small onClick={() => void revoke(grant)}>
                  Remove<span className="nhsuk-u-visually-hidden"> {roleGrantText(grant)} from {person.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : <p>No roles.</p>}
        <GiveRoleForm person={person} organisations={organisations} actions={actions}
          grant={async (role, organisationId) => (await grantRole({ variables: { input: { personId: person.id, role, organisationId } } })).data?.grantRole} />
        <Button type="button" secondary small onClick={() => void toggleDisabled()}>
          {person.disabled ? 'Enable' : 'Disable'}<span className="nhsuk-u-visually-hidden"> {person.name}</span>
        </Button>
      </div>
    </div>
  );
}

function PeopleAdmin({ viewer }: { viewer: SignedInViewer }) {
  const current = usePeopleSearch();
  // A person's changes are not a form of input fields: their errors are the person's (personErrorsFrom).
  const { errors, byField, refused, send } = useFormSubmit<PersonFieldKey>([], { refusable: true });
  const [done, setDone] = useState('');
  const { data: organisationsData } = useQuery(AdminOrganisationsQuery, { variables: { partnershipSlug: viewer.partnership.slug } });
  const organisations = [...(organisationsData?.organisations ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const { data, loading, error, client } = useQuery(AdminPeopleQuery, {
    variables: { search: current.search || null, organisationId: current.organisationId || null, first: PAGE_SIZE, after: current.after },
    fetchPolicy: 'cache-and-network',
  });
  const people = data?.people.edges.map((edge) => edge.node) ?? [];
  useDocumentTitle(['People and roles', viewer.partnership.name], errors.length > 0);

  const problem = refused ?? accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...AREA_AUDIENCE.PARTNERSHIP_ADMIN} />;

  const actions: PersonActions = {
    errors: byField,
    change: async (person, run, message) => {
      setDone('');
      let changed = false;
      await send({
        request: run,
        succeeded: (payload) => payload.person !== null,
        toErrors: (userErrors) => personErrorsFrom(person.id, userErrors),
        done: async () => {
          changed = true;
          setDone(message);
          // Their own roles changed: the header's navigation must follow.
          if (person.id === viewer.id) await client.refetchQueries({ include: [ViewerQuery] });
        },
      });
      return changed;
    },
  };

  return (
    <>
      <FormErrorSummary errors={errors} inputIds={personInputIds(people.map((p) => p.id))} />
      <h1>People and roles</h1>
      <p>Everyone in {viewer.partnership.name}: give and remove roles, and disable accounts that should no longer sign in.</p>
      <PeopleSearchForm current={current} organisations={organisations} allOrganisationsLabel="All organisations" />
      <p role="status" className="portal-change-status">{done}</p>
      <PeopleCount loading={loading && !data} total={data?.people.totalCount ?? null} shown={people.length}
        page={current.page} pageSize={PAGE_SIZE} />
      {error && !data ? <p>Sorry, there is a problem with the service. Try again later.</p> : null}
      {people.length ? (
        <ul className="nhsuk-list portal-people" aria-labelledby="people-count">
          {people.map((person) => (
            <li key={person.id}><PersonCard person={person} organisations={organisations} actions={actions} /></li>
          ))}
        </ul>
      ) : null}
      {data ? (
        <Pager page={current.page} pageSize={PAGE_SIZE} total={data.people.totalCount}
          endCursor={data.people.pageInfo.endCursor} hasNextPage={data.people.pageInfo.hasNextPage} />
      ) : null}
    </>
  );
}

/** Administrators: everyone in the partnership, their roles, and whether they may sign in. */
export function PeoplePage() {
  return <RequireRole role="PARTNERSHIP_ADMIN">{(viewer) => <PeopleAdmin viewer={viewer} />}</RequireRole>;
}
