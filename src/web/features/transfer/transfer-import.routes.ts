// Importing a transfer pack from a page (issue 21): the receiving area's practitioner uploads the pack
// file another area sent (the JSON its transfer produces), sees what it holds (the sending area, the
// baby, how many people, entries and findings) before anything is stored, and confirms. A likely
// duplicate shows the records here it may be, with what to do: open them to check, receive it as a
// different baby, or add it to one of them that is this baby (the merge: first what it will add, then
// confirmed; a refusal, no access or another NHS number, keeps the upload on the page). Each step and refusal is audited by its use case (preview-transfer.ts,
// receive-transfer.ts). The file comes as multipart/form-data (@fastify/multipart, this plugin only:
// one file, 10 MB, the fields as text); the confirmation carries the pack back as a hidden field of the
// same encoding, so nothing is kept between the two steps. No JavaScript needed.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import type { PossibleMatch } from '../../../application/cases/create-case.ts';
import { IMPORT_FORBIDDEN, mayImportTransfer, packShownAgain, previewMerge, previewTransferPack, type MergePreview, type PackPreview } from '../../../application/transfer/preview-transfer.ts';
import { receiveTransfer } from '../../../application/transfer/receive-transfer.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';

/** As large as the API takes a pack. */
const PACK_LIMIT = 10 * 1_048_576;
const URL = '/transfers/import';
/** At most this many of a bad pack's problems are listed; the rest are counted. */
const PROBLEMS_SHOWN = 10;

type Fields = Record<string, unknown>;

const text = (body: unknown, name: string): string => {
  const value = (body as Fields | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/** The uploaded file's text, or null when no file (or an empty one) was chosen. */
function fileText(body: unknown): string | null {
  const value = (body as Fields | undefined)?.['pack'];
  if (!Buffer.isBuffer(value) || value.length === 0) return null;
  return value.toString('utf8');
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

function presentPreview(preview: PackPreview) {
  const { baby, counts } = preview;
  const name = [baby.givenName, baby.familyName].filter(Boolean).join(' ') || (baby.status === 'unborn' ? 'Unborn baby' : 'Baby, not yet named');
  return {
    fromArea: preview.fromArea,
    toArea: preview.toArea,
    sentAt: formatDateTime(preview.sentAt),
    baby: name,
    born: baby.status === 'born' ? `Born ${formatDate(baby.dateOfBirth)}` : `Not yet born, due ${formatDate(baby.expectedDeliveryDate)}`,
    nhsNumber: baby.nhsNumber ?? 'Not known',
    holds: `${plural(counts.people, 'person', 'people')}, ${plural(counts.entries, 'chronology entry', 'chronology entries')}, ${plural(counts.findings, 'finding', 'findings')}`,
  };
}

function presentMatch(match: PossibleMatch) {
  if (match.restricted) return { id: match.id, text: `A record you cannot open (${match.ageBand})${match.contact ? `: ask ${match.contact.name}, ${match.contact.organisation}` : ''}`, href: null };
  return { id: match.id, name: match.name, text: `${match.name}: ${match.reasons.join('; ')}`, href: `/cases/${match.id}` };
}

const names = (people: readonly string[]) => (people.length === 0 ? 'None' : people.join(', '));

function presentMerge(merge: MergePreview) {
  return {
    target: merge.target,
    matched: names(merge.peopleMatched),
    proposed: names(merge.peopleProposed),
    adds: `${plural(merge.pack.counts.entries - merge.entriesAlreadyHere, 'chronology entry', 'chronology entries')}${merge.entriesAlreadyHere > 0 ? ` (${plural(merge.entriesAlreadyHere, 'entry', 'entries')} of the pack already here, not added again)` : ''}, ${plural(merge.assessments, 'factor assessment', 'factor assessments')}, ${plural(merge.meetings, 'meeting', 'meetings')}`,
  };
}

export async function transferImportRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  await app.register(fastifyMultipart, { attachFieldsToBody: 'keyValues', limits: { files: 1, fileSize: PACK_LIMIT, fieldSize: PACK_LIMIT, fields: 10, parts: 12 } });
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  const page = (reply: FastifyReply, locals: object = {}, status = 200) =>
    reply.page('transfer/transfer-import.njk', { title: 'Receive a transfer from another area', fieldErrors: {}, backLink: '/', ...locals }, status);

  app.get(URL, { preHandler: requireUser }, async (request, reply) => {
    if (!(await mayImportTransfer(ctx, actor(request)))) return sendErrorPage(reply, 'forbidden');
    return page(reply);
  });

  // The first step: the file read and shown; nothing stored.
  app.post(URL, { preHandler: requireUser }, async (request, reply) => {
    const file = fileText(request.body);
    const pack = file === null ? null : parsed(file);
    if (file === null || pack === null) {
      if (!(await mayImportTransfer(ctx, actor(request)))) return sendErrorPage(reply, 'forbidden');
      const message = file === null ? 'Choose the transfer pack file the other area sent' : 'The file is not a transfer pack: it is not JSON. Choose the .json file the other area sent';
      return page(reply, { errorList: [{ text: message, href: '#pack' }], fieldErrors: { pack: { text: message } } }, 400);
    }
    const result = await previewTransferPack(ctx, actor(request), pack);
    if (!result.ok && result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    if (!result.ok) {
      const shown = result.issues.slice(0, PROBLEMS_SHOWN).map((issue) => ({ text: `${issue.details.text}${issue.expression ? ` (${issue.expression.join(', ')})` : ''}`, href: '#pack' }));
      const more = result.issues.length > PROBLEMS_SHOWN ? [{ text: `and ${String(result.issues.length - PROBLEMS_SHOWN)} more problems`, href: '#pack' }] : [];
      const message = 'This file is not a transfer pack this service can read. Ask the sending area to send it again';
      return page(reply, { errorList: [...shown, ...more], fieldErrors: { pack: { text: message } } }, 422);
    }
    return page(reply, { preview: presentPreview(result.value), pack: file });
  });

  // The second step: the pack received as a new record (or, after a likely duplicate, as a different baby).
  app.post(`${URL}/confirm`, { preHandler: requireUser }, async (request, reply) => {
    const file = text(request.body, 'pack');
    const pack = parsed(file);
    const checked = text(request.body, 'checkedCaseIds').split(',').filter((id) => id !== '');
    const differentBaby = text(request.body, 'differentBaby') === 'yes';
    const result = await receiveTransfer(ctx, actor(request), pack, differentBaby ? { confirmedNoDuplicate: true, checkedCaseIds: checked } : {});
    if (result.ok) {
      flashSuccess(request, 'The transfer is received: the record and its history are here, each entry marked as received from the sending area');
      return reply.redirect(`/cases/${result.value.caseId}`, 303);
    }
    if (result.code === 'forbidden') return page(reply, { errorList: [{ text: IMPORT_FORBIDDEN, href: '#pack' }] }, 403);
    if (result.code === 'possible-duplicate' || result.code === 'duplicate-nhs-number') {
      // The likely duplicate is audited by the use case; the pack shown again beside it is not a second look.
      const preview = packShownAgain(ctx, pack);
      return page(reply, {
        preview: preview ? presentPreview(preview) : null,
        pack: file,
        duplicate: { nhs: result.code === 'duplicate-nhs-number', message: result.message, matches: result.matches.map(presentMatch), checkedCaseIds: result.matches.map((m) => m.id).join(',') },
        errorList: [{ text: result.message, href: '#matches' }],
      }, 409);
    }
    const problems = result.code === 'invalid-pack' ? result.issues.map((issue) => issue.details.text) : 'problems' in result ? result.problems.map((p) => p.message) : ['message' in result ? result.message : 'The pack could not be received'];
    return page(reply, { errorList: problems.slice(0, PROBLEMS_SHOWN).map((problem) => ({ text: problem, href: '#pack' })) }, 422);
  });
  // After a likely duplicate, the record chosen as this baby: what the merge will add, then (confirm=yes) the merge.
  app.post(`${URL}/merge`, { preHandler: requireUser }, async (request, reply) => {
    const file = text(request.body, 'pack');
    const pack = parsed(file);
    const mergeInto = text(request.body, 'mergeInto');
    // The refusal is audited by its use case; the pack shown again beside it is not a second look. The
    // error links to what the pack holds, shown again (there is no file field on that page).
    const kept = async (message: string, status: number) => {
      const preview = packShownAgain(ctx, pack);
      return page(reply, { preview: preview ? presentPreview(preview) : null, pack: preview ? file : null, errorList: [{ text: message, href: preview ? '#pack-preview' : '#pack' }] }, status);
    };
    if (text(request.body, 'confirm') !== 'yes') {
      const merge = await previewMerge(ctx, actor(request), pack, mergeInto);
      if (merge.ok) return page(reply, { preview: presentPreview(merge.value.pack), pack: file, merge: presentMerge(merge.value) });
      if (merge.code === 'invalid-pack') return page(reply, { errorList: merge.issues.slice(0, PROBLEMS_SHOWN).map((issue) => ({ text: issue.details.text, href: '#pack' })) }, 422);
      if (merge.code === 'not-a-maker') return sendErrorPage(reply, 'forbidden');
      return kept(merge.message, { forbidden: 403, 'not-found': 404, 'merge-mismatch': 422, 'already-merged': 409 }[merge.code]);
    }
    const result = await receiveTransfer(ctx, actor(request), pack, { mergeInto });
    if (result.ok) {
      const proposed = result.value.peopleProposed;
      flashSuccess(request, `The transfer’s history is added to this record, each entry marked as received from the sending area${proposed > 0 ? `. ${plural(proposed, 'person', 'people')} it names who ${proposed === 1 ? 'is' : 'are'} not recorded here wait for you to decide about them: see People another agency named` : ''}`);
      return reply.redirect(`/cases/${result.value.caseId}`, 303);
    }
    if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    if (result.code === 'not-found' || result.code === 'merge-mismatch' || result.code === 'already-merged') return kept(result.message, { 'not-found': 404, 'merge-mismatch': 422, 'already-merged': 409 }[result.code]);
    const problems = result.code === 'invalid-pack' ? result.issues.map((issue) => issue.details.text) : ['message' in result ? result.message : 'The pack could not be added to this record'];
    return page(reply, { errorList: problems.slice(0, PROBLEMS_SHOWN).map((problem) => ({ text: problem, href: '#pack' })) }, 422);
  });
}
