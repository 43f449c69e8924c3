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
  if (response.status !== 200) return { status: response.status, text: '', contentType: response.headers['content-type'] };
  const pdf = await getDocumentProxy(new Uint8Array(response.body as Buffer));
  const { text } = await extractText(pdf, { mergePages: true });
  return { status: response.status, text: text as string, contentType: response.headers['content-type'] as string };
}
