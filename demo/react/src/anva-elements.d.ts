/**
 * JSX types for the ANVA widgets in React 19: attributes as the HTML documents them, and
 * `anva-*` events as `onanva-…` props (React 19 adds those as event listeners on custom elements).
 */
import type { AnvaErrorDetail, AnvaProfile, Contract, SignOutReason } from 'anva-widgets';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Base = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;

export type SignedInEvent = CustomEvent<{ profile: AnvaProfile }>;
export type SignedOutEvent = CustomEvent<{ reason: SignOutReason }>;
export type ContractSelectEvent = CustomEvent<{ id: string; contract?: Contract }>;
export type AnvaErrorEvent = CustomEvent<AnvaErrorDetail>;

interface SessionEvents {
  'onanva-signed-in'?: (event: SignedInEvent) => void;
  'onanva-signed-out'?: (event: SignedOutEvent) => void;
  'onanva-error'?: (event: AnvaErrorEvent) => void;
}

interface AnvaHubProps extends Base, SessionEvents {
  authority: string;
  'client-id': string;
  'api-base': string;
  scope?: string;
  'redirect-uri'?: string;
  'post-logout-redirect-uri'?: string;
  organization?: string;
  lang?: 'nl' | 'en';
  'login-mode'?: 'redirect' | 'popup';
  storage?: 'memory' | 'session';
}

interface AnvaContractsProps extends Base, SessionEvents {
  columns?: string;
  'detail-href'?: string;
  'page-size'?: number;
  'onanva-contract-select'?: (event: ContractSelectEvent) => void;
}

interface AnvaContractDetailProps extends Base, SessionEvents {
  'contract-id'?: string;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'anva-hub': AnvaHubProps;
      'anva-login': Base & SessionEvents;
      'anva-contracts': AnvaContractsProps;
      'anva-contract-detail': AnvaContractDetailProps;
      'anva-account': Base & SessionEvents;
    }
  }
}
