// oidc-provider ships no types; the test provider uses a handful of its calls.
declare module 'oidc-provider' {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  type Ctx = any;
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    Grant: new (init: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
    use(middleware: (ctx: Ctx, next: () => Promise<void>) => Promise<void>): void;
    interactionDetails(req: unknown, res: unknown): Promise<{ params: Record<string, unknown> }>;
    interactionResult(req: unknown, res: unknown, result: unknown, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
    callback(): (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
  }
}
