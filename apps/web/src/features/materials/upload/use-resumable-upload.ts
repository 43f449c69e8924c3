import { useCallback, useRef, useState } from 'react';
import { Upload, type DetailedError } from 'tus-js-client';
import type { ErrorCode } from '@tadamon/shared';
import { ApiError } from '../../../lib/api-client';
import { useSignedInSession } from '../../../lib/session';
import { transferRate, type Sample } from './transfer-rate';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; sent: number; total: number; bytesPerSecond: number | null; secondsLeft: number | null; resumedFrom: number }
  | { phase: 'done'; fileId: string | null }
  | { phase: 'failed'; error: ApiError };

// Small chunks: on a 3G line each one is a point the upload can resume from.
const CHUNK_BYTES = 2 * 1024 * 1024;
// A dropped line is retried for about two minutes before the person is asked to try again.
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000];

function toApiError(error: Error | DetailedError): ApiError {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (!response) return new ApiError(0, 'NETWORK', error.message);
  try {
    const body = JSON.parse(response.getBody()) as { code?: ErrorCode; message?: string };
    return new ApiError(response.getStatus(), body.code ?? 'INTERNAL', body.message ?? error.message);
  } catch {
    const status = response.getStatus();
    const code: ErrorCode = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'INTERNAL';
    return new ApiError(status, code, error.message);
  }
}

/**
 * A tus upload of one file to one language version, resumable after a dropped connection
 * (automatic retries) and after a page reload: the upload's address is kept in localStorage
 * under a fingerprint of the version and the file, so picking the same file again continues
 * where the server says it stopped.
 */
export function useResumableUpload() {
  const session = useSignedInSession();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const current = useRef<Upload | null>(null);

  const start = useCallback(
    async (translationId: string, file: File): Promise<string | null> => {
      const samples: Sample[] = [];
      let resumedFrom = 0;
      return new Promise((resolve, reject) => {
        const upload = new Upload(file, {
          endpoint: '/api/uploads',
          chunkSize: CHUNK_BYTES,
          retryDelays: RETRY_DELAYS_MS,
          metadata: { translationId, filename: file.name },
          headers: { 'x-csrf-token': session.csrfToken },
          fingerprint: async (f: File) => `tadamon:${translationId}:${f.name}:${f.size}:${f.lastModified}`,
          removeFingerprintOnSuccess: true,
          onProgress: (sent, total) => {
            if (samples.length === 0) resumedFrom = sent;
            samples.push({ at: performance.now(), bytes: sent });
            const { bytesPerSecond, secondsLeft } = transferRate(samples, total);
            setState({ phase: 'uploading', sent, total, bytesPerSecond, secondsLeft, resumedFrom });
          },
          onSuccess: ({ lastResponse }) => {
            const fileId = lastResponse.getHeader('x-material-file-id') ?? null;
            setState({ phase: 'done', fileId });
            resolve(fileId);
          },
          onError: (error) => {
            const apiError = toApiError(error);
            setState({ phase: 'failed', error: apiError });
            reject(apiError);
          },
        });
        current.current = upload;
        setState({ phase: 'uploading', sent: 0, total: file.size, bytesPerSecond: null, secondsLeft: null, resumedFrom: 0 });
        void upload.findPreviousUploads().then((previous) => {
          if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
          upload.start();
        });
      });
    },
    [session.csrfToken],
  );

  /** Stops sending; the upload can still be resumed later with the same file. */
  const pause = useCallback(() => {
    void current.current?.abort(false);
    setState({ phase: 'idle' });
  }, []);

  return { state, start, pause };
}
