/** The subscribe/notify pair behind every `subscribe()` of the core. */
export function listeners<A extends unknown[] = []>() {
  const set = new Set<(...args: A) => void>();
  return {
    /** Returns the unsubscribe function. */
    subscribe(listener: (...args: A) => void): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    /** A listener that unsubscribes while being called does not disturb the others. */
    notify(...args: A): void {
      for (const listener of [...set]) listener(...args);
    },
  };
}
