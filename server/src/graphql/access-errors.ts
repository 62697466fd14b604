import { GraphQLError } from 'graphql';

/** The two errors thrown on purpose for access: signed out, or signed in without the right. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Sign in to do this.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'You do not have permission to do this.') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}
