export * from './languages.js';
export * from './error-codes.js';
export * from './permissions.js';
export * from './schemas/common.js';
export * from './schemas/auth.js';
export * from './schemas/invitations.js';
export * from './schemas/organisations.js';
export * from './schemas/certificates.js';
