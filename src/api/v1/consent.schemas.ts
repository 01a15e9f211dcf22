// API schemas for consent and information sharing (POST and GET /api/v1/cases/{caseId}/consents):
// JSON Schema (TypeBox) that validates the request, types the handler and is published in OpenAPI;
// every test run checks each reply against them. One resource, three kinds of record told apart by
// `kind`: a consent sought, a withdrawal of a consent given, and information shared without consent.
// The fields a kind does not take are refused (422 not-for-this-kind at their path).
import { Type, type Static } from 'typebox';
import { CONSENT_ANSWERS, CONSENT_LIMITS, CONSENT_RECORD_KINDS, LAWFUL_BASES, LAWFUL_BASIS_LABELS } from '../../domain/consent/consent.types.ts';
import { oneOf } from './schemas.ts';

const day = (description: string) => Type.String({ format: 'date', description });
const sentDay = (description: string) => Type.Optional(Type.String({ maxLength: 10, description: `YYYY-MM-DD in 1900 or later, today or before (422 in-future, too-early, not-a-date, date-needed). ${description}` }));
const text = (maxLength: number, description: string) => Type.Optional(Type.String({ maxLength, description }));
const bases = LAWFUL_BASES.map((basis) => `${basis} (${LAWFUL_BASIS_LABELS[basis]})`).join('; ');

export const ConsentRecordSent = Type.Object(
  {
    kind: Type.String({ maxLength: 100, description: `One of ${CONSENT_RECORD_KINDS.join(', ')} (422 unknown-kind otherwise)` }),
    askedPersonId: text(CONSENT_LIMITS.id, 'consent: the person on the case who was asked (422 unknown-person for anyone else); or askedName, not both'),
    askedName: text(CONSENT_LIMITS.name, 'consent: who was asked, by name, when not a person on the case'),
    purpose: text(CONSENT_LIMITS.purpose, 'consent: for what sharing, in words: which agencies, or what purpose'),
    soughtOn: sentDay('consent: the day consent was sought and answered.'),
    answer: Type.Optional(Type.String({ maxLength: 20, description: `consent: ${CONSENT_ANSWERS.join(' or ')}; a refusal needs nothing more. A consent withdrawn later is a record of kind withdrawal` })),
    withdraws: text(CONSENT_LIMITS.id, 'withdrawal: the id of the consent given that is withdrawn (422 unknown-consent, not-given, already-withdrawn)'),
    withdrawnOn: sentDay('withdrawal: the day it was withdrawn, not before the consent was given (422 withdrawn-before-given).'),
    sharedWhat: text(CONSENT_LIMITS.sharedWhat, 'shared-without-consent: what information was shared'),
    sharedWith: text(CONSENT_LIMITS.sharedWith, 'shared-without-consent: with whom'),
    sharedOn: sentDay('shared-without-consent: the day it was shared.'),
    basis: Type.Optional(Type.String({ maxLength: 50, description: `shared-without-consent: the lawful basis, one of ${bases}` })),
    basisOther: text(CONSENT_LIMITS.basisOther, 'shared-without-consent, basis other: which basis (422 basis-other-needed); sent with any other basis, 422 basis-other-only-for-other'),
    decidedBy: text(CONSENT_LIMITS.id, 'shared-without-consent: the id of the user of the service who decided (422 unknown-decider)'),
    reason: text(CONSENT_LIMITS.reason, 'shared-without-consent: why it was shared without consent'),
    note: text(CONSENT_LIMITS.note, 'Anything else, for any kind'),
  },
  { additionalProperties: false },
);
export type ConsentRecordSentBody = Static<typeof ConsentRecordSent>;

export const ConsentRecord = Type.Object(
  {
    id: Type.String(),
    kind: oneOf(CONSENT_RECORD_KINDS, { description: 'consent, withdrawal or shared-without-consent' }),
    askedPersonId: Type.Optional(Type.String()),
    askedName: Type.Optional(Type.String()),
    purpose: Type.Optional(Type.String()),
    soughtOn: Type.Optional(day('consent: the day it was sought')),
    answer: Type.Optional(oneOf(CONSENT_ANSWERS, { description: 'consent: as answered' })),
    status: Type.Optional(oneOf(['given', 'refused', 'withdrawn'], { description: 'consent: the answer, or withdrawn when a later withdrawal names it' })),
    withdraws: Type.Optional(Type.String({ description: 'withdrawal: the consent withdrawn' })),
    withdrawnOn: Type.Optional(day('withdrawal: the day it was withdrawn')),
    sharedWhat: Type.Optional(Type.String()),
    sharedWith: Type.Optional(Type.String()),
    sharedOn: Type.Optional(day('shared-without-consent: the day it was shared')),
    basis: Type.Optional(oneOf(LAWFUL_BASES)),
    basisLabel: Type.Optional(Type.String({ description: 'shared-without-consent: the basis in words' })),
    basisOther: Type.Optional(Type.String()),
    decidedBy: Type.Optional(Type.String({ description: 'shared-without-consent: the user who decided' })),
    decidedByName: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
    recordedAt: Type.String({ format: 'date-time' }),
    recordedBy: Type.String(),
  },
  { description: 'A consent sought, a withdrawal of one, or information shared without consent; never changed' },
);

export const ConsentList = Type.Object({
  records: Type.Array(ConsentRecord, { description: 'Latest dated first' }),
  summary: Type.Array(
    Type.Object({
      id: Type.String({ description: 'The consent or sharing record the line is about' }),
      status: oneOf(['given', 'refused', 'withdrawn', 'shared-without-consent']),
      on: day('The day consent was sought, or the information shared'),
      withdrawnOn: Type.Optional(day('When withdrawn')),
      text: Type.String({ description: '"Consent given by X on D for Y", "refused", "; withdrawn on D", "Shared without consent on D with W: basis (decided by Z)"' }),
    }),
    { description: 'One line a consent or sharing, in words, latest first; a withdrawal shown on its consent' },
  ),
  gpLastTold: Type.Union(
    [
      Type.Object({
        entryId: Type.String({ description: 'The gp-informed chronology entry' }),
        on: day('The day the GP was told'),
        by: Type.String({ description: 'Who told the GP' }),
        agency: Type.String(),
        shared: Type.String({ description: 'What was shared' }),
      }),
      Type.Null(),
    ],
    { description: 'The latest gp-informed entry of the chronology (record one with POST .../events, kind gp-informed), or null: no record of the GP being told' },
  ),
});
