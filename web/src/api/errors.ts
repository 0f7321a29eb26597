// ApiError: a problem+json answer (or a network failure) as one typed error.

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number; // 0 = no answer (network failure)
  readonly code: string;
  readonly details: FieldProblem[];
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined; // seconds, from Retry-After
  readonly body: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: FieldProblem[];
    requestId?: string | undefined;
    retryAfter?: number | undefined;
    body?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
    this.body = init.body ?? {};
  }

  /** The message of one field's problem, if the API named that field. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }

  /** What to tell a person: the API's message in plain words, with the request id to quote. */
  get explanation(): string {
    let text = this.message;
    if (this.status === 429 && this.retryAfter !== undefined) {
      text += ` Try again in ${this.retryAfter} s.`;
    }
    return this.requestId ? `${text} (request ${this.requestId})` : text;
  }
}

const plainWords: Record<number, string> = {
  402: 'This needs a payment first.',
  409: 'That conflicts with the current state; reload and try again.',
  429: 'Too many attempts.',
  500: 'The server failed to answer this request.',
  502: 'The server is unreachable right now.',
  503: 'The service is unavailable right now.',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Maps a non-2xx response and its parsed body (problem+json or anything else) to an ApiError. */
export function toApiError(response: Response, body: unknown): ApiError {
  const problem = isObject(body) ? body : {};
  const str = (k: string) => (typeof problem[k] === 'string' ? (problem[k] as string) : undefined);
  const details = Array.isArray(problem.details)
    ? problem.details.filter(isObject).map((d) => ({
        field: typeof d.field === 'string' ? d.field : '',
        message: typeof d.message === 'string' ? d.message : '',
      }))
    : [];
  const retry = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError({
    status: response.status,
    code: str('code') ?? `HTTP_${response.status}`,
    message:
      str('message') ??
      str('detail') ??
      plainWords[response.status] ??
      (response.status >= 500 ? plainWords[500]! : `The request failed (${response.status}).`),
    details,
    requestId: str('requestId') ?? response.headers.get('X-Request-Id') ?? undefined,
    retryAfter: Number.isFinite(retry) ? retry : undefined,
    body: problem,
  });
}

/** The error of a request that got no answer at all. */
export function networkError(cause: unknown): ApiError {
  return new ApiError({
    status: 0,
    code: 'NETWORK_ERROR',
    message: `The server could not be reached${cause instanceof Error ? ` (${cause.message})` : ''}.`,
  });
}
