/**
 * The Hub's envelopes and items. What the seeds name is checked; everything
 * else is kept (loose objects). Ids may come as strings or numbers and leave
 * here as strings. Only zod's small building blocks are used (no unions,
 * records or pipes): a `custom` test plus an `overwrite` does the same job.
 */
import type { Account, Contract, Organization, Permission } from './types.js';
import './zod.js';
import * as z from 'zod/mini';

const isObject = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value);
const isCode = (value: unknown) => typeof value === 'string' || typeof value === 'number';
const toString = z.overwrite<unknown>(String);
/** A string or number, leaving as a string. */
const code = z.custom(isCode).check(toString);
const id = z
  .custom((value) => typeof value === 'number' || (typeof value === 'string' && value !== ''))
  .check(toString);
const text = z.nullish(z.string());

const account = z.looseObject({
  id,
  name: text,
  email: text,
  firstName: text,
  middleName: text,
  lastName: text,
  dossiers: z.nullish(
    z
      .looseObject({})
      .check(
        z.refine(
          (dossiers) =>
            Object.values(dossiers).every((dossier) => dossier === null || isCode(dossier)),
          'expected a dossier number per organisation',
        ),
      ),
  ),
  groupIds: z.nullish(z.array(code)),
});

const organization = z.looseObject({
  id,
  type: text,
  code: z.nullish(code),
  name: text,
  icon: text,
});

const permission = z.custom((value) => typeof value === 'string' || isObject(value));

const contract = z.looseObject({
  id,
  dossierNumber: z.nullish(z.custom(isCode)),
  format: text,
  status: text,
  metadata: z.nullish(z.looseObject({})).check(z.overwrite((metadata) => metadata ?? {})),
});

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
