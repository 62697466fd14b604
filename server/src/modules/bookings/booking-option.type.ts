import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum BookingAction {
  SIGN_IN = 'SIGN_IN', BOOK = 'BOOK', REQUEST = 'REQUEST', JOIN_WAITING_LIST = 'JOIN_WAITING_LIST', BOOKED = 'BOOKED',
  REQUESTED = 'REQUESTED', WAITLISTED = 'WAITLISTED', BOOKED_ON_ANOTHER_DATE = 'BOOKED_ON_ANOTHER_DATE', NOT_BOOKABLE = 'NOT_BOOKABLE',
}
registerEnumType(BookingAction, { name: 'BookingAction', description: 'What pressing book on a session would do for the viewer.' });

@ObjectType({ description: 'What booking this session would do for the viewer, decided by the rules booking itself applies.' })
export class BookingOption {
  @Field(() => BookingAction) action!: BookingAction;
  @Field({ description: 'The button\'s words, or the statement shown instead of it.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'A sentence to show under it.' }) detail!: string | null;
  @Field({ description: 'Whether bookSession would book, request or waitlist (true), or refuse (false).' }) canBook!: boolean;
  @Field(() => Int, { nullable: true, description: 'The waiting-list place the viewer would have (or has).' }) waitlistPosition!: number | null;
}
