// The operator's command line: `npm run icp -- <command>`. Works against either database.
// Each command prints its result last, so scripts can take the final line; each is a function in
// src/cli/, and this file only reads the command line and hands it to one.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createOrganisationCommand, createTokenCommand, createUserCommand } from './cli/accounts.ts';
import { anchorAuditCommand, rotateAuditKeyCommand, verifyAuditCommand } from './cli/audit.ts';
import { backupOrRestoreCommand } from './cli/backup.ts';
import { parseCommandLine, UsageError, type Command } from './cli/command.ts';
import { generateCommand } from './cli/generate.ts';
import { deliverMailCommand, escalateAlertsCommand, migrateCommand, rebuildSummariesCommand, reevaluateProfilesCommand } from './cli/maintenance.ts';
import { retentionRunCommand } from './cli/retention.ts';
import { changeSettingCommand, listSettingsCommand } from './cli/settings.ts';

const USAGE = `Usage: npm run icp -- <command>

  migrate                                       apply database migrations
  organisations create --name NAME --kind KIND  add an organisation; prints its id
  users create --email EMAIL --name NAME --organisation ORG_ID --role ROLE [--password P]
                                                add an account; prints its id
  token create --email EMAIL [--name N] [--scopes read,write,feed]
                                                issue an API token (every scope unless given); prints it
  audit verify                                  check the audit trail's hash chain with its keys, and
                                                against the heads in AUDIT_ANCHOR_FILE
  audit anchor                                  write the chain's head to AUDIT_ANCHOR_FILE now (the
                                                server does it every AUDIT_ANCHOR_MINUTES)
  audit rotate-key                              add a new key to AUDIT_KEYS_FILE: it signs new entries
                                                from the next start; restart the server
  alerts escalate                               send alerts nobody acknowledged in time to the
                                                safeguarding leads; prints how many
  mail deliver                                  send the alert emails that are due now; prints how many wait
  settings list                                 the area's settings: each key, its value and default
  settings set KEY VALUE                        change one (an empty VALUE "" unsets one that may be unset)
  settings reset KEY                            put one back to its default
  retention run [--confirm --by NAME]          the cases whose disposal date has come, each with its rule
                                                and date, and why any is kept (a legal hold, open work),
                                                then the released subject access disclosures past their
                                                own period; with --confirm, NAME disposes of those not
                                                kept: their personal data removed, a tombstone left in the
                                                audit chain for each; prints how many cases are due (dry
                                                run) or were disposed of
  profiles reevaluate                           re-evaluate every profile against the catalogue in force
                                                (after a catalogue change), writing every case's
                                                dashboards' summary too; prints how many changed
  dashboards rebuild-summaries [--all]          work out again the dashboards' summary of every case
                                                whose row is missing or stale (after migration 055 on an
                                                existing database); --all: every case's; prints how
                                                many rows were written
  generate --infants N [--seed S]               add a synthetic partnership of N infants (same seed,
  generate --size county|england [--seed S]     same data); county is 20,000 infants, england
                                                1,000,000 (PostgreSQL only)
  backup FILE                                   copy the database to FILE (on PostgreSQL: pg_dump's
                                                custom format, and FILE.manifest.json beside it)
  restore FILE                                  replace the database with FILE (on PostgreSQL: in one
                                                transaction, then checks the counts and the audit chain)

Settings come from the environment (DATABASE_URL, DATA_DIR, SMTP_URL): see the README.`;

/** Each command by its words: the first two, or the first alone for those that take a FILE or options only. */
const COMMANDS = new Map<string, Command>(Object.entries({
  migrate: migrateCommand,
  'organisations create': createOrganisationCommand,
  'users create': createUserCommand,
  'token create': createTokenCommand,
  'audit verify': verifyAuditCommand,
  'audit anchor': anchorAuditCommand,
  'audit rotate-key': rotateAuditKeyCommand,
  'mail deliver': deliverMailCommand,
  'alerts escalate': escalateAlertsCommand,
  'settings list': listSettingsCommand,
  'settings set': changeSettingCommand,
  'settings reset': changeSettingCommand,
  'retention run': retentionRunCommand,
  'profiles reevaluate': reevaluateProfilesCommand,
  'dashboards rebuild-summaries': rebuildSummariesCommand,
  generate: generateCommand,
  backup: backupOrRestoreCommand,
  restore: backupOrRestoreCommand,
}));
const ONE_WORD = ['backup', 'restore', 'migrate', 'generate'];

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv);
  const { positionals, values } = args;
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return 0;
  }
  const command = COMMANDS.get(ONE_WORD.includes(positionals[0]!) ? positionals[0]! : positionals.slice(0, 2).join(' '));
  if (!command) throw new UsageError(`Unknown command "${positionals.join(' ')}"`);
  return command(args);
}

/**
 * Runs one command as `npm run icp -- ...argv` does and gives its exit code: 0 done, 1 failed,
 * 2 a usage error (printed with the usage). Reads its settings from process.env.
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

// Run as a program (not imported, as the tests do).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
