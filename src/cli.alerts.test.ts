import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createContext } from './application/context.ts';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './infrastructure/db/open-configured.ts';
import { cliDatabaseName, icp, useCliEnvironment } from '../test/helpers/cli.ts';
import { makeCase, makeOrganisation, makeUser } from '../test/helpers/factories.ts';

describe(`alerts escalate on ${cliDatabaseName}`, () => {
  const cli = useCliEnvironment('icp-cli-alerts-');

  /** An alert raised five hours ago that nobody acknowledged, in a team with a safeguarding lead. Returns the lead's id. */
  async function overdueAlert(): Promise<string> {
    const config = loadConfig({ ...cli.env, LOG_LEVEL: 'silent' });
    const opened = await openConfiguredDatabase(config);
    try {
      const ctx = createContext(opened.db, config);
      const organisation = await makeOrganisation(ctx, 'childrens-social-care');
      const worker = await makeUser(ctx, { organisationId: organisation.id });
      const lead = await makeUser(ctx, { organisationId: organisation.id, role: 'safeguarding-lead' });
      const { id: caseId } = await makeCase(ctx, { teamUserIds: [worker.id] });
      // The command under test runs on the system clock, as it does for an operator: five hours before its now.
      // eslint-disable-next-line no-restricted-syntax
      const raisedAt = new Date(Date.now() - 5 * 3_600_000);
      await opened.db.insertInto('alerts').values({ case_id: caseId, id: `alert-${caseId}`, reason: 'discharge', severity: 'high', message: 'Test Baby was discharged from hospital.', raised_at: raisedAt, entry_id: null, finding_id: null, escalated_at: null }).execute();
      await opened.db.insertInto('alert_recipients').values({ alert_id: `alert-${caseId}`, user_id: worker.id, reached_as: 'lead-professional', created_at: raisedAt, acknowledged_at: null, acknowledged_note: null }).execute();
      return lead.id;
    } finally {
      await opened.close();
    }
  }

  it('escalates the overdue alerts and prints how many last; nothing the second time', async () => {
    const leadId = await overdueAlert();
    const first = await icp(cli.env, 'alerts', 'escalate');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Escalated 1 alert \(after 4 hours unacknowledged\)/);
    assert.equal(first.last, '1');
    const again = await icp(cli.env, 'alerts', 'escalate');
    assert.equal(again.last, '0');

    const config = loadConfig({ ...cli.env, LOG_LEVEL: 'silent' });
    const opened = await openConfiguredDatabase(config);
    try {
      const reached = await opened.db.selectFrom('alert_recipients').select('reached_as').where('user_id', '=', leadId).execute();
      assert.deepEqual(reached, [{ reached_as: 'safeguarding-lead' }]);
      const audit = await opened.db.selectFrom('audit_log').select('channel').where('action', '=', 'alert.escalate').execute();
      assert.deepEqual(audit, [{ channel: 'cli' }]);
    } finally {
      await opened.close();
    }
  });
});
