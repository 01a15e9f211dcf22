import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pdfPages } from '../../../test/helpers/pdf-text.ts';
import { loadConfig } from '../../config.ts';
import { createPdfRenderer, type PdfRenderer } from './pdf-renderer.ts';

const chromium = loadConfig({}).chromiumPath;

describe('the PDF renderer without a browser', () => {
  it('is not available and makes nothing when no browser is configured', async () => {
    const renderer = createPdfRenderer({ executablePath: undefined });
    assert.equal(renderer.available, false);
    assert.deepEqual(await renderer.render({ html: '<p>x</p>', resources: new Map() }), { ok: false, reason: 'unavailable' });
  });

  it('answers unavailable, not an error, when the configured program is not a browser that starts', async () => {
    const renderer = createPdfRenderer({ executablePath: '/bin/true', timeoutMs: 10_000 });
    assert.equal(renderer.available, true);
    const result = await renderer.render({ html: '<p>x</p>', resources: new Map() });
    assert.equal(result.ok ? 'made' : result.reason, 'unavailable');
    await renderer.close();
  });
});

describe('the PDF renderer with Chromium', { skip: chromium === undefined ? 'no Chromium here' : false }, () => {
  let renderer: PdfRenderer;
  let server: http.Server;
  let outside: string;
  const reached: string[] = [];
  before(async () => {
    renderer = createPdfRenderer({ executablePath: chromium, concurrency: 1, queueLimit: 0 });
    server = http.createServer((request, response) => {
      reached.push(request.url ?? '');
      response.end('body::after { content: "FROM OUTSIDE" }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    outside = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  after(async () => {
    await renderer?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('makes an A4 PDF from the page and the resources given, reaching nothing else and running no script', async () => {
    const html = `<!doctype html><html><head><title>t</title>
      <link rel="stylesheet" href="/own.css"><link rel="stylesheet" href="${outside}/theirs.css"></head>
      <body><p>Printed page</p><img src="${outside}/pixel.png" alt=""><iframe src="${outside}/frame"></iframe>
      <script>document.body.append('SCRIPT RAN')</script></body></html>`;
    const result = await renderer.render({ html, resources: new Map([['/own.css', { body: 'p::after { content: " WITH OWN CSS" }', contentType: 'text/css' }]]) });
    assert.ok(result.ok, JSON.stringify(result));
    const pages = pdfPages(result.pdf);
    assert.equal(result.pages, pages.length);
    assert.ok(Math.abs(pages[0]!.width - 595.28) < 1 && Math.abs(pages[0]!.height - 841.89) < 1, 'A4 portrait');
    assert.match(pages[0]!.text, /Printed page\s*WITH OWN CSS/);
    assert.doesNotMatch(pages[0]!.text, /FROM OUTSIDE|SCRIPT RAN/);
    assert.deepEqual(reached, [], 'no request left the browser');
  });

  it('answers busy rather than queue past its limit, and the render under way still finishes', async () => {
    const first = renderer.render({ html: '<p>first</p>', resources: new Map() });
    const second = await renderer.render({ html: '<p>second</p>', resources: new Map() });
    assert.deepEqual(second, { ok: false, reason: 'busy' });
    assert.equal((await first).ok, true);
  });

  it('gives up at its deadline', async () => {
    const hurried = createPdfRenderer({ executablePath: chromium, timeoutMs: 1 });
    try {
      const result = await hurried.render({ html: '<p>x</p>', resources: new Map() });
      assert.equal(result.ok ? 'made' : result.reason, 'timed-out');
    } finally {
      await hurried.close();
    }
  });
});
