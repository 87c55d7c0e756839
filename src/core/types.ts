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
  /** Why the customer was signed out last (shown once by widgets); `cancelled`: they stopped signing in at the Hub. */
  signedOutReason?: SignOutReason | 'cancelled';
}

export interface AuthSession {
  readonly state: SessionState;
  /** Called on every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void;
  signIn(): Promise<void>;
  signOut(reason?: SignOutReason): Promise<void>;
}

export type {
  Account,
  Contract,
  ContractOrganization,
  Organization,
  Permission,
} from './schemas.js';
import type { Account, Contract, Organization, Permission } from './schemas.js';

export interface RequestOptions {
  /** Aborts the caller's interest; a shared request is aborted only when every caller has gone. */
  signal?: AbortSignal;
  /**
   * Called once when the answer takes longer than usual (about 4 s) while the
   * request still waits: the widget can say *Dit duurt langer dan normaal*.
   */
  onSlow?: () => void;
}

export interface HubClient {
  account(options?: RequestOptions): Promise<Account>;
  /** With `organization` set: that organisation only, or none when the customer has no dossier there. */
  organizations(options?: RequestOptions): Promise<Organization[]>;
  permissions(options?: RequestOptions): Promise<Permission[]>;
  /**
   * Each with the `organization` it belongs to. With `organization` set: that
   * broker's contracts only (organisation and dossier both match), else none.
   */
  contracts(options?: RequestOptions): Promise<Contract[]>;
  /** One contract; `not-found` when it is another broker's on a one-broker page. */
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
  loginMode: 'redirect' | 'popup';
  storage: 'memory' | 'session';
  /** ISO 4217 code of every amount, upper case. Default `EUR`. */
  currency: string;
  /** Dutch form of address: `formal` (*u*, default) or `informal` (*je*). */
  tone: 'formal' | 'informal';
  /** Seconds a request to the Hub may take (the one timeout; default 60, ANVA's own limit). */
  timeout: number;
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
