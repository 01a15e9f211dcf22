// The database's upkeep and the work the server also does on its own: migrate, alerts escalate,
// mail deliver, profiles reevaluate, dashboards rebuild-summaries.
import { cliOperator } from '../application/actor.ts';
import { escalateOverdueAlerts } from '../application/alerts/escalate-alerts.ts';
import { rebuildCaseSummaries } from '../application/dashboards/case-summaries.ts';
import { deliverOutbox } from '../application/mail/deliver-outbox.ts';
import { reevaluateAllProfiles } from '../application/profile/reevaluate-profiles.ts';
import { createMailTransport } from '../infrastructure/mail/smtp-transport.ts';
import { withContext, type CliArguments } from './command.ts';

export async function migrateCommand(): Promise<number> {
  await withContext(async () => console.log('Database is up to date.'));
  return 0;
}

export function deliverMailCommand(): Promise<number> {
  return withContext(async (ctx) => {
    const transport = createMailTransport(ctx.config);
    const run = await deliverOutbox(ctx, transport, { limit: 500 });
    if (!transport) console.error('Mail is off (SMTP_URL is not set): nothing was sent.');
    if (run.failed > 0) console.error(`${run.failed} message(s) could not be sent and will be retried: ${run.lastError}`);
    console.log(`Sent ${run.sent}. Waiting in the outbox:`);
    console.log(String(run.waiting));
    return transport && run.failed === 0 ? 0 : 1;
  });
}

export function escalateAlertsCommand(): Promise<number> {
  return withContext(async (ctx) => {
    const { escalated } = await escalateOverdueAlerts(ctx, cliOperator);
    const noLead = escalated.filter((e) => e.safeguardingLeads.length === 0).length;
    if (noLead > 0) console.error(`${noLead} of them reached no new safeguarding lead: check each organisation in the team has one.`);
    console.log(`Escalated ${escalated.length} alert${escalated.length === 1 ? '' : 's'} (after ${ctx.config.alertEscalationHours} hours unacknowledged).`);
    console.log(String(escalated.length));
    return 0;
  });
}

export function reevaluateProfilesCommand(): Promise<number> {
  return withContext(async (ctx) => {
    let reported = 0;
    const result = await reevaluateAllProfiles(ctx, cliOperator, (counts) => {
      if (counts.profiles - reported < 5_000) return;
      reported = counts.profiles;
      console.log(`${String(counts.profiles)} profiles evaluated, ${String(counts.changed)} changed`);
    });
    console.log(`Evaluated ${String(result.profiles)} profiles in ${result.seconds.toFixed(1)} s: ${String(result.alerts)} alerts raised. Profiles changed:`);
    console.log(String(result.changed));
    return 0;
  });
}

export function rebuildSummariesCommand({ values }: CliArguments): Promise<number> {
  return withContext(async (ctx) => {
    const all = values.all === true;
    const result = await rebuildCaseSummaries(ctx, { all });
    console.log(`${all ? 'Every case' : 'Cases with a missing or stale row'}: of ${String(result.cases)} cases, dashboards' summaries written:`);
    console.log(String(result.written));
    return 0;
  });
}
