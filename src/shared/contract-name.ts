/** What the list's rows and the detail's title block call a contract, read the same way in both. */
import type { Contract } from '../core/types.js';
import { branchKind, contractField, fieldText } from '../format/index.js';
import type { BranchKind, Messages } from '../i18n/messages.js';

export interface ContractName {
  /** The kind of insurance, for its icon and its name in words. */
  kind: BranchKind;
  /** What the policy is: its description, else its product, else its kind in words. */
  description: string;
  /** Its policy number, else its id. */
  number: string;
}

export function contractName(contract: Contract, m: Messages): ContractName {
  const kind = branchKind(
    contractField(contract, 'branch'),
    contractField(contract, 'product'),
    contractField(contract, 'description'),
  );
  return {
    kind,
    description:
      fieldText(contract, 'description') ?? fieldText(contract, 'product') ?? m.branches[kind],
    number: fieldText(contract, 'contractNumber') ?? contract.id,
  };
}
