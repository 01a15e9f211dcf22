// API schemas for subject access (issue 21): a request and its clock, the draft disclosure with each
// item marked for redaction by rule and the officer's decision, the extension and the release. JSON
// Schema (TypeBox) that validates the request, types the handler and is published in OpenAPI; every
// test run checks each reply against them.
import { Type, type Static } from 'typebox';
import { DECISION_REASON_MAX, REDACTION_DECISIONS } from '../../domain/subject-access/apply-decisions.ts';
import { AGENCY_ANSWERS, AGENCY_REASON_MAX } from '../../domain/subject-access/agency-answer.ts';
import { DISCLOSURE_SECTIONS, REDACTION_GROUNDS } from '../../domain/subject-access/redaction-rules.ts';
import { EXTENSION_REASON_MAX } from '../../domain/subject-access/response-due.ts';
import { oneOf, requiredText } from './schemas.ts';

const day = (description: string) => Type.String({ format: 'date', description });
const nhsNumber = (description: string) => Type.String({ maxLength: 20, description });

export const RequestSent = Type.Object(
  {
    nhsNumber: Type.Optional(nhsNumber('The NHS number of the person asking (a parent), or of the child whose information a parent asks for. Give this or personId (422 invalid-request when neither finds anyone)')),
    personId: Type.Optional(Type.String({ maxLength: 100, description: 'The id of the person asking, as a person in a case (for someone recorded without an NHS number)' })),
    parentNhsNumber: Type.Optional(nhsNumber('For a child’s request made by a parent: the parent’s NHS number, so their own details are not marked for redaction')),
    receivedOn: day('The day the request was received: the one-month clock starts from it (in 1900 or later, today or earlier)'),
  },
  { additionalProperties: false },
);
export type RequestSentBody = Static<typeof RequestSent>;

export const RequestCreated = Type.Object({ id: Type.String(), dueOn: day('One calendar month from the day received: the corresponding day of the next month, or its last day when it has none') }, { additionalProperties: false });

export const RequestParams = Type.Object({ requestId: Type.String({ maxLength: 100 }) });

const Decision = Type.Object({
  decision: oneOf(REDACTION_DECISIONS),
  reason: Type.String(),
  decidedByName: Type.String(),
  decidedAt: Type.String({ format: 'date-time' }),
});

export const DraftDisclosure = Type.Object(
  {
    id: Type.String(),
    subjectName: Type.String({ description: 'The person as found when the request was recorded' }),
    receivedOn: day('The day received'),
    dueOn: day('The day the answer is due, extended or not'),
    extension: Type.Union([Type.Object({ dueOn: day('Three calendar months from the day received'), reason: Type.String(), byName: Type.String() }), Type.Null()]),
    released: Type.Union([Type.Object({ at: Type.String({ format: 'date-time' }), byName: Type.String() }), Type.Null()]),
    unreviewed: Type.Integer({ minimum: 0, description: 'Items marked for redaction with no decision yet: the release is refused while any remain' }),
    agencies: Type.Array(
      Type.Object({
        key: Type.String({ description: 'The agency, to record its answer for all its items at once (agency-answers)' }),
        name: Type.String(),
        items: Type.Integer({ minimum: 1, description: 'Its items marked because another agency recorded them' }),
        alsoOtherGrounds: Type.Integer({ minimum: 0, description: 'Of those, the ones marked for another reason too: its agreement leaves them for the officer to decide' }),
      }),
      { description: 'The other agencies whose agreement the draft waits on' },
    ),
    items: Type.Array(
      Type.Object({
        key: Type.String({ description: 'The item’s stable key, to decide it' }),
        caseId: Type.String(),
        section: oneOf(DISCLOSURE_SECTIONS),
        heading: Type.String(),
        text: Type.String(),
        grounds: Type.Array(oneOf(REDACTION_GROUNDS), { description: 'Why it is marked for redaction, by rule: another adult’s or child’s details, the identity of someone who reported a concern, another agency’s information until it agrees. Empty: disclosed as it is' }),
        decision: Type.Union([Decision, Type.Null()]),
      }),
    ),
  },
  { additionalProperties: false },
);

export const DecisionSent = Type.Object(
  {
    itemKey: Type.String({ maxLength: 300 }),
    decision: oneOf(REDACTION_DECISIONS, { description: 'redact: withheld from the disclosure; disclose: released as it is' }),
    reason: requiredText(DECISION_REASON_MAX, 'Why: the person’s consent, the agency’s agreement, or why it would identify someone else'),
  },
  { additionalProperties: false },
);
export type DecisionSentBody = Static<typeof DecisionSent>;

export const DecisionTaken = Type.Object({ unreviewed: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

export const AgencyAnswerSent = Type.Object(
  {
    agency: Type.String({ maxLength: 300, description: 'The agency’s key, as the draft lists it' }),
    answer: oneOf(AGENCY_ANSWERS, { description: 'agreed: its items marked for that reason alone are disclosed; refused: all its marked items are redacted' }),
    reason: requiredText(AGENCY_REASON_MAX, 'What the agency said: who agreed or refused, when, and why'),
  },
  { additionalProperties: false },
);
export type AgencyAnswerSentBody = Static<typeof AgencyAnswerSent>;

export const AgencyAnswerTaken = Type.Object(
  {
    agencyName: Type.String(),
    answer: oneOf(AGENCY_ANSWERS),
    decided: Type.Integer({ minimum: 0, description: 'Items the answer decided (replacing earlier decisions on them)' }),
    left: Type.Integer({ minimum: 0, description: 'The agency’s items still to decide one by one: marked for another reason too' }),
    unreviewed: Type.Integer({ minimum: 0, description: 'Items marked for redaction in the whole draft with no decision yet' }),
  },
  { additionalProperties: false },
);

export const ExtensionSent = Type.Object({ reason: requiredText(EXTENSION_REASON_MAX, 'Why more time is needed, as the person asking is told') }, { additionalProperties: false });
export const Extended = Type.Object({ dueOn: day('Three calendar months from the day received') }, { additionalProperties: false });

export const Released = Type.Object(
  {
    releasedAt: Type.String({ format: 'date-time' }),
    items: Type.Integer({ minimum: 0 }),
    withheld: Type.Integer({ minimum: 0, description: 'Items redacted' }),
    pdf: Type.String({ description: 'Where the officer downloads the disclosure as a PDF (signed in on the web)' }),
  },
  { additionalProperties: false },
);

export const SubjectSearchSent = Type.Object(
  {
    name: Type.String({ maxLength: 200, description: 'The full name of the person the request is about, as the letter gives it ("Sarah Hart" or "Hart, Sarah"): a misspelt name or a family name that sounds the same is found too' }),
    dateOfBirth: Type.String({ maxLength: 20, description: 'Their date of birth, such as 1994-03-17 (422 invalid-search when it is not a real date, or before 1900)' }),
    postcode: Type.Optional(Type.String({ maxLength: 20, description: 'A postcode from the letter: people in a household with it are listed first (a restricted address never matches)' })),
  },
  { additionalProperties: false },
);
export type SubjectSearchSentBody = Static<typeof SubjectSearchSent>;

const MatchedCase = Type.Object({
  caseId: Type.String(),
  babyName: Type.String(),
  as: Type.String({ description: '"the baby", or what the person is to the baby: "mother", "father" …' }),
  postcodeDistrict: Type.Union([Type.String(), Type.Null()], { description: 'The household’s postcode district ("DE22"); null when not known or the address is restricted' }),
  agencies: Type.Array(Type.String(), { description: 'The agencies of the case’s team' }),
  postcodeMatched: Type.Boolean({ description: 'The household’s postcode is the one sent' }),
});

export const SubjectSearchFound = Type.Object(
  {
    matches: Type.Array(
      Type.Object({
        nhsNumber: Type.Union([Type.String(), Type.Null()], { description: 'Send this as nhsNumber to record the request for them' }),
        personId: Type.Union([Type.String(), Type.Null()], { description: 'For someone with no NHS number: send this as personId to record the request' }),
        name: Type.String(),
        dateOfBirth: day('Their date of birth'),
        cases: Type.Array(MatchedCase, { description: 'Each case they are in, to tell people of the same name and date of birth apart' }),
      }),
      { description: 'One a person: rows with the same NHS number are one person; the letter’s household first, then by name' },
    ),
    babiesWithoutNhsNumber: Type.Array(Type.Object({ caseId: Type.String(), babyName: Type.String(), agencies: Type.Array(Type.String()) }), {
      description: 'Babies who match but whose record has no NHS number: a request cannot name them until it is recorded',
    }),
    more: Type.Boolean({ description: 'More people matched than are listed: send the postcode, or check the date of birth' }),
  },
  { additionalProperties: false },
);
