import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import type { Viewer as ViewerRoot } from './viewer';
import type { AuthResult } from './auth.service';
import { AuthPayload, RequestPasswordResetPayload, Viewer } from './auth.types';
import { ConfirmRegistrationInput, RegisterVolunteerInput, RequestPasswordResetInput, ResetPasswordInput, SignInInput } from './auth.inputs';

interface AuthPayloadShape { viewer: ViewerRoot | null; token: string | null; userErrors: AuthPayload['userErrors'] }

/** Signing in, out and up: open to everyone, each rate limited or checked as it needs. */
@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in person; null when signed out.' })
  viewer(@Ctx() ctx: Context): ViewerRoot | null {
    return ctx.viewer;
  }

  @Mutation(() => AuthPayload)
  async signIn(@Arg('input', () => SignInInput, { validate: false }) input: SignInInput, @Ctx() ctx: Context): Promise<AuthPayloadShape> {
    const userErrors = await inputErrors(input);
    if (userErrors.length) return { viewer: null, token: null, userErrors };
    return this.started(ctx, await ctx.services.auth.signIn(input.email, input.password, ctx.origin, ctx.now));
  }

  @Mutation(() => AuthPayload, {
    description: 'Starts a volunteer\'s registration and emails a link that confirms the address (confirmRegistration). '
      + 'Signs no one in, and answers an address that already has an account exactly as a new one (its owner is emailed instead).',
  })
  async registerVolunteer(@Arg('input', () => RegisterVolunteerInput, { validate: false }) input: RegisterVolunteerInput,
    @Ctx() ctx: Context): Promise<AuthPayloadShape> {
    return this.started(ctx, await ctx.services.auth.registerVolunteer(input, ctx.origin, ctx.now, await inputErrors(input)));
  }

  @Mutation(() => AuthPayload, { description: 'Finishes a registration from its emailed link: makes the volunteer\'s account and signs in.' })
  async confirmRegistration(@Arg('input', () => ConfirmRegistrationInput, { validate: false }) input: ConfirmRegistrationInput,
    @Ctx() ctx: Context): Promise<AuthPayloadShape> {
    const userErrors = await inputErrors(input);
    if (userErrors.length) return { viewer: null, token: null, userErrors };
    return this.started(ctx, await ctx.services.auth.confirmRegistration(input.token, ctx.origin, ctx.now));
  }

  @Mutation(() => Boolean, { description: 'Ends the current session. True even when there was none.' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.auth.signOut(ctx.session.token, ctx.viewer, ctx.origin, ctx.now);
    ctx.session.clear();
    return true;
  }

  @Mutation(() => RequestPasswordResetPayload)
  async requestPasswordReset(@Arg('input', () => RequestPasswordResetInput, { validate: false }) input: RequestPasswordResetInput,
    @Ctx() ctx: Context): Promise<RequestPasswordResetPayload> {
    const userErrors = await inputErrors(input);
    if (userErrors.length) return { accepted: false, userErrors };
    await ctx.services.auth.requestPasswordReset(input.email, ctx.origin);
    return { accepted: true, userErrors: [] };
  }

  @Mutation(() => AuthPayload, { description: 'Sets a new password from an emailed link, ends every other session and signs in.' })
  async resetPassword(@Arg('input', () => ResetPasswordInput, { validate: false }) input: ResetPasswordInput,
    @Ctx() ctx: Context): Promise<AuthPayloadShape> {
    return this.started(ctx, await ctx.services.auth.resetPassword(input.token, input.password, ctx.origin, ctx.now, await inputErrors(input)));
  }

  private started(ctx: Context, result: AuthResult): AuthPayloadShape {
    if (!result.session) return { viewer: null, token: null, userErrors: result.userErrors };
    ctx.session.set(result.session.token, result.session.expiresAt);
    return { viewer: result.session.viewer, token: result.session.token, userErrors: [] };
  }
}
