import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { JobWorkerService } from '../common/jobs/job-worker.service.js';

/**
 * SIGTERM/SIGINT in order: (1) the HTTP server stops listening (new connections are refused)
 * and requests in flight, uploads included, run to their end; idle keep-alive connections
 * close; (2) the job worker stops taking jobs and finishes those running; (3) only then the
 * modules close (relay, queues, database). Past `timeoutMs` the remaining connections (a live
 * document stream, a stalled upload) are cut so the process still ends; a job cut that way
 * returns to the queue when its lock expires. Exits 0 on a clean stop, 1 otherwise.
 */
export function stopGracefully(
  app: NestFastifyApplication | INestApplicationContext,
  options: { timeoutMs: number; logger: Logger; after?: () => Promise<void> },
): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'Stopping: finishing requests and jobs in flight');
    const cut = setTimeout(() => {
      options.logger.warn('Shutdown timeout: cutting the connections still open');
      if ('getHttpServer' in app) app.getHttpServer().closeAllConnections();
    }, options.timeoutMs);
    cut.unref();
    // The last resort: whatever hangs, the process ends a little after the timeout.
    setTimeout(() => process.exit(1), options.timeoutMs + 10_000).unref();
    // A connection whose request just finished stays open for keep-alive; close each as it
    // goes idle rather than waiting for the client or the keep-alive timeout.
    const sweep = setInterval(() => {
      if ('getHttpServer' in app) app.getHttpServer().closeIdleConnections();
    }, 100);
    sweep.unref();
    let code = 0;
    try {
      if ('getHttpAdapter' in app) await app.getHttpAdapter().getInstance().close();
      clearInterval(sweep);
      await app.get(JobWorkerService).close();
      await app.close();
      await options.after?.();
    } catch (error) {
      options.logger.error({ err: error }, 'Unclean stop');
      code = 1;
    }
    clearTimeout(cut);
    options.logger.info('Stopped');
    process.exit(code);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
