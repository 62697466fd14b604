import { Link } from 'react-router';
import { Table } from 'nhsuk-react-components';
import { paths } from '../paths';
import type { PeopleListQuery } from '../gql/graphql';
import { PERSON_KIND_TEXT } from '../admin/admin-text';

export type ListedPerson = PeopleListQuery['people']['edges'][number]['node'];

/** People, read-only: who they are and who manages them; each name links to their learning record (which their manager and lead may see). */
export function PeopleTable({ people, caption }: { people: ListedPerson[]; caption: string }) {
  return (
    <Table responsive caption={caption} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Name</Table.Cell>
          <Table.Cell>Email</Table.Cell>
          <Table.Cell>Job title</Table.Cell>
          <Table.Cell>Team</Table.Cell>
          <Table.Cell>Staff or volunteer</Table.Cell>
          <Table.Cell>Line manager</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {people.map((person) => (
          <Table.Row key={person.id}>
            <Table.Cell><Link to={paths.personLearningRecord(person.id)}>{person.name}<span className="nhsuk-u-visually-hidden">: learning record</span></Link></Table.Cell>
            <Table.Cell><span className="portal-break-anywhere">{person.email}</span></Table.Cell>
            <Table.Cell>{person.jobTitle ?? ''}</Table.Cell>
            <Table.Cell>{person.team ?? ''}</Table.Cell>
            <Table.Cell>{PERSON_KIND_TEXT[person.kind]}</Table.Cell>
            <Table.Cell>{person.lineManager?.name ?? ''}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
