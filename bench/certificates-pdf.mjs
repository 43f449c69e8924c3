// Throughput of certificate PDF rendering on one core (Node runs it on one thread): renders
// a warm-up batch, then as many certificates as fit in 10 seconds (at most 2,000), half with
// Latin names in French and half with Arabic names in Arabic, each with embedded fonts and a
// QR code. Prints PDFs per second and the average size, and writes one sample of each.
// Usage: node bench/certificates-pdf.mjs [outDir]   (after `pnpm build`)
import { writeFile, mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const { renderCertificatePdf } = await import(new URL('../apps/api/dist/modules/certificates/pdf/certificate-pdf.js', import.meta.url).href);
const outDir = process.argv[2] ?? new URL('../e2e/artifacts/', import.meta.url).pathname;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 10) * 1000;
const MAX = 2000;

const codeOf = (i) => `c${i.toString(36).padStart(8, '0')}${'abcdefghjkmnpqrstuvwxyz'.repeat(2)}`.slice(0, 26);

const sample = (i) => {
  const arabic = i % 2 === 1;
  return {
    language: arabic ? 'ar' : 'fr',
    holderName: arabic ? `فاطمة الزهراء بنعلي ${i}` : `Zoë Ñúñez-Dupré ${i}`,
    certificateName: arabic ? 'الإرشاد الاجتماعي' : 'Accompagnement social',
    organisationName: 'Association Al Amal Tanger',
    networkName: 'INSP!R',
    issuedAt: new Date('2026-11-26T10:00:00Z'),
    expiresAt: new Date('2028-11-26T10:00:00Z'),
    signatories: [{ name: 'Amina El Idrissi', title: 'Coordinatrice' }, { name: 'Lars Østergaard', title: 'Partner' }],
    // Every certificate has its own code and link, as in real life (nothing to reuse from the last one).
    code: codeOf(i),
    verifyUrl: `https://tadamon.example/verify/${codeOf(i)}`,
  };
};

await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'certificate-fr.pdf'), await renderCertificatePdf(sample(0)));
await writeFile(join(outDir, 'certificate-ar.pdf'), await renderCertificatePdf(sample(1)));
for (let i = 0; i < 20; i++) await renderCertificatePdf(sample(i)); // warm-up (font parsing, JIT)

let count = 0;
let bytes = 0;
const started = performance.now();
while (performance.now() - started < DURATION_MS && count < MAX) {
  bytes += (await renderCertificatePdf(sample(count))).length;
  count++;
}
const seconds = (performance.now() - started) / 1000;
console.log(`certificates-pdf: ${count} PDFs in ${seconds.toFixed(2)} s on one core`);
console.log(`  ${(count / seconds).toFixed(1)} PDFs/s, ${(1000 * seconds / count).toFixed(1)} ms each, ${(bytes / count / 1024).toFixed(0)} KiB average`);
console.log(`  machine load average: ${loadavg()[0].toFixed(2)} (2 cores shared)`);
console.log(`  goal: 100 PDFs/s per core — ${count / seconds >= 100 ? 'met' : 'NOT met'}`);
console.log(`  samples: ${join(outDir, 'certificate-fr.pdf')}, ${join(outDir, 'certificate-ar.pdf')}`);
