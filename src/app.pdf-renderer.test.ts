// The app makes one PDF renderer (one Chromium pool) from CHROMIUM_PATH, the printable pages and the
// subject access disclosure both print through it, and closing the app closes it exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../test/helpers/test-database.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { actorFor } from '../test/helpers/factories.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { WebClient } from '../test/helpers/web-client.ts';
import { buildApp } from './app.ts';
import { createContext } from './application/context.ts';
import { decideRedaction, viewDraft } from './application/subject-access/draft.ts';
import { releaseDisclosure } from './application/subject-access/release.ts';
import { createRequest } from './application/subject-access/requests.ts';
import { MOTHER_NHS, seedSubjectAccessFamily } from './application/subject-access/subject-access.test-support.ts';
import { serviceToday } from './domain/shared/service-day.ts';
import type { PdfPage, PdfRenderer, PdfRendererOptions } from './infrastructure/pdf/pdf-renderer.ts';

/** A renderer that keeps what it is asked: no browser. */
function watchedRenderer() {
  const asked = { printed: [] as string[], closes: 0 };
  const renderer: PdfRenderer = {
    available: true,
    async render(page: PdfPage) {
      asked.printed.push(/<title>([^<]*)<\/title>/.exec(page.html)?.[1]?.trim() ?? '');
      return { ok: true, pdf: Buffer.from(`%PDF-1.7 page ${String(asked.printed.length)}`), pages: 1 };
    },
    async close() {
      asked.closes += 1;
    },
  };
  return { renderer, asked };
}

describe('the app’s one PDF renderer', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const made: PdfRendererOptions[] = [];
  const { renderer, asked } = watchedRenderer();
  let caseId: string;
  let disclosureId: string;
  let practitioner: WebClient;
  let officer: WebClient;

  before(async () => {
    database = await createTestDatabase();
    const ctx = createContext(database.db, testConfig({ CHROMIUM_PATH: '/bin/true' }), new TestClock());
    const f = await seedSubjectAccessFamily(ctx);
    caseId = f.caseId;
    const request = await createRequest(ctx, actorFor(f.officer), { nhsNumber: MOTHER_NHS, receivedOn: serviceToday(ctx.clock.now()) });
    assert.ok(request.ok);
    disclosureId = request.value.id;
    const draft = await viewDraft(ctx, actorFor(f.officer), disclosureId);
    assert.ok(draft.ok);
    for (const item of draft.value.items.filter((i) => i.grounds.length > 0)) {
      assert.ok((await decideRedaction(ctx, actorFor(f.officer), disclosureId, { itemKey: item.key, decision: 'redact', reason: 'Identifies someone else' })).ok);
    }
    assert.ok((await releaseDisclosure(ctx, actorFor(f.officer), disclosureId)).ok);
    app = await buildApp({
      ctx,
      sessionSecret: TEST_SESSION_SECRET,
      makePdfRenderer: (options) => {
        made.push(options);
        return renderer;
      },
    });
    await app.ready();
    practitioner = await WebClient.signedIn(app, f.practitioner);
    officer = await WebClient.signedIn(app, f.officer);
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it('is made once, for the browser CHROMIUM_PATH names', () => {
    assert.deepEqual(made, [{ executablePath: '/bin/true' }]);
  });

  it('prints a case’s profile and a subject access disclosure, both through it', async () => {
    const profile = await practitioner.get(`/cases/${caseId}/print/profile.pdf`);
    assert.equal(profile.statusCode, 200, profile.body);
    assert.equal(profile.body, '%PDF-1.7 page 1');
    const disclosure = await officer.get(`/subject-access/${disclosureId}/disclosure.pdf`);
    assert.equal(disclosure.statusCode, 200, disclosure.body);
    assert.equal(disclosure.body, '%PDF-1.7 page 2');
    assert.equal(asked.printed.length, 2);
    assert.match(asked.printed[1]!, /^Your information: Sarah Hart/);
  });

  it('is closed exactly once when the app closes, and not before', async () => {
    assert.equal(asked.closes, 0);
    await app.close();
    assert.equal(asked.closes, 1);
    await app.close();
    assert.equal(asked.closes, 1, 'closing the app again closes nothing more');
  });
});
