// Protective factors (docs/profile-catalogue.md, Protective factors): recorded with evidence, shown beside the risks, and never
// subtracted from them. Those about a person are recorded for each adult; the rest once.
import { cite, SOURCES } from './sources.ts';
import { defineFactor } from './factor-definition.ts';
import type { ProtectiveFactorId } from './factor-ids.ts';
import type { FactorContent } from './factor-definition.ts';
import type { Subject } from './subjects.ts';

const { nspccInfants, northants, bsw, derby } = SOURCES;

type Content = FactorContent & { subject: Subject };

const contents: Record<ProtectiveFactorId, Content> = {
  'supportive-partner': {
    subject: 'adult',
    label: 'Supportive partner',
    phrase: 'support as a partner',
    help:
      'A partner who protects the baby. Say how they protect the baby and when they are there: a partner out at ' +
      'work all day cannot protect the baby during the day (Infant 1).',
    questions: [
      'How exactly does this partner keep the baby safe?',
      'When are they at home, and who is with the baby otherwise?',
      'Have they been assessed themselves?',
    ],
    citations: [cite(derby, '§5.9'), cite(northants, '§1.0 and §2.0'), cite(bsw, '"Recognising and responding to the vulnerability of babies" (fathers as a protective factor)')],
  },
  'supportive-wider-family': {
    subject: 'household',
    label: 'Supportive wider family',
    phrase: 'supportive wider family',
    help:
      'Wider family who give practical and emotional support. Check that they are safe themselves and not ' +
      'controlling; they may also know things professionals do not (Infant 1).',
    questions: ['Who, how often, and what do they do?', 'Have they been spoken to directly?'],
    citations: [cite(northants, '§1.0 and §2.0'), cite(derby, '§5.14 and §7.10')],
  },
  'engages-with-services': {
    subject: 'adult',
    label: 'Engages with services',
    phrase: 'engagement with services',
    help: 'Keeps appointments and works openly with professionals. Check it is every service, not just one (Infant 2).',
    questions: ['Which services, and how do they know?', 'Is the engagement with every agency, or only some?'],
    citations: [cite(northants, '§1.0'), cite(derby, '§5.21 and §5.41')],
  },
  'capacity-to-change': {
    subject: 'adult',
    label: 'Shows capacity to change',
    phrase: 'capacity to change',
    help: 'Evidence, not promises, that this carer can change what needs to change and keep it up.',
    questions: ['What has changed, since when, and who has seen it?', 'Has it lasted, or slipped back before?'],
    citations: [cite(nspccInfants, '"Learning for improving practice"'), cite(northants, '§1.0')],
  },
  'safe-sleep-space': {
    subject: 'household',
    label: 'Safe sleep space seen',
    phrase: 'safe sleep space',
    help: "A clear, flat cot in the parents' room, seen by a practitioner.",
    questions: ['Who saw it, and when?', 'Is it used for every sleep, day and night?'],
    citations: cite(northants, '§4.0'),
  },
  'understands-safety-advice': {
    subject: 'adult',
    label: 'Understands and follows safety advice',
    phrase: 'understanding of safety advice',
    help: 'Understands, and keeps following, advice on safe sleep, coping with crying, bathing and hazards.',
    questions: ['Can they tell you the advice in their own words?', 'Have you seen it followed?'],
    citations: cite(nspccInfants, '"Learning for improving practice"'),
  },
};

export const PROTECTIVE_FACTORS = (Object.entries(contents) as [ProtectiveFactorId, Content][]).map(([id, { subject, ...content }]) =>
  defineFactor(id, subject, 'protective', content),
);
