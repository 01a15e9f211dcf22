import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nunjucks from 'nunjucks';
import { trimText } from './filters.ts';

describe('the trim filter', () => {
  it('trims as Nunjucks does, keeping safe text safe and plain text plain', () => {
    assert.equal(trimText('  a b \n'), 'a b');
    assert.equal(trimText(null), '');
    assert.equal(trimText(42), '42');
    const safe = trimText(new nunjucks.runtime.SafeString(' <b>x</b> '));
    assert.ok(safe instanceof nunjucks.runtime.SafeString);
    assert.equal(String(safe), '<b>x</b>');
  });

  it('takes linear time on long runs of spaces, where a /\\s*$/ search is quadratic', () => {
    const spaces = `x${' '.repeat(200_000)}y`;
    assert.equal(trimText(spaces), spaces);
    const env = new nunjucks.Environment();
    env.addFilter('trim', trimText);
    assert.equal(env.renderString('{{ v | trim }}', { v: `  ${spaces}  ` }), spaces);
  });
});
