import { extractText, getDocumentProxy } from 'unpdf';
import type { TestClient } from './test-client.js';

/** Downloads a PDF through the API as a person would, and returns its status and text. */
export async function downloadPdfText(client: TestClient, path: string) {
  const response = await client
    .get(path)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  if (response.status !== 200) return { status: response.status, text: '', contentType: response.headers['content-type'], bytes: new Uint8Array() };
  // pdf.js takes ownership of the array it parses: keep a copy for a second look.
  const bytes = new Uint8Array(response.body as Buffer);
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: true });
  return { status: response.status, text: text as string, contentType: response.headers['content-type'] as string, bytes };
}

/**
 * Where each piece of text of a PDF's first page sits (points from the left edge), to tell
 * a right-aligned, right-to-left page from a left-aligned one.
 */
export async function pdfTextPositions(content: Uint8Array) {
  const pdf = await getDocumentProxy(content);
  const page = await pdf.getPage(1);
  const [, , pageWidth] = page.view as [number, number, number, number];
  const { items } = await page.getTextContent();
  const runs = (items as { str: string; transform: number[]; width: number }[])
    .filter((item) => item.str.trim() !== '')
    .map((item) => ({ text: item.str, left: item.transform[4]!, right: item.transform[4]! + item.width }));
  return { pageWidth, runs };
}
