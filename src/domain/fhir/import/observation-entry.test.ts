import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, concept, observation } from './fhir.test-support.ts';
import { readObservation } from './observation-entry.ts';
import { BODY_HEIGHT, BODY_WEIGHT, DRUG_USE, HEAD_CIRCUMFERENCE, HEAVY_DRINKER, PIPE_SMOKER } from './uk-core-examples.test-support.ts';

const read = (fields: Record<string, unknown> = {}) => readObservation(observation(fields), at('Observation/obs-1', 1));
const only = (fields: Record<string, unknown>) => {
  const reading = read(fields);
  assert.equal(reading.entries.length, 1, JSON.stringify(reading));
  return reading.entries[0]!.entry;
};

describe('an Observation as a chronology entry', () => {
  it('is a case note from the agency’s record, with what was observed and its value in the summary', () => {
    assert.deepEqual(read({ code: concept('Feeding'), valueString: 'Breastfed, feeding well' }).entries, [
      {
        index: 1,
        resource: 'Observation/obs-1',
        occurredAtPath: '/entry/1/resource/effectiveDateTime',
        entry: { kind: 'case-note', occurredAt: '2026-11-20T11:00:00+00:00', summary: 'Feeding: Breastfed, feeding well', source: 'agency-record', externalId: 'fhir:Observation/obs-1' },
      },
    ]);
  });

  it('puts each kind of value into words', () => {
    const summary = (fields: Record<string, unknown>) => only({ code: concept('Finding'), ...fields }).summary;
    assert.equal(summary({ valueQuantity: { value: 37.9, code: 'Cel', comparator: '>' } }), 'Finding: >37.9 Cel');
    assert.equal(summary({ valueCodeableConcept: { coding: [{ code: '1', display: 'Settled' }] } }), 'Finding: Settled');
    assert.equal(summary({ valueString: 'Feeding well' }), 'Finding: Feeding well');
    assert.equal(summary({ valueBoolean: true }), 'Finding: yes');
    assert.equal(summary({ valueBoolean: false }), 'Finding: no');
    assert.equal(summary({ valueInteger: 3 }), 'Finding: 3');
    assert.equal(summary({ valueDateTime: '2026-11-19' }), 'Finding: 2026-11-19');
    assert.equal(summary({ dataAbsentReason: concept('Asked but unknown') }), 'Finding: no value (Asked but unknown)');
    assert.equal(summary({}), 'Finding');
    assert.equal(only({}).summary, 'Observation');
  });

  it('says a gestation at birth in UCUM days or weeks as the record does, and any other quantity as sent', () => {
    const gestation = (valueQuantity: object) => only({ code: { coding: [{ system: 'http://snomed.info/sct', code: '412726003', display: 'Length of gestation at birth' }], text: 'Gestation at birth' }, valueQuantity }).summary;
    const ucum = 'http://unitsofmeasure.org';
    assert.equal(gestation({ value: 270, unit: 'day', system: ucum, code: 'd' }), 'Gestation at birth: 38 weeks 4 days');
    assert.equal(gestation({ value: 203, unit: 'day', system: ucum, code: 'd' }), 'Gestation at birth: 29 weeks 0 days');
    assert.equal(gestation({ value: 38, unit: 'week', system: ucum, code: 'wk' }), 'Gestation at birth: 38 weeks');
    assert.equal(gestation({ value: 270.5, unit: 'day', system: ucum, code: 'd' }), 'Gestation at birth: 270.5 day', 'not a whole number of days: as sent');
    assert.equal(gestation({ value: 270, unit: 'day', code: 'd' }), 'Gestation at birth: 270 day', 'no UCUM system: as sent');
    assert.equal(gestation({ value: 9, unit: 'mo', system: ucum, code: 'mo' }), 'Gestation at birth: 9 mo');
    assert.equal(only({ code: concept('Days in hospital'), valueQuantity: { value: 270, unit: 'day', system: ucum, code: 'd' } }).summary, 'Days in hospital: 270 day', 'another code: as sent');
  });

  it('adds the body site and the components', () => {
    const entry = only({ code: concept('Blood pressure'), bodySite: concept('Left arm'), component: [{ code: concept('Systolic'), valueQuantity: { value: 120, unit: 'mmHg' } }, { code: concept('Diastolic') }] });
    assert.equal(entry.summary, 'Blood pressure. Site: Left arm. Systolic: 120 mmHg; Diastolic');
  });

  it('is an injury seen only when its words clearly report one', () => {
    assert.equal(only({ code: concept('Bruise'), bodySite: concept('Left cheek') }).kind, 'injury-observed');
    assert.equal(only({ code: concept('Skin examination'), valueCodeableConcept: concept('Bruising to the forehead') }).kind, 'injury-observed');
    assert.equal(only({ code: { coding: [{ display: 'Bruising' }] }, valueBoolean: true }).kind, 'injury-observed');
    assert.equal(only({ code: concept('Bruising'), valueBoolean: false }).kind, 'case-note');
    assert.equal(only({ code: concept('Bruising'), valueCodeableConcept: concept('Absent') }).kind, 'case-note');
    assert.equal(only({ code: concept('Bruising'), interpretation: [concept('Negative')] }).kind, 'case-note');
    assert.equal(only({ code: concept('Skin examination'), valueString: 'No marks or bruises' }).kind, 'case-note');
    assert.equal(only({ code: concept('Injury risk assessment'), valueString: 'Low' }).kind, 'case-note');
  });

  it('is an injury seen by its SNOMED CT code before its words, unless its coded value says absent', () => {
    const contusion = { coding: [{ system: 'http://snomed.info/sct', code: '125667009', display: 'Contusion' }] };
    assert.equal(only({ code: contusion, bodySite: concept('Left cheek') }).kind, 'injury-observed');
    assert.equal(only({ code: concept('Skin finding'), valueCodeableConcept: contusion }).kind, 'injury-observed');
    assert.equal(only({ code: contusion, valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '2667000', display: 'Absent' }] } }).kind, 'case-note');
    assert.equal(only({ code: contusion, interpretation: [{ coding: [{ code: 'NEG' }] }] }).kind, 'case-note');
    assert.equal(only({ code: contusion, valueBoolean: false }).kind, 'case-note');
  });

  it('is an injury seen for the words that were plain notes before, and keeps them as its summary', () => {
    for (const words of ['Bruise to left cheek, no explanation offered', 'Petechiae around both eyes', 'Bleeding from mouth', 'Grip marks on upper arms']) {
      const entry = only({ code: concept('Skin examination'), valueString: words });
      assert.deepEqual([entry.kind, entry.summary], ['injury-observed', `Skin examination: ${words}`]);
    }
    assert.equal(only({ code: concept('Skin examination'), valueString: 'No bruising seen' }).kind, 'case-note');
    assert.equal(only({ code: concept('Bruise check'), valueString: 'Normal' }).kind, 'case-note');
    assert.equal(only({ code: concept('Bruise check normal') }).kind, 'case-note');
  });

  it('reads NHS England’s heavy drinker example as more drinking, above the low-risk guideline', () => {
    assert.deepEqual(readObservation(HEAVY_DRINKER, at('Observation/UKCore-Observation-HeavyDrinker-Example')).entries.map((e) => e.entry), [
      {
        kind: 'substance-use-increase',
        substance: 'alcohol',
        summary: 'Alcohol units consumed per day: 20 per day (above the low-risk guideline of 14 units a week)',
        occurredAt: '2023-08-10',
        source: 'agency-record',
        externalId: 'fhir:Observation/UKCore-Observation-HeavyDrinker-Example',
      },
    ]);
  });

  it('counts alcohol units a day or a week against the guideline, and a drink within it is a case note', () => {
    const units = (code: string, value: number, unit?: string) => only({ code: { coding: [{ system: 'http://snomed.info/sct', code }] }, valueQuantity: { value, ...(unit ? { code: unit } : {}) } }).kind;
    assert.equal(units('1082631000000102', 3), 'substance-use-increase');
    assert.equal(units('1082631000000102', 2), 'case-note');
    assert.equal(units('1082641000000106', 15), 'substance-use-increase');
    assert.equal(units('1082641000000106', 14), 'case-note');
    assert.equal(units('1082641000000106', 0), 'case-note');
    assert.equal(units('160573003', 30, '/wk'), 'substance-use-increase');
    assert.equal(units('160573003', 3, '/d'), 'substance-use-increase');
    assert.equal(units('160573003', 30), 'case-note');
  });

  it('reads a coded drinking status: heavy, binge, harmful or dependent drinking only', () => {
    const status = (code: string) => {
      const entry = only({ code: concept('Alcohol intake'), valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code }] } });
      return entry.kind === 'substance-use-increase' ? entry.substance : entry.kind;
    };
    for (const code of ['86933000', '228278007', '228279004', '228315001', '777631000000108', '777651000000101', '198421000000108', '198431000000105', '15167005', '66590003', '7200002']) {
      assert.equal(status(code), 'alcohol', code);
    }
    for (const code of ['105542008', '783261004', '82581004', '160579004', '228277002', '43783005', '28127009', '228276006', '777671000000105', '219006']) {
      assert.equal(status(code), 'case-note', code);
    }
  });

  it('reads drinking in words, but not a denial or advice', () => {
    assert.equal(only({ code: concept('Alcohol'), valueString: 'Heavy drinker, drinks daily' }).substance, 'alcohol');
    assert.equal(only({ code: concept('Alcohol dependence') }).substance, 'alcohol');
    for (const words of ['Does not drink alcohol', 'Ex-problem drinker', 'Alcohol advice given', 'No alcohol misuse']) assert.equal(only({ code: concept(words) }).kind, 'case-note', words);
  });

  it('reads NHS England’s drug use example as more drug use, once it has a date (it is published without one)', () => {
    assert.deepEqual(readObservation(DRUG_USE, at('Observation/UKCore-Observation-DrugUse-Example')).rejected.map((r) => r.code), ['no-date']);
    const [mapped] = readObservation({ ...DRUG_USE, effectiveDateTime: '2023-08-10' }, at('Observation/UKCore-Observation-DrugUse-Example')).entries;
    assert.deepEqual([mapped?.entry.kind, mapped?.entry.substance, mapped?.entry.summary], ['substance-use-increase', 'drugs', 'Illicit drug use']);
  });

  it('reads drug use by code and words, and not its denial', () => {
    for (const code of ['307052004', '26416006', '191816009']) assert.equal(only({ code: { coding: [{ system: 'http://snomed.info/sct', code }] } }).substance, 'drugs', code);
    assert.equal(only({ code: concept('Drug use'), valueString: 'Cannabis most evenings' }).substance, 'drugs');
    for (const [code, value] of [['Drug use', 'None'], ['Drug use', 'Denies drug use'], ['Illicit drug use', 'No'], ['Substance misuse advice']]) {
      assert.equal(only({ code: concept(code!), ...(value ? { valueString: value } : {}) }).kind, 'case-note', `${code} | ${value ?? ''}`);
    }
  });

  it('reads NHS England’s pipe smoker example as a carer smoking in the home, which matters for safe sleep', () => {
    assert.deepEqual(readObservation(PIPE_SMOKER, at('Observation/UKCore-Observation-PipeSmoker-Example')).entries.map((e) => e.entry), [
      {
        kind: 'case-note',
        indicates: [{ factorId: 'smoking-in-home' }],
        summary: 'Pipe tobacco consumption: 5 per day',
        occurredAt: '2023-08-10',
        source: 'agency-record',
        externalId: 'fhir:Observation/UKCore-Observation-PipeSmoker-Example',
      },
    ]);
    assert.equal(readObservation({ ...PIPE_SMOKER, valueQuantity: { ...PIPE_SMOKER.valueQuantity, value: 0 } }, at('Observation/x')).entries[0]?.entry.indicates, undefined);
  });

  it('reads a coded smoking status: a smoker of any kind, never an ex-smoker or someone who never smoked', () => {
    const smokes = (code: string) => only({ code: concept('Tobacco smoking behaviour'), valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code }] } }).indicates !== undefined;
    for (const code of ['77176002', '65568007', '82302008', '59978006', '160619003', '230065006', '230059006', '230060001', '230062009', '230063004', '160603005', '160604004', '160605003', '449868002', '428041000124106', '428061000124105', '428071000124103', '266929003']) {
      assert.equal(smokes(code), true, code);
    }
    for (const code of ['8517006', '266919005', '160618006', '281018007', '160617001', '266927001']) assert.equal(smokes(code), false, code);
    assert.equal(only({ code: concept('Smoking status'), valueCodeableConcept: concept('Never smoked tobacco') }).indicates, undefined);
    assert.equal(only({ code: concept('Smoking status'), valueCodeableConcept: concept('Ex-smoker') }).indicates, undefined);
    assert.equal(only({ code: concept('Non-smoker') }).indicates, undefined);
    assert.equal(only({ code: concept('Smoking cessation advice given') }).indicates, undefined);
    assert.deepEqual(only({ code: concept('Smoking status'), valueString: 'Father smokes in the flat' }).indicates, [{ factorId: 'smoking-in-home' }]);
  });

  it('makes a weight, length or head circumference a measurement in grams or centimetres, with the words "Weighed 4,210 g"', () => {
    const weight = { coding: [{ system: 'http://loinc.org', code: '29463-7' }] };
    const [mapped] = read({ code: weight, valueQuantity: { value: 4.21, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } }).entries;
    assert.deepEqual(mapped?.measurement, { kind: 'weight', value: 4210, unit: 'g' });
    assert.deepEqual([mapped?.entry.kind, mapped?.entry.summary], ['case-note', 'Weighed 4,210 g']);
    const fromExample = (example: typeof BODY_WEIGHT) => {
      const [first] = readObservation(example, at(`Observation/${example.id}`)).entries;
      return [first?.measurement, first?.entry.summary];
    };
    assert.deepEqual(fromExample(BODY_WEIGHT), [{ kind: 'weight', value: 90000, unit: 'g' }, 'Weighed 90,000 g']);
    assert.deepEqual(fromExample(BODY_HEIGHT), [{ kind: 'length', value: 164, unit: 'cm' }, 'Measured 164 cm long']);
    assert.deepEqual(fromExample(HEAD_CIRCUMFERENCE), [{ kind: 'head-circumference', value: 59, unit: 'cm' }, 'Head circumference 59 cm']);
  });

  it('refuses a measurement in a unit it cannot convert, with the reason, and keeps the Observation in words', () => {
    const [mapped] = read({ code: { coding: [{ system: 'http://snomed.info/sct', code: '27113001' }], text: 'Body weight' }, valueQuantity: { value: 9, code: '[lb_av]', unit: 'lb' } }).entries;
    assert.equal(mapped?.measurement, undefined);
    assert.deepEqual(mapped?.measurementRefused, { code: 'measurement-unit-unknown', path: '/entry/1/resource/valueQuantity/code' });
    assert.equal(mapped?.entry.summary, 'Body weight: 9 lb');
  });

  it('is dated by effectiveDateTime, effectiveInstant or the start of effectivePeriod, and reports one with none', () => {
    const dated = (fields: Record<string, unknown>) => read({ effectiveDateTime: undefined, ...fields }).entries.map((e) => [e.entry.occurredAt, e.occurredAtPath]);
    assert.deepEqual(dated({ effectiveInstant: '2026-11-20T11:00:00.123Z' }), [['2026-11-20T11:00:00.123Z', '/entry/1/resource/effectiveInstant']]);
    assert.deepEqual(dated({ effectivePeriod: { start: '2026-11-19' } }), [['2026-11-19', '/entry/1/resource/effectivePeriod/start']]);
    assert.deepEqual(read({ effectiveDateTime: undefined, issued: '2026-11-21T09:00:00Z' }).rejected, [{ index: 1, resource: 'Observation/obs-1', code: 'no-date', path: '/entry/1/resource/effectiveDateTime' }]);
    assert.deepEqual(read({ effectiveDateTime: '2026-11' }).rejected.map((r) => r.code), ['partial-date']);
  });

  it('leaves out observations registered without a result, cancelled or entered in error', () => {
    for (const [status, code] of [['registered', 'not-happened'], ['cancelled', 'not-happened'], ['entered-in-error', 'entered-in-error']] as const) {
      assert.deepEqual(read({ status }).skipped, [{ index: 1, resource: 'Observation/obs-1', code, path: '/entry/1/resource/status' }]);
    }
    for (const status of ['preliminary', 'final', 'amended', 'corrected', undefined]) assert.equal(read({ status }).entries.length, 1);
  });
});
