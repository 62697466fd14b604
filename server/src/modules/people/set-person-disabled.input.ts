import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class SetPersonDisabledInput {
  @Field(() => ID) personId!: string;
  @Field({ description: 'True: they cannot sign in and their sessions end now. False: they may sign in again.' }) disabled!: boolean;
}
