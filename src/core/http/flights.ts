/**
 * The shared cache and dedupe of a page's GETs: one fetch for every
 * concurrent caller of the same URL, its result kept until `clear()`. A
 * caller may leave (its signal aborts); the fetch is aborted only when every
 * caller with a signal has left. A caller may ask to hear when its wait grows
 * long (`onSlow`).
 */
import type { RequestOptions } from '../types.js';

/** One fetch shared by every concurrent caller of the same URL. */
interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
}

export interface Flights {
  /** The cached result of `url`, or the running fetch joined, or `load` started. */
  get<T>(
    url: string,
    load: (signal: AbortSignal) => Promise<T>,
    options?: RequestOptions,
  ): Promise<T>;
  /** Aborts every running fetch with `reason`. */
  abort(reason: unknown): void;
  /** Forgets every result. */
  clear(): void;
}

export function flights(slowAfterMs: number): Flights {
  const cache = new Map<string, unknown>();
  const running = new Map<string, Flight>();

  /** A caller joins a shared request; it is aborted only when every caller with a signal has left. */
  function join(url: string, flight: Flight, signal?: AbortSignal): Promise<unknown> {
    flight.callers += 1;
    if (!signal) return flight.promise;
    const leave = () => {
      if (--flight.callers > 0) return;
      flight.controller.abort(signal.reason);
      // Later callers start afresh instead of joining an aborted request.
      if (running.get(url) === flight) running.delete(url);
    };
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        leave();
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Tells the caller once when the answer takes longer than usual. */
  function watch<T>(promise: Promise<T>, onSlow?: () => void): Promise<T> {
    if (!onSlow) return promise;
    const timer = setTimeout(onSlow, slowAfterMs);
    return promise.finally(() => clearTimeout(timer));
  }

  return {
    get<T>(url: string, load: (signal: AbortSignal) => Promise<T>, options?: RequestOptions) {
      if (cache.has(url)) return Promise.resolve(cache.get(url) as T);
      let flight = running.get(url);
      if (!flight) {
        const controller = new AbortController();
        const created: Flight = {
          controller,
          callers: 0,
          promise: load(controller.signal).then((result) => {
            if (running.get(url) === created) cache.set(url, result);
            return result;
          }),
        };
        created.promise
          .finally(() => running.get(url) === created && running.delete(url))
          .catch(() => undefined);
        running.set(url, (flight = created));
      }
      return watch(join(url, flight, options?.signal), options?.onSlow) as Promise<T>;
    },
    abort(reason) {
      for (const flight of running.values()) flight.controller.abort(reason);
      running.clear();
    },
    clear() {
      cache.clear();
    },
  };
}
