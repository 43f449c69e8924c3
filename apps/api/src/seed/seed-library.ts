import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { PrismaPg } from '@prisma/adapter-pg';
import { directionOf } from '@tadamon/shared';
import { fileNameStem } from '../common/http/file-name.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { markdownBlocks } from '../common/text/markdown.js';
import { renderDocumentPdf } from '../modules/collaboration/document-pdf.js';
import { DEMO_LIBRARY, type DemoMaterial, type DemoVersion } from './demo-library.js';

/**
 * Seeds the demo library (demo-library.ts) once, after the demo network: each document version
 * as a PDF in the library's disk storage (<DATA_DIR>/materials/<key>) with what the processing
 * job would have recorded (its text for search, its page count), links as links.
 */
export async function seedDemoLibrary(databaseUrl: string, dataDir: string, logger: Pick<Logger, 'info'>): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const marker = DEMO_LIBRARY[0]!.versions[0]!.title;
    if ((await prisma.materialTranslation.count({ where: { title: marker } })) > 0) return;
    const network = await prisma.network.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    const coordinator = await prisma.networkMembership.findFirst({ where: { networkId: network.id, role: 'COORDINATOR' } });
    const organisations = await prisma.organisation.findMany({ where: { networkId: network.id }, select: { id: true, name: true } });
    for (const item of DEMO_LIBRARY) {
      const organisationId = item.organisation ? (organisations.find((o) => o.name === item.organisation)?.id ?? null) : null;
      if (item.organisation && !organisationId) continue; // that organisation is not in this network's demo
      const materialId = randomUUID();
      // The files first: a row never points at bytes that are not there.
      const files = new Map<DemoVersion, { id: string; key: string; pdf: Buffer }>();
      for (const version of item.versions) {
        if (item.kind !== 'DOCUMENT' || !version.body) continue;
        const id = randomUUID();
        const key = `${materialId}/${id}`;
        const pdf = await toolkitPdf(item, version);
        const path = join(resolve(dataDir, 'materials'), key);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, pdf);
        files.set(version, { id, key, pdf });
      }
      await prisma.$transaction(async (tx) => {
        await tx.material.create({
          data: {
            id: materialId, networkId: network.id, organisationId, kind: item.kind, standardTopic: item.standardTopic,
            audience: item.audience, visibility: item.visibility, partner: item.partner, licence: item.licence,
            createdById: coordinator?.userId ?? null,
          },
        });
        for (const version of item.versions) {
          const file = files.get(version);
          const translation = await tx.materialTranslation.create({
            data: {
              materialId, language: version.language, title: version.title, summary: version.summary, tags: version.tags,
              externalUrl: version.url ?? null, extractedText: version.body ? plainText(version.body) : '',
            },
          });
          if (!file) continue;
          await tx.materialFile.create({
            data: {
              id: file.id, translationId: translation.id, version: 1, originalName: `${fileNameStem(version.title, 'toolkit').toLowerCase()}.pdf`, mimeType: 'application/pdf',
              sizeBytes: file.pdf.length, storageKey: file.key, status: 'READY', processedAt: new Date(), pageCount: pageCount(file.pdf),
            },
          });
          await tx.materialTranslation.update({ where: { id: translation.id }, data: { currentFileId: file.id } });
        }
      });
    }
    logger.info(`Seeded the demo library (${DEMO_LIBRARY.length} materials)`);
  } finally {
    await prisma.$disconnect();
  }
}

function toolkitPdf(item: DemoMaterial, version: DemoVersion): Promise<Buffer> {
  return renderDocumentPdf({
    language: version.language,
    direction: directionOf(version.language),
    title: version.title,
    body: version.body ?? '',
    statusLine: `${item.partner} · ${item.licence}`,
  });
}

/** The text the processing job would extract: the document's words, without Markdown. */
function plainText(markdown: string): string {
  return markdownBlocks(markdown)
    .map((block) => block.text)
    .join('\n');
}

/** pdfkit writes one `/Type /Page` object per page (and `/Type /Pages` once). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 1;
}
