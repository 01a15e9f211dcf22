// The growth page's words and pictures from the view: a chart per kind of measurement with points,
// the same numbers as a table, and faltering growth as the profile derives it.
import type { BirthWeightRead, GrowthView, MeasurementRead } from '../../../application/growth/view-growth.ts';
import { KIND_NAMES, measurementInWords } from '../../../domain/growth/growth-words.ts';
import { MEASUREMENT_KINDS, UNIT_OF, type MeasurementKind } from '../../../domain/growth/growth.types.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { renderGrowthChart } from './growth-chart.ts';

const SOURCE_WORDS = { page: 'This service', api: 'Agency system', fhir: 'Agency system (FHIR)' } as const;
const STATUS_TAGS = {
  present: { text: 'Faltering growth', classes: 'govuk-tag--red' },
  excluded: { text: 'Not faltering', classes: 'govuk-tag--green' },
  'not-assessed': { text: 'Not yet known', classes: 'govuk-tag--grey' },
} as const;

export interface ChartBlock {
  kind: MeasurementKind;
  heading: string;
  svg: string;
  rows: { date: string; value: string; birth: boolean; age: string; position: string; sds: string; centile: string }[];
}

/** A point of a chart and a row of its table: a measurement, or the birth weight on the record. */
type Point = (MeasurementRead | BirthWeightRead) & { birth?: boolean };

function row(m: Point) {
  return {
    date: dayInWords(m.measuredOn),
    value: measurementInWords(m.kind, m.value),
    birth: m.birth === true,
    age: m.ageWords ?? 'Not read',
    position: m.positionWords ?? `Cannot be read: ${m.unreadable ?? ''}`,
    sds: m.reading ? m.reading.z.toFixed(2) : '',
    centile: m.reading ? m.reading.centile.toFixed(1) : '',
  };
}

function chart(view: GrowthView, kind: MeasurementKind, measurements: readonly Point[]): ChartBlock {
  const name = KIND_NAMES[kind];
  const read = measurements.filter((m) => m.reading !== null);
  const sex = view.subject.sex;
  const svg =
    sex && read.length > 0
      ? renderGrowthChart({
          id: `growth-${kind}`,
          kind,
          sex,
          title: `${name} of ${view.babyName} against the UK-WHO centiles for ${sex === 'female' ? 'girls' : 'boys'}`,
          description:
            `${read.length} ${read.length === 1 ? 'measurement' : 'measurements'} in ${UNIT_OF[kind]} plotted against the nine centile lines, 0.4th to 99.6th, ` +
            `by weeks from 40 weeks of gestation${read.some((m) => m.reading!.age.corrected) ? ' (corrected age for a baby born preterm)' : ''}. ` +
            read.map((m) => `${m.birth ? 'birth weight ' : ''}${measurementInWords(kind, m.value)} ${m.ageWords!}, ${m.positionWords!}`).join('; ') +
            '. The table below gives the same numbers.',
          points: read.map((m) => ({ days: m.reading!.age.days, value: m.value, label: `${m.birth ? 'Birth weight ' : ''}${measurementInWords(kind, m.value)} on ${dayInWords(m.measuredOn)}, ${m.ageWords!}: ${m.positionWords!}` })),
        })
      : '';
  return { kind, heading: name, svg, rows: measurements.map(row) };
}

/** A kind's points in order: for weight, the birth weight on the record first (the first point of a baby's growth). */
function pointsOf(view: GrowthView, kind: MeasurementKind): Point[] {
  const measured: Point[] = view.measurements.filter((m) => m.kind === kind);
  return kind === 'weight' && view.birthWeight ? [{ ...view.birthWeight, birth: true }, ...measured] : measured;
}

export function presentGrowth(view: GrowthView) {
  const charts = MEASUREMENT_KINDS.map((kind) => ({ kind, measurements: pointsOf(view, kind) }))
    .filter(({ measurements }) => measurements.length > 0)
    .map(({ kind, measurements }) => chart(view, kind, measurements));
  const f = view.faltering;
  return {
    caseId: view.caseId,
    babyName: view.babyName,
    born: view.born,
    canChange: view.canChange,
    notReadable: view.notReadable,
    charts,
    corrected: view.measurements.some((m) => m.reading?.age.corrected === true) || view.birthWeight?.reading?.age.corrected === true,
    /** "3,400 g": the birth weight on the record, which the weights are measured from; null when none is recorded. */
    birthWeight: view.born && view.birthWeightGrams !== null && view.birthWeightGrams > 0 ? measurementInWords('weight', view.birthWeightGrams) : null,
    faltering: {
      tag: STATUS_TAGS[f.status],
      details: f.status === 'present' ? f.findings.map((finding) => finding.detail) : [f.detail],
      weights: f.status === 'present' ? [...new Set(f.findings.flatMap((finding) => finding.weights.map((w) => w.words)))] : f.status === 'excluded' ? f.weights.map((w) => w.words) : [],
    },
    sources: view.measurements.map((m) => ({ id: m.id, by: `${m.recordedBy}, ${m.agency}`, source: SOURCE_WORDS[m.source] })),
  };
}

export const KIND_ITEMS = (checked: string | undefined) =>
  MEASUREMENT_KINDS.map((kind) => ({ value: kind, text: `${KIND_NAMES[kind]} (${UNIT_OF[kind] === 'g' ? 'grams' : 'centimetres'})`, checked: checked === kind }));
