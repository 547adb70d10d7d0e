// Server-Sent Events for `/events`: every client watching a record shares one `source.subscribe`
// (fan-out here, not in the source), and the source's subscription ends when the record's last
// client leaves. The streams themselves (heartbeat, bounds, cleanup) are ./event-streams.ts's,
// shared with the health page's `/health/events`.
import { recordKey, type RecordRef, type SyncDataProvider } from '../data/types.ts';
import { createEventStreams, sseEvent } from './event-streams.ts';

export interface LiveEventsOptions {
  heartbeatMs: number;
  maxStreams: number;
  maxStreamsPerRecord: number;
}

const CHANGE = sseEvent('change', {});

export type OpenResult = { stream: ReadableStream<Uint8Array> } | { full: 'record' | 'all' };

export interface LiveEvents {
  /** Opens a stream for the record, or says which bound it would cross. */
  open(record: RecordRef, onClose: (listener: () => void) => () => void): OpenResult;
  /** Open streams now, and records whose source subscription is live (for tests and metrics). */
  stats(): { streams: number; records: number };
}

export function createLiveEvents(subscribe: NonNullable<SyncDataProvider['subscribe']>, { heartbeatMs, maxStreams, maxStreamsPerRecord }: LiveEventsOptions): LiveEvents {
  const streams = createEventStreams({ heartbeatMs, maxStreams, maxStreamsPerTopic: maxStreamsPerRecord });
  return {
    open(record, onClose) {
      const opened = streams.open(recordKey(record), (send) => subscribe(record, () => send(CHANGE)), onClose);
      return 'full' in opened ? { full: opened.full === 'topic' ? 'record' : 'all' } : opened;
    },
    stats() {
      const { streams: open, topics } = streams.stats();
      return { streams: open, records: topics };
    },
  };
}
