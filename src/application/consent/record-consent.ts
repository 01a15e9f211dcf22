// Recording a consent sought, a withdrawal, or information shared without consent, through the one
// way to change a case (cases/change-case.ts): the case is locked and the caller's access decided
// there (anyone who may change the case; emergency access changes nothing), the record is checked by
// the domain (consent/consent-rules.ts) on the service's day against the case's people and records
// and the user named as deciding, and stored, audited as consent.record (a consent or a withdrawal)
// or information-sharing.record (shared without consent). Consent is not what the profile is
// evaluated from, so no profile version is written. A refused record changes nothing and is audited
// as a failure naming its problems.
import { checkConsentRecord, type ConsentProblem } from '../../domain/consent/consent-rules.ts';
import type { ConsentDraft, RecordedConsent } from '../../domain/consent/consent.types.ts';
import type { UserActor } from '../actor.ts';
import { recordAudits } from '../audit.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { insertConsent, readConsents, readUserNames } from './consent-rows.ts';

export type RecordConsentResult =
  | { ok: true; value: RecordedConsent }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: ConsentProblem[] };

/** The audit action a record is written (or refused) under. */
export const consentAction = (kind: string): 'consent.record' | 'information-sharing.record' => (kind === 'shared-without-consent' ? 'information-sharing.record' : 'consent.record');

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post records nothing (ADR 0026). */
export async function recordConsent(ctx: AppContext, actor: UserActor, caseId: string, draft: ConsentDraft, submission?: string): Promise<RecordConsentResult> {
  const action = consentAction(draft.kind);
  return changeCase<RecordConsentResult>(
    ctx,
    actor,
    caseId,
    { action, submission },
    async (refusal, trx) => {
      if (refusal.code === 'forbidden') return { ok: false, code: 'forbidden', message: 'Only the team around the family can record consent or information sharing.' };
      // The pipeline audits a refusal of access; no such case is audited here, as a failure.
      await recordAudits(trx, ctx, actor, [{ action, outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } }]);
      return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
    },
    async ({ trx, recorder, today, now }) => {
      const people = await trx.selectFrom('people').select('id').where('case_id', '=', caseId).execute();
      const records = draft.kind === 'withdrawal' ? await readConsents(trx, caseId) : [];
      const users = draft.decidedBy !== undefined ? await readUserNames(trx, [draft.decidedBy.trim()]) : new Map<string, string>();
      const checked = checkConsentRecord(draft, { today, personIds: new Set(people.map((p) => p.id)), records, users });
      if (!checked.ok) {
        return {
          changed: false,
          answer: { ok: false, code: 'invalid', message: 'This cannot be recorded like this: see the problems.', problems: checked.problems },
          audit: { action, outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'invalid', problems: [...new Set(checked.problems.map((p) => p.code))] } },
        };
      }
      const id = ctx.newId();
      const saved = await insertConsent(trx, caseId, id, checked.record, recorder, now);
      const details =
        saved.kind === 'consent'
          ? { kind: saved.kind, answer: saved.answer, soughtOn: saved.soughtOn }
          : saved.kind === 'withdrawal'
            ? { kind: saved.kind, withdraws: saved.withdraws, withdrawnOn: saved.withdrawnOn }
            : { kind: saved.kind, basis: saved.basis, sharedOn: saved.sharedOn, decidedBy: saved.decidedBy };
      return {
        changed: true,
        version: null,
        entriesAdded: [],
        audit: () => ({ action, caseId, subjectType: saved.kind === 'shared-without-consent' ? 'information-sharing' : 'consent', subjectId: id, details }),
        answer: () => ({ ok: true, value: saved }),
        recordId: id,
      };
    },
  );
}
