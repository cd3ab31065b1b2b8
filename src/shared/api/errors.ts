import { z } from 'zod';

/** Every failure that may cross a boundary has one of these kinds; each has a message under `errors.<kind>`. */
export const ERROR_KINDS = [
  'invalid_input',
  'not_found',
  'stale_revision',
  'read_only',
  'not_ready',
  'not_signer',
  'already_signed',
  'not_writable',
  'signing_key_required',
  'signing_key_locked',
  'invalid_file',
  'unsupported_version',
  'too_large',
  'db_newer_version',
  'storage',
  'unauthorized',
  'method_not_allowed',
  'unsupported_media_type',
  'internal',
] as const;
export const errorKindSchema = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof errorKindSchema>;

const paramValue = z.union([z.string().max(2000), z.number()]);
export const issueSchema = z.strictObject({
  /** Dotted field path, e.g. `participants.0.email`; empty for the whole document. */
  path: z.string().max(500),
  /** zod issue code (invalid_type, unrecognized_keys, too_big, ...), translated under `errors.issue.<code>`. */
  code: z.string().max(64),
  params: z.record(z.string().max(64), paramValue).optional(),
});
export type Issue = z.infer<typeof issueSchema>;

export const apiErrorSchema = z.strictObject({
  kind: errorKindSchema,
  /** Plain English for logs and support; the UI translates `kind` + `params` instead. */
  message: z.string().max(2000),
  params: z.record(z.string().max(64), paramValue).optional(),
  issues: z.array(issueSchema).max(50).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly params?: Record<string, string | number>,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): ApiError {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues?.length ? { issues: this.issues.slice(0, 50) } : {}),
    };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Turns anything thrown into a safe, typed error: no stack traces or internal messages leave the process. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toJSON();
  return { kind: 'internal', message: 'Unexpected internal error' };
}

/** zod issues → our issues, with paths joined by dots and only safe, small parameters kept. */
export function issuesFromZod(error: z.ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.slice(0, 50).map((issue) => {
    const params: Record<string, string | number> = {};
    if (issue.code === 'unrecognized_keys') params.keys = issue.keys.slice(0, 10).join(', ').slice(0, 500);
    if (issue.code === 'invalid_type') params.expected = String(issue.expected);
    if (issue.code === 'too_big' || issue.code === 'too_small') {
      const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      if (typeof limit === 'number') params.limit = limit;
      params.origin = String(issue.origin);
    }
    if (issue.code === 'invalid_value') params.values = issue.values.slice(0, 10).map(String).join(', ').slice(0, 500);
    const path = [...prefix, ...issue.path].map((p) => String(p)).join('.');
    return Object.keys(params).length ? { path, code: issue.code, params } : { path, code: issue.code };
  });
}
