import type { ReactiveControllerHost } from 'lit';
import type { RecordRef } from '../data/types.ts';

/** How long "Copied" (or "Could not copy") shows before the button reads "Copy details" again. */
const FEEDBACK_MS = 3000;

/** Copies text to the clipboard and remembers, per button, whether it worked, for a few seconds. */
export class CopyFeedback {
  private readonly feedback = new Map<string, 'copied' | 'failed'>();

  constructor(private readonly host: ReactiveControllerHost) {}

  /** What the button `key` says now: `undefined` is its own label. */
  state(key: string): 'copied' | 'failed' | undefined {
    return this.feedback.get(key);
  }

  async copy(key: string, text: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      ok = false;
    }
    this.feedback.set(key, ok ? 'copied' : 'failed');
    this.host.requestUpdate();
    setTimeout(() => {
      this.feedback.delete(key);
      this.host.requestUpdate();
    }, FEEDBACK_MS);
  }
}

/** The record as "Copy details" names it: "company 42 (portal 7)"; empty without a record. */
export function recordReference(record: RecordRef | undefined): string {
  if (!record) return '';
  return `${record.objectType} ${record.objectId}${record.portalId ? ` (portal ${record.portalId})` : ''}`;
}
