import { ChannelSendError } from './channel-types.js';

/**
 * One HTTP call to a provider with a deadline. Every way it can go wrong becomes a
 * ChannelSendError with a stable code, so the dispatcher records it and moves on.
 */
export async function providerRequest(
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
  timeoutMs: number,
  providerCode: (body: unknown) => string | undefined,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ChannelSendError('TIMEOUT', `No answer within ${timeoutMs} ms`);
    }
    throw new ChannelSendError('UNREACHABLE', (error as Error).message);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // An HTML error page from a proxy: the status says enough.
  }
  if (!response.ok) {
    const code = providerCode(body);
    throw new ChannelSendError(code ?? `HTTP_${response.status}`, `Provider answered ${response.status}`);
  }
  return body;
}
