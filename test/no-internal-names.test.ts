// No page, API answer or catalogue text shows an internal file name of the brief's publications
// ("004_013d5337cc1f3ad4", "000_…") or two full stops in a row (issue 14): every publication is cited
// by its title, author and year. Checks every factor, finding and event kind's words, the demo's
// pages as its users reach them by following links (each kind of page a few times, held against
// the route table), the API's answers for the demo's cases, and the OpenAPI document.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FACTORS } from '../src/domain/catalogue/catalogue.ts';
import { EVENT_KINDS } from '../src/domain/catalogue/event-kinds.ts';
import { FINDING_DEFINITIONS } from '../src/domain/catalogue/finding-definitions.ts';
import { citationsText, SOURCE_LIST, sourceText } from '../src/domain/catalogue/sources.ts';
import { GLOSSARY_TERMS } from '../src/domain/shared/glossary.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { routeOf, routeTable, type RouteEntry } from './helpers/route-table.ts';
import { WebClient } from './helpers/web-client.ts';

/** What must never be shown: a seed file's name ("004_013d5337cc1f3ad4", "000_…"), or ".." (but "..." is an ellipsis). */
const INTERNAL = [/\b00\d_[0-9a-f…]*/, /(?<!\.)\.\.(?!\.)/];

function problemsIn(where: string, text: string): string[] {
  return INTERNAL.flatMap((pattern) => {
    const match = pattern.exec(text);
    return match ? [`${where}: "${text.slice(Math.max(0, match.index - 40), match.index + 40)}"`] : [];
  });
}

/** The words a page shows: no scripts, styles or tags, entities read. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Every string in a JSON value. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

describe('the words of the catalogue', () => {
  it('name no internal file and never end in two full stops', () => {
    const problems: string[] = [];
    for (const factor of FACTORS) {
      for (const text of [factor.label, factor.phrase, factor.help, ...factor.questions, citationsText(factor.citations)]) problems.push(...problemsIn(factor.id, text));
    }
    for (const finding of FINDING_DEFINITIONS) {
      // "What to do: <action>" is followed by more words on the pages: the action carries the one full stop.
      assert.match(finding.suggestedAction, /[^.]\.$/, `${finding.id}: what to do ends in one full stop`);
      for (const text of [finding.title, finding.suggestedAction, citationsText(finding.citations)]) problems.push(...problemsIn(finding.id, text));
    }
    for (const kind of EVENT_KINDS) problems.push(...problemsIn(kind.id, `${kind.label} ${citationsText(kind.citations)}`));
    for (const source of SOURCE_LIST) problems.push(...problemsIn(source.id, `${sourceText(source)} ${source.about}`));
    for (const term of GLOSSARY_TERMS) problems.push(...problemsIn(term.id, `${term.term} ${term.meaning}`));
    assert.deepEqual(problems, []);
  });

  it('nor does any source file of the service: no rule, rationale, template or script names one', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|njk|mjs|css)$/.test(file) && !file.endsWith('.test.ts'));
    assert.ok(files.length > 100);
    const named = files.filter((file) => INTERNAL[0]!.test(readFileSync(path.join('src', file), 'utf8')));
    assert.deepEqual(named, []);
  });

  it('the check finds a seed file name and two full stops, and lets an ellipsis be', () => {
    assert.equal(problemsIn('x', 'Guidance: 004_013d5337cc1f3ad4 §4.5').length, 1);
    assert.equal(problemsIn('x', 'as the brief says (000_…)').length, 1);
    assert.equal(problemsIn('x', 'Seek another source..').length, 1);
    assert.deepEqual(problemsIn('x', 'Searching... 2026 §4.5'), []);
  });
});

describe('the demo’s pages and API', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  before(async () => {
    t = await createTestApp({ demo: true });
    routes = routeTable(t.app);
  });
  after(async () => t.close());

  /** Follows links from the home page, at most `perRoute` addresses of each route, and returns the problems and the routes reached. */
  async function crawl(client: WebClient, perRoute: number): Promise<{ problems: string[]; reached: Set<string> }> {
    const queue = ['/', '/guidance', '/glossary'];
    const seen = new Set(queue);
    const perPattern = new Map<string, number>();
    const problems: string[] = [];
    const reached = new Set<string>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      const route = routeOf(routes, 'GET', url);
      if (!route) continue;
      const count = perPattern.get(route.path) ?? 0;
      if (count >= perRoute) continue;
      perPattern.set(route.path, count + 1);
      const response = await client.get(url);
      if (response.statusCode !== 200) continue;
      reached.add(route.path);
      const type = String(response.headers['content-type']);
      if (type.includes('text/html')) {
        problems.push(...problemsIn(url, visibleText(response.body)));
        for (const [, href] of response.body.matchAll(/<a [^>]*href="(\/[^"#]*)/g)) {
          const next = href!.replace(/&amp;/g, '&');
          // A PDF is not read here (its words are compressed in it), so its link is not followed: each
          // one cost a render in Chromium. Its words are the printable page's, which the crawl reads.
          if (!seen.has(next) && !next.startsWith('/assets/') && !next.startsWith('/api/') && !next.endsWith('.pdf')) {
            seen.add(next);
            queue.push(next);
          }
        }
      } else if (type.includes('text/csv') || type.includes('text/plain')) {
        problems.push(...problemsIn(url, response.body));
      }
    }
    return { problems, reached };
  }

  it('show no internal file name and no two full stops on any page the demo’s users reach', async () => {
    const problems: string[] = [];
    const reached = new Set<string>();
    for (const email of ['health-visitor@demo.example', 'social-worker@demo.example', 'safeguarding-lead@demo.example']) {
      const client = await WebClient.signedIn(t.app, { email, password: 'demo-password' });
      const result = await crawl(client, 2);
      problems.push(...result.problems);
      for (const path of result.reached) reached.add(path);
    }
    assert.deepEqual(problems, []);
    // The crawl reached the pages that show factors, findings and their guidance: it cannot pass by reaching nothing.
    for (const path of ['/', '/guidance', '/glossary', '/cases/:caseId', '/cases/:caseId/profile', '/cases/:caseId/profile/review', '/cases/:caseId/profile/stress', '/cases/:caseId/chronology']) {
      assert.ok(reached.has(path), `reached ${path}`);
    }
    assert.ok([...reached].some((path) => /^\/cases\/:caseId\/profile\/:\w+\/:\w+$/.test(path)), 'reached a factor page');
  });

  it('link the words the glossary defines and each cited publication from the case, profile, review and factor pages', async () => {
    const client = await WebClient.signedIn(t.app, { email: 'health-visitor@demo.example', password: 'demo-password' });
    const { id: caseId } = await t.ctx.db.selectFrom('cases').select('id').where('family_name', '=', 'Okafor').executeTakeFirstOrThrow();
    const level = /href="\/glossary#(universal|early-help|child-in-need|child-protection|looked-after)"/;
    assert.match((await client.get(`/cases/${caseId}`)).body, level);
    assert.match((await client.get(`/cases/${caseId}/profile/review`)).body, level);
    const profile = (await client.get(`/cases/${caseId}/profile`)).body;
    assert.match(profile, /<a class="govuk-link" href="\/glossary#not-yet-assessed">Not yet assessed<\/a>/);
    const findings = [...profile.matchAll(/data-qa="finding-([\w-]+)"[\s\S]*?<\/li>/g)];
    assert.ok(findings.length > 0, 'the demo case has findings');
    for (const [html, id] of findings) assert.match(html, /Guidance: <a class="govuk-link" href="\/guidance#[\w-]+">[^<]+<\/a>, /, `${id!} cites its publication with a link`);
    const factorHref = /govuk-task-list__link" href="(\/cases\/[^"]+\/profile\/infant\/[\w-]+)"/.exec(profile)![1]!;
    assert.match((await client.get(factorHref)).body, /data-qa="factor-guidance">Guidance: <a class="govuk-link" href="\/guidance#[\w-]+">/);
  });

  it('show none in the API’s answers for the demo’s cases, nor in the OpenAPI document', async () => {
    const problems: string[] = [];
    const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(openapi.statusCode, 200);
    for (const text of stringsOf(openapi.json())) problems.push(...problemsIn('openapi', text));

    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'health-visitor@demo.example', password: 'demo-password' } });
    const token = issued.json<{ token: string }>().token;
    const api = async (url: string) => {
      const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      return response.statusCode === 200 ? response.json<unknown>() : null;
    };
    const cases = await t.ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').where('users.email', '=', 'health-visitor@demo.example').execute();
    assert.ok(cases.length > 0);
    let findings = 0;
    for (const { case_id: caseId } of cases) {
      const profile = (await api(`/api/v1/cases/${caseId}/profile`)) as { findings: unknown[] } | null;
      assert.ok(profile, caseId);
      findings += profile.findings.length;
      for (const part of ['', '/profile', '/profile/decisions', '/profile/versions', '/events', '/plan', '/people', '/meetings', '/timescales', '/consents', '/discharge-plans', '/level-proposals']) {
        const url = `/api/v1/cases/${caseId}${part}`;
        const answer = await api(url);
        assert.ok(answer !== null, url);
        for (const text of stringsOf(answer)) problems.push(...problemsIn(url, text));
      }
    }
    for (const url of ['/api/v1/me', '/api/v1/cases', '/api/v1/alerts']) for (const text of stringsOf(await api(url))) problems.push(...problemsIn(url, text));
    assert.ok(findings > 0, 'the demo’s profiles have findings, with their guidance');
    assert.deepEqual(problems, []);
  });
});
