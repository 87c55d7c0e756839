/** What a contract says about itself, read the same way by the table and the detail view. */
import type { Contract } from '../core/types.js';
import type { FieldId, Messages, StatusKey } from '../i18n/messages.js';
import { indexFields } from './fields.js';
import { isoDay, today } from './format.js';
import { deriveStatus } from './status.js';

/**
 * A known field's value: the API's own top-level `status` / `dossierNumber`
 * first, else the metadata (a field sent as null stays null: "–" is news too).
 */
export function contractField(contract: Contract, id: FieldId): unknown {
  if ((id === 'status' || id === 'dossierNumber') && contract[id] != null) return contract[id];
  return indexFields(contract.metadata ?? {}).known.get(id)?.[1];
}

export interface ContractStatus {
  /** A status the catalogue knows (derived Toekomstig/Verlopen included). */
  key?: StatusKey;
  /** The customer's word for it, or the Hub's own text for an unknown status. */
  text?: string;
}

/** `day` (`YYYY-MM-DD`, default today) decides Toekomstig / Verlopen; a list passes one day for all rows. */
export function contractStatus(m: Messages, contract: Contract, day = today()): ContractStatus {
  const raw = contractField(contract, 'status');
  const given = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  const key = deriveStatus(
    given,
    isoDay(contractField(contract, 'effectiveDate')),
    isoDay(contractField(contract, 'expiryDate')),
    day,
  );
  return { key, text: key ? m.status[key] : given };
}
