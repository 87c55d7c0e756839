/**
 * One GET to the customer API: fetch with the bearer and a time limit, and
 * the HTTP status turned into the contract's error codes. No retries, no
 * cache: those are `retry.ts` and `flights.ts`.
 */
import { saysRevoked } from '../auth/renewal.js';
import { AnvaError } from '../errors.js';
import type { AnvaErrorCode } from '../errors.js';

export type Answer<T> =
  /** 2xx with a body that `parse` accepted. */
  | { kind: 'parsed'; value: T }
  /** 401: `revoked` when the grant or account itself is gone (renewal cannot help). */
  | { kind: 'unauthorized'; revoked: boolean };

export interface Attempt {
  /** `account (GET /account/mine)`: how errors and the console name the request. */
  where: string;
  token: string;
  /** The caller left: the attempt ends with the signal's reason. */
  signal: AbortSignal;
  /** Milliseconds this attempt may take (what is left of the request's one time limit). */
  timeoutMs: number;
}

/** Checks a JSON body: the value, or what broke (`data.items[3].id: Invalid input`). */
export type Parse<T> = (body: unknown) => T | string;

/** Whether a 401 says the grant or the account itself is gone. */
async function revokedBy(response: Response): Promise<boolean> {
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: string | { code?: string } } | null;
  const error = body?.error;
  return saysRevoked(
    response.headers.get('WWW-Authenticate'),
    typeof error === 'string' ? error : error?.code,
  );
}

/** The error code of a non-2xx status other than 401: [code, problem, retryable]. */
function statusError(status: number): [AnvaErrorCode, string, boolean] {
  if (status === 403) return ['forbidden', 'not allowed', false];
  if (status === 404 || status === 410) return ['not-found', 'not found', false];
  if (status === 408 || status === 504) return ['timeout', 'the Hub timed out', true];
  return ['server', `HTTP ${status}`, status >= 500];
}

export async function send<T>(
  url: string,
  { where, token, signal, timeoutMs }: Attempt,
  parse: Parse<T>,
): Promise<Answer<T>> {
  const error = (code: AnvaErrorCode, problem: string, retryable = false) =>
    new AnvaError(code, `${where}: ${problem}.`, { retryable });
  const invalid = (problem: string) => {
    const invalid = error('invalid-response', `unexpected answer: ${problem}`);
    console.error(`[anva-widgets] invalid-response: ${invalid.message}`);
    return invalid;
  };
  if (signal.aborted) throw signal.reason;
  const attempt = new AbortController();
  let timedOut = false;
  const stop = () => attempt.abort(signal.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, timeoutMs);
  signal.addEventListener('abort', stop, { once: true });
  /** A fetch or body read that broke because the caller left or the time ran out. */
  const broken = (): unknown =>
    signal.aborted ? signal.reason : timedOut && error('timeout', 'no answer in time', true);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        credentials: 'omit',
        signal: attempt.signal,
      });
    } catch (cause) {
      throw broken() || error('network', `Hub unreachable (${cause})`, true);
    }
    if (response.status === 401)
      return { kind: 'unauthorized', revoked: await revokedBy(response) };
    if (!response.ok) throw error(...statusError(response.status));
    const type = response.headers.get('Content-Type') ?? 'none';
    if (!/^application\/([\w.+-]*\+)?json\b/i.test(type.trim()))
      throw invalid(`content type "${type}" is not JSON`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw broken() || invalid('the body is not JSON');
    }
    const value = parse(body);
    if (typeof value === 'string') throw invalid(value);
    return { kind: 'parsed', value };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}
