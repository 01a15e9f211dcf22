// The profile page's summary, findings and task lists (profile-findings-and-factors.njk), rendered
// once for each evaluated profile and kept with it. They are made only from the evaluation, the
// assessments received and not confirmed here, the case and whether the viewer may change the
// profile; an evaluation the profile cache hands out is frozen, and a change to the case gives a new
// one (application/profile/profile-cache.ts), so what is kept is dropped with it. Rendering them was
// most of the page's template work on every view (about 1 ms for a case of 48 factors).
import type { ProfileEvaluation } from '../../../domain/profile/profile.types.ts';
import type { ReceivedMark } from '../../../domain/transfer/transfer-record.ts';
import { presentProfile } from './profile.presenter.ts';

/** Renders a template with these locals, as the views plugin does (FastifyInstance.view). */
export type RenderTemplate = (template: string, locals: object) => Promise<string>;

interface Kept {
  caseId: string;
  received: ReadonlyMap<string, ReceivedMark>;
  /** The markup for a viewer who may change the profile, and for one who may only read it. */
  byCanChange: Map<boolean, string>;
}

const kept = new WeakMap<ProfileEvaluation, Kept>();

/** The markup of the profile's summary, findings and task lists: rendered once for a frozen evaluation, then given again. */
export async function findingsAndFactorsMarkup(
  render: RenderTemplate,
  caseId: string,
  evaluation: ProfileEvaluation,
  received: ReadonlyMap<string, ReceivedMark>,
  canChange: boolean,
): Promise<string> {
  const entry = kept.get(evaluation);
  const known = entry?.caseId === caseId && entry.received === received ? entry : undefined;
  const markup = known?.byCanChange.get(canChange);
  if (markup !== undefined) return markup;
  const rendered = await render('profile/profile-findings-and-factors.njk', { p: presentProfile(caseId, evaluation, received), canChange });
  // An evaluation that is not frozen could change after this; it is rendered every time.
  if (!Object.isFrozen(evaluation)) return rendered;
  if (known) known.byCanChange.set(canChange, rendered);
  else kept.set(evaluation, { caseId, received, byCanChange: new Map([[canChange, rendered]]) });
  return rendered;
}
