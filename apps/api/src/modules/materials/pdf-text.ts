/**
 * Page count and text of a PDF, for search. unpdf bundles a serverless build of PDF.js that
 * runs on Node 20 without a canvas; it is loaded on first use so the API starts quickly.
 */
export async function readPdf(bytes: Uint8Array): Promise<{ pageCount: number; text: string }> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(bytes);
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    return { pageCount: totalPages, text: text.replace(/\s+/g, ' ').trim() };
  } finally {
    await pdf.cleanup?.();
  }
}
