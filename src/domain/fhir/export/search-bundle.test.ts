import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXhtml, narrative } from './narrative.ts';
import { operationOutcome, plainIssue } from '../operation-outcome.ts';
import { careTeamResource } from './care-team.ts';
import { searchBundle } from './search-bundle.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';

describe('the searchset Bundle and the narrative', () => {
  it('gives each resource its full URL under the base and its search mode; an outcome has no URL', () => {
    const bundle = searchBundle({
      base: 'https://icp.example/api/v1/fhir',
      self: 'https://icp.example/api/v1/fhir/CareTeam?patient=c',
      next: 'https://icp.example/next',
      lastUpdated: '2026-11-22T10:00:00.000Z',
      total: 1,
      parts: [{ resources: [careTeamResource([], 'c')], mode: 'match' }, { resources: [operationOutcome([plainIssue('informational', 'More')])], mode: 'outcome' }],
    });
    assert.deepEqual(ukCoreProblems({ ...bundle }), []);
    assert.deepEqual(bundle.entry.map((entry) => [entry.fullUrl, entry.search.mode]), [['https://icp.example/api/v1/fhir/CareTeam/c', 'match'], [undefined, 'outcome']]);
    assert.deepEqual(bundle.link.map((link) => link.relation), ['self', 'next']);
    assert.equal(bundle.total, 1);
  });

  it('escapes markup and leaves out empty lines in the narrative', () => {
    assert.equal(escapeXhtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(narrative(['One', null, '', false, ' ', 'Two']).div, '<div xmlns="http://www.w3.org/1999/xhtml"><p>One</p><p>Two</p></div>');
  });
});
