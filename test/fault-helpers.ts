// Browser side of test/support/fault-api.mjs: one run (its own fault plan and request log) per test.
export interface FaultPlan {
  kind: 'status' | 'drop' | 'hang' | 'slow' | 'truncated' | 'invalid' | 'html' | 'text-json';
  status?: number;
  retryAfter?: string;
  delayMs?: number;
  count?: number;
}

export interface LoggedRequest {
  at: number;
  kind: 'get' | 'batch' | 'events';
  objectIds: string[];
  outcome: string;
}

let runs = 0;

/** A fresh fault-injecting API: `endpoint` for the providers, `control` to plan its faults. */
export function faultRun(name: string) {
  const id = `${name}-${Date.now().toString(36)}-${++runs}`;
  const endpoint = `${location.origin}/test-api/faults/${id}`;
  const control = async (body: { fault?: FaultPlan | null; push?: string[]; dropStreams?: boolean; reset?: boolean }) => {
    const response = await fetch(`${endpoint}/control`, { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`control failed: HTTP ${response.status}`);
  };
  const stats = async (): Promise<{ requests: LoggedRequest[]; streams: { opened: number; open: number } }> =>
    (await fetch(`${endpoint}/stats`)).json();
  return { id, endpoint, control, stats, fail: (fault: FaultPlan | null) => control({ fault }) };
}

export const record = (objectId: string) => ({ objectType: 'company', objectId });

export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
