import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSign, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  email_verified: boolean;
}

type IdTokenPayload = Record<string, unknown> & { aud: string | string[]; exp: number; iat: number };

/**
 * A real OpenID provider (the `oidc-provider` package) on a free local port, for the SSO tests.
 * The login screen is skipped: the next sign-in is as `nextAccount`, with consent to openid and
 * email. `tamper` rewrites the ID token the token endpoint answers and signs it again with the
 * provider's own key, so a wrong audience or an expired token arrive with a valid signature.
 */
export class OidcTestProvider {
  readonly accounts = new Map<string, TestAccount>();
  nextAccount = '';
  tamper: ((payload: IdTokenPayload) => IdTokenPayload) | null = null;
  issuer = '';
  private server = createServer();
  private readonly privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

  constructor(private readonly clients: { clientId: string; clientSecret: string; redirectUri: string }[]) {}

  async start(): Promise<void> {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    this.server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    const jwk = { ...this.privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
    const provider = new Provider(this.issuer, {
      clients: this.clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: [c.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      })),
      jwks: { keys: [jwk as never] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      // The e-mail claims in the ID token itself, as most providers send them.
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
      features: { devInteractions: { enabled: false } },
      cookies: { keys: ['oidc-test-provider-cookie-key'] },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: async () => ({ sub, ...this.accounts.get(sub) }),
      }),
    });
    provider.use(async (ctx, next) => {
      if (ctx.path.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(ctx.req, ctx.res);
        const grant = new provider.Grant({ accountId: this.nextAccount, clientId: String(details.params.client_id) });
        grant.addOIDCScope('openid email');
        const grantId = await grant.save();
        const to = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: this.nextAccount }, consent: { grantId } }, { mergeWithLastSubmission: false });
        ctx.status = 303;
        ctx.redirect(to);
        return;
      }
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && this.tamper && body?.id_token) ctx.body = { ...body, id_token: this.resign(body.id_token, this.tamper) };
    });
    handler = provider.callback();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Plays the browser at the provider: follows its redirects (keeping its cookies) from the
   * authorization URL until it sends the browser back to `redirectUri`; answers that URL.
   */
  async authorize(authorizationUrl: string, redirectUri: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = authorizationUrl;
    for (let hop = 0; hop < 10; hop++) {
      if (url.startsWith(redirectUri)) return new URL(url);
      const response = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`The provider stopped at ${url}: ${response.status} ${await response.text()}`);
      url = new URL(location, url).href;
    }
    throw new Error('Too many redirects at the provider');
  }

  private resign(jwt: string, change: (payload: IdTokenPayload) => IdTokenPayload): string {
    const [header, payload] = jwt.split('.');
    const changed = change(JSON.parse(Buffer.from(payload!, 'base64url').toString()));
    const body = `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}`;
    const signature = createSign('RSA-SHA256').update(body).sign(this.privateKey).toString('base64url');
    return `${body}.${signature}`;
  }
}
