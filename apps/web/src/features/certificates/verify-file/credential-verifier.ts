// The Open Badges verifier (JSON-LD, RDF canonicalisation, Ed25519: about 70 kB gzip), in a
// chunk of its own that the service worker does not precache: it loads when a file is checked.
export { checkOpenBadge } from '@tadamon/credentials';
