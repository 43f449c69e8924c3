import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@tadamon/shared';
import type { Actor } from './actor.js';

export const ACCESS_KEY = 'tadamon:access';
export const SECOND_FACTOR_STEP_KEY = 'tadamon:second-factor-step';

/**
 * Every route declares who may call it; the session guard refuses a route that does not
 * (fail closed). `permission` is the coarse check — the actor holds it somewhere; services
 * then check the object's scope with `AccessPolicy.requireAccess`.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'permission'; permission: Permission };

/** Anyone, signed in or not (sign-in, health, verification pages). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in person. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signedIn' } satisfies AccessRule);
/** A signed-in person whose roles include this permission in at least one scope. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_KEY, { kind: 'permission', permission } satisfies AccessRule);

/**
 * Also open to a session that still owes its second factor (the code and enrolment routes,
 * the session itself, sign-out). Every other route answers SECOND_FACTOR_REQUIRED to it.
 */
export const SecondFactorStep = () => SetMetadata(SECOND_FACTOR_STEP_KEY, true);

/** The signed-in actor (only on non-public routes). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
