import { expect } from '@open-wc/testing';
import { AnvaError } from '../../../src/core/errors.js';
import { withRetries } from '../../../src/core/http/retry.js';

/** A signal that counts the abort listeners still attached to it. */
function countingSignal() {
  const controller = new AbortController();
  const { signal } = controller;
  let listening = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = (...args: Parameters<typeof add>) => {
    listening += 1;
    add(...args);
  };
  signal.removeEventListener = (...args: Parameters<typeof remove>) => {
    listening -= 1;
    remove(...args);
  };
  return { controller, signal, listening: () => listening };
}

const flaky = (failures: number, code: 'network' | 'timeout' = 'network') => {
  let calls = 0;
  const attempt = async () => {
    calls += 1;
    if (calls <= failures) throw new AnvaError(code, `attempt ${calls}`, { retryable: true });
    return calls;
  };
  return { attempt, calls: () => calls };
};

describe('the retry policy', () => {
  it('tries a network error again, twice at most, and leaves no listener on the signal', async () => {
    const { signal, listening } = countingSignal();
    const policy = { retryDelayMs: 5, deadline: Date.now() + 5000, signal };
    expect(await withRetries(flaky(2).attempt, policy)).to.equal(3);
    expect(listening()).to.equal(0);

    const always = flaky(5);
    const failed = await withRetries(always.attempt, policy).catch((caught: unknown) => caught);
    expect((failed as AnvaError).message).to.equal('attempt 3');
    expect(always.calls()).to.equal(3);
    expect(listening()).to.equal(0);
  });

  it('never retries a timeout, nor past the deadline', async () => {
    const { signal } = new AbortController();
    const timeout = flaky(1, 'timeout');
    const policy = { retryDelayMs: 5, deadline: Date.now() + 5000, signal };
    const timedOut = await withRetries(timeout.attempt, policy).catch((caught: unknown) => caught);
    expect((timedOut as AnvaError).code).to.equal('timeout');
    expect(timeout.calls()).to.equal(1);

    const late = flaky(1);
    const tooLate = { retryDelayMs: 500, deadline: Date.now() + 100, signal };
    const failed = await withRetries(late.attempt, tooLate).catch((caught: unknown) => caught);
    expect((failed as AnvaError).code).to.equal('network');
    expect(late.calls()).to.equal(1);
  });

  it('stops waiting as soon as the request is aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = withRetries(flaky(1).attempt, {
      retryDelayMs: 5000,
      deadline: Date.now() + 60_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('left the page')), 50);
    const stopped = await pending.catch((caught: unknown) => caught);
    expect((stopped as Error).message).to.equal('left the page');
    expect(Date.now() - started).to.be.below(2000);
  });
});
