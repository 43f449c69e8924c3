import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import type { OidcProvider, OidcProviderCreate, OidcProviderUpdate, OidcSignInOption } from '@tadamon/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { hashToken, safeEqual } from '../../common/auth/tokens.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { atRestSecret, decryptSecret, encryptSecret } from '../../common/crypto/secret-encryption.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { AuthService, type RequestMeta } from '../auth/auth.service.js';
import { VerifiedEmailInvitations } from '../invitations/verified-email-invitations.js';
import { OidcRepository } from './oidc.repository.js';

/** How long a sign-in started at the provider may take before its callback is refused. */
const ATTEMPT_MINUTES = 10;

/**
 * Single sign-on with a network's OpenID Connect provider (authorization code + PKCE, state
 * and nonce kept server-side). It signs in an existing account of that network whose e-mail
 * the provider says is verified, or accepts a pending invitation of the network to that e-mail
 * (creating the account when there is none). Without one or the other, nobody gets in.
 */
@Injectable()
export class OidcService {
  constructor(
    private readonly repository: OidcRepository,
    private readonly access: AccessPolicy,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly invitations: VerifiedEmailInvitations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  redirectUri(): string {
    return `${this.config.publicUrl}/api/auth/oidc/callback`;
  }

  async list(actor: Actor, networkId: string): Promise<{ items: OidcProvider[] }> {
    await this.access.requireNetworkAccess(actor, 'network.manage', networkId);
    return { items: (await this.repository.listForNetwork(networkId)).map((row) => this.view(row)) };
  }

  async create(actor: Actor, networkId: string, body: OidcProviderCreate): Promise<OidcProvider> {
    await this.access.requireNetworkAccess(actor, 'network.manage', networkId);
    if (await this.repository.issuerTaken(networkId, body.issuer)) {
      throw new AppError('CONFLICT', 'This network already has this provider.');
    }
    await this.discover(body.issuer, body.clientId, body.clientSecret);
    const row = await this.repository.create({
      networkId,
      name: body.name,
      issuer: body.issuer,
      clientId: body.clientId,
      clientSecretEncrypted: encryptSecret(body.clientSecret, atRestSecret(this.config)),
    });
    await this.audit.record({ action: 'oidc.provider_saved', actorId: actor.userId, networkId, details: { providerId: row.id, issuer: row.issuer } });
    return this.view(row);
  }

  async update(actor: Actor, id: string, body: OidcProviderUpdate): Promise<OidcProvider> {
    const existing = await this.repository.find(id);
    const networks = await this.access.visibleNetworkIds(actor);
    if (!existing || !networks.includes(existing.networkId)) throw notFound('provider');
    await this.access.requireNetworkAccess(actor, 'network.manage', existing.networkId);
    const issuer = body.issuer ?? existing.issuer;
    if (body.issuer && (await this.repository.issuerTaken(existing.networkId, issuer, id))) {
      throw new AppError('CONFLICT', 'This network already has this provider.');
    }
    const secret = body.clientSecret ?? decryptSecret(existing.clientSecretEncrypted, atRestSecret(this.config));
    await this.discover(issuer, body.clientId ?? existing.clientId, secret);
    const row = await this.repository.update(id, {
      ...(body.name ? { name: body.name } : {}),
      ...(body.issuer ? { issuer } : {}),
      ...(body.clientId ? { clientId: body.clientId } : {}),
      ...(body.clientSecret ? { clientSecretEncrypted: encryptSecret(body.clientSecret, atRestSecret(this.config)) } : {}),
    });
    await this.audit.record({ action: 'oidc.provider_saved', actorId: actor.userId, networkId: row.networkId, details: { providerId: row.id, issuer: row.issuer } });
    return this.view(row);
  }

  async signInOptions(): Promise<{ items: OidcSignInOption[] }> {
    return { items: await this.repository.listAll() };
  }

  /** Where to send the browser, and the state to bind to it (a cookie). */
  async start(providerId: string): Promise<{ url: string; state: string }> {
    const provider = await this.repository.find(providerId);
    if (!provider) throw notFound('provider');
    const configuration = await this.discover(provider.issuer, provider.clientId, this.secretOf(provider));
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await this.repository.createAttempt({
      stateHash: hashToken(state),
      providerId,
      codeVerifier,
      nonce,
      expiresAt: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(),
      scope: 'openid email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * The provider's redirect back: checks the state against the browser's and spends it, then
   * lets openid-client check the code exchange and the ID token (signature, issuer, audience,
   * expiry, nonce). Answers a new session token (which may still owe a second factor).
   */
  async callback(query: Record<string, string>, browserState: string | undefined, meta: RequestMeta): Promise<string> {
    const state = query.state;
    const attempt = state ? await this.repository.findAttempt(hashToken(state)) : null;
    if (!state || !attempt) throw new AppError('OIDC_STATE_INVALID', 'This sign-in link is not valid. Start again.');
    if (attempt.usedAt) throw new AppError('OIDC_CALLBACK_REPLAYED', 'This sign-in was already used. Start again.');
    if (!browserState || !safeEqual(browserState, state) || attempt.expiresAt.getTime() < Date.now()) {
      throw new AppError('OIDC_STATE_INVALID', 'This sign-in link is not valid. Start again.');
    }
    if (!(await this.repository.useAttempt(attempt.id))) {
      throw new AppError('OIDC_CALLBACK_REPLAYED', 'This sign-in was already used. Start again.');
    }
    const provider = attempt.provider;
    const configuration = await this.discover(provider.issuer, provider.clientId, this.secretOf(provider));
    const currentUrl = new URL(this.redirectUri());
    for (const [key, value] of Object.entries(query)) currentUrl.searchParams.set(key, value);

    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      await this.fail(provider, 'OIDC_TOKEN_INVALID', meta, describeFailure(error));
    }
    const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : null;
    if (!email || claims?.email_verified !== true) await this.fail(provider, 'OIDC_EMAIL_NOT_VERIFIED', meta);
    const member = await this.repository.findNetworkMember(email!, provider.networkId);
    if (member?.disabledAt) throw new AppError('ACCOUNT_DISABLED', 'This account has been disabled.');
    const userId = member ? member.id : await this.acceptInvitation(provider, email!, claims!, meta);
    await this.audit.record({
      action: 'auth.sso_sign_in',
      actorId: userId,
      subjectUserId: userId,
      networkId: provider.networkId,
      ip: meta.ip,
      details: { providerId: provider.id },
    });
    return this.auth.signIn(userId, meta);
  }

  /**
   * Someone not yet in the network, invited to it at the e-mail the provider verified: the
   * invitation is accepted as by its link (account created when there is none, membership per
   * the invitation, all in one transaction). The verified e-mail stands for the link: both
   * prove the person reads that address.
   */
  private async acceptInvitation(
    provider: { id: string; networkId: string },
    email: string,
    claims: client.IDToken,
    meta: RequestMeta,
  ): Promise<string> {
    const invitation = await this.invitations.latestOpen(email, provider.networkId);
    if (!invitation) return this.fail(provider, 'OIDC_NO_ACCOUNT', meta, undefined, email);
    if (invitation.expiresAt.getTime() <= Date.now()) return this.fail(provider, 'OIDC_INVITATION_EXPIRED', meta, undefined, email);
    return this.invitations.accept(invitation, { email, name: nameFrom(claims, email), providerId: provider.id, ip: meta.ip });
  }

  private async fail(
    provider: { id: string; networkId: string },
    code: keyof typeof MESSAGES,
    meta: RequestMeta,
    reason?: string,
    email?: string,
  ): Promise<never> {
    await this.audit.record({
      action: 'auth.sso_failed',
      networkId: provider.networkId,
      ip: meta.ip,
      details: { providerId: provider.id, code, ...(reason ? { reason: reason.slice(0, 200) } : {}), ...(email ? { email } : {}) },
    });
    throw new AppError(code, MESSAGES[code]);
  }

  private secretOf(provider: { clientSecretEncrypted: string }): string {
    return decryptSecret(provider.clientSecretEncrypted, atRestSecret(this.config));
  }

  /** The provider's discovery document; plain http is allowed outside production (local tests). */
  private async discover(issuer: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
    try {
      return await client.discovery(new URL(issuer), clientId, undefined, client.ClientSecretBasic(clientSecret), {
        execute: this.config.isProduction ? [] : [client.allowInsecureRequests],
        timeout: 10,
      });
    } catch {
      throw new AppError('OIDC_PROVIDER_UNREACHABLE', 'The provider could not be reached at this issuer URL.');
    }
  }

  private view(row: { id: string; networkId: string; name: string; issuer: string; clientId: string; updatedAt: Date }): OidcProvider {
    return {
      id: row.id,
      networkId: row.networkId,
      name: row.name,
      issuer: row.issuer,
      clientId: row.clientId,
      redirectUri: this.redirectUri(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

/**
 * openid-client wraps oauth4webapi's error, whose cause names the failed claim (aud, exp,
 * nonce…): the whole chain goes to the audit log, for whoever sets the provider up.
 */
function describeFailure(error: unknown): string {
  const messages: string[] = [];
  let claim: unknown;
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const step = current as { message?: unknown; claim?: unknown; cause?: unknown };
    if (typeof step.message === 'string') messages.push(step.message);
    claim ??= step.claim;
    current = step.cause;
  }
  return `${messages.join(': ')}${typeof claim === 'string' ? ` (${claim})` : ''}`;
}

const MESSAGES = {
  OIDC_TOKEN_INVALID: 'The provider’s answer could not be trusted. Start again.',
  OIDC_EMAIL_NOT_VERIFIED: 'The provider did not confirm your e-mail address.',
  OIDC_NO_ACCOUNT: 'No account of this network uses this e-mail address. Ask for an invitation.',
  OIDC_INVITATION_EXPIRED: 'Your invitation to this network has expired. Ask for a new one.',
} as const;

/** The provider's name for the person when it sends one, else the e-mail's local part. */
function nameFrom(claims: client.IDToken, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  return (name || email.split('@')[0]!).slice(0, 120);
}
