/** A function that remembers its last answer: computed again only when an argument changes (by identity). */
export interface Memo<A extends unknown[], R> {
  (...args: A): R;
  /** Forgets the last arguments and answer (they may hold the customer's data). */
  clear(): void;
}

export function memo<A extends unknown[], R>(compute: (...args: A) => R): Memo<A, R> {
  let last: { args: A; result: R } | undefined;
  const remembered = (...args: A): R => {
    if (!last || args.some((arg, i) => arg !== last!.args[i]))
      last = { args, result: compute(...args) };
    return last.result;
  };
  remembered.clear = () => {
    last = undefined;
  };
  return remembered;
}
