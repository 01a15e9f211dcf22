// Who referred a baby to children's social care, in the Children in Need census's referral source
// codes (issue 16): chosen by the practitioner on the referral entry, defaulting from the referring
// agency's kind only where that kind names one source. The list NEEDS CHECKING against the DfE's
// "Children in need census: guide for local authorities" for the year of the return: the library this
// was written from holds the 2021 to 2022 guide's opening, not the part with the list (docs/adr/0018). The DfE's published statistics of
// referrals by source ("C5 Children in Need Referrals by Source") confirm only the groups: anonymous,
// education services, health services (GPs, health visitors, school nurses, other primary health
// services, A&E, other health services) and local authority services (social care, other internal,
// external), not the codes themselves.

/** In the census's order (an object would put the codes that are numbers first). */
const SOURCES = [
  ['1A', 'Individual: family member, relative or carer'],
  ['1B', 'Individual: acquaintance, including neighbours and child minders'],
  ['1C', 'Individual: self'],
  ['1D', 'Individual: other, including strangers and MPs'],
  ['2A', 'Schools'],
  ['2B', 'Education services'],
  ['3A', 'Health services: GP'],
  ['3B', 'Health services: health visitor'],
  ['3C', 'Health services: school nurse'],
  ['3D', 'Health services: other primary health services'],
  ['3E', 'Health services: A&E (emergency department)'],
  ['3F', 'Health services: other'],
  ['4', 'Housing'],
  ['5A', 'Local authority services: social care (adult social care, for example)'],
  ['5B', 'Local authority services: other internal'],
  ['5C', 'Local authority services: external (another local authority, for example)'],
  ['5D', 'Local authority services: early help'],
  ['6', 'Police'],
  ['7', 'Other legal agency, including courts, probation, immigration, Cafcass and prison'],
  ['8', 'Other'],
  ['9', 'Anonymous'],
  ['10', 'Unknown'],
] as const;
export type ReferralSourceCode = (typeof SOURCES)[number][0];
export const REFERRAL_SOURCE_CODES: readonly ReferralSourceCode[] = SOURCES.map(([code]) => code);
/** Each code's words. */
export const REFERRAL_SOURCES: Readonly<Record<ReferralSourceCode, string>> = Object.fromEntries(SOURCES) as Record<ReferralSourceCode, string>;

export function isReferralSourceCode(value: unknown): value is ReferralSourceCode {
  return typeof value === 'string' && Object.hasOwn(REFERRAL_SOURCES, value);
}

/**
 * The source a referral by each kind of agency is, where the kind names one. Left out, so "not
 * recorded" until someone chooses: midwifery (a community midwife is other primary health, a
 * hospital's is other health), hospital (A&E or other), substance misuse (health or local authority
 * commissioned), education (a school or education services), and children's social care itself.
 */
export const REFERRAL_SOURCE_BY_AGENCY: Readonly<Record<string, ReferralSourceCode>> = {
  gp: '3A',
  'health-visiting': '3B',
  'adult-mental-health': '3F',
  housing: '4',
  'early-help': '5D',
  police: '6',
};

/** The source a referral recorded by this kind of agency defaults to; null where the kind does not say. */
export function defaultReferralSource(agencyKind: string): ReferralSourceCode | null {
  return Object.hasOwn(REFERRAL_SOURCE_BY_AGENCY, agencyKind) ? REFERRAL_SOURCE_BY_AGENCY[agencyKind]! : null;
}

/** The key of a referral entry's details that keeps its source: only the service writes it (RESERVED_DETAIL_KEYS). */
export const REFERRAL_SOURCE_DETAIL = 'referralSource';

/** The source kept in a referral entry's details; none for any other kind of entry or a value not in the list. */
export function referralSourceOfEntry(kind: string, details: Record<string, unknown> | null): { referralSource?: ReferralSourceCode } {
  if (kind !== 'referral') return {};
  const value = details?.[REFERRAL_SOURCE_DETAIL];
  return isReferralSourceCode(value) ? { referralSource: value } : {};
}
