import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { updatePlan } from '../../../application/plan/update-plan.ts';
import { changeLevel } from '../../../application/profile/change-level.ts';
import { updateFactor } from '../../../application/profile/update-factor.ts';
import { viewProfile } from '../../../application/profile/view-profile.ts';
import { ConfigError, DEFAULT_CHROMIUM_PATH, loadConfig } from '../../../config.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { actorFor, makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';

describe('the printable profile and case summary', () => {
  let t: TestApp;
  let caseId: string;
  let hv: WebClient;
  let lead: { id: string; organisationId: string; role: 'practitioner' };
  before(async () => {
    t = await createTestApp({ demo: true });
    caseId = (await t.ctx.db.selectFrom('cases').select('id').where('family_name', '=', 'Okafor').executeTakeFirstOrThrow()).id;
    const user = await t.ctx.db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'health-visitor@demo.example').executeTakeFirstOrThrow();
    lead = { id: user.id, organisationId: user.organisation_id, role: 'practitioner' };
    hv = await WebClient.signedIn(t.app, { email: 'health-visitor@demo.example', password: 'demo-password' });
  });
  after(async () => t.close());

  const lastLook = async () =>
    t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_user_id', 'details']).where('case_id', '=', caseId).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('prints the whole profile: the marking at the top and the bottom, the identifiers, the findings with what to do, every factor of every subject with its status, evidence and who assessed it when, and who printed it when', async () => {
    const stored = await t.ctx.db.selectFrom('profile_assessments').select('version').where('case_id', '=', caseId).where('factor_id', '=', 'smoking-in-home').executeTakeFirst();
    const recorded = await updateFactor(t.ctx, actorFor(lead), caseId, { factorId: 'smoking-in-home', status: 'excluded', evidence: [{ source: 'observed', note: 'No smell of smoke and no ashtrays in the flat.' }], version: stored?.version ?? 0 });
    assert.ok(recorded.ok, JSON.stringify(recorded));
    const page = await hv.get(`/cases/${caseId}/print/profile`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<link rel="stylesheet" href="\/assets\/app\/print.css">/);
    assert.match(page.body, /class="govuk-template__body app-case-print"/);
    assert.deepEqual(qaElements(page.body, 'marking').map(textOf), ['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
    assert.equal(textOf(qaElement(page.body, 'print-heading')), 'Ruby Okafor');
    const identifiers = textOf(qaElement(page.body, 'identifiers'));
    assert.match(identifiers, new RegExp(`Record reference ${caseId}`));
    assert.match(identifiers, /Date of birth 11 October 2026/);
    assert.match(identifiers, /Lead professional Claire Dobson, Northfield Health Visiting Team/);
    const now = formatDateTime(t.ctx.clock.now());
    assert.equal(textOf(qaElement(page.body, 'printed-by')), `Printed by Claire Dobson, Northfield Health Visiting Team, on ${now}`);

    const look = await lastLook();
    assert.deepEqual([look.action, look.outcome, look.actor_user_id], ['case.view', 'success', lead.id]);
    assert.deepEqual([look.details['print'], look.details['format'], look.details['showed']], ['profile', 'html', ['case', 'findings', 'profile']]);

    const profile = await viewProfile(t.ctx, actorFor(lead), caseId);
    assert.ok(profile.ok);
    const { subjects, findings } = profile.value.evaluation;
    assert.ok(findings.length > 0, 'the demo family has findings');
    for (const finding of findings) assert.equal(textOf(qaElement(qaElement(page.body, `finding-${finding.id}`) ?? '', 'what-to-do')), finding.suggestedAction);
    const factorRows = subjects.reduce((sum, subject) => sum + subject.risk.length + subject.protective.length, 0);
    assert.equal((page.body.match(/data-qa="factor-/g) ?? []).length, factorRows, 'every factor of every subject');
    for (const subject of subjects) assert.match(page.body, new RegExp(`data-qa="subject-subject-${subject.personId ?? subject.subject}"`));
    assert.equal(
      textOf(qaElement(page.body, 'factor-smoking-in-home-household')),
      `A carer smokes Excluded Seen by the practitioner (says it is not present): No smell of smoke and no ashtrays in the flat. Recorded by Claire Dobson, Northfield Health Visiting Team, ${formatDate(t.ctx.clock.now())} Assessed: Claire Dobson, ${now}`,
    );
    assert.match(textOf(qaElement(page.body, 'factor-prematurity-infant')), /Assessed: From the record$/, 'a factor the record fills');
    assert.equal(qaElement(page.body, 'pdf-link') !== null, t.ctx.config.chromiumPath !== undefined, 'the PDF is offered when a browser is there to make it');
    if (t.ctx.config.chromiumPath) assert.match(textOf(qaElement(page.body, 'how-to-print')), /and so does the PDF\. Firefox and Safari print it only at the start and the end: from them, use the PDF\./);

  });

  it('prints the case summary: the level and how it changed, the alerts nobody has taken up, the people, the team and the plan', async () => {
    const actor = actorFor(lead);
    const changed = await changeLevel(t.ctx, actor, caseId, { level: 'early-help', why: 'Mother asked for help with feeding and housing' });
    assert.ok(changed.ok, JSON.stringify(changed));
    const today = serviceToday(t.ctx.clock.now());
    const planned = await updatePlan(t.ctx, actor, caseId, {
      version: 0,
      plan: {
        level: 'early-help',
        outcomes: ['Ruby sleeps safely in her own cot'],
        checkItems: [{ text: 'Where the baby sleeps', question: 'Ask to see where Ruby slept last night', checkedBy: [], frequency: 'every-contact' }],
        actions: [{ text: 'Refer to the housing team', owner: { userId: lead.id }, dueOn: today, status: 'open' }],
        visits: [{ agencyKind: 'health-visiting', everyDays: 14, babySeen: true }],
      },
    });
    assert.ok(planned.ok, JSON.stringify(planned));
    // A new open action cannot be due on a day gone by (plan-rules.ts): agreed for today, it is
    // overdue a day later (the session lapses meanwhile: signed in again).
    t.clock.advanceMinutes(24 * 60);
    hv = await WebClient.signedIn(t.app, { email: 'health-visitor@demo.example', password: 'demo-password' });
    const alertId = t.ctx.newId();
    await t.ctx.db.insertInto('alerts').values({ case_id: caseId, id: alertId, reason: 'emergency-attendance', severity: 'high', message: 'Ruby was taken to the emergency department', steps: JSON.stringify(['Speak to the hospital']), raised_at: t.ctx.clock.now() }).execute();

    const page = await hv.get(`/cases/${caseId}/print/summary`);
    assert.equal(page.statusCode, 200);
    assert.deepEqual(qaElements(page.body, 'marking').map(textOf), ['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
    assert.match(textOf(qaElement(page.body, 'level')), /^Early help\.$/);
    assert.match(textOf(qaElement(page.body, 'level-history')), /Universal to Early help Claire Dobson Mother asked for help with feeding and housing/);
    assert.match(textOf(qaElement(page.body, `alert-${alertId}`)), /High Taken to the emergency department, raised .* Ruby was taken to the emergency department Speak to the hospital/);
    assert.match(textOf(qaElement(page.body, 'people')), /Grace Okafor Mother Yes Yes Yes/);
    assert.match(textOf(qaElement(page.body, 'team')), /Claire Dobson, Northfield Health Visiting Team: lead professional/);
    assert.match(textOf(qaElement(page.body, 'plan')), /Version 1, serving early help, recorded by Claire Dobson/);
    assert.match(textOf(qaElement(page.body, 'plan-checks')), /Where the baby sleeps Ask to see where Ruby slept last night Any visitor Every contact/);
    assert.match(textOf(qaElement(page.body, 'plan-actions')), /Refer to the housing team Claire Dobson .* Open \(overdue\)/);
    assert.match(textOf(qaElement(page.body, 'plan-visits')), /Health visiting/);
    assert.equal(qaElement(page.body, 'factor-sleeping-arrangements-infant'), null, 'the summary leaves the factors to the profile');

    const look = await lastLook();
    assert.deepEqual([look.action, look.details['print'], look.details['format'], look.details['planVersion']], ['case.view', 'summary', 'html', 1]);
    assert.deepEqual(look.details['showed'], ['case', 'people', 'team', 'findings', 'level-history', 'plan', 'open-alerts']);
  });

  it('links to both from the case page', async () => {
    const page = await hv.get(`/cases/${caseId}`);
    assert.match(qaElement(page.body, 'print-links') ?? '', new RegExp(`href="/cases/${caseId}/print/summary".*href="/cases/${caseId}/print/profile"`));
  });

  it('refuses someone outside the team, page and PDF, each refusal audited, and answers 404 for a record that is not there', async () => {
    const outsider = await makeUser(t.ctx, { name: 'Olly Outsider' });
    const client = await WebClient.signedIn(t.app, outsider);
    for (const address of [`/cases/${caseId}/print/profile`, `/cases/${caseId}/print/summary`, `/cases/${caseId}/print/profile.pdf`]) {
      const refused = await client.get(address);
      assert.equal(refused.statusCode, address.endsWith('.pdf') && !t.ctx.config.chromiumPath ? 503 : 403, address);
      assert.doesNotMatch(refused.body, /Grace Okafor|OFFICIAL-SENSITIVE<\/p>/);
    }
    const refusals = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('case_id', '=', caseId).where('actor_user_id', '=', outsider.id).execute();
    assert.deepEqual(refusals, Array.from({ length: t.ctx.config.chromiumPath ? 3 : 2 }, () => ({ action: 'case.view', outcome: 'denied' })));
    assert.equal((await hv.get(`/cases/${t.ctx.newId()}/print/profile`)).statusCode, 404);
  });
});

describe('the printable pages without a browser to make PDFs', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { CHROMIUM_PATH: 'none' } });
  });
  after(async () => t.close());

  it('offers no PDF, and its address answers 503 saying to print to PDF from the browser, reading nothing', async () => {
    const user = await makeUser(t.ctx);
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Papers', teamUserIds: [user.id] });
    const client = await WebClient.signedIn(t.app, user);
    const page = await client.get(`/cases/${caseId}/print/profile`);
    assert.equal(page.statusCode, 200);
    assert.equal(qaElement(page.body, 'pdf-link'), null);
    const howTo = textOf(qaElement(page.body, 'how-to-print'));
    assert.match(howTo, /Use your browser's print command to print it, or to save it as a PDF\. Chrome and Edge print the marking OFFICIAL-SENSITIVE at the head and foot of every sheet\. Firefox and Safari print it only at the start and the end\./);
    assert.doesNotMatch(howTo, /PDF, and so does|use the PDF/, 'no PDF to point to');
    for (const kind of ['profile', 'summary']) {
      const pdf = await client.get(`/cases/${caseId}/print/${kind}.pdf`);
      assert.equal(pdf.statusCode, 503);
      assert.match(pdf.headers['content-type'] as string, /^text\/html/);
      assert.match(textOf(qaElement(pdf.body, 'pdf-unavailable')), /no browser is installed/);
      assert.match(pdf.body, new RegExp(`href="/cases/${caseId}/print/${kind}"`));
    }
    const looks = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'case.view').execute();
    assert.deepEqual(looks.map((l) => l.details['format']), ['html']);
  });

  it('takes CHROMIUM_PATH as an executable, "none" for no PDFs, and Chromium where Debian puts it when unset', () => {
    assert.equal(loadConfig({ CHROMIUM_PATH: 'none' }).chromiumPath, undefined);
    assert.equal(loadConfig({ CHROMIUM_PATH: process.execPath }).chromiumPath, process.execPath);
    assert.throws(() => loadConfig({ CHROMIUM_PATH: '/no/such/chromium' }), (error: unknown) => error instanceof ConfigError && /CHROMIUM_PATH must be the path of a Chromium or Chrome executable, or "none"/.test(error.problems.join()));
    const notExecutable = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'icp-print-')), 'chromium');
    fs.writeFileSync(notExecutable, '', { mode: 0o644 });
    assert.throws(() => loadConfig({ CHROMIUM_PATH: notExecutable }), ConfigError, 'a file that is not executable');
    assert.throws(() => loadConfig({ CHROMIUM_PATH: os.tmpdir() }), ConfigError, 'a folder');
    assert.equal(loadConfig({}).chromiumPath, isExecutableHere(DEFAULT_CHROMIUM_PATH) ? DEFAULT_CHROMIUM_PATH : undefined);
  });
});

function isExecutableHere(file: string): boolean {
  try {
    return loadConfig({ CHROMIUM_PATH: file }).chromiumPath === file;
  } catch {
    return false;
  }
}
