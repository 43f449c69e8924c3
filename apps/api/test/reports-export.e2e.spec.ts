import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportsWorld } from './support/reports-fixture.js';
import { TEST_PASSWORD } from './support/factories.js';
import { downloadPdfText } from './support/pdf-text.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createReportsWorld>>;
let coordinator: TestClient;
let otherCoordinator: TestClient;
const folder = mkdtempSync(join(tmpdir(), 'report-pdf-'));
const PERIOD = 'from=2026-01&to=2026-06';

beforeAll(async () => {
  t = await startTestApp();
  w = await createReportsWorld(t.prisma);
  coordinator = t.client();
  await coordinator.signIn(w.cast.coordinator.email, TEST_PASSWORD);
  otherCoordinator = t.client();
  await otherCoordinator.signIn(w.cast.otherCoordinator.email, TEST_PASSWORD);
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await t?.close();
});

function download(client: TestClient, path: string) {
  return client
    .get(path)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

const tidy = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

describe('the dashboard as CSV', () => {
  it('opens in Excel (UTF-8 with a byte order mark), parses back to the dashboard’s numbers, and writes withheld cells as words', async () => {
    const answer = await download(coordinator, `/api/networks/${w.network.id}/dashboard.csv?${PERIOD}&language=ar`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = answer.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows[0]).toEqual(['تقرير الشبكة: Reports network']);
    const figure = (name: string) => rows.find((r) => r.length === 2 && r[0] === name)?.[1];
    expect(figure('الأشخاص المدربون')).toBe('29');
    expect(figure('الدورات المكتملة')).toBe('31');
    expect(figure('الشهادات السارية')).toBe('15');
    // Rabat's 3 learners: written as "fewer than 5" in Arabic, never as a number.
    const rabat = rows.find((r) => r[0] === 'Rabat')!;
    expect(rabat[1]).toBe('أقل من 5');
    expect(rows.flat()).not.toContain('3');
    // March, with its 3 completions, likewise.
    const march = rows.find((r) => r[0] === '2026-03')!;
    expect(march[2]).toBe('أقل من 5');
    // Countries by name in the reader's language.
    expect(rows.some((r) => r[0] === 'المغرب')).toBe(true);
  });

  it('is refused like the dashboard to anyone outside the network', async () => {
    expect((await otherCoordinator.get(`/api/networks/${w.network.id}/dashboard.csv`)).status).toBe(404);
    expect((await otherCoordinator.get(`/api/organisations/${w.org.tanger.id}/dashboard.pdf`)).status).toBe(404);
  });
});

describe('the dashboard as a printable PDF', () => {
  it('has a text layer that reads back as written, Arabic right to left included', async () => {
    const { status, contentType, bytes, text } = await downloadPdfText(coordinator, `/api/networks/${w.network.id}/dashboard.pdf?${PERIOD}&language=ar`);
    expect(status).toBe(200);
    expect(contentType).toBe('application/pdf');
    const path = join(folder, 'report.pdf');
    writeFileSync(path, bytes);
    const poppler = tidy(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
    const written = [
      'تقرير الشبكة',
      'Reports network',
      'الفترة',
      '2026-01 – 2026-06',
      'لا تُعرض أعداد الأشخاص الصغيرة ولا الأعداد التي قد تكشفها.',
      'الدورات المكتملة حسب الشهر',
      'الأشخاص المدربون',
      'الشهادات السارية',
      'أقل من 5',
      'المنظمات المعتمدة',
      'الإسعافات الأولية',
    ];
    for (const line of written) {
      expect(poppler, line).toContain(line);
      expect(tidy(text), line).toContain(line);
    }
    // Each table cell is its own run of text; pdftotext may join neighbouring cells without a
    // space, so a figure is looked for right beside its name, on either side.
    expect(poppler).toMatch(/الأشخاص المدربون ?29|29 ?الأشخاص المدربون/);
    expect(poppler).toMatch(/الشهادات السارية ?15|15 ?الشهادات السارية/);
    // Right to left: the title sits against the right margin.
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+[1-9]/);
  });

  it('writes the report in the coordinator’s language, with the chart drawn in', async () => {
    await t.prisma.user.update({ where: { id: w.cast.coordinator.id }, data: { preferredLanguage: 'fr' } });
    const fresh = t.client();
    await fresh.signIn(w.cast.coordinator.email, TEST_PASSWORD);
    const { bytes } = await downloadPdfText(fresh, `/api/networks/${w.network.id}/dashboard.pdf?${PERIOD}`);
    const path = join(folder, 'report-fr.pdf');
    writeFileSync(path, bytes);
    const poppler = tidy(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
    expect(poppler).toContain('Rapport du réseau Reports network');
    expect(poppler).toContain('Personnes formées 29');
    expect(poppler).toContain('Cours terminés par mois');
    expect(poppler).toContain('moins de 5');
    // The chart: its caption, then each bar's value label and its month under the axis.
    const chart = poppler.slice(poppler.indexOf('Cours terminés par mois'), poppler.indexOf('Chiffres'));
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) expect(chart).toContain(month);
    expect(chart).toContain('moins de 5');
  });
});
