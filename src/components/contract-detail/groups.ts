/**
 * The groups after the title block (cover, premium, term, the insured object,
 * the rest): each known field labelled and formatted, unknown ones labelled
 * from their key, an address as one line, empty values left out.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Contract } from '../../core/types.js';
import {
  ADDRESS_PARTS,
  addressLine,
  fieldText,
  indexFields,
  type FieldEntry,
  type Formatter,
} from '../../format/index.js';
import type { BranchKind } from '../../i18n/messages.js';
import { fieldView, formattedView } from '../../shared/views.js';
import { coveragesView } from './coverages.js';

/** The groups after the title block, in reading order. */
const GROUPS = ['coverage', 'premium', 'dates', 'object', 'other'] as const;

type ShownGroup = (typeof GROUPS)[number];

/** Nothing worth a row: no value, an empty list, an empty object. */
const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (typeof value === 'object' && Object.keys(value).length === 0);

const ADDRESS = new Set<string>(ADDRESS_PARTS);

/** What the title block already says, so no group repeats it. */
export interface Titled {
  kind: BranchKind;
  title: string;
}

export function groupsView(contract: Contract, f: Formatter, titled: Titled): unknown[] {
  const m = f.messages;
  const { kind, title } = titled;
  const { entries } = indexFields(contract);

  const row = (entry: FieldEntry): unknown => {
    const { key, id, value } = entry;
    // A branch code means nothing alone: shown beside the kind of insurance it stands for.
    if (id === 'branch')
      return kind === 'other'
        ? nothing
        : fieldView(m.fields.branch, `${m.branches[kind]} (${f.text(f.field(key, value))})`);
    if (id === 'product' && fieldText(contract, 'product') === title) return nothing;
    return fieldView(f.label(key), formattedView(f.field(key, value)));
  };

  const group = (id: ShownGroup): TemplateResult | typeof nothing => {
    const shown = entries.filter((entry) => entry.group === id && !isEmpty(entry.value));
    // Coverages as a table under the group's fields, when they are objects.
    const coverages = shown.find((entry) => entry.id === 'coverages');
    const table = coverages && coveragesView(coverages.value, f);
    if (table) shown.splice(shown.indexOf(coverages), 1);
    // An address is one line, in the place of its first part.
    const first = shown.findIndex((entry) => entry.id && ADDRESS.has(entry.id));
    const address = addressLine(contract);
    const rows = shown.map((entry, i) => {
      if (entry.id === 'address' || (entry.id && ADDRESS.has(entry.id)))
        return i === first || entry.id === 'address'
          ? fieldView(m.fields.address, address ?? f.text(f.value(entry.value)))
          : nothing;
      return row(entry);
    });
    if (!table && !rows.some((item) => item !== nothing)) return nothing;
    return html`<section part="group" class="group ${id}">
      <h3 part="heading">${m.groups[id]}</h3>
      <dl part="fields">${rows}</dl>
      ${table ?? nothing}
    </section>`;
  };

  return GROUPS.map(group);
}
