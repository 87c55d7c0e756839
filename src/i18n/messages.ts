/** The typed message catalogue: every text a customer sees, implemented once per language. */
import type { AnvaErrorCode } from '../core/errors.js';
import type { Lang } from '../core/lang.js';

export type { Lang };

/** How Dutch addresses the customer: *u* (`formal`, the default) or *je* (`informal`). English has one tone. */
export type Tone = 'formal' | 'informal';

/** The data widgets, each of which says what it shows once the customer signs in. */
export type DataWidget = 'contracts' | 'contract' | 'account';

/** Statuses a customer recognises; anything else is shown as the Hub sends it. */
export type StatusKey = 'active' | 'suspended' | 'paidUp' | 'ended' | 'future' | 'expired';

/** Kinds of insurance that get their own icon. */
export type BranchKind =
  | 'car'
  | 'home'
  | 'contents'
  | 'travel'
  | 'liability'
  | 'legal'
  | 'health'
  | 'life'
  | 'accident'
  | 'bike'
  | 'other';

/** Fields the widgets know, with a label, a place in the detail view and a format. */
export type FieldId =
  | 'contractNumber'
  | 'description'
  | 'provider'
  | 'status'
  | 'branch'
  | 'product'
  | 'package'
  | 'dossierNumber'
  | 'broker'
  | 'effectiveDate'
  | 'mainRenewalDate'
  | 'expiryDate'
  | 'duration'
  | 'paymentTerm'
  | 'collectionMethod'
  | 'premium'
  | 'insuranceTax'
  | 'totalPremium'
  | 'deductible'
  | 'insuredAmount'
  | 'coverage'
  | 'coverages'
  | 'insuredObject'
  | 'objectType'
  | 'licencePlate'
  | 'address'
  | 'make'
  | 'model'
  | 'buildYear'
  | 'street'
  | 'houseNumber'
  | 'houseNumberAddition'
  | 'postalCode'
  | 'postalCodeDigits'
  | 'postalCodeLetters'
  | 'city'
  | 'familyComposition'
  | 'birthDate'
  | 'frameNumber'
  | 'name'
  | 'code'
  | 'bonusMalus'
  | 'bonusMalusStep'
  | 'discount'
  | 'noClaimProtection'
  | 'claimFreeYears'
  | 'regularDrivers'
  | 'annualMileage'
  | 'lastClaimDate'
  | 'suspendedFrom'
  | 'suspendedUntil'
  | 'cancellationReason'
  | 'format'
  | 'organizationId'
  | 'organization'
  | 'documents';

/** Where the detail view shows a field; `hidden` fields are plumbing a customer never needs. */
export type GroupId = 'title' | 'coverage' | 'premium' | 'dates' | 'object' | 'other' | 'hidden';

export interface Messages {
  /** BCP 47 locale for `Intl` (dates, euros, months). */
  locale: string;
  signIn: string;
  signOut: string;
  signingIn: string;
  /** Accessible name of the signed-in customer's name. */
  signedInAs: (name: string) => string;
  signedOutText: string;
  /** What each data widget shows once the customer signs in, said while signed out. */
  signInToSee: Record<DataWidget, string>;
  sessionExpired: string;
  accessRevoked: string;
  /** After *Uitloggen*: the session has ended, here and at the Hub. */
  signedOutNotice: string;
  /** The customer stopped signing in at the Hub (*Annuleren*, *Weigeren*). */
  signInCancelled: string;
  signInFailed: string;
  /** For the broker's web team: names the attribute to fix. */
  configError: (detail: string) => string;
  loading: string;
  /** Over the placeholder while an answer takes longer than usual: calm, no error. */
  slowAnswer: string;
  retry: string;
  back: string;
  /** The way to the website's home page when there is no page to go back to. */
  home: string;
  errors: Record<AnvaErrorCode, string>;
  yes: string;
  no: string;
  /** Shown for an empty value. */
  none: string;
  /** Payment term: 1, 3, 6, 12 months have their own word; `duration` is `Intl`'s "2 maanden". */
  term: (months: number, duration: string) => string;
  contractsLabel: string;
  contractsEmpty: string;
  contractsCount: (shown: number, total: number) => string;
  /** A list's caption with its page, read when paging moves focus to it. */
  listPage: (page: number, pages: number) => string;
  sortBy: string;
  /** The premium summary over running policies, `amount` already formatted. */
  premiumTotal: (amount: string) => string;
  /**
   * Under the summary: over which policies; `converted` names the other terms
   * converted to a month (`per kwartaal en per jaar`), `uncounted` the running
   * policies left out because their term is no number of months.
   */
  premiumBasis: (converted: string | undefined, uncounted: number) => string;
  search: string;
  statusFilter: string;
  allStatuses: string;
  noMatches: string;
  pageOf: (page: number, pages: number) => string;
  pagination: string;
  previous: string;
  next: string;
  open: (name: string) => string;
  detailEmpty: string;
  detailNotFound: string;
  groups: Record<Exclude<GroupId, 'title' | 'hidden'>, string>;
  /** Links to the broker's own forms (`change-href`, `claim-href`). */
  change: string;
  claim: string;
  fields: Record<FieldId, string>;
  status: Record<StatusKey, string>;
  branches: Record<BranchKind, string>;
  /** Collection methods by their normalised code; other names of a code (`incasso`, `nota`) are folded in `format/codes.ts`. */
  methods: Record<string, string>;
  /** Kinds of insured object by their normalised code (`vehicle`, `address`; `car` is folded into `vehicle`); others are shown as given. */
  objectTypes: Record<string, string>;
  details: string;
  name: string;
  email: string;
  /** Heading over the customer's broker. */
  organizations: string;
  /** Heading over the customer's brokers when there are several. */
  organizationsSeveral: string;
  permissions: string;
  noneKnown: string;
  /** Permissions in words, by code in lower case without separators and plurals: `contracts.read` → `contractread`. */
  permissionNames: Record<string, string>;
}
