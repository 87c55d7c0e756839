/**
 * Which broker each piece of data belongs to, and what a one-broker page may
 * show: pure functions over the API's account, organisations and contracts.
 * With `organization` set, the organisation is matched first, then its
 * dossier; a contract counts only when its organisation and dossier both
 * match where the API gives both. Nothing matches: nothing is shown.
 */
import type { Account, Contract, ContractOrganization, Organization } from './types.js';

const given = (value: unknown): value is string | number =>
  value !== undefined && value !== null && value !== '';

const same = (a: unknown, b: unknown) => given(a) && given(b) && String(a) === String(b);

/** The organisation the setting names among the customer's: by id, or by code in any case. */
export function namedOrganization(
  organizations: readonly Organization[],
  wanted: string,
): Organization | undefined {
  const key = wanted.trim().toLowerCase();
  return organizations.find(
    ({ id, code }) => id.toLowerCase() === key || code?.toLowerCase() === key,
  );
}

/**
 * The organisation a contract belongs to: the one the API names with it,
 * else the only organisation whose dossier carries its number.
 */
export function organizationIdOf(contract: Contract, account: Account): string | undefined {
  if (given(contract.organizationId)) return String(contract.organizationId);
  const dossiers = account.dossiers ?? {};
  const owners = Object.keys(dossiers).filter((id) => same(dossiers[id], contract.dossierNumber));
  return owners.length === 1 ? owners[0] : undefined;
}

/** Each contract with the organisation it belongs to (`name`/`code`), when that can be told. */
export function withOrganizations(
  contracts: readonly Contract[],
  account: Account,
  organizations: readonly Organization[],
): Contract[] {
  return contracts.map((contract) => {
    const id = organizationIdOf(contract, account);
    const known = organizations.find((organization) => organization.id === id);
    if (id === undefined) return contract;
    const organization: ContractOrganization = { id };
    if (known?.name) organization.name = known.name;
    if (known?.code) organization.code = known.code;
    return { ...contract, organization };
  });
}

export type BrokerView =
  /** The configured broker's id: the customer has a dossier there. */
  | { id: string; problem?: undefined }
  /** Why nothing can be shown, for the web team's console. */
  | { id?: undefined; problem: string };

/** Which of the customer's organisations the page's `organization` setting means, and its dossier. */
export function brokerOf(
  wanted: string,
  account: Account,
  organizations: readonly Organization[],
): BrokerView {
  const dossiers = account.dossiers ?? {};
  const id =
    namedOrganization(organizations, wanted)?.id ??
    (Object.hasOwn(dossiers, wanted) ? wanted : undefined);
  if (id === undefined || !given(dossiers[id]))
    return {
      problem: `organization "${wanted}" is not among this customer's organisations: nothing is shown.`,
    };
  return { id };
}

/** Whether a contract is the configured broker's: its organisation, and that organisation's dossier. */
export function isBrokers(contract: Contract, account: Account, brokerId: string): boolean {
  const dossier = account.dossiers?.[brokerId];
  if (organizationIdOf(contract, account) !== brokerId) return false;
  return !given(contract.dossierNumber) || same(contract.dossierNumber, dossier);
}
