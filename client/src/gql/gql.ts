/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RegisterVolunteer($input: RegisterVolunteerInput!) {\n    registerVolunteer(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RegisterVolunteerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      kind\n      roles {\n        role\n        organisation {\n          id\n          name\n          shortCode\n        }\n      }\n      organisation {\n        id\n        name\n      }\n      partnership {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query PartnerOrganisations($partnershipSlug: String!) {\n    organisations(partnershipSlug: $partnershipSlug) {\n      id\n      name\n      shortCode\n      sector\n    }\n  }\n": typeof types.PartnerOrganisationsDocument,
    "\n  query AdminOrganisations($partnershipSlug: String!) {\n    organisations(partnershipSlug: $partnershipSlug) {\n      id\n      name\n      shortCode\n      sector\n      role\n      deliversTraining\n      staffHeadcount\n      volunteerHeadcount\n      sectorGroup {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminOrganisationsDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n      }\n      lead {\n        id\n        name\n        email\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  fragment AdminPersonFields on Person {\n    id\n    name\n    email\n    kind\n    jobTitle\n    team\n    disabled\n    organisation {\n      id\n      name\n    }\n    lineManager {\n      id\n      name\n    }\n    roles {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminPersonFieldsFragmentDoc,
    "\n  query AdminPeople($organisationId: ID, $search: String, $first: Int!, $after: String) {\n    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AdminPersonFields\n        }\n      }\n    }\n  }\n": typeof types.AdminPeopleDocument,
    "\n  mutation GrantRole($input: RoleChangeInput!) {\n    grantRole(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.GrantRoleDocument,
    "\n  mutation RevokeRole($input: RoleChangeInput!) {\n    revokeRole(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  mutation SetPersonDisabled($input: SetPersonDisabledInput!) {\n    setPersonDisabled(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SetPersonDisabledDocument,
    "\n  fragment PeopleImportFields on PeopleImport {\n    id\n    status\n    totalRows\n    processedRows\n    importedCount\n    errors {\n      line\n      field\n      message\n    }\n    organisation {\n      id\n      name\n    }\n  }\n": typeof types.PeopleImportFieldsFragmentDoc,
    "\n  mutation ImportPeople($input: ImportPeopleInput!) {\n    importPeople(input: $input) {\n      import {\n        ...PeopleImportFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ImportPeopleDocument,
    "\n  query PeopleImportProgress($id: ID!) {\n    peopleImport(id: $id) {\n      ...PeopleImportFields\n    }\n  }\n": typeof types.PeopleImportProgressDocument,
    "\n  query AuditLog($first: Int!, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          action\n          actor {\n            id\n            name\n          }\n          subjectType\n          subjectId\n          details\n          ipAddress\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query FindSessions($partnershipSlug: String!, $filter: SessionFilter, $first: Int!, $after: String) {\n    sessions(partnershipSlug: $partnershipSlug, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          endsAt\n          deliveryMode\n          seatsLeft\n          venue {\n            id\n            name\n            town\n          }\n          course {\n            id\n            title\n            isFree\n            costPerPlace {\n              pence\n              formatted\n            }\n            provider {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.FindSessionsDocument,
    "\n  query Partnerships {\n    partnerships {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.PartnershipsDocument,
    "\n  query SessionDetails($id: ID!) {\n    session(id: $id) {\n      id\n      startsAt\n      endsAt\n      deliveryMode\n      status\n      seatsLeft\n      bookingClosesAt\n      venue {\n        id\n        name\n        address\n        town\n        postcode\n      }\n      course {\n        id\n        title\n        summary\n        learningOutcomes\n        method\n        learningCategory\n        durationHours\n        accreditation\n        cpdPoints\n        audience\n        isFree\n        costPerPlace {\n          pence\n          formatted\n        }\n        mandatorySubject {\n          code\n          name\n        }\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SessionDetailsDocument,
    "\n  query PeopleList($organisationId: ID, $search: String, $first: Int!, $after: String) {\n    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          kind\n          jobTitle\n          team\n          lineManager {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.PeopleListDocument,
    "\n  query PartnershipBySlug($slug: String!) {\n    partnership(slug: $slug) {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.PartnershipBySlugDocument,
};
const documents: Documents = {
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RegisterVolunteer($input: RegisterVolunteerInput!) {\n    registerVolunteer(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RegisterVolunteerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      kind\n      roles {\n        role\n        organisation {\n          id\n          name\n          shortCode\n        }\n      }\n      organisation {\n        id\n        name\n      }\n      partnership {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  query PartnerOrganisations($partnershipSlug: String!) {\n    organisations(partnershipSlug: $partnershipSlug) {\n      id\n      name\n      shortCode\n      sector\n    }\n  }\n": types.PartnerOrganisationsDocument,
    "\n  query AdminOrganisations($partnershipSlug: String!) {\n    organisations(partnershipSlug: $partnershipSlug) {\n      id\n      name\n      shortCode\n      sector\n      role\n      deliversTraining\n      staffHeadcount\n      volunteerHeadcount\n      sectorGroup {\n        id\n        name\n      }\n    }\n  }\n": types.AdminOrganisationsDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n      }\n      lead {\n        id\n        name\n        email\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  fragment AdminPersonFields on Person {\n    id\n    name\n    email\n    kind\n    jobTitle\n    team\n    disabled\n    organisation {\n      id\n      name\n    }\n    lineManager {\n      id\n      name\n    }\n    roles {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.AdminPersonFieldsFragmentDoc,
    "\n  query AdminPeople($organisationId: ID, $search: String, $first: Int!, $after: String) {\n    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AdminPersonFields\n        }\n      }\n    }\n  }\n": types.AdminPeopleDocument,
    "\n  mutation GrantRole($input: RoleChangeInput!) {\n    grantRole(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.GrantRoleDocument,
    "\n  mutation RevokeRole($input: RoleChangeInput!) {\n    revokeRole(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  mutation SetPersonDisabled($input: SetPersonDisabledInput!) {\n    setPersonDisabled(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SetPersonDisabledDocument,
    "\n  fragment PeopleImportFields on PeopleImport {\n    id\n    status\n    totalRows\n    processedRows\n    importedCount\n    errors {\n      line\n      field\n      message\n    }\n    organisation {\n      id\n      name\n    }\n  }\n": types.PeopleImportFieldsFragmentDoc,
    "\n  mutation ImportPeople($input: ImportPeopleInput!) {\n    importPeople(input: $input) {\n      import {\n        ...PeopleImportFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ImportPeopleDocument,
    "\n  query PeopleImportProgress($id: ID!) {\n    peopleImport(id: $id) {\n      ...PeopleImportFields\n    }\n  }\n": types.PeopleImportProgressDocument,
    "\n  query AuditLog($first: Int!, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          action\n          actor {\n            id\n            name\n          }\n          subjectType\n          subjectId\n          details\n          ipAddress\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query FindSessions($partnershipSlug: String!, $filter: SessionFilter, $first: Int!, $after: String) {\n    sessions(partnershipSlug: $partnershipSlug, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          endsAt\n          deliveryMode\n          seatsLeft\n          venue {\n            id\n            name\n            town\n          }\n          course {\n            id\n            title\n            isFree\n            costPerPlace {\n              pence\n              formatted\n            }\n            provider {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.FindSessionsDocument,
    "\n  query Partnerships {\n    partnerships {\n      id\n      name\n      slug\n    }\n  }\n": types.PartnershipsDocument,
    "\n  query SessionDetails($id: ID!) {\n    session(id: $id) {\n      id\n      startsAt\n      endsAt\n      deliveryMode\n      status\n      seatsLeft\n      bookingClosesAt\n      venue {\n        id\n        name\n        address\n        town\n        postcode\n      }\n      course {\n        id\n        title\n        summary\n        learningOutcomes\n        method\n        learningCategory\n        durationHours\n        accreditation\n        cpdPoints\n        audience\n        isFree\n        costPerPlace {\n          pence\n          formatted\n        }\n        mandatorySubject {\n          code\n          name\n        }\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SessionDetailsDocument,
    "\n  query PeopleList($organisationId: ID, $search: String, $first: Int!, $after: String) {\n    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          kind\n          jobTitle\n          team\n          lineManager {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.PeopleListDocument,
    "\n  query PartnershipBySlug($slug: String!) {\n    partnership(slug: $slug) {\n      id\n      name\n      slug\n    }\n  }\n": types.PartnershipBySlugDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterVolunteer($input: RegisterVolunteerInput!) {\n    registerVolunteer(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterVolunteer($input: RegisterVolunteerInput!) {\n    registerVolunteer(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        id\n        partnership {\n          id\n          slug\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      kind\n      roles {\n        role\n        organisation {\n          id\n          name\n          shortCode\n        }\n      }\n      organisation {\n        id\n        name\n      }\n      partnership {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      kind\n      roles {\n        role\n        organisation {\n          id\n          name\n          shortCode\n        }\n      }\n      organisation {\n        id\n        name\n      }\n      partnership {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerOrganisations($partnershipSlug: String!) {\n    organisations(partnershipSlug: $partnershipSlug) {\n      id\n      name\n      shortCode\n      sector\n    }\n  }\n"): (typeof documents)["\n  query PartnerOrganisations($partnershipSlug: String!) {\n    organisations(partnershipSlug: $partnershipSlug) {\n      id\n      name\n      shortCode\n      sector\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganisations($partnershipSlug: String!) {\n    organisations(partnershipSlug: $partnershipSlug) {\n      id\n      name\n      shortCode\n      sector\n      role\n      deliversTraining\n      staffHeadcount\n      volunteerHeadcount\n      sectorGroup {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOrganisations($partnershipSlug: String!) {\n    organisations(partnershipSlug: $partnershipSlug) {\n      id\n      name\n      shortCode\n      sector\n      role\n      deliversTraining\n      staffHeadcount\n      volunteerHeadcount\n      sectorGroup {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n      }\n      lead {\n        id\n        name\n        email\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n      }\n      lead {\n        id\n        name\n        email\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminPersonFields on Person {\n    id\n    name\n    email\n    kind\n    jobTitle\n    team\n    disabled\n    organisation {\n      id\n      name\n    }\n    lineManager {\n      id\n      name\n    }\n    roles {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminPersonFields on Person {\n    id\n    name\n    email\n    kind\n    jobTitle\n    team\n    disabled\n    organisation {\n      id\n      name\n    }\n    lineManager {\n      id\n      name\n    }\n    roles {\n      role\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPeople($organisationId: ID, $search: String, $first: Int!, $after: String) {\n    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AdminPersonFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPeople($organisationId: ID, $search: String, $first: Int!, $after: String) {\n    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AdminPersonFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantRole($input: RoleChangeInput!) {\n    grantRole(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantRole($input: RoleChangeInput!) {\n    grantRole(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($input: RoleChangeInput!) {\n    revokeRole(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($input: RoleChangeInput!) {\n    revokeRole(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPersonDisabled($input: SetPersonDisabledInput!) {\n    setPersonDisabled(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPersonDisabled($input: SetPersonDisabledInput!) {\n    setPersonDisabled(input: $input) {\n      person {\n        ...AdminPersonFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PeopleImportFields on PeopleImport {\n    id\n    status\n    totalRows\n    processedRows\n    importedCount\n    errors {\n      line\n      field\n      message\n    }\n    organisation {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment PeopleImportFields on PeopleImport {\n    id\n    status\n    totalRows\n    processedRows\n    importedCount\n    errors {\n      line\n      field\n      message\n    }\n    organisation {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPeople($input: ImportPeopleInput!) {\n    importPeople(input: $input) {\n      import {\n        ...PeopleImportFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportPeople($input: ImportPeopleInput!) {\n    importPeople(input: $input) {\n      import {\n        ...PeopleImportFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleImportProgress($id: ID!) {\n    peopleImport(id: $id) {\n      ...PeopleImportFields\n    }\n  }\n"): (typeof documents)["\n  query PeopleImportProgress($id: ID!) {\n    peopleImport(id: $id) {\n      ...PeopleImportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int!, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          action\n          actor {\n            id\n            name\n          }\n          subjectType\n          subjectId\n          details\n          ipAddress\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int!, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          action\n          actor {\n            id\n            name\n          }\n          subjectType\n          subjectId\n          details\n          ipAddress\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindSessions($partnershipSlug: String!, $filter: SessionFilter, $first: Int!, $after: String) {\n    sessions(partnershipSlug: $partnershipSlug, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          endsAt\n          deliveryMode\n          seatsLeft\n          venue {\n            id\n            name\n            town\n          }\n          course {\n            id\n            title\n            isFree\n            costPerPlace {\n              pence\n              formatted\n            }\n            provider {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FindSessions($partnershipSlug: String!, $filter: SessionFilter, $first: Int!, $after: String) {\n    sessions(partnershipSlug: $partnershipSlug, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          endsAt\n          deliveryMode\n          seatsLeft\n          venue {\n            id\n            name\n            town\n          }\n          course {\n            id\n            title\n            isFree\n            costPerPlace {\n              pence\n              formatted\n            }\n            provider {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Partnerships {\n    partnerships {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  query Partnerships {\n    partnerships {\n      id\n      name\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionDetails($id: ID!) {\n    session(id: $id) {\n      id\n      startsAt\n      endsAt\n      deliveryMode\n      status\n      seatsLeft\n      bookingClosesAt\n      venue {\n        id\n        name\n        address\n        town\n        postcode\n      }\n      course {\n        id\n        title\n        summary\n        learningOutcomes\n        method\n        learningCategory\n        durationHours\n        accreditation\n        cpdPoints\n        audience\n        isFree\n        costPerPlace {\n          pence\n          formatted\n        }\n        mandatorySubject {\n          code\n          name\n        }\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionDetails($id: ID!) {\n    session(id: $id) {\n      id\n      startsAt\n      endsAt\n      deliveryMode\n      status\n      seatsLeft\n      bookingClosesAt\n      venue {\n        id\n        name\n        address\n        town\n        postcode\n      }\n      course {\n        id\n        title\n        summary\n        learningOutcomes\n        method\n        learningCategory\n        durationHours\n        accreditation\n        cpdPoints\n        audience\n        isFree\n        costPerPlace {\n          pence\n          formatted\n        }\n        mandatorySubject {\n          code\n          name\n        }\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleList($organisationId: ID, $search: String, $first: Int!, $after: String) {\n    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          kind\n          jobTitle\n          team\n          lineManager {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeopleList($organisationId: ID, $search: String, $first: Int!, $after: String) {\n    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          kind\n          jobTitle\n          team\n          lineManager {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnershipBySlug($slug: String!) {\n    partnership(slug: $slug) {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  query PartnershipBySlug($slug: String!) {\n    partnership(slug: $slug) {\n      id\n      name\n      slug\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;