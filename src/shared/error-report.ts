/**
 * Tells each error a widget shows once, from the widget: `anva-error` for the web team's
 * script and, for fetch errors, a console line. The same error shown again is not told again.
 */
import type { AnvaError } from '../core/errors.js';
import { emit } from '../core/events.js';

export class ErrorReport {
  private told?: unknown;

  constructor(private readonly host: HTMLElement) {}

  /**
   * `shown` is what the widget shows now (the raw failure, so a new failure with the same
   * words still counts as new); `error` is its `AnvaError` form, undefined when none.
   * `toConsole` is false for what the core has already written there (configuration and
   * sign-in errors).
   */
  update(
    shown: unknown,
    error: AnvaError | undefined,
    { toConsole }: { toConsole: boolean },
  ): void {
    if (shown === this.told) return;
    this.told = shown;
    if (!error) return;
    if (toConsole) console.warn(`[anva-widgets] ${error.code}: ${error.message}`);
    emit(this.host, 'anva-error', error.toDetail());
  }
}
