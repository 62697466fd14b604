import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';

export enum EmailKind {
  CONFIRMED = 'confirmed', REQUESTED = 'requested', APPROVED = 'approved', DECLINED = 'declined', WAITLISTED = 'waitlisted',
  PROMOTED = 'promoted', CANCELLED = 'cancelled', SESSION_CHANGED = 'session_changed', SESSION_CANCELLED = 'session_cancelled',
  PASSWORD_RESET = 'password_reset', REGISTRATION_CONFIRM = 'registration_confirm', REGISTRATION_ATTEMPTED = 'registration_attempted',
  INVITATION = 'invitation', FEEDBACK_REQUEST = 'feedback_request', IMPACT_REVIEW_DUE = 'impact_review_due',
}
registerEnumType(EmailKind, {
  name: 'EmailKind',
  description: 'What an email is about: a change to a booking, or an account (a password reset, the link that confirms a '
    + 'registration, the note to an address\'s owner that someone tried to register it, or the invitation to set a password '
    + 'for someone an administrator added), or evaluation (the request for feedback after a course, the reminder of an impact review).',
});

export enum InviteMethod { REQUEST = 'REQUEST', CANCEL = 'CANCEL' }
registerEnumType(InviteMethod, { name: 'InviteMethod', description: 'iCalendar METHOD of an invite: REQUEST adds or updates, CANCEL removes.' });

@ObjectType({ description: 'An email the portal has sent or will send (the outbox).' })
export class Email {
  @Field(() => ID) id!: string;
  @Field(() => EmailKind) kind!: EmailKind;
  @Field(() => String) to!: string;
  @Field(() => String) subject!: string;
  @Field(() => String, { description: 'The plain-text body.' }) text!: string;
  @Field(() => ID, { nullable: true, description: 'The booking it is about.' }) bookingId!: string | null;
  @Field(() => InviteMethod, { nullable: true, description: 'The attached invite\'s METHOD; null: no invite.' }) inviteMethod!: InviteMethod | null;
  @Field(() => String, { nullable: true, description: 'The attached invite (invite.ics), iCalendar text.' }) invite!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was handed to the mail server; null: not yet.' }) sentAt!: Date | null;
  @Field(() => Int, { description: 'Delivery attempts so far.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed. Administrators only.' }) lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'When delivery is tried again after a failure.' }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When delivery was given up for good (an address or invite that can never be sent); lastError says why.' })
  failedAt!: Date | null;
}

@ObjectType()
export class EmailEdge {
  @Field() cursor!: string;
  @Field(() => Email) node!: Email;
}

@ObjectType()
export class EmailConnection {
  @Field(() => [EmailEdge]) edges!: EmailEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
