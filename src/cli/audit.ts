// audit verify, audit anchor, audit rotate-key.
import { systemClock } from '../application/context.ts';
import { loadConfig } from '../config.ts';
import { anchorAuditHead, readAuditAnchors } from '../infrastructure/audit/audit-anchors.ts';
import { rotateAuditKey } from '../infrastructure/audit/audit-keys.ts';
import { sealAuditTrail } from '../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain, type AuditChainProblem } from '../infrastructure/audit/verify-audit-chain.ts';
import { report, UsageError, withContext } from './command.ts';

/** Why an entry breaks the chain, in the operator's words (also after a restore). */
export const AUDIT_PROBLEMS: Record<AuditChainProblem, string> = {
  edited: 'its contents were changed.',
  'chain-broken': 'it does not follow the entry before it (an entry was removed, added or moved).',
  'unknown-key': 'it names a key that is not in the keyring (AUDIT_KEYS or AUDIT_KEYS_FILE).',
  'unsigned-after-signed': 'it is not signed, although entries before it are: the chain was hashed again without the key.',
  'anchor-mismatch': 'its hash is not the one written to the anchor file then: the chain was rewritten.',
  'cut-tail': 'the anchor file counted entries up to this one, but the chain ends before it: entries were cut off the end.',
};

export function verifyAuditCommand(): Promise<number> {
  return withContext(async (ctx) => {
    const sealed = await sealAuditTrail(ctx.db, ctx.auditKeys, { wait: true });
    if (sealed.sealed > 0) console.log(`Sealed ${String(sealed.sealed)} entries written since the server last sealed the chain.`);
    const report = await verifyAuditChain(ctx.db, ctx.auditKeys, readAuditAnchors(ctx.config.auditAnchorFile));
    if (report.intact) {
      const waiting = report.unsealed > 0 ? ` ${String(report.unsealed)} entries written meanwhile are not chained yet; their own hashes match.` : '';
      console.log(`Audit trail intact: ${report.entries} entries, ${report.anchorsChecked} anchored heads matched. Head hash: ${report.headHash}${waiting}`);
      return 0;
    }
    console.error(`Audit trail BROKEN at entry ${report.brokenAt.seq}${report.brokenAt.id ? ` (id ${report.brokenAt.id})` : ''}: ${AUDIT_PROBLEMS[report.reason]} ${report.entries} entries before it are intact.`);
    return 1;
  });
}

export function anchorAuditCommand(): Promise<number> {
  return withContext(async (ctx) => {
    await sealAuditTrail(ctx.db, ctx.auditKeys, { wait: true });
    const anchor = await anchorAuditHead(ctx.db, ctx.config.auditAnchorFile, ctx.clock.now());
    console.log(anchor ? `Anchored entry ${anchor.seq} in ${ctx.config.auditAnchorFile}:` : 'The audit trail is empty: nothing to anchor.');
    return report({ ok: true, value: anchor?.hash ?? '' }, (hash) => hash);
  });
}

export async function rotateAuditKeyCommand(): Promise<number> {
  const config = loadConfig();
  if (config.auditKeys) throw new UsageError('AUDIT_KEYS is set: add the new key there ("id:secret" at the end), not to a file.');
  const key = rotateAuditKey(config.auditKeysFile, systemClock.now());
  console.log(`Added key ${key.id} to ${config.auditKeysFile}. It signs new entries once the server restarts; keep the file backed up.`);
  return report({ ok: true, value: key.id }, (id) => id);
}
