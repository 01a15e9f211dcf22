// How "Who has looked at this record" shows the audit trail: every action in plain words
// (domain/access/audit-words.ts), each person's place in the team, emergency accesses and refused
// attempts as tags and counted in a warning; the filters and the page from the query string.
import { LOOK_KINDS, LOOK_PERIODS, type CaseLookEntry, type CaseLooks, type Looker, type LooksFilter } from '../../../application/cases/list-looks-at-case.ts';
import { actionInWords, outcomeInWords } from '../../../domain/access/audit-words.ts';
import { formatDateTime } from '../../views/london-time.ts';

export const PERIOD_ITEMS = [
  { value: 'all', text: 'Any time' },
  { value: 'day', text: 'Last 24 hours' },
  { value: 'week', text: 'Last 7 days' },
  { value: 'month', text: 'Last 30 days' },
  { value: 'year', text: 'Last 12 months' },
] as const;

export const KIND_ITEMS = [
  { value: 'all', text: 'Everything' },
  { value: 'emergency', text: 'Emergency access' },
  { value: 'refused', text: 'Refused attempts' },
  { value: 'looks', text: 'Looks' },
  { value: 'changes', text: 'Changes' },
] as const;

/** The filters and the page from the query; anything else is the default. */
export function looksFilter(query: unknown): LooksFilter {
  const asked = (query ?? {}) as Record<string, unknown>;
  const period = LOOK_PERIODS.find((p) => p === asked['period']) ?? 'all';
  const kind = LOOK_KINDS.find((k) => k === asked['kind']) ?? 'all';
  const page = typeof asked['page'] === 'string' && /^\d{1,6}$/.test(asked['page']) ? Number(asked['page']) : 1;
  return { period, kind, page };
}

/** The address of a page of the list, keeping the filters. */
export function looksHref(caseId: string, filter: LooksFilter, page: number): string {
  const query = new URLSearchParams();
  if (filter.period !== 'all') query.set('period', filter.period);
  if (filter.kind !== 'all') query.set('kind', filter.kind);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return `/cases/${caseId}/looks${text ? `?${text}` : ''}`;
}

function roleInWords(looker: Looker): string {
  if (!looker.person) return 'Not a person';
  if (looker.role === 'lead-professional') return 'Lead professional';
  if (looker.role === 'member') return 'Team member';
  return 'Not in the team';
}

const times = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** "Opened in an emergency 1 time and 2 refused attempts in this period: they are listed first.", or null. */
export function flaggedWarning(looks: Pick<CaseLooks, 'emergencies' | 'refusals'>): string | null {
  const parts = [looks.emergencies > 0 ? times(looks.emergencies, 'emergency access', 'emergency accesses') : '', looks.refusals > 0 ? times(looks.refusals, 'refused attempt', 'refused attempts') : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' and ')} in this period. They are listed first.` : null;
}

function tags(entry: { emergency: boolean; outcome: string }) {
  return [...(entry.emergency ? [{ text: 'Emergency access', classes: 'govuk-tag--red' }] : []), ...(entry.outcome === 'denied' ? [{ text: 'Refused', classes: 'govuk-tag--orange' }] : [])];
}

function presentEntry(entry: CaseLookEntry) {
  const outcome = outcomeInWords(entry.outcome);
  return {
    when: formatDateTime(entry.occurredAt),
    who: entry.name,
    organisation: entry.organisation,
    role: roleInWords(entry),
    what: actionInWords(entry.action, entry.printed) + (outcome && entry.outcome !== 'denied' ? ` (${outcome.toLowerCase()})` : ''),
    tags: tags(entry),
    flagged: entry.emergency || entry.outcome === 'denied',
  };
}

export function presentLooks(looks: CaseLooks) {
  return {
    warning: flaggedWarning(looks),
    people: looks.people.map((p) => ({
      who: p.name,
      organisation: p.organisation,
      role: roleInWords(p),
      entries: p.entries,
      last: formatDateTime(p.lastAt),
      tags: [
        ...(p.emergencies > 0 ? [{ text: times(p.emergencies, 'emergency access', 'emergency accesses'), classes: 'govuk-tag--red' }] : []),
        ...(p.refusals > 0 ? [{ text: times(p.refusals, 'refused', 'refused'), classes: 'govuk-tag--orange' }] : []),
      ],
    })),
    entries: looks.entries.map(presentEntry),
  };
}
