// The people a FHIR import proposed for a record (store-proposed-people.ts), and a practitioner's
// decision about each (domain/fhir/import/proposed-person-decision.ts): add them as a new person,
// say they are a person already recorded (recording the NHS number sent when the person has none,
// so the next import finds them), or say they are not part of this family. Seeing them needs the
// right to change the case; deciding goes through the one case-change pipeline, audited either way.
import { decideProposal, type DecisionEffect, type DecisionInput, type DecisionProblem, type ProposalDecision } from '../../domain/fhir/import/proposed-person-decision.ts';
import { personDisplayName } from '../../domain/people/relationships.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { changeCase, type CaseChangeOutcome, type CaseRefusal, type ProfileChange } from '../cases/change-case.ts';
import type { CaseView } from '../cases/view-case.ts';
import { readCaseForView } from '../cases/view-case.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import { personColumns, personVersion } from '../people/save-person.ts';
import type { SentInTransfer } from '../transfer/propose-received-people.ts';

export interface ProposalView {
  id: string;
  agency: string;
  receivedAt: Date;
  givenName: string | null;
  familyName: string | null;
  relationshipToInfant: string;
  relationshipAsSent: string | null;
  sex: 'female' | 'male' | 'unknown' | null;
  dateOfBirth: string | null;
  nhsNumber: string | null;
}

export type ViewProposalsResult =
  | { ok: true; view: CaseView; proposals: ProposalView[] }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string };

export type DecideProposalResult =
  /** `personName`: the person added or matched, as the record shows them. */
  | { ok: true; decision: ProposalDecision; personId: string | null; personName: string | null }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; problem: DecisionProblem };

const ACTION_VIEW = 'person.proposals-view';
const ACTION_DECIDE = 'person.proposal-decide';

const SEXES = ['female', 'male', 'unknown'] as const;
const sexOf = (sex: string | null) => SEXES.find((known) => known === sex) ?? null;

/** The page of proposals; `deciding` when it answers a decision posted, so that a refusal is audited as the decision. */
export async function viewProposedPeople(ctx: AppContext, actor: UserActor, caseId: string, deciding = false): Promise<ViewProposalsResult> {
  const read = await readCaseForView(ctx, actor, caseId, { action: deciding ? ACTION_DECIDE : ACTION_VIEW, need: 'change' });
  if (!read.ok) return { ok: false, code: read.code, message: read.message };
  const rows = await ctx.db.selectFrom('fhir_proposed_people').selectAll().where('case_id', '=', caseId).where('decision', 'is', null).orderBy('received_at').orderBy('id').execute();
  const proposals = rows.map((row): ProposalView => ({
    id: row.id,
    agency: row.agency,
    receivedAt: new Date(row.received_at),
    givenName: row.given_name,
    familyName: row.family_name,
    relationshipToInfant: row.relationship_to_infant,
    relationshipAsSent: row.relationship_as_sent,
    sex: sexOf(row.sex),
    dateOfBirth: row.date_of_birth,
    nhsNumber: row.nhs_number,
  }));
  await recordAuditAlone(ctx, actor, { action: ACTION_VIEW, caseId, subjectType: 'case', subjectId: caseId, details: { basis: read.value.access.basis, proposals: proposals.map((p) => p.id) } });
  return { ok: true, view: read.value, proposals };
}

const refused = (refusal: CaseRefusal): DecideProposalResult =>
  refusal.code === 'not-found' ? { ok: false, code: 'not-found', message: 'There is no record at this address.' } : { ok: false, code: 'forbidden', message: 'Only the team around the family can change this record.' };

function nameOf(effect: Extract<DecisionEffect, { ok: true }>, people: readonly { id: string; given_name: string | null; family_name: string | null; description: string | null; identity_known: boolean }[]): string | null {
  if (effect.decision === 'new-person') return personDisplayName(effect.person);
  const person = effect.decision === 'same-person' ? people.find((candidate) => candidate.id === effect.personId) : undefined;
  return person ? personDisplayName({ givenName: person.given_name, familyName: person.family_name, description: person.description, identityKnown: person.identity_known }) : null;
}

/** A person added from a merged transfer's proposal takes the relationships it sent to the people recorded here by now. */
async function addSentRelationships(trx: Tx, ctx: AppContext, caseId: string, personId: string, sent: SentInTransfer, here: ReadonlySet<string>): Promise<void> {
  const rows = sent.relationships
    .filter((r) => here.has(r.otherPersonId))
    .map((r) => ({
      case_id: caseId,
      id: ctx.newId(),
      person_id: r.proposedIsFirst ? personId : r.otherPersonId,
      other_person_id: r.proposedIsFirst ? r.otherPersonId : personId,
      kind: r.kind,
      created_at: ctx.clock.now(),
      created_by: null,
      received_from: JSON.stringify(sent.received),
    }));
  if (rows.length > 0) await trx.insertInto('person_relationships').values(rows).execute();
}

/** `submission`: the one-time id of the form it was posted from, noted with the proposal's id so that a second post is answered as the first (ADR 0026). */
export async function decideProposedPerson(ctx: AppContext, actor: UserActor, caseId: string, proposalId: string, input: DecisionInput, submission?: string): Promise<DecideProposalResult> {
  return changeCase<DecideProposalResult>(ctx, actor, caseId, { action: ACTION_DECIDE, refusalSubject: { subjectType: 'person-proposal', subjectId: proposalId }, submission }, refused, async ({ trx, now, today }): Promise<CaseChangeOutcome<DecideProposalResult>> => {
    const row = await trx.selectFrom('fhir_proposed_people').selectAll().where('case_id', '=', caseId).where('id', '=', proposalId).forUpdate().executeTakeFirst();
    if (!row) return { changed: false, answer: { ok: false, code: 'not-found', message: 'There is no such proposed person on this record.' } };
    const people = await trx.selectFrom('people').select(['id', 'nhs_number', 'version', 'given_name', 'family_name', 'description', 'identity_known']).where('case_id', '=', caseId).forUpdate().execute();
    const sent = row.sent_in_transfer as SentInTransfer | null;
    const proposal = { givenName: row.given_name, familyName: row.family_name, relationshipAsSent: row.relationship_as_sent, sex: sexOf(row.sex), dateOfBirth: row.date_of_birth, nhsNumber: row.nhs_number, decision: row.decision, sentInTransfer: sent?.person ?? null };
    const effect = decideProposal(proposal, input, people.map((person) => ({ id: person.id, nhsNumber: person.nhs_number })), today);
    if (!effect.ok) return { changed: false, answer: { ok: false, code: 'invalid', problem: effect.problem } };
    let personId: string | null = null;
    let version: ProfileChange | null = null;
    let nhsNumberRecorded = false;
    if (effect.decision === 'new-person') {
      // The proposal's id: the entries a merged transfer brought already name the person by it.
      personId = row.id;
      await trx.insertInto('people').values({ case_id: caseId, id: personId, ...personColumns({ ...effect.person, historyChecked: false }), created_at: now, updated_at: now, updated_by: actor.userId }).execute();
      if (sent) await addSentRelationships(trx, ctx, caseId, personId, sent, new Set(people.map((person) => person.id)));
      version = personVersion(`Person added around the baby from another agency’s record (${effect.person.relationshipToInfant.replace(/-/g, ' ')})`, personId, []);
    } else if (effect.decision === 'same-person') {
      personId = effect.personId;
      nhsNumberRecorded = effect.nhsNumberToRecord !== null;
      if (effect.nhsNumberToRecord !== null) {
        const before = people.find((person) => person.id === personId)!;
        await trx.updateTable('people').set({ nhs_number: effect.nhsNumberToRecord, version: before.version + 1, updated_at: now, updated_by: actor.userId }).where('case_id', '=', caseId).where('id', '=', personId).execute();
        version = personVersion('NHS number of a person around the baby recorded from another agency’s record', personId, ['nhsNumber']);
      }
    }
    await trx.updateTable('fhir_proposed_people').set({ decision: effect.decision, person_id: personId, decided_at: now, decided_by: actor.userId }).where('case_id', '=', caseId).where('id', '=', proposalId).execute();
    return {
      changed: true,
      version,
      entriesAdded: [],
      audit: ({ profileVersion }) => ({
        action: ACTION_DECIDE,
        caseId,
        subjectType: 'person-proposal',
        subjectId: proposalId,
        details: { decision: effect.decision, ...(personId === null ? {} : { personId }), ...(nhsNumberRecorded ? { nhsNumberRecorded } : {}), profileVersion },
      }),
      answer: () => ({ ok: true, decision: effect.decision, personId, personName: nameOf(effect, people) }),
      recordId: proposalId,
    };
  });
}

/**
 * The decision this user's earlier post recorded (its id from form-submissions.ts' recordedBefore),
 * as decideProposedPerson answered it, for a second post of the same form to be answered the same way.
 */
export async function decisionRecorded(ctx: AppContext, caseId: string, proposalId: string): Promise<Extract<DecideProposalResult, { ok: true }> | null> {
  const row = await ctx.db.selectFrom('fhir_proposed_people').select(['decision', 'person_id']).where('case_id', '=', caseId).where('id', '=', proposalId).executeTakeFirst();
  if (!row?.decision) return null;
  const { decision } = row;
  const person = row.person_id === null
    ? undefined
    : await ctx.db.selectFrom('people').select(['given_name', 'family_name', 'description', 'identity_known']).where('case_id', '=', caseId).where('id', '=', row.person_id).executeTakeFirst();
  const personName = person ? personDisplayName({ givenName: person.given_name, familyName: person.family_name, description: person.description, identityKnown: person.identity_known }) : null;
  return { ok: true, decision, personId: row.person_id, personName };
}
