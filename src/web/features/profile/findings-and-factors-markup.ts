// The profile page's summary, findings and task lists (profile-findings-and-factors.njk), rendered
// once for each evaluated profile and kept with it. They are made only from the evaluation, the
// assessments received and not confirmed here, the case and whether the viewer may change the
// profile; an evaluation the profile cache hands out is frozen, and a change to the case gives a new
// one (application/profile/profile-cache.ts), so what is kept is dropped with it. Rendering them was
// most of the page's template work on every view (about 1 ms for a case of 48 factors).
import type { ProfileEvaluation } from '../../../domain/profile/profile.types.ts';
import type { ReceivedMark } from '../../../domain/transfer/transfer-record.ts';
import { KeptMarkup } from '../../views/kept-markup.ts';
import { presentProfile } from './profile.presenter.ts';

/** Renders a template with these locals, as the views plugin does (FastifyInstance.view). */
export type RenderTemplate = (template: string, locals: object) => Promise<string>;

/** No bound of its own: a few keys an evaluation (its case, the marks received, two kinds of viewer), and the profile cache bounds the evaluations. */
const kept = new KeptMarkup<ProfileEvaluation>();

/** The markup of the profile's summary, findings and task lists: rendered once for a frozen evaluation, then given again. */
export async function findingsAndFactorsMarkup(
  render: RenderTemplate,
  caseId: string,
  evaluation: ProfileEvaluation,
  received: ReadonlyMap<string, ReceivedMark>,
  canChange: boolean,
): Promise<string> {
  const write = () => render('profile/profile-findings-and-factors.njk', { p: presentProfile(caseId, evaluation, received), canChange });
  // An evaluation that is not frozen could change after this; it is rendered every time.
  if (!Object.isFrozen(evaluation)) return write();
  return kept.markup(evaluation, JSON.stringify([caseId, canChange, [...received]]), write);
}
