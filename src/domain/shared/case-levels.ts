// The level of support around the baby, lowest to highest. It sets how often the profile is
// reviewed (profile/review-schedule.ts).
export const CASE_LEVELS = {
  universal: { label: 'Universal' },
  'early-help': { label: 'Early help' },
  'child-in-need': { label: 'Child in need' },
  'child-protection': { label: 'Child protection' },
  'looked-after': { label: 'Looked after' },
} as const;

export type CaseLevel = keyof typeof CASE_LEVELS;

export const CASE_LEVEL_IDS = Object.keys(CASE_LEVELS) as CaseLevel[];

export function isCaseLevel(value: string): value is CaseLevel {
  return Object.hasOwn(CASE_LEVELS, value);
}

export function caseLevelLabel(value: string): string {
  return isCaseLevel(value) ? CASE_LEVELS[value].label : value;
}
