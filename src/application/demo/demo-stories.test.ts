// The story families' histories, played into a fresh demo: what each demo practitioner sees on first
// sign-in (issue 14): records with a chronology and its timeline, findings from patterns, a profile in
// progress with several versions, alerts, a plan and a meeting; and (issue 16) what a manager finds: past
// supervisions and a finished quality assurance audit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { qaElement, textOf } from '../../../test/helpers/html.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import { viewGrowth } from '../growth/view-growth.ts';
import type { UserActor } from '../actor.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-partnership.ts';

interface Seen {
  account: string;
  family: string;
  entries: number;
  versions: number;
  assessed: number;
  findings: string;
  alerts: number;
  plan: boolean;
  meetings: number;
}

describe('the demo story families’ histories', () => {
  let t: TestApp;
  const seen: Seen[] = [];
  before(async () => {
    t = await createTestApp({ demo: true, demoStories: true });
    const { db } = t.ctx;
    for (const account of DEMO_ACCOUNTS) {
      const cases = await db
        .selectFrom('case_team')
        .innerJoin('users', 'users.id', 'case_team.user_id')
        .innerJoin('cases', 'cases.id', 'case_team.case_id')
        .select(['cases.id', 'cases.family_name'])
        .where('users.email', '=', account.email)
        .orderBy('cases.family_name')
        .execute();
      for (const { id, family_name } of cases) {
        const count = async (table: 'chronology_entries' | 'profile_versions' | 'profile_assessments' | 'alerts' | 'case_plans' | 'case_meetings') =>
          Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', id).executeTakeFirstOrThrow()).n);
        const latest = await db.selectFrom('profile_versions').select('findings').where('case_id', '=', id).where('findings', 'is not', null).orderBy('version', 'desc').limit(1).executeTakeFirst();
        const findings = (latest?.findings ?? []).map((finding) => finding.id);
        seen.push({
          account: account.key,
          family: family_name ?? '',
          entries: await count('chronology_entries'),
          versions: await count('profile_versions'),
          assessed: await count('profile_assessments'),
          findings: findings.join(' '),
          alerts: await count('alerts'),
          plan: (await count('case_plans')) > 0,
          meetings: await count('case_meetings'),
        });
      }
    }
  });
  after(async () => t.close());

  it('gives every family a chronology, several profile versions and factors assessed, and every practitioner such a record', () => {
    for (const row of seen) {
      assert.ok(row.entries >= 5, `${row.family}: ${row.entries} entries`);
      assert.ok(row.versions >= 5, `${row.family}: ${row.versions} profile versions`);
      assert.ok(row.assessed >= 1, `${row.family}: a profile in progress`);
    }
    const practitioners = DEMO_ACCOUNTS.filter((account) => account.role === 'practitioner').map((account) => account.key);
    assert.deepEqual(practitioners.filter((key) => !seen.some((row) => row.account === key)), [], 'every practitioner is in a team');
  });

  it('shows patterns: missed appointments, the baby not seen long enough, repeated police incidents or relapse, and alerts, a plan and a conference', () => {
    const nowak = seen.find((row) => row.family === 'Nowak')!;
    assert.ok(nowak.plan && nowak.meetings >= 1 && nowak.alerts >= 1, JSON.stringify(nowak));
    assert.match(seen.find((row) => row.family === 'Ashworth')!.findings, /missed-appointments/);
    assert.ok(seen.every((row) => row.findings !== ''), 'every record has a finding to act on');
  });

  it('lets the health visitor open the timeline and a contact recorded at the new birth visit', async () => {
    const client = await WebClient.signedIn(t.app, { email: 'health-visitor@demo.example', password: DEMO_PASSWORD });
    const okafor = (await t.ctx.db.selectFrom('cases').select('id').where('family_name', '=', 'Okafor').executeTakeFirstOrThrow()).id;
    const timeline = await client.get(`/cases/${okafor}/chronology/timeline`);
    assert.equal(timeline.statusCode, 200);
    assert.match(timeline.body, /app-timeline__entry/);
    const visit = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', okafor).where('kind', '=', 'new-birth-visit').executeTakeFirstOrThrow();
    const contact = await client.get(`/cases/${okafor}/contacts/${visit.id}`);
    assert.equal(contact.statusCode, 200);
    assert.match(contact.body, /New birth visit. Grace tired but coping/);
  });

  it('weighs every born story baby at its visits, so faltering growth is assessed from the weights, and none of these stories falters', async () => {
    const visitor = await t.ctx.db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'health-visitor@demo.example').executeTakeFirstOrThrow();
    const actor: UserActor = { kind: 'user', userId: visitor.id, organisationId: visitor.organisation_id, role: 'practitioner', channel: 'web', ip: null };
    const expected = { Okafor: { weights: 3, status: 'excluded', detail: /moved down 1\.\d centile spaces/ }, Hartley: { weights: 3, status: 'excluded', detail: /on the 50th centile/ }, Nowak: { weights: 1, status: 'excluded', detail: /no weight yet from 2 weeks/ } };
    for (const [family, want] of Object.entries(expected)) {
      const caseId = (await t.ctx.db.selectFrom('cases').select('id').where('family_name', '=', family).executeTakeFirstOrThrow()).id;
      const growth = await viewGrowth(t.ctx, actor, caseId);
      assert.ok(growth.ok, family);
      const kinds = growth.value.measurements.map((m) => m.kind);
      assert.equal(kinds.filter((kind) => kind === 'weight').length, want.weights, family);
      assert.ok(kinds.includes('length') && kinds.includes('head-circumference'), `${family}: measured at the new birth visit`);
      assert.equal(growth.value.faltering.status, want.status, family);
      assert.match('detail' in growth.value.faltering ? growth.value.faltering.detail : '', want.detail, family);
    }
  });

  // Issue 16: what a manager and a safeguarding lead find (seed-demo-oversight.ts).
  it('has the manager’s past supervisions of the social worker on the Nowak and Pearce cases', async () => {
    const rows = await t.ctx.db
      .selectFrom('case_supervisions')
      .innerJoin('cases', 'cases.id', 'case_supervisions.case_id')
      .select(['cases.family_name', 'case_supervisions.held_on', 'case_supervisions.supervisor_name', 'case_supervisions.practitioner_name'])
      .orderBy('cases.family_name')
      .execute();
    assert.deepEqual(rows.map((r) => `${r.family_name ?? ''}: ${r.supervisor_name} with ${r.practitioner_name}`), ['Nowak: Joanne Fraser with Tom Adeyemi', 'Pearce: Joanne Fraser with Tom Adeyemi']);
    assert.ok(rows.every((r) => r.held_on < serviceToday(t.clock.now())), 'in the past');
  });

  it('shows the manager a finished quality assurance audit of the social care cases, with its themes', async () => {
    const manager = await WebClient.signedIn(t.app, { email: 'manager@demo.example', password: DEMO_PASSWORD });
    const list = await manager.get('/quality-audits');
    assert.equal(list.statusCode, 200);
    assert.match(textOf(qaElement(list.body, 'audits')), /by Priya Shah Every open case of a baby under one or unborn: 3 cases Finished: all 3 cases answered/);
    const auditId = /href="\/quality-audits\/([^"/]+)"/.exec(qaElement(list.body, 'audits') ?? '')![1]!;
    const report = await manager.get(`/quality-audits/${auditId}/report`);
    assert.equal(report.statusCode, 200);
    assert.equal(textOf(qaElement(report.body, 'result-supervision')).replace(/^.*\? /, ''), '2 1 0 0 67% 33%', 'Nowak and Pearce supervised, Ashworth not');
    assert.match(textOf(qaElement(report.body, 'themes')), /Unborn baby Ashworth ?: No supervision of the case is recorded\./);
  });
});
