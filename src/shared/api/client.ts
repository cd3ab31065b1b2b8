import { contract, type OpInput, type OpName, type OpOutput } from './contract';
import { apiErrorSchema, type ApiError, type Result } from './errors';

/** Sends one operation to a host and returns its raw reply (already JSON-decoded). */
export type RawTransport = (name: OpName, input: unknown) => Promise<unknown>;

export interface ApiClient {
  send<K extends OpName>(name: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** Like send, but resolves to the value and rejects with an ApiClientError. */
  call<K extends OpName>(name: K, input: OpInput<K>): Promise<OpOutput<K>>;
}

export class ApiClientError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiClientError';
  }
}

const malformed: ApiError = { kind: 'internal', message: 'Malformed reply from the host' };

/** Every reply crossing a process or network boundary is validated before the caller sees it. */
export function createApiClient(transport: RawTransport): ApiClient {
  async function send<K extends OpName>(name: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
    let reply: unknown;
    try {
      reply = await transport(name, input);
    } catch {
      return { ok: false, error: { kind: 'internal', message: 'The host could not be reached' } };
    }
    if (typeof reply !== 'object' || reply === null || !('ok' in reply)) return { ok: false, error: malformed };
    if (reply.ok === true && 'value' in reply) {
      const value = contract[name].output.safeParse(reply.value);
      return value.success ? { ok: true, value: value.data as OpOutput<K> } : { ok: false, error: malformed };
    }
    if (reply.ok === false && 'error' in reply) {
      const error = apiErrorSchema.safeParse(reply.error);
      return { ok: false, error: error.success ? error.data : malformed };
    }
    return { ok: false, error: malformed };
  }
  return {
    send,
    async call(name, input) {
      const result = await send(name, input);
      if (!result.ok) throw new ApiClientError(result.error);
      return result.value;
    },
  };
}
