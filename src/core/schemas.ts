/**
 * The Hub's envelopes and items. What the seeds name is checked; everything
 * else is kept (loose objects). Ids may come as strings or numbers and leave
 * here as strings.
 *
 * Each field is a type guard wrapped in `z.custom`, so the item types the rest of
 * the code uses are derived from the very tests that check them. zod's own
 * unions and records would say the same in 1.6 KB more of bundle.
 */
import { isArrayOf, isNullOr, isObject, isRecordOf, isString } from './guards.js';
import type { Entries, Guard } from './guards.js';
import { normalizeRecord } from './values.js';
import './zod.js';
import * as z from 'zod/mini';

const isCode: Guard<string | number> = (value) => isString(value) || typeof value === 'number';

/** A field that must pass `test`. */
const field = <T>(test: Guard<T>) => z.custom<T>(test);
/** A field that may be absent or null, else passes `test`. */
const nullish = <T>(test: Guard<T>) => z.optional(field(isNullOr(test)));
/**
 * A field that passes `test` and leaves as `convert` makes it: a check that
 * overwrites the value, which costs no zod pipe or transform in the bundle.
 */
const converted = <In, Out extends In>(test: Guard<In>, convert: (value: In) => Out) =>
  z.custom<Out>(test).check(z.overwrite<In>(convert));

/** A code that leaves as text: ANVA sends codes either as text or as numbers. */
const id = converted((value): value is string | number => isCode(value) && value !== '', String);
const text = nullish(isString);
const codeText = z.optional(
  converted(isNullOr(isCode), (value) => (value === null ? null : String(value))),
);

const account = z.looseObject({
  id,
  name: text,
  email: text,
  firstName: text,
  middleName: text,
  lastName: text,
  /** Organisation id → dossier number. */
  dossiers: z.optional(field(isRecordOf(isNullOr(isCode)))),
  groupIds: z.optional(converted(isArrayOf(isCode), (ids) => ids.map(String))),
});

const organization = z.looseObject({
  id,
  type: text,
  code: codeText,
  name: text,
  icon: text,
});

/** A permission is a name, or an object the Hub describes it with. */
const permission = field((value): value is string | Entries => isString(value) || isObject(value));

/** The organisation (broker) a contract belongs to, as far as the API tells. */
export interface ContractOrganization {
  id: string;
  name?: string;
  code?: string;
}

const contract = z
  .looseObject({
    id,
    dossierNumber: nullish(isCode),
    /** The organisation the API names with the contract, when it does. */
    organizationId: codeText,
    format: text,
    status: text,
    metadata: nullish(isObject),
  })
  // Absent or null metadata reads as none; ANVA's string amounts and compact dates become numbers and ISO dates.
  .check(
    z.overwrite((item) => Object.assign(item, { metadata: normalizeRecord(item.metadata ?? {}) })),
  );

/** Normalised API items: ids are strings, unknown fields kept. */
export type Account = z.output<typeof account>;
export type Organization = z.output<typeof organization>;
export type Permission = z.output<typeof permission>;
export type Contract = z.output<typeof contract> & {
  /** Filled by the Hub client: the broker this contract belongs to, when that can be told. */
  organization?: ContractOrganization;
};

/**
 * Every endpoint's answer: `{ data: { items: [...] } }`. The items are checked
 * one by one in `parseEnvelope`: zod's array schema would cost 0.4 KB of bundle
 * for that loop.
 */
const envelope = z.looseObject({
  data: z.looseObject({ items: field((value): value is unknown[] => Array.isArray(value)) }),
});

/** One item of each endpoint, as its schema leaves it, by the name used in errors and the console. */
interface EndpointItems {
  account: Account;
  organizations: Organization;
  permissions: Permission;
  contracts: z.output<typeof contract>;
  contract: z.output<typeof contract>;
}

export type EndpointName = keyof EndpointItems;
export type EndpointItem<K extends EndpointName> = EndpointItems[K];

const items: { [K in EndpointName]: z.ZodMiniType<EndpointItem<K>> } = {
  account,
  organizations: organization,
  permissions: permission,
  contracts: contract,
  contract,
};

/** What broke and where: `data.items[3].id: Invalid input`. */
function problem({ path, message }: z.core.$ZodIssue, within: PropertyKey[] = []): string {
  let where = '';
  for (const part of [...within, ...path])
    where += typeof part === 'number' ? `[${part}]` : `${where && '.'}${String(part)}`;
  return `${where || '(root)'}: ${message}`;
}

/** One endpoint's items, or what broke (`problem`). */
export function parseEnvelope<K extends EndpointName>(
  name: K,
  body: unknown,
): EndpointItem<K>[] | string {
  const answer = envelope.safeParse(body);
  if (!answer.success) return problem(answer.error.issues[0]!);
  const parsed: EndpointItem<K>[] = [];
  for (const [index, item] of answer.data.data.items.entries()) {
    const result = items[name].safeParse(item);
    if (!result.success) return problem(result.error.issues[0]!, ['data', 'items', index]);
    parsed.push(result.data);
  }
  return parsed;
}
