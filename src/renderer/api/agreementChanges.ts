import { ApiClientError, type ApiClient } from '../../shared/api/client';
import type { AgreementSummary, OpInput, OpName, OpOutput } from '../../shared/api/contract';
import { agreementChangedSchema, type AgreementChanged } from '../../shared/api/events';

export type { AgreementChanged };

/** Same-origin tabs of browser mode hear each other on this BroadcastChannel. */
export const CHANGE_CHANNEL = 'sla-workshop.agreement-changed';

const fromSummary = (summary: AgreementSummary): AgreementChanged => ({ id: summary.id, revision: summary.deletedAt === null ? summary.revision : null });

/**
 * What a successful operation changed, as another tab needs to hear it. A null revision means "gone, or
 * unknown here: ask the host" (a version superseded by the last signature of its amendment).
 */
export function noticesFor<K extends OpName>(name: K, input: OpInput<K>, output: OpOutput<K>): AgreementChanged[] {
  switch (name) {
    case 'agreements.save':
      return [{ id: (input as OpInput<'agreements.save'>).id, revision: (output as OpOutput<'agreements.save'>).revision }];
    case 'agreements.create': {
      const record = output as OpOutput<'agreements.create'>;
      return [{ id: record.agreement.meta.id, revision: record.revision }];
    }
    case 'signing.sign': {
      const { record } = output as OpOutput<'signing.sign'>;
      const amended = record.agreement.meta.amendsId;
      return [{ id: record.agreement.meta.id, revision: record.revision }, ...(amended ? [{ id: amended, revision: null }] : [])];
    }
    case 'agreements.duplicate':
    case 'agreements.rename':
    case 'agreements.trash':
    case 'agreements.restore':
    case 'agreements.amend':
      return [fromSummary(output as AgreementSummary)];
    case 'slaw.import':
      // An import may also add signatures to, or bring back from the trash, an agreement already here.
      return [fromSummary((output as OpOutput<'slaw.import'>).summary)];
    case 'agreements.purge':
      return [{ id: (output as OpOutput<'agreements.purge'>).id, revision: null }];
    default:
      return [];
  }
}

/** The client, announcing what each successful write changed (browser mode: the host cannot tell other tabs). */
export function withChangeNotices(client: ApiClient, announce: (notices: AgreementChanged[]) => void): ApiClient {
  const send: ApiClient['send'] = async (name, input) => {
    const result = await client.send(name, input);
    if (result.ok) {
      const notices = noticesFor(name, input, result.value);
      if (notices.length > 0) announce(notices);
    }
    return result;
  };
  return {
    send,
    async call(name, input) {
      const result = await send(name, input);
      if (!result.ok) throw new ApiClientError(result.error);
      return result.value;
    },
  };
}

export interface ChangeChannel {
  announce(notices: readonly AgreementChanged[]): void;
  /** Calls `listener` for each notice from another window; returns the unsubscribe function. */
  subscribe(listener: (notice: AgreementChanged) => void): () => void;
}

type BroadcastLike = Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'removeEventListener'>;

/** Browser mode: tabs of one origin tell each other; every message is validated like any other input. */
export function createBroadcastChangeChannel(channel: BroadcastLike): ChangeChannel {
  return {
    announce(notices) {
      for (const notice of notices) channel.postMessage({ id: notice.id, revision: notice.revision });
    },
    subscribe(listener) {
      const onMessage = (event: Event) => {
        const parsed = agreementChangedSchema.safeParse((event as MessageEvent).data);
        if (parsed.success) listener(parsed.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}

/** Electron: the main process tells every window (its own writes included, which the store recognises). */
export function createDesktopChangeChannel(subscribe: (listener: (change: unknown) => void) => () => void): ChangeChannel {
  return {
    announce: () => undefined,
    subscribe(listener) {
      return subscribe((change) => {
        const parsed = agreementChangedSchema.safeParse(change);
        if (parsed.success) listener(parsed.data);
      });
    },
  };
}

const silent: ChangeChannel = { announce: () => undefined, subscribe: () => () => undefined };
let current: ChangeChannel | null = null;

/** The channel of this host, created on first use. */
export function changeChannel(): ChangeChannel {
  if (current) return current;
  const desktop = typeof window === 'undefined' ? undefined : window.api;
  if (desktop) current = createDesktopChangeChannel((listener) => desktop.onAgreementChanged(listener));
  else current = typeof BroadcastChannel === 'function' ? createBroadcastChangeChannel(new BroadcastChannel(CHANGE_CHANNEL)) : silent;
  return current;
}

/** Tests choose the channel explicitly. */
export function setChangeChannel(next: ChangeChannel | null): void {
  current = next;
}
