/** What the auth tests share: a recorder of events and console, the Hub's answer, storage as text. */
import { anva } from '../../../src/core/registry.js';
import { followHubRedirect, waitForSession } from '../support/fake-hub.js';
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

export function everyStoredValue(storage: Storage): string {
  return Object.keys(storage)
    .map((key) => `${key}=${storage.getItem(key) ?? ''}`)
    .join('\n');
}
