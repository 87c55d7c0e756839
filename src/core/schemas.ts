/**
 * The Hub's envelopes and items. What the seeds name is checked; everything
 * else is kept (loose objects). Ids may come as strings or numbers and leave
 * here as strings.
 */
import type { Account, Contract, Organization, Permission } from './types.js';
import './zod.js';
import * as z from 'zod/mini';

const id = z.pipe(
  z.union([z.string().check(z.minLength(1)), z.number()]),
  z.transform((value: string | number) => String(value)),
);
const text = z.nullish(z.string());
const stringOrNumber = z.union([z.string(), z.number()]);

const account = z.looseObject({
  id,
  name: text,
  email: text,
  firstName: text,
  middleName: text,
  lastName: text,
  dossiers: z.nullish(z.record(z.string(), z.nullable(stringOrNumber))),
  groupIds: z.nullish(
    z.array(
      z.pipe(
        stringOrNumber,
        z.transform((value: string | number) => String(value)),
      ),
    ),
  ),
});

const organization = z.looseObject({
  id,
  type: text,
  code: z.nullish(
    z.pipe(
      stringOrNumber,
      z.transform((value: string | number) => String(value)),
    ),
  ),
  name: text,
  icon: text,
});

const permission = z.union([z.string(), z.record(z.string(), z.unknown())]);

const contract = z.looseObject({
  id,
  dossierNumber: z.nullish(stringOrNumber),
  format: text,
  status: text,
  metadata: z.pipe(
    z.nullish(z.record(z.string(), z.unknown())),
    z.transform((value: Record<string, unknown> | null | undefined) => value ?? {}),
  ),
});

function envelope<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({ data: z.looseObject({ items: z.array(item) }) });
}

/** Every endpoint's envelope schema, by the name used in errors and the console. */
export const schemas = {
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

/** `data.items[3].id` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(root)';
}

export type ParseResult<T> =
  { ok: true; items: T[] } | { ok: false; path: string; message: string };

/** Validates one endpoint's body; on failure says which path broke. */
export function parseEnvelope<K extends EndpointName>(
  name: K,
  body: unknown,
): ParseResult<EndpointItems[K]> {
  const result = schemas[name].safeParse(body);
  if (result.success) {
    return { ok: true, items: result.data.data.items as EndpointItems[K][] };
  }
  const issue = result.error.issues[0];
  return {
    ok: false,
    path: formatPath(issue?.path ?? []),
    message: issue?.message ?? 'invalid',
  };
}
