// Turns the discharge plans as read into what the page shows: each plan's stay and day in words, who
// sees the baby first at home by when, the advice, follow-ups, who was told, who planned it, and
// what is still missing; and the choices of the form (docs/domain.md, "Discharge plan").
import type { DischargePlansView } from '../../../application/discharge/list-discharge-plans.ts';
import { FRAGILE_REASON_TEXT, STAY_KINDS, type FragileReason } from '../../../domain/discharge/discharge-plan.types.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { ORGANISATION_KINDS, isOrganisationKind } from '../../../domain/shared/organisation-kinds.ts';

const agencyName = (agency: string) => (isOrganisationKind(agency) ? ORGANISATION_KINDS[agency] : agency);
const STAY_TITLES = { 'neonatal-unit': 'Leaving a neonatal unit', hospital: 'Leaving hospital' } as const;

/** "born before 37 weeks and after a stay in a neonatal unit". */
export function fragileInWords(reasons: readonly FragileReason[]): string {
  const words = reasons.map((reason) => FRAGILE_REASON_TEXT[reason]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

export function presentDischargePlans(view: DischargePlansView) {
  return {
    caseId: view.caseId,
    babyName: view.babyName,
    canChange: view.canChange,
    born: view.context.born,
    teamHasSocialWorker: view.context.teamHasSocialWorker,
    fragile: fragileInWords(view.fragile),
    plans: view.plans.map((item) => {
      const recorded = `${item.recordedBy} (${item.agency}), ${dayInWords(item.recordedOn)}`;
      const plan = item.plan;
      if (!plan) return { title: `Discharge plan recorded ${dayInWords(item.recordedOn)}`, summary: item.summary, recorded, rows: null, followUps: [], notes: [], superseded: item.superseded };
      const told = (t: typeof plan.socialWorker | typeof plan.gp, none: string) => (t.status === 'told' ? `Told on ${dayInWords(t.toldOn)} by ${t.toldBy}` : none);
      return {
        title: `${STAY_TITLES[plan.stay]} on ${dayInWords(plan.dischargeOn)}`,
        summary: null,
        recorded,
        rows: [
          { key: 'First seen at home by', value: `${plan.firstVisit.name} (${agencyName(plan.firstVisit.agency)}), by ${dayInWords(plan.firstVisit.by)}` },
          { key: 'Feeding and handling', value: plan.feedingAndHandling ?? (plan.fragile.length > 0 ? 'Not recorded' : 'None needed: not a fragile baby') },
          { key: 'Fragile baby', value: plan.fragile.length > 0 ? `Yes: ${fragileInWords(plan.fragile)}` : 'No' },
          { key: 'Social worker', value: told(plan.socialWorker, 'No social worker on the team') },
          { key: 'GP', value: told(plan.gp, 'Not told yet') },
          { key: 'Who planned it', value: plan.attendees.length > 0 ? plan.attendees.map((p) => `${p.name} (${agencyName(p.agency)})`).join(', ') : 'Not recorded' },
          { key: 'Recorded by', value: recorded },
        ],
        followUps: plan.followUps.map((f) => `${f.what}, ${f.where}, ${dayInWords(f.on)}`),
        notes: item.notes.map((note) => note.text),
        superseded: item.superseded,
      };
    }),
  };
}

const STAY_ITEM_TEXT = { 'neonatal-unit': 'A neonatal unit', hospital: 'A hospital stay (a ward)' } as const;

export const stayItems = (selected: string) => STAY_KINDS.map((kind) => ({ value: kind, text: STAY_ITEM_TEXT[kind], checked: kind === selected }));

export const agencyItems = (selected: string) => [{ value: '', text: 'Choose the agency', selected: selected === '' }, ...Object.entries(ORGANISATION_KINDS).map(([value, text]) => ({ value, text, selected: value === selected }))];
