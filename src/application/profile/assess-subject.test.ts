import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { assessSubject } from './assess-subject.ts';
import { updateFactor } from './update-factor.ts';

describe('assessing a subject in one sitting', () => {
  let t: TestApp;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let colleague: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const organisation = await makeOrganisation(t.ctx, 'health-visiting', 'Health Visiting');
    lead = await makeUser(t.ctx, { organisationId: organisation.id, name: 'Hana Visitor' });
    colleague = await makeUser(t.ctx, { organisationId: organisation.id, name: 'Ola Colleague' });
    caseId = (await makeCase(t.ctx, { teamUserIds: [lead.id, colleague.id] })).id;
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
  });
  after(async () => t.close());

  const versions = async () => t.ctx.db.selectFrom('profile_versions').selectAll().where('case_id', '=', caseId).orderBy('version').execute();

  it('writes every changed answer in ONE version with the visit’s evidence, and skips the answers left as they were', async () => {
    const result = await assessSubject(t.ctx, actorFor(lead), caseId, {
      subjectKey: 'household',
      profileVersion: 0,
      evidence: { source: 'observed', note: 'Seen at the new-birth visit' },
      answers: [
        { factorId: 'housing-instability', status: 'excluded' },
        { factorId: 'unsafe-sleep', status: 'excluded', note: 'Cot in the parents’ room, clear' },
        { factorId: 'poor-home-conditions', status: 'not-assessed' },
      ],
    });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.written, ['housing-instability', 'unsafe-sleep']);
    const all = await versions();
    assert.equal(all.length, 1);
    assert.deepEqual([all[0]?.kind, all[0]?.factor_id, all[0]?.subject_key], ['factor', null, 'household']);
    const change = all[0]?.change as { factors: { factorId: string; after: { status: string } }[] };
    assert.deepEqual(change.factors.map((f) => [f.factorId, f.after.status]), [['housing-instability', 'excluded'], ['unsafe-sleep', 'excluded']]);
    const evidence = await t.ctx.db.selectFrom('profile_evidence').select(['factor_id', 'note', 'indicates', 'source']).where('case_id', '=', caseId).orderBy('factor_id').execute();
    assert.deepEqual(evidence, [
      { factor_id: 'housing-instability', note: 'Seen at the new-birth visit', indicates: 'absent', source: 'observed' },
      { factor_id: 'unsafe-sleep', note: 'Cot in the parents’ room, clear', indicates: 'absent', source: 'observed' },
    ]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'profile.subject-assess').where('case_id', '=', caseId).execute();
    assert.deepEqual(audit.map((a) => a.details), [{ factors: ['housing-instability', 'unsafe-sleep'], profileVersion: 1, evidenceAdded: 2 }]);
  });

  it('refuses the whole page with each factor’s problem, writing nothing', async () => {
    const result = await assessSubject(t.ctx, actorFor(lead), caseId, {
      subjectKey: 'mum',
      profileVersion: 1,
      answers: [
        { factorId: 'alcohol-misuse', status: 'present', detail: 'Drinks most evenings' },
        { factorId: 'mental-health', status: 'excluded' },
        { factorId: 'drug-misuse', status: 'cannot-assess' },
      ],
    });
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.problems, [
      { factorId: 'alcohol-misuse', problem: 'pattern-needed' },
      { factorId: 'mental-health', problem: 'exclusion-needs-evidence' },
      { factorId: 'drug-misuse', problem: 'reason-needed' },
    ]);
    assert.equal((await versions()).length, 1);
  });

  it('says when nothing was changed, and refuses an answer for a factor of another subject', async () => {
    const same = await assessSubject(t.ctx, actorFor(lead), caseId, { subjectKey: 'household', profileVersion: 1, answers: [{ factorId: 'housing-instability', status: 'excluded' }] });
    assert.ok(!same.ok && same.code === 'nothing-changed');
    const other = await assessSubject(t.ctx, actorFor(lead), caseId, { subjectKey: 'household', profileVersion: 1, answers: [{ factorId: 'alcohol-misuse', status: 'not-assessed' }] });
    assert.ok(!other.ok && other.code === 'invalid');
  });

  it('on a page loaded before someone else’s change: theirs for each factor both changed; a factor only they changed is left as they left it', async () => {
    const loadedAt = (await versions()).length;
    const theirs = await updateFactor(t.ctx, actorFor(colleague), caseId, { factorId: 'poor-home-conditions', status: 'present', detail: 'Rubbish in the hall', evidence: [], version: 0 });
    assert.ok(theirs.ok);
    assert.ok((await updateFactor(t.ctx, actorFor(colleague), caseId, { factorId: 'material-hardship', status: 'present', detail: 'No money for food', evidence: [], version: 0 })).ok);
    const stale = await assessSubject(t.ctx, actorFor(lead), caseId, {
      subjectKey: 'household',
      profileVersion: loadedAt,
      evidence: { source: 'observed', note: 'Seen' },
      answers: [{ factorId: 'poor-home-conditions', status: 'excluded' }, { factorId: 'housing-instability', status: 'excluded' }],
    });
    assert.ok(!stale.ok && stale.code === 'version-conflict', JSON.stringify(stale));
    assert.equal(stale.profileVersion, loadedAt + 2);
    assert.deepEqual(stale.conflicts.map((c) => [c.factorId, c.loaded, c.theirs?.status, c.by]), [['poor-home-conditions', null, 'present', 'Ola Colleague']]);
    // Sent again at the version they saw, the user's answer is written.
    const again = await assessSubject(t.ctx, actorFor(lead), caseId, {
      subjectKey: 'household',
      profileVersion: stale.profileVersion,
      evidence: { source: 'observed', note: 'Seen' },
      answers: [{ factorId: 'poor-home-conditions', status: 'excluded' }],
    });
    assert.ok(again.ok);
    // Left as loaded, a factor someone else changed since is not written over.
    const leftAlone = await assessSubject(t.ctx, actorFor(colleague), caseId, {
      subjectKey: 'household',
      profileVersion: loadedAt,
      answers: [{ factorId: 'poor-home-conditions', status: 'not-assessed' }, { factorId: 'parental-conflict', status: 'cannot-assess', reason: 'Father would not talk' }],
    });
    assert.ok(leftAlone.ok, JSON.stringify(leftAlone));
    assert.deepEqual(leftAlone.written, ['parental-conflict']);
  });

  it('refuses someone outside the team, audited', async () => {
    const outsider = await makeUser(t.ctx);
    const result = await assessSubject(t.ctx, actorFor(outsider), caseId, { subjectKey: 'household', profileVersion: 0, answers: [] });
    assert.ok(!result.ok && result.code === 'forbidden');
    const refusals = await t.ctx.db.selectFrom('audit_log').select(['subject_type', 'subject_id']).where('action', '=', 'profile.subject-assess').where('outcome', '=', 'denied').where('case_id', '=', caseId).execute();
    assert.deepEqual(refusals, [{ subject_type: 'subject', subject_id: 'household' }]);
  });
});
