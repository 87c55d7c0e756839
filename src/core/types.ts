/**
 * The contract between the shared core and the widgets. Components import only
 * these types and the accessors in `registry.ts`; they never call `fetch` or
 * `UserManager` themselves.
 */
import type { AnvaError } from './errors.js';

/** What a customer sees of themselves in events: never a token. */
export interface AnvaProfile {
  name?: string;
  email?: string;
}

export type SignOutReason = 'user' | 'expired' | 'revoked';

export type SessionStatus =
  /** No `<anva-hub>` / `configure()` seen yet. */
  | 'unconfigured'
  /** The configuration is missing or invalid: `error` says which attribute. */
  | 'config-error'
  /** Reading storage / handling a callback. */
  | 'initializing'
  | 'signed-out'
  /** Redirecting to, or waiting on a popup of, the Hub's login page. */
  | 'signing-in'
  | 'signed-in';

export interface SessionState {
  status: SessionStatus;
  profile?: AnvaProfile;
  /** Why the last sign-in, renewal or configuration failed (`config` / `auth`). */
  error?: AnvaError;
  /** Why the customer was signed out last (shown once by widgets). */
  signedOutReason?: SignOutReason;
}

export interface AuthSession {
  readonly state: SessionState;
  /** Called on every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void;
  signIn(): Promise<void>;
  signOut(reason?: SignOutReason): Promise<void>;
}

/** Normalised API items: ids are strings, unknown fields kept. */
export interface Account {
  id: string;
  name?: string | null;
  email?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  dossiers?: Record<string, string | number | null>;
  groupIds?: string[];
  [key: string]: unknown;
}

export interface Organization {
  id: string;
  type?: string | null;
  code?: string | null;
  name?: string | null;
  icon?: string | null;
  [key: string]: unknown;
}

export type Permission = string | Record<string, unknown>;

export interface Contract {
  id: string;
  dossierNumber?: string | number | null;
  format?: string | null;
  status?: string | null;
  metadata: Record<string, unknown>;
  [key: string]: unknown;
}

export interface RequestOptions {
  /** Aborts the caller's interest; a shared request is aborted only when every caller has gone. */
  signal?: AbortSignal;
}

export interface HubClient {
  account(options?: RequestOptions): Promise<Account>;
  /** The configured `organization` only, when it is among the customer's; else all of them. */
  organizations(options?: RequestOptions): Promise<Organization[]>;
  permissions(options?: RequestOptions): Promise<Permission[]>;
  /** Contracts of the configured `organization` only, when one is set. */
  contracts(options?: RequestOptions): Promise<Contract[]>;
  contract(id: string, options?: RequestOptions): Promise<Contract>;
  /** Forgets cached results (explicit refresh); subscribers re-run their tasks. */
  invalidate(): void;
  /** Called after `invalidate()`, sign-out and account change. */
  subscribe(listener: () => void): () => void;
}

/** The contract chosen in `<anva-contracts>`, read by `<anva-contract-detail>`. */
export interface ContractSelection {
  readonly current: { id: string; contract?: Contract } | undefined;
  select(id: string, contract?: Contract): void;
  subscribe(listener: () => void): () => void;
}

/** Validated `<anva-hub>` / `configure()` settings. */
export interface AnvaConfig {
  authority: string;
  clientId: string;
  apiBase: string;
  scope: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  organization?: string;
  lang?: 'nl' | 'en';
  /** Dutch with *u* (`formal`, default) or *je* (`informal`). */
  tone?: 'formal' | 'informal';
  /** ISO 4217 code of the amounts the Hub sends (default `EUR`). */
  currency?: string;
  loginMode: 'redirect' | 'popup';
  storage: 'memory' | 'session';
}

/**
 * The page-global runtime (one per page, kept on `globalThis` under
 * `Symbol.for('anva-widgets.runtime')`), returned by `anva()` in `registry.ts`.
 */
export interface AnvaRuntime {
  /** The settings in force, once a valid `<anva-hub>` or `configure()` was seen. */
  readonly config: AnvaConfig | undefined;
  /** A `config` error naming the attribute, when the configuration is missing or invalid. */
  readonly configError: AnvaError | undefined;
  readonly session: AuthSession;
  readonly client: HubClient;
  readonly selection: ContractSelection;
  /** Called when the configuration (or its error) changes. */
  subscribe(listener: () => void): () => void;
}
