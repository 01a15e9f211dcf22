import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeUser } from '../../../../test/helpers/factories.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { FACTORS } from '../../../domain/catalogue/catalogue.ts';
import { FINDING_DEFINITIONS } from '../../../domain/catalogue/finding-definitions.ts';
import { SOURCE_LIST } from '../../../domain/catalogue/sources.ts';
import { GLOSSARY_TERMS } from '../../../domain/shared/glossary.ts';
import { citationLinks } from '../../views/citations.ts';
import { glossaryLinks } from '../../views/glossary-links.ts';

const INFO_PAGES = [
  { url: '/accessibility', heading: 'Accessibility statement for Infant Care Profile' },
  { url: '/cookies', heading: 'Cookies' },
  { url: '/privacy', heading: 'Privacy notice' },
  { url: '/guidance', heading: 'Guidance behind the profile' },
  { url: '/glossary', heading: 'Glossary' },
];

/** Signs of an internal detail escaping into an answer: a stack frame, a source file, SQL or a table name. */
function assertNothingInternal(response: LightMyRequestResponse): void {
  const body = response.body;
  for (const leak of [/stack/i, /\n\s+at /, /\bat \S+ \(/, /\.ts:\d+/, /node_modules/, /relation/i, /sessions|api_tokens/, /\bSELECT\b|\bFROM\b/, /does not exist/]) {
    assert.doesNotMatch(body, leak);
  }
}

describe('information pages and not found', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  for (const { url, heading } of INFO_PAGES) {
    it(`shows ${url} to someone not signed in`, async () => {
      const response = await new WebClient(t.app).get(url);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, new RegExp(`<h1[^>]*>${heading}</h1>`));
      assert.match(response.body, /href="\/sign-in">Sign in<\/a>/);
    });

    it(`shows ${url} to someone signed in, with who they are`, async () => {
      const user = await makeUser(t.ctx, { name: 'Iris Reader' });
      const client = new WebClient(t.app);
      await client.signIn(user.email, user.password);
      const response = await client.get(url);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, new RegExp(`<h1[^>]*>${heading}</h1>`));
      assert.match(response.body, /data-qa="signed-in-user">Iris Reader,/);
    });
  }

  it('names the cookies the service sets', async () => {
    const response = await new WebClient(t.app).get('/cookies');
    assert.match(response.body, /icp_session/);
    assert.match(response.body, /_csrf/);
  });

  it('links to the information pages from every page’s footer', async () => {
    const response = await new WebClient(t.app).get('/sign-in');
    for (const { url } of INFO_PAGES) assert.ok(response.body.includes(`href="${url}"`), url);
  });

  it('lists each publication with who published it, its title and year, and every finding and factor that cites it', async () => {
    const body = (await new WebClient(t.app).get('/guidance')).body;
    const section = (id: string) => body.slice(body.indexOf(`data-qa="source-${id}"`), body.indexOf('</div></div>', body.indexOf(`data-qa="source-${id}"`)));
    const derby = section('derby-review');
    assert.match(derby, /<h2[^>]*id="derby-review"[^>]*>Child Safeguarding Practice Review: joint review of Infant 1 and Infant 2<\/h2>/);
    assert.match(derby, /Published by<\/dt><dd[^>]*>Derby and Derbyshire Safeguarding Children Partnership</);
    assert.match(derby, /Year<\/dt><dd[^>]*>2022</);
    assert.match(derby, /<li>Hidden risk: §4\.5, §5\.15 and §9\.2<\/li>/);
    assert.match(section('infant-harm-briefing'), /Published by<\/dt><dd[^>]*>Not given in the publication</);
    assert.match(section('bsw-unborn-babies-and-under-1s'), /href="http:\/\/www\.wiltshirescb\.org\.uk\/wp-content\/uploads\/2019\/02\/FINAL-Multi-agency-guidance-Bruising-and-injuries_non-mobile\.pdf"/);
    for (const source of SOURCE_LIST) {
      const citing = FINDING_DEFINITIONS.filter((f) => f.citations.some((c) => c.source === source)).length;
      const factors = FACTORS.filter((f) => f.citations.some((c) => c.source === source)).length;
      assert.match(section(source.id), new RegExp(`Findings that cite it \\(${String(citing)}\\)`), source.id);
      assert.match(section(source.id), new RegExp(`Factors that cite it \\(${String(factors)}\\)`), source.id);
    }
    // Every publication a factor or finding cites has its entry, so each link from a factor or finding lands.
    for (const citation of [...FACTORS, ...FINDING_DEFINITIONS].flatMap((d) => d.citations)) assert.ok(body.includes(`id="${citation.source.id}"`), citation.source.id);
  });

  it('writes a citation as a link to its publication on the guidance page, then where in it', () => {
    const hidden = FINDING_DEFINITIONS.find((f) => f.id === 'hidden-risk')!;
    assert.equal(
      String(citationLinks(hidden.citations.slice(0, 1))),
      '<a class="govuk-link" href="/guidance#derby-review">Derby and Derbyshire Safeguarding Children Partnership, Child Safeguarding Practice Review: joint review of Infant 1 and Infant 2, 2022</a>, §4.5, §5.15 and §9.2',
    );
    assert.match(String(citationLinks(FINDING_DEFINITIONS.find((f) => f.id === 'missed-appointments')!.citations)), /^<a [^>]*href="\/guidance#infant-harm-briefing">Deaths of, or significant harm to infants, undated<\/a>, key issue c$/);
  });

  it('defines every term on the glossary page, and links the words it defines from a text, first one only', async () => {
    const body = (await new WebClient(t.app).get('/glossary')).body;
    for (const term of GLOSSARY_TERMS) assert.match(body, new RegExp(`id="${term.id}"`), term.id);
    assert.equal(String(glossaryLinks('Hidden risk')), '<a class="govuk-link" href="/glossary#hidden-risk">Hidden risk</a>');
    assert.equal(String(glossaryLinks("Excluded on the carer's word alone")), '<a class="govuk-link" href="/glossary#unverified-exclusion">Excluded on the carer&#39;s word alone</a>');
    assert.equal(String(glossaryLinks('Treated as a fresh start')), 'Treated as a <a class="govuk-link" href="/glossary#fresh-start">fresh start</a>');
    assert.equal(String(glossaryLinks('Child protection plan')), '<a class="govuk-link" href="/glossary#child-protection">Child protection plan</a>');
    // Whole words only, and text it does not know is only escaped.
    assert.equal(String(glossaryLinks('Universally <b>')), 'Universally &lt;b&gt;');
    assert.equal(String(glossaryLinks('Domestic abuse')), 'Domestic abuse');
  });

  it('answers an unknown address with the "Page not found" page', async () => {
    const response = await new WebClient(t.app).get('/no/such/page?x=1');
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /<h1[^>]*>Page not found<\/h1>/);
    assert.match(response.body, /<title[^>]*>Page not found - Infant Care Profile<\/title>/);
  });

  it('answers an unknown API address with a JSON not-found error', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /application\/json/);
    const body: unknown = response.json();
    assert.deepEqual(body, { error: { code: 'not-found', message: 'There is nothing at this address.', details: [] } });
  });
});

describe('when something goes wrong inside the service', () => {
  let t: TestApp;
  let client: WebClient;
  let token: string;

  before(async () => {
    t = await createTestApp();
    const user = await makeUser(t.ctx);
    client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: user.email, password: user.password } });
    assert.equal(issued.statusCode, 201);
    token = (issued.json<{ token: string }>()).token;
    // The database loses the tables behind sessions and tokens: every signed-in request now fails.
    await sql`DROP TABLE sessions`.execute(t.ctx.db);
    await sql`DROP TABLE api_tokens`.execute(t.ctx.db);
  });
  after(async () => {
    await t.close();
  });

  it('shows the error page with a reference to quote, and nothing internal', async () => {
    const response = await client.get('/');
    assert.equal(response.statusCode, 500);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /Sorry, there is a problem with the service/);
    const reference = /data-qa="error-reference">([^<]+)</.exec(response.body);
    assert.ok(reference, 'gives a reference');
    assert.match(reference[1]!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assertNothingInternal(response);
  });

  it('gives each failed request its own reference', async () => {
    const references = await Promise.all(
      [1, 2].map(async () => /data-qa="error-reference">([^<]+)</.exec((await client.get('/privacy')).body)?.[1]),
    );
    assert.ok(references[0] && references[1]);
    assert.notEqual(references[0], references[1]);
  });

  it('answers the API with a JSON internal error, and nothing internal', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 500);
    assert.match(String(response.headers['content-type']), /application\/json/);
    const body = response.json<{ error: { code: string; message: string; details: unknown[] } }>();
    assert.equal(body.error.code, 'internal-error');
    assert.deepEqual(body.error.details, []);
    assertNothingInternal(response);
  });
});
