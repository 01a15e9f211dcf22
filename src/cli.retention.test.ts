// `icp retention run` as an operator runs it: the dry run on a partnership with nothing due prints 0
// last, and no released disclosure past its period; --confirm without saying who confirms is a
// usage error; with --by it disposes of nothing due and says so. The disposal itself:
// application/retention/disposal-run.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cliDatabaseName, icp, useCliEnvironment } from '../test/helpers/cli.ts';

describe(`retention run on ${cliDatabaseName}`, () => {
  const cli = useCliEnvironment('icp-cli-retention-');

  it('lists nothing due in a dry run, wants --by to confirm, and disposes of nothing when nothing is due', async () => {
    const dry = await icp(cli.env, 'retention', 'run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /A dry run on \d{4}-\d{2}-\d{2}: 0 due, 0 kept/);
    assert.match(dry.stdout, /Released subject access disclosures past their period: 0, 0 kept\./);
    assert.equal(dry.last, '0');
    const unsigned = await icp(cli.env, 'retention', 'run', '--confirm');
    assert.equal(unsigned.status, 2);
    assert.match(unsigned.stderr, /Missing --by NAME: say who confirms the disposal/);
    const confirmed = await icp(cli.env, 'retention', 'run', '--confirm', '--by', 'Olive Operator');
    assert.equal(confirmed.status, 0, confirmed.stderr);
    assert.equal(confirmed.last, '0');
  });
});
