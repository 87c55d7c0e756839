/**
 * What the auth tests share: a recorder of events and console, the Hub's answer (true or
 * forged) and the return with it, the refused sign-in, storage as text.
 */
import { expect } from '@open-wc/testing';
import { anva } from '../../../src/core/registry.js';
import type { SessionState } from '../../../src/core/types.js';
import { followHubRedirect, returnFromHub, waitForSession } from '../support/fake-hub.js';
import type { FakeHub } from '../support/fake-hub.js';

export interface Recorded {
  events: { type: string; detail: unknown }[];
  console: string[];
  stop(): void;
}

/** Records every anva-* event and all console output. */
export function record(): Recorded {
  const events: Recorded['events'] = [];
  const lines: string[] = [];
  const types = [
    'anva-signed-in',
    'anva-signed-out',
    'anva-error',
    'anva-contract-select',
  ] as const;
  const listener = (event: Event) =>
    events.push({ type: event.type, detail: (event as CustomEvent).detail });
  for (const type of types) document.addEventListener(type, listener);
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((method) => console[method]);
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      lines.push(
        args
          .map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg)))
          .join(' '),
      );
    };
  }
  return {
    events,
    console: lines,
    stop: () => {
      for (const type of types) document.removeEventListener(type, listener);
      methods.forEach((method, index) => {
        console[method] = originals[index] as (typeof console)[typeof method];
      });
    },
  };
}

/** Starts a sign-in and returns the Hub's answer (the callback URL), without returning yet. */
export async function hubAnswer(hub: FakeHub): Promise<string> {
  await waitForSession();
  const before = hub.navigations.length;
  await anva().session.signIn();
  const authorize = hub.navigations[before];
  if (!authorize) throw new Error('no navigation to the Hub');
  return followHubRedirect(authorize);
}

/** Starts a sign-in and returns the Hub's answer with its parameter `name` forged to `value`. */
export async function forgedAnswer(hub: FakeHub, name: 'code' | 'state', value: string) {
  const answer = new URL(await hubAnswer(hub));
  answer.searchParams.set(name, value);
  return answer.href;
}

/** Comes back from the Hub with `answer`, recording the events and console meanwhile. */
export async function returnRecorded(
  answer: string,
): Promise<{ state: SessionState; recorded: Recorded }> {
  const recorded = record();
  try {
    return { state: await returnFromHub(answer), recorded };
  } finally {
    recorded.stop();
  }
}

/** The session refused the Hub's answer: signed out, with an `auth` error. */
export function expectSignInRefused(state: SessionState): void {
  expect(state.status).to.equal('signed-out');
  expect(state.error?.code).to.equal('auth');
}

export function everyStoredValue(storage: Storage): string {
  return Object.keys(storage)
    .map((key) => `${key}=${storage.getItem(key) ?? ''}`)
    .join('\n');
}
