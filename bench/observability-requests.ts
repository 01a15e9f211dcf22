// The requests bench/observability.ts sends, the same through app.inject and over HTTP (its client
// process, bench/observability-client.ts): the fixed page, or a single event to one of an app's own
// cases in turn.
import { FIXED_PAGE_PATH } from './fixed-page.ts';

export const WORKLOADS = ['fixed page', 'single event'] as const;
export type Workload = (typeof WORKLOADS)[number];

/** What one side of a pair is sent: its app's cases and the token that may write to them. */
export interface Audience {
  caseIds: string[];
  token: string;
}

export interface BenchRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const NO_HEADERS = {};
const FIXED_PAGE: BenchRequest = { method: 'GET', url: FIXED_PAGE_PATH, headers: NO_HEADERS };

/** The i-th request of a workload to an audience. */
export function benchRequest(workload: Workload, audience: Audience, i: number): BenchRequest {
  if (workload === 'fixed page') return FIXED_PAGE;
  return {
    method: 'POST',
    url: `/api/v1/cases/${audience.caseIds[i % audience.caseIds.length]!}/events`,
    headers: { authorization: `Bearer ${audience.token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ kind: 'case-note', occurredAt: '2026-11-21', summary: `Bench note ${String(i)}`, source: 'observed' }),
  };
}
