// Forms kept when they arrive too late: after the session that showed them ended (idle, time limit,
// signed out in another tab or from elsewhere) or with a form token that expired. What was typed
// waits, server-side, for the same user to sign in again on the same browser, and is given back once
// on the page it came from.
// Keeping a form changes no case: it is audited as the keeping of personal data (which page, how many
// fields, never what was typed), as are giving it back and refusing it to anyone else. A restricted
// address (a refuge's, say) is never kept: its fields are left out and the page asks for them again.
import { createHash, randomBytes } from 'node:crypto';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';

export type KeptFields = Record<string, string | string[]>;
export type KeptFormReason = 'signed-out' | 'form-expired';

/** How long a kept form waits for its user. */
export const KEPT_FORM_MS = 2 * 3_600_000;
/** The most a kept form may hold, as JSON: far more than any of the service's forms, far less than a database row should. */
export const MAX_KEPT_FORM_BYTES = 65_536;

/** Fields never kept: the form token, and anything that looks like a password. */
const NEVER_KEPT = /^_csrf$|password|passcode|secret/i;

/** What may be kept of a parsed form body: its text fields, without tokens or passwords; null when nothing or too much. */
export function fieldsToKeep(body: unknown): KeptFields | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const kept: KeptFields = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (NEVER_KEPT.test(name)) continue;
    if (typeof value === 'string') kept[name] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) kept[name] = value;
  }
  if (Object.keys(kept).length === 0) return null;
  return Buffer.byteLength(JSON.stringify(kept), 'utf8') <= MAX_KEPT_FORM_BYTES ? kept : null;
}

/** The fields that hold an address, on the record's details and a person's form. */
export const ADDRESS_FIELDS: readonly string[] = ['address', 'postcode'];
/** Kept beside the fields: the names of those left out, for the page to ask for again. */
const NOT_KEPT = '_notKept';

/**
 * The fields to keep without their address when it is restricted: ticked so on the form, or already
 * restricted on the record or person the form changes. Notes which typed fields were left out.
 */
export function withoutRestrictedAddress(fields: KeptFields, restrictedWhereSaved: boolean): KeptFields {
  const given = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== NOT_KEPT));
  if (!restrictedWhereSaved && given['addressRestricted'] !== 'yes') return given;
  const typed = ADDRESS_FIELDS.filter((name) => {
    const value = given[name];
    return typeof value === 'string' && value.trim() !== '';
  });
  const rest = Object.fromEntries(Object.entries(given).filter(([name]) => !ADDRESS_FIELDS.includes(name)));
  return typed.length > 0 ? { ...rest, [NOT_KEPT]: typed } : rest;
}

/** The typed fields a kept form left out (a restricted address), for its page to ask for again. */
export function fieldsNotKept(fields: KeptFields): string[] {
  const names = fields[NOT_KEPT];
  return Array.isArray(names) ? names : names ? [names] : [];
}

/** What a kept form changes, so that an address already restricted there is not kept: the record, or one of its people. */
export interface KeptFormSubject {
  caseId: string;
  /** The person the form changes; none for the record, or for a person not yet added. */
  personId?: string;
  about: 'record' | 'person';
}

async function addressRestrictedWhereSaved(trx: Tx, subject: KeptFormSubject): Promise<boolean> {
  if (subject.about === 'record') {
    const row = await trx.selectFrom('cases').select('address_restricted').where('id', '=', subject.caseId).executeTakeFirst();
    return row?.address_restricted ?? false;
  }
  if (!subject.personId) return false;
  const row = await trx.selectFrom('people').select('address_restricted').where('id', '=', subject.personId).where('case_id', '=', subject.caseId).executeTakeFirst();
  return row?.address_restricted ?? false;
}

const storedKey = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** How many kept forms one browser holds at once: one a page, each typed in a tab of its own. */
export const MAX_KEPT_FORMS_A_BROWSER = 5;

export interface KeepFormInput {
  /** The browser's kept forms so far, oldest first: one from the same page is replaced, the others kept beside this one. */
  previousTokens: readonly string[];
  path: string;
  fields: KeptFields;
  reason: KeptFormReason;
  /** What the form changes, when it may hold an address (whose restriction is then checked). */
  subject?: KeptFormSubject;
}

/**
 * Keeps a form for its user. Returns the random tokens the browser holds to ask for its kept forms
 * back, this one last: those before it still kept for other pages, the oldest let go (and deleted)
 * past MAX_KEPT_FORMS_A_BROWSER, so that a form posted in one tab does not lose another tab's.
 */
export async function keepForm(ctx: AppContext, owner: UserActor, input: KeepFormInput): Promise<string[]> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const hasAddress = ADDRESS_FIELDS.some((name) => name in input.fields);
    const fields = withoutRestrictedAddress(input.fields, hasAddress && input.subject ? await addressRestrictedWhereSaved(trx, input.subject) : false);
    const notKept = fieldsNotKept(fields);
    const previous = input.previousTokens.map((each) => ({ token: each, id: storedKey(each) }));
    const stored = previous.length > 0 ? await trx.selectFrom('kept_forms').select(['id', 'path']).where('id', 'in', previous.map((each) => each.id)).where('expires_at', '>', now).execute() : [];
    const others = previous.filter((each) => stored.some((row) => row.id === each.id && row.path !== input.path)).slice(-(MAX_KEPT_FORMS_A_BROWSER - 1));
    const letGo = previous.filter((each) => !others.includes(each)).map((each) => each.id);
    if (letGo.length > 0) await trx.deleteFrom('kept_forms').where('id', 'in', letGo).execute();
    await trx
      .insertInto('kept_forms')
      .values({
        id: storedKey(token),
        user_id: owner.userId,
        path: input.path,
        fields: JSON.stringify(fields),
        reason: input.reason,
        kept_at: now,
        expires_at: new Date(now.getTime() + KEPT_FORM_MS),
      })
      .execute();
    await recordAudit(trx, ctx, owner, {
      action: 'form.keep',
      subjectType: 'user',
      subjectId: owner.userId,
      details: { path: input.path, reason: input.reason, fields: Object.keys(fields).length - (notKept.length > 0 ? 1 : 0), ...(notKept.length > 0 ? { notKept } : {}) },
    });
    return [...others.map((each) => each.token), token];
  });
}

export type TakenForm =
  | { ok: true; fields: KeptFields; reason: KeptFormReason }
  /** Nothing to give back: none kept, expired, or kept for other pages (left for them). */
  | { ok: false; code: 'none' }
  /** Kept for someone else, with none for this user and page: deleted, never shown, and the refusal audited. */
  | { ok: false; code: 'other-user' };

/**
 * Gives the browser's kept form for this page back to its own user, once: it is deleted as it is
 * given. Any kept for someone else are deleted, never shown. `left`: the tokens of this user's kept
 * forms for other pages, still waiting.
 */
export async function takeKeptForm(ctx: AppContext, actor: UserActor, tokens: readonly string[], path: string): Promise<{ taken: TakenForm; left: string[] }> {
  if (tokens.length === 0) return { taken: { ok: false, code: 'none' }, left: [] };
  return ctx.db.transaction().execute(async (trx) => {
    const ids = new Map(tokens.map((token) => [storedKey(token), token]));
    const rows = await trx
      .selectFrom('kept_forms')
      .select(['id', 'user_id', 'path', 'fields', 'reason'])
      .where('id', 'in', [...ids.keys()])
      .where('expires_at', '>', ctx.clock.now())
      .orderBy('id')
      .forUpdate()
      .execute();
    let taken: TakenForm = { ok: false, code: 'none' };
    const left: string[] = [];
    for (const row of rows) {
      if (row.user_id !== actor.userId) {
        await trx.deleteFrom('kept_forms').where('id', '=', row.id).execute();
        await recordAudit(trx, ctx, actor, { action: 'form.restore', outcome: 'failure', subjectType: 'user', subjectId: row.user_id, details: { path: row.path, reason: 'other-user' } });
        if (!taken.ok) taken = { ok: false, code: 'other-user' };
      } else if (row.path !== path || taken.ok) {
        left.push(ids.get(row.id)!);
      } else {
        await trx.deleteFrom('kept_forms').where('id', '=', row.id).execute();
        await recordAudit(trx, ctx, actor, { action: 'form.restore', subjectType: 'user', subjectId: actor.userId, details: { path: row.path, reason: row.reason } });
        taken = { ok: true, fields: row.fields, reason: row.reason };
      }
    }
    return { taken, left: tokens.filter((token) => left.includes(token)) };
  });
}

/** Deletes kept forms past their two hours; run now and then, never on the request path. */
export async function forgetExpiredKeptForms(ctx: AppContext): Promise<number> {
  const result = await ctx.db.deleteFrom('kept_forms').where('expires_at', '<=', ctx.clock.now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
