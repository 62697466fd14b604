import { Field, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { formatPence } from '@portal/domain';

/** Integer pence over SafeInt: GraphQL's Int stops at £21.4m. */
@ObjectType({ description: 'An amount of money in integer pence.' })
export class Money {
  @Field(() => SafeIntResolver) pence!: number;
  @Field() currency!: string;
  @Field() formatted!: string;
}

export function money(pence: number): Money {
  return Object.assign(new Money(), { pence, currency: 'GBP', formatted: formatPence(pence) });
}
