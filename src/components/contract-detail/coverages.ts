/** A contract's coverages as a table, when they are objects (a plain field otherwise). */
import { html, type TemplateResult } from 'lit';
import type { Formatter } from '../../format/index.js';
import { formattedView } from '../../shared/views.js';

/** Keys of a coverage that name it: the first one found heads the row. */
const COVERAGE_NAMES = [
  'label',
  'name',
  'naam',
  'description',
  'omschrijving',
  'coverage',
  'dekking',
];

/** Coverages as a table when they are objects; undefined for anything else (a plain field then). */
export function coveragesView(coverages: unknown, f: Formatter): TemplateResult | undefined {
  const items = Array.isArray(coverages) ? coverages : [];
  if (
    !items.length ||
    !items.every((item) => typeof item === 'object' && item && !Array.isArray(item))
  )
    return undefined;
  const rows = items as Record<string, unknown>[];
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const name = COVERAGE_NAMES.find((key) => keys.includes(key));
  // A coverage's code means nothing beside its name.
  const columns = name ? [name, ...keys.filter((key) => key !== name && key !== 'code')] : keys;
  const label = (key: string) => (key === name ? f.messages.fields.coverage : f.label(key));
  // Explicit roles keep the table's semantics when narrow containers stack its rows.
  return html`<div class="coverages">
    <table part="table" role="table">
      <thead>
        <tr role="row">
          ${columns.map((key) => html`<th role="columnheader" scope="col">${label(key)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr part="row" role="row">
              ${columns.map(
                (key, i) =>
                  html`<td part="cell" role="cell" class=${i ? '' : 'name'}>
                    <span class="label" aria-hidden="true">${label(key)}</span>
                    ${formattedView(f.field(key, row[key]))}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
