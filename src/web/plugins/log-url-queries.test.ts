// Addresses quoted in a log line's text lose their query and fragment, wherever they stand, and the
// line stays JSON holding everything else it held.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutUrlQueries } from './log-url-queries.ts';

const NHS = '9434765919';
const SURNAME = 'Quistwhistle';

/** A line as pino writes it: JSON and a newline. */
const line = (fields: Record<string, unknown>): string => `${JSON.stringify(fields)}\n`;
const cut = (fields: Record<string, unknown>): Record<string, unknown> => {
  const written = withoutUrlQueries(line(fields));
  assert.ok(written.endsWith('}\n'));
  return JSON.parse(written) as Record<string, unknown>;
};

describe('addresses in log text', () => {
  it("drops the query of an address quoted in a message, as Fastify's warnings quote it", () => {
    const url = `/sign-in?returnTo=${encodeURIComponent(`/cases?name=${SURNAME}&nhs=${NHS}`)}`;
    assert.deepEqual(cut({ level: 40, msg: `Reply was already sent, did you forget to "return reply" in the "${url}" (GET) route?` }), {
      level: 40,
      msg: 'Reply was already sent, did you forget to "return reply" in the "/sign-in" (GET) route?',
    });
    assert.deepEqual(cut({ msg: `Route GET:/no-such-page/x?nhs=${NHS}&name=${SURNAME} not found` }), { msg: 'Route GET:/no-such-page/x not found' });
  });

  it("drops them in any field, nested ones and an error's stack, and from absolute addresses, the fragment too", () => {
    const stack = `FastifyError: in "/cases?nhs=${NHS}" (GET)?\n    at Reply.send (/work/node_modules/fastify/lib/reply.js:162:26)`;
    assert.deepEqual(
      cut({
        err: { message: `in "/cases?nhs=${NHS}" (GET)?`, stack },
        returnTo: `/cases/find?name=${SURNAME}`,
        link: `https://icp.example.org/cases/c-1?nhs=${NHS}#${SURNAME}`,
        host: `https://icp.example.org?name=${SURNAME}`,
        anchor: `/cases/c-1#${SURNAME}`,
        list: [`see /a?b=${NHS} and /c?d=${SURNAME}, then`],
      }),
      {
        err: { message: 'in "/cases" (GET)?', stack: 'FastifyError: in "/cases" (GET)?\n    at Reply.send (/work/node_modules/fastify/lib/reply.js:162:26)' },
        returnTo: '/cases/find',
        link: 'https://icp.example.org/cases/c-1',
        host: 'https://icp.example.org',
        anchor: '/cases/c-1',
        list: ['see /a and /c then'],
      },
    );
  });

  it('drops all of a query holding quotes and backslashes, which a client may send as they are', () => {
    for (const query of [`?a="${NHS}"&b=${SURNAME}`, `?a=""${NHS}`, `?a="\\${NHS}`, `?a=\\"${NHS}`, `?a=%22${SURNAME}"`]) {
      const written = cut({ msg: `in the "/x${query}" (GET) route?`, url: `/x${query}` });
      assert.equal(JSON.stringify(written).includes(NHS) || JSON.stringify(written).includes(SURNAME), false, query);
      assert.match(String(written['url']), /^\/x"?$/, 'the quote ending it may stay');
    }
    assert.deepEqual(cut({ msg: `"/x"y?a=${NHS}` }), { msg: '"/x"y' });
  });

  it('leaves a line with no address in it as it is, questions and private names included', () => {
    for (const fields of [
      { msg: 'request', route: '/cases/:caseId', status: 200 },
      { msg: 'Did you forget to return reply? at #send (GET)?', path: 'a?b#c' },
      { msg: 'the key (email)=(x) already exists?\n\t"quoted"\\', note: 'é ü \u2028 #1' },
    ]) {
      const written = line(fields);
      assert.equal(withoutUrlQueries(written), written);
    }
  });
});
