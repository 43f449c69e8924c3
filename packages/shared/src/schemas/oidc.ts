import { z } from 'zod';

/** The issuer's URL as its discovery document names it (https; http only for local tests). */
const issuerSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/ }))
  .transform((value) => value.replace(/\/+$/, ''));

export const oidcProviderCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  issuer: issuerSchema,
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
});
export type OidcProviderCreate = z.infer<typeof oidcProviderCreateSchema>;

/** Leave the secret out to keep the stored one. */
export const oidcProviderUpdateSchema = oidcProviderCreateSchema.partial();
export type OidcProviderUpdate = z.infer<typeof oidcProviderUpdateSchema>;

/** As coordinators see it: never the secret. */
export const oidcProviderSchema = z.object({
  id: z.uuid(),
  networkId: z.uuid(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  /** Where to register the callback at the provider. */
  redirectUri: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type OidcProvider = z.infer<typeof oidcProviderSchema>;
export const oidcProviderListSchema = z.object({ items: z.array(oidcProviderSchema) });

/** What the sign-in page shows: "Sign in with <name>". */
export const oidcSignInOptionSchema = z.object({ id: z.uuid(), name: z.string() });
export const oidcSignInOptionListSchema = z.object({ items: z.array(oidcSignInOptionSchema) });
export type OidcSignInOption = z.infer<typeof oidcSignInOptionSchema>;
