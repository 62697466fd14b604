import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Organisation } from './organisation.type';

@ObjectType({ description: 'An L&D lead as the directory shows them: whom to ask about learning in their organisation.' })
export class DirectoryLead {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field({ description: 'Their work email.' }) email!: string;
}

@ObjectType({
  description: 'One organisation in the partnership directory (Annex B of the strategy): the organisation, its L&D leads and the entry they keep.',
})
export class DirectoryEntry {
  @Field(() => ID, { description: 'The organisation\'s id.' }) id!: string;
  @Field(() => Organisation) organisation!: unknown;
  @Field(() => String, { nullable: true, description: 'What it does, in its lead\'s words.' }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'Its website, an http or https address.' }) website!: string | null;
  @Field(() => String, { nullable: true, description: 'A general contact address for learning enquiries.' }) contactEmail!: string | null;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the entry was last changed; null when it never has been.' })
  updatedAt!: Date | null;
  @Field(() => [DirectoryLead], { description: 'Its L&D leads, by name; disabled accounts are left out.' }) leads!: DirectoryLead[];
  @Field({ description: 'Whether the viewer may change this entry (its own L&D lead, or an administrator).' }) viewerCanEdit!: boolean;
}

@ObjectType()
export class DirectoryEntryPayload {
  @Field(() => DirectoryEntry, { nullable: true }) entry!: DirectoryEntry | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
