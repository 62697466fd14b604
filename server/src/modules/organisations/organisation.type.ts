import { Field, ID, Int, ObjectType } from 'type-graphql';
import { OrganisationRole, Sector } from './organisation.enums';

@ObjectType()
export class SectorGroup {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'A partner organisation.' })
export class Organisation {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() shortCode!: string;
  @Field(() => Sector) sector!: Sector;
  @Field(() => OrganisationRole) role!: OrganisationRole;
  @Field({ description: 'Whether it delivers training to others (a provider).' }) deliversTraining!: boolean;
  @Field(() => SectorGroup, { nullable: true, description: 'The group that represents it, for independent-sector organisations.' })
  sectorGroup?: SectorGroup | null;
  @Field(() => Int) staffHeadcount!: number;
  @Field(() => Int) volunteerHeadcount!: number;
}
