/** DOM helpers for the widgets' browser tests: waiting for a state, reading text, keyboard focus. */
import { fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { WidgetState } from '../../../src/shared/data-controller.js';

/** A data widget as the tests see it: its state and its rendering. */
export type Widget = HTMLElement & { state: WidgetState; updateComplete: Promise<boolean> };

/** Waits until a widget reports `state` and has rendered it. */
export async function until(el: Widget, state: WidgetState, timeout = 5000): Promise<void> {
  await waitUntil(() => el.state === state, `state stayed "${el.state}", not "${state}"`, {
    timeout,
  });
  await el.updateComplete;
}

/** Renders the widget in `template` as a fixture and waits until it shows `state`. */
export async function fixtureUntil<T extends Widget>(
  template: TemplateResult,
  state: WidgetState,
): Promise<T> {
  const el = await fixture<T>(template);
  await until(el, state);
  return el;
}

/** The widget's visible text, whitespace collapsed. */
export function textOf(el: Element): string {
  return (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
}

/** The focused element, looking inside shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `accept(focused())` holds; fails after `max` presses. */
export async function tabTo(accept: (el: Element) => boolean, max = 30): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const el = focused();
    if (el && accept(el)) return el;
  }
  throw new Error('Tab never reached the element');
}

/** A cell's text without the column label that stacked (narrow) layouts show. */
export function cellText(cell: Element): string {
  return [...cell.childNodes]
    .filter(
      (node) =>
        node.nodeType !== Node.COMMENT_NODE &&
        !(node instanceof Element && node.classList.contains('label')),
    )
    .map((node) => node.textContent)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
