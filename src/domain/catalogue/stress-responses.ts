// How a carer is known to respond to stress (docs/domain.md, Stress and response: "how do the parents respond
// to stress?"). The harmful ones are what the `harmful-stress-response` factor records and what the
// `stress-response` finding names; the others are worth knowing and never count as a risk.
export const STRESS_RESPONSES = {
  'anger-or-aggression': { label: 'Anger or aggression', phrase: 'anger or aggression', harmful: true },
  'drinks-alcohol': { label: 'Drinks alcohol', phrase: 'drinking', harmful: true },
  'uses-drugs': { label: 'Uses drugs', phrase: 'using drugs', harmful: true },
  'rough-handling': { label: 'Rough handling of a child', phrase: 'rough handling', harmful: true },
  'withdraws-or-low-mood': { label: 'Withdraws, low mood or cannot cope', phrase: 'withdrawing', harmful: true },
  'self-harm': { label: 'Self-harm', phrase: 'self-harm', harmful: true },
  'seeks-help': { label: 'Asks for help from family, friends or services', phrase: 'asking for help', harmful: false },
  'takes-a-break-safely': { label: 'Puts the baby down safely and takes a break', phrase: 'taking a break safely', harmful: false },
} as const;

export type StressResponseId = keyof typeof STRESS_RESPONSES;

export const STRESS_RESPONSE_IDS = Object.keys(STRESS_RESPONSES) as StressResponseId[];

export function isStressResponseId(value: string): value is StressResponseId {
  return Object.hasOwn(STRESS_RESPONSES, value);
}

export function isHarmfulStressResponse(id: StressResponseId): boolean {
  return STRESS_RESPONSES[id].harmful;
}
