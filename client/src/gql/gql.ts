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
    "\n  query FindSessions($partnershipSlug: String!, $filter: SessionFilter, $first: Int!, $after: String) {\n    sessions(partnershipSlug: $partnershipSlug, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          endsAt\n          deliveryMode\n          seatsLeft\n          venue {\n            id\n            name\n            town\n          }\n          course {\n            id\n            title\n            isFree\n            costPerPlace {\n              pence\n              formatted\n            }\n            provider {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.FindSessionsDocument,
    "\n  query Partnerships {\n    partnerships {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.PartnershipsDocument,
    "\n  query SessionDetails($id: ID!) {\n    session(id: $id) {\n      id\n      startsAt\n      endsAt\n      deliveryMode\n      status\n      seatsLeft\n      bookingClosesAt\n      venue {\n        id\n        name\n        address\n        town\n        postcode\n      }\n      course {\n        id\n        title\n        summary\n        learningOutcomes\n        method\n        learningCategory\n        durationHours\n        accreditation\n        cpdPoints\n        audience\n        isFree\n        costPerPlace {\n          pence\n          formatted\n        }\n        mandatorySubject {\n          code\n          name\n        }\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SessionDetailsDocument,
    "\n  query PartnershipBySlug($slug: String!) {\n    partnership(slug: $slug) {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.PartnershipBySlugDocument,
};
const documents: Documents = {
    "\n  query FindSessions($partnershipSlug: String!, $filter: SessionFilter, $first: Int!, $after: String) {\n    sessions(partnershipSlug: $partnershipSlug, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          startsAt\n          endsAt\n          deliveryMode\n          seatsLeft\n          venue {\n            id\n            name\n            town\n          }\n          course {\n            id\n            title\n            isFree\n            costPerPlace {\n              pence\n              formatted\n            }\n            provider {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.FindSessionsDocument,
    "\n  query Partnerships {\n    partnerships {\n      id\n      name\n      slug\n    }\n  }\n": types.PartnershipsDocument,
    "\n  query SessionDetails($id: ID!) {\n    session(id: $id) {\n      id\n      startsAt\n      endsAt\n      deliveryMode\n      status\n      seatsLeft\n      bookingClosesAt\n      venue {\n        id\n        name\n        address\n        town\n        postcode\n      }\n      course {\n        id\n        title\n        summary\n        learningOutcomes\n        method\n        learningCategory\n        durationHours\n        accreditation\n        cpdPoints\n        audience\n        isFree\n        costPerPlace {\n          pence\n          formatted\n        }\n        mandatorySubject {\n          code\n          name\n        }\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SessionDetailsDocument,
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
export function graphql(source: "\n  query PartnershipBySlug($slug: String!) {\n    partnership(slug: $slug) {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  query PartnershipBySlug($slug: String!) {\n    partnership(slug: $slug) {\n      id\n      name\n      slug\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;