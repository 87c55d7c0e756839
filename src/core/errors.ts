/** The typed error codes of the embed contract. */
export type AnvaErrorCode =
  | 'config'
  | 'auth'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'server';

/** What `anva-error` carries: no tokens, ever. */
export interface AnvaErrorDetail {
  code: AnvaErrorCode;
  /** Technical message for the web team (English); customers see the catalogue text. */
  message: string;
  retryable: boolean;
}

export class AnvaError extends Error {
  readonly code: AnvaErrorCode;
  readonly retryable: boolean;

  constructor(
    code: AnvaErrorCode,
    message: string,
    options: { retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AnvaError';
    this.code = code;
    this.retryable = options.retryable ?? false;
  }

  toDetail(): AnvaErrorDetail {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}
