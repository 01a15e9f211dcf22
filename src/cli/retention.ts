// retention run [--confirm --by NAME].
import { cliOperator } from '../application/actor.ts';
import { listDisposals, runDisposal, type DueCase } from '../application/retention/disposal-run.ts';
import type { DueDisclosure } from '../application/subject-access/release-retention.ts';
import { report, UsageError, withContext, type CliArguments } from './command.ts';

const line = (c: DueCase) => `${c.caseId}  ${c.ruleLabel}: disposal date ${c.disposeOn}${c.kept.length > 0 ? `; kept: ${c.kept.join('; ')}` : ''}`;
const disclosureLine = (d: DueDisclosure, removed = false) =>
  `${d.requestId}  subject access disclosure released ${d.releasedOn} by ${d.organisationName} (kept ${String(d.keepYears)} years): ${removed ? 'removed' : `period ended ${d.disposeOn}`}${d.kept.length > 0 ? `; kept: ${d.kept.join('; ')}` : ''}`;
const disclosuresSummary = (due: number, kept: number, verb: string) => `Released subject access disclosures past their period: ${String(due)}, ${String(kept)} kept${due > kept ? `, ${String(due - kept)} ${verb}` : ''}.`;

export function retentionRunCommand({ values }: CliArguments): Promise<number> {
  return withContext(async (ctx) => {
    if (!values.confirm) {
      const result = await listDisposals(ctx, cliOperator);
      if (!result.ok) return report(result, () => '');
      for (const c of result.value.due) console.log(line(c));
      for (const d of result.value.disclosures) console.log(disclosureLine(d));
      const heldDisclosures = result.value.disclosures.filter((d) => d.kept.length > 0).length;
      console.log(disclosuresSummary(result.value.disclosures.length, heldDisclosures, 'to remove with --confirm'));
      const may = result.value.due.filter((c) => c.kept.length === 0).length;
      console.log(`A dry run on ${result.value.today}: ${String(result.value.due.length)} due, ${String(result.value.due.length - may)} kept. Run again with --confirm --by "Your name" to dispose of the others. Due and not kept:`);
      console.log(String(may));
      return 0;
    }
    if (typeof values['by'] !== 'string') throw new UsageError('Missing --by NAME: say who confirms the disposal');
    const result = await runDisposal(ctx, cliOperator, values['by']);
    if (!result.ok) return report(result, () => '');
    for (const c of result.value.disposed) console.log(`${c.caseId}  disposed of (${c.ruleLabel}: disposal date ${c.disposeOn})`);
    for (const c of result.value.kept) console.log(line(c));
    for (const d of result.value.disclosuresRemoved) console.log(disclosureLine(d, true));
    for (const d of result.value.disclosuresKept) console.log(disclosureLine(d));
    const { disclosuresRemoved, disclosuresKept } = result.value;
    console.log(disclosuresSummary(disclosuresRemoved.length + disclosuresKept.length, disclosuresKept.length, 'removed, a tombstone left for each'));
    console.log(`Disposed of on ${result.value.today}, a tombstone left in the audit chain for each (${String(result.value.kept.length)} kept):`);
    console.log(String(result.value.disposed.length));
    return 0;
  });
}
