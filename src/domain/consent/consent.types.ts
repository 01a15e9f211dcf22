// Consent and information sharing about a baby (issue 13; docs/domain.md "Consent and information
// sharing"). The Northamptonshire briefing (5.0) asks practitioners to seek the parents' consent to
// gather and share information, the GP above all; when information is shared without consent, the
// lawful basis and who decided are recorded. Three kinds of record, each never changed:
// - a consent sought: from whom (a person on the case, or a name), for what sharing, on which day,
//   and the answer (given or refused; a refusal needs nothing more);
// - a withdrawal of a consent given, later: its own record naming the consent it withdraws;
// - information shared without consent: what, with whom, on which day, the lawful basis (UK GDPR and
//   the Data Protection Act 2018, in words), who decided (a user of the service) and why.

export const CONSENT_RECORD_KINDS = ['consent', 'withdrawal', 'shared-without-consent'] as const;
export type ConsentRecordKind = (typeof CONSENT_RECORD_KINDS)[number];

export const CONSENT_ANSWERS = ['given', 'refused'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** The lawful bases a practitioner can name for sharing without consent, and "other, say which". */
export const LAWFUL_BASES = ['safeguarding-child', 'public-task', 'legal-obligation', 'vital-interests', 'preventing-crime', 'other'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** Each basis in words, as a page and a summary say it. */
export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, string> = {
  'safeguarding-child': 'Safeguarding a child at risk of significant harm (Data Protection Act 2018, Schedule 1, paragraph 18)',
  'public-task': 'A public task, such as enquiries under the Children Act 1989 (UK GDPR, Article 6(1)(e))',
  'legal-obligation': 'A legal obligation or a court order (UK GDPR, Article 6(1)(c))',
  'vital-interests': "To protect someone's life: vital interests (UK GDPR, Article 6(1)(d))",
  'preventing-crime': 'Preventing or detecting crime (Data Protection Act 2018, Schedule 1, paragraph 10)',
  other: 'Another basis',
};

export const CONSENT_LIMITS = {
  name: 200,
  purpose: 1000,
  sharedWhat: 2000,
  sharedWith: 500,
  basisOther: 500,
  reason: 4000,
  note: 2000,
  id: 100,
} as const;

export const isConsentRecordKind = (value: string): value is ConsentRecordKind => (CONSENT_RECORD_KINDS as readonly string[]).includes(value);
export const isConsentAnswer = (value: string): value is ConsentAnswer => (CONSENT_ANSWERS as readonly string[]).includes(value);
export const isLawfulBasis = (value: string): value is LawfulBasis => (LAWFUL_BASES as readonly string[]).includes(value);

/** A record as sent (a page, an agency system), before it is checked: anything may be missing or wrong. */
export interface ConsentDraft {
  kind: string;
  askedPersonId?: string;
  askedName?: string;
  purpose?: string;
  soughtOn?: string;
  answer?: string;
  withdraws?: string;
  withdrawnOn?: string;
  sharedWhat?: string;
  sharedWith?: string;
  sharedOn?: string;
  basis?: string;
  basisOther?: string;
  decidedBy?: string;
  reason?: string;
  note?: string;
}

export interface ConsentSought {
  kind: 'consent';
  /** Who was asked: a person on the case, or someone named. */
  askedPersonId?: string;
  askedName?: string;
  /** For what sharing: which agencies or what purpose, in words. */
  purpose: string;
  soughtOn: string;
  answer: ConsentAnswer;
  note?: string;
}

export interface ConsentWithdrawn {
  kind: 'withdrawal';
  /** The id of the consent (given) this withdraws. */
  withdraws: string;
  withdrawnOn: string;
  note?: string;
}

export interface SharedWithoutConsent {
  kind: 'shared-without-consent';
  sharedWhat: string;
  sharedWith: string;
  sharedOn: string;
  basis: LawfulBasis;
  /** When the basis is "other": which. */
  basisOther?: string;
  /** The user of the service who decided, and their name. */
  decidedBy: string;
  decidedByName: string;
  /** Why consent was not sought, or why sharing went ahead without it. */
  reason: string;
  note?: string;
}

/** A record as checked (consent-rules.ts). */
export type ConsentRecord = ConsentSought | ConsentWithdrawn | SharedWithoutConsent;

/** A record as stored: with its id and who recorded it when. */
export type RecordedConsent = ConsentRecord & { id: string; recordedAt: string; recordedBy: string };

/** The day a record is about: sought, withdrawn or shared. */
export function consentDay(record: ConsentRecord): string {
  switch (record.kind) {
    case 'consent':
      return record.soughtOn;
    case 'withdrawal':
      return record.withdrawnOn;
    case 'shared-without-consent':
      return record.sharedOn;
  }
}
