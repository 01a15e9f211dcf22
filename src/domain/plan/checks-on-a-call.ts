// A phone or video call cannot answer a check that needs the baby or the home seen (issue 14). A
// call never sees the baby (chronology/unseen-periods.ts), nor the cot, nor the state of the home, so
// such an item cannot be checked at a call and found without concern: that answer is refused, from
// the contact form and from an agency's entry alike (callAnswersRefused), and the visitor is told to
// choose "could not check" or record the visit. A concern seen or heard on a call stands as a concern:
// it is never dropped. "Could not check" is kept with the reason, and an item due that a call left
// unanswered is recorded as not checked with the reason, so the plan page shows it and two in a row
// still make the missed-check finding (chronology/plan-check-missed.ts). See docs/domain.md,
// "Information sharing" (a call and the plan's checks).
//
// What an item needs seen comes from the factor of the profile it watches, as the plan's suggested
// checks word them (suggested-checks.ts): an injury needs the baby seen awake and undressed; where
// the baby sleeps, a safe sleep space, the state of the home and smoking in it need the home seen.
// Items about what a carer can tell (feeding, weight, who is staying, how they are coping) and items
// watching no factor can be answered on a call. Pure.
import type { FactorId } from '../catalogue/factor-ids.ts';
import { isCall } from '../chronology/contact-record.ts';
import type { PlanCheckDraft, PlanCheckProblem } from '../chronology/plan-check-answers.ts';

export type SightNeeded = 'baby-awake' | 'home';

/** The factors a visitor can only check by seeing, and what must be seen. */
export const SIGHT_NEEDED_BY_FACTOR: Readonly<Partial<Record<FactorId, SightNeeded>>> = {
  injury: 'baby-awake',
  'unsafe-sleep': 'home',
  'safe-sleep-space': 'home',
  'poor-home-conditions': 'home',
  'smoking-in-home': 'home',
};

const WHAT_IS_SEEN: Readonly<Record<SightNeeded, string>> = {
  'baby-awake': 'the baby awake',
  home: 'the home',
};

/** What a check item needs seen, from the factor it watches; null when a call can answer it. */
export function sightNeeded(item: { factorId?: FactorId | undefined }): SightNeeded | null {
  return item.factorId === undefined ? null : (SIGHT_NEEDED_BY_FACTOR[item.factorId] ?? null);
}

/** Why such an item is not checked on a call, in the words the form shows and the contact keeps. */
export function notPossibleOnACall(need: SightNeeded): string {
  return `Not possible on a call: needs a visit to see ${WHAT_IS_SEEN[need]}.`;
}

interface CheckableItem {
  id: string;
  factorId?: FactorId | undefined;
}

/**
 * The answers to the plan's checks as a contact of this kind gives them. At a phone or video call,
 * an item that needs the baby or the home seen and was answered "could not check" gets the reason
 * before anything the visitor wrote, and one left unanswered (due, or sent with no answer) is
 * answered "could not check" with the reason. A concern stays a concern, and "checked, no concern"
 * stays as given for callAnswersRefused to refuse: nothing answered is changed. `items` are the
 * plan's items (to know what each answered item needs), `due` the items the contact must answer.
 * Every answer at a visit is left as given.
 */
export function answersForContactKind(kind: string, drafts: readonly PlanCheckDraft[], items: readonly CheckableItem[], due: readonly CheckableItem[]): PlanCheckDraft[] {
  if (!isCall(kind)) return [...drafts];
  const needs = new Map<string, SightNeeded>();
  for (const item of [...items, ...due]) {
    const need = sightNeeded(item);
    if (need !== null) needs.set(item.id, need);
  }
  const notChecked = (itemId: string, need: SightNeeded, note: string | undefined): PlanCheckDraft => {
    const written = note?.trim() ?? '';
    return { itemId, outcome: 'not-checked', note: written === '' ? notPossibleOnACall(need) : `${notPossibleOnACall(need)} ${written}` };
  };
  const answered = new Set<string>();
  const given = drafts.map((draft) => {
    const itemId = draft.itemId?.trim() ?? '';
    answered.add(itemId);
    const need = needs.get(itemId);
    const outcome = draft.outcome?.trim() ?? '';
    return need === undefined || (outcome !== '' && outcome !== 'not-checked') ? draft : notChecked(itemId, need, draft.note);
  });
  const unanswered = due.flatMap((item) => {
    const need = needs.get(item.id);
    return need === undefined || answered.has(item.id) ? [] : [notChecked(item.id, need, undefined)];
  });
  return [...given, ...unanswered];
}

/**
 * An agency's entry at a phone or video call: each answer that an item needing the baby or the home
 * seen was checked with no concern, refused at its outcome. A concern heard on a call, and "could not
 * check", stand; at any other contact nothing is refused here. `items` are the plan's items.
 */
export function callAnswersRefused(kind: string, drafts: readonly PlanCheckDraft[], items: readonly CheckableItem[]): PlanCheckProblem[] {
  if (!isCall(kind)) return [];
  const needingSight = new Set(items.filter((item) => sightNeeded(item) !== null).map((item) => item.id));
  return drafts.flatMap((draft, i) => {
    const itemId = draft.itemId?.trim() ?? '';
    return draft.outcome?.trim() === 'no-concern' && needingSight.has(itemId) ? [{ code: 'needs-a-visit' as const, path: `/planChecks/${String(i)}/outcome`, itemId }] : [];
  });
}
