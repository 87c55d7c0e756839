/**
 * The Hub's envelopes and items. What the seeds name is checked; everything
 * else is kept (loose objects). Ids may come as strings or numbers and leave
 * here as strings. Fields are plain tests (`z.custom`) rather than unions,
 * records and pipes: the same checks with a fraction of zod's code.
 */
import type { Account, Contract, Organization, Permission } from './types.js';
import { normalizeValues } from './values.js';
import './zod.js';
import * as z from 'zod/mini';

type Test = (value: unknown) => boolean;

const isCode: Test = (value) => typeof value === 'string' || typeof value === 'number';
const isObject: Test = (value) => !!value && typeof value === 'object' && !Array.isArray(value);
/** A field that may be absent or null, else passes `test`. */
const nullish = (test: Test) => z.optional(z.custom((value) => value === null || test(value)));
const asString = z.overwrite<unknown>((value) =>
  typeof value === 'number' ? String(value) : value,
);

const id = z
  .custom((value) => typeof value === 'number' || (typeof value === 'string' && value !== ''))
  .check(asString);
const text = nullish((value) => typeof value === 'string');

const account = z.looseObject({
  id,
  name: text,
  email: text,
  firstName: text,
  middleName: text,
  lastName: text,
  /** Organisation id → dossier number. */
  dossiers: nullish(
    (value) =>
      isObject(value) &&
      Object.values(value as object).every((dossier) => dossier === null || isCode(dossier)),
  ),
  groupIds: nullish((value) => Array.isArray(value) && value.every(isCode)).check(
    z.overwrite((value) => (Array.isArray(value) ? value.map(String) : value)),
  ),
});

const organization = z.looseObject({
  id,
  type: text,
  code: nullish(isCode).check(asString),
  name: text,
  icon: text,
});

const permission = z.custom((value) => typeof value === 'string' || isObject(value));

const contract = z
  .looseObject({
    id,
    dossierNumber: nullish(isCode),
    organizationId: nullish(isCode).check(asString),
    format: text,
    status: text,
    metadata: nullish(isObject),
  })
  // Absent or null metadata reads as none; ANVA's string amounts and compact dates become numbers and ISO dates.
  .check(
    z.overwrite((item) => ({
      ...item,
      metadata: normalizeValues(item.metadata ?? {}) as Record<string, unknown>,
    })),
  );

const envelope = (item: z.ZodMiniType) =>
  z.looseObject({ data: z.looseObject({ items: z.array(item) }) });

/** Every endpoint's envelope schema, by the name used in errors and the console. */
const schemas = {
  account: envelope(account),
  organizations: envelope(organization),
  permissions: envelope(permission),
  contracts: envelope(contract),
  contract: envelope(contract),
};

export type EndpointName = keyof typeof schemas;

export interface EndpointItems {
  account: Account;
  organizations: Organization;
  permissions: Permission;
  contracts: Contract;
  contract: Contract;
}

/** One endpoint's items, or what broke: `data.items[3].id: Invalid input`. */
export function parseEnvelope<K extends EndpointName>(
  name: K,
  body: unknown,
): EndpointItems[K][] | string {
  const result = schemas[name].safeParse(body);
  if (result.success) return result.data.data.items as EndpointItems[K][];
  const { path, message } = result.error.issues[0]!;
  let where = '';
  for (const part of path)
    where += typeof part === 'number' ? `[${part}]` : `${where && '.'}${String(part)}`;
  return `${where || '(root)'}: ${message}`;
}
