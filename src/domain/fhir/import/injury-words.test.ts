import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FindingFacts } from './finding-codes.ts';
import { reportsInjury } from './injury-words.ts';

const said = (topic: readonly string[], values: readonly string[] = [], more: Partial<FindingFacts> = {}): FindingFacts => ({ snomedCodes: [], topic, values, absentByCode: false, hasValue: values.length > 0, ...more });
const coded = (code: string, more: Partial<FindingFacts> = {}): FindingFacts => ({ ...said(['Skin finding']), snomedCodes: [code], ...more });

describe('whether a finding reports an injury seen', () => {
  it('is so for the SNOMED CT codes of a bruise, petechiae, a fracture, a burn and bleeding, and the common injuries', () => {
    for (const code of ['125667009', '271757001', '125605004', '72704001', '423125000', '397181002', '125666000', '77140003', '46541008', '80247002', '131148009', '26322001', '12441001', '297968009', '35486000', '417746004', '82271004', '110030002', '399963005']) {
      assert.equal(reportsInjury(coded(code)), true, code);
    }
  });

  it('is not so for a code that is not an injury, however worded around it', () => {
    for (const code of ['27113001', '297950006', '2667000', '']) assert.equal(reportsInjury(coded(code)), false, code);
  });

  it('is not so for an injury code whose value says it was absent, or whose words are about injuries in general', () => {
    assert.equal(reportsInjury(coded('125667009', { absentByCode: true })), false);
    assert.equal(reportsInjury(coded('125667009', { values: ['None seen'] })), false);
    assert.equal(reportsInjury(coded('125605004', { topic: ['History of fracture'] })), false);
    assert.equal(reportsInjury(coded('125666000', { topic: ['Burn risk assessment'] })), false);
  });

  it('is so for the words that were plain notes before: a bruise with no explanation, petechiae, bleeding from the mouth, grip marks', () => {
    for (const words of ['Bruise to left cheek, no explanation offered', 'Petechiae around both eyes', 'Bleeding from mouth', 'Grip marks on upper arms']) {
      assert.equal(reportsInjury(said([words])), true, words);
    }
  });

  it('is so when the words name an injury and nothing in that clause says otherwise', () => {
    for (const words of [
      ['Bruise'],
      ['Bruising', 'left cheek'],
      ['Skin finding', 'Bruised upper arm'],
      ['Burns to hand'],
      ['Scald'],
      ['Fracture of femur'],
      ['Laceration of scalp'],
      ['Bite mark'],
      ['Head injury'],
      ['Injuries to the face'],
      ['Fingertip marks on the chest'],
      ['Torn frenulum'],
      ['Nosebleed'],
      ['Blood from the nose'],
      ['Subdural haemorrhage'],
      ['Bruise to ear. Mother has no idea how it happened'],
      ['Mother denies causing the bruise'],
      ['Unexplained bruising to the back'],
      ['Skin: unremarkable, but a bruise on the shin'],
      ['Non-accidental injury suspected'],
      ['Bruise with no clear history'],
      ['Bruise to left cheek otherwise normal'],
      ['Parents could not explain the bruise on his back'],
      ['Not known how the fracture happened'],
      ['Mother does not know how he got the burn'],
      ['Ex-partner caused the bruising'],
    ]) {
      assert.equal(reportsInjury(said(words)), true, words.join(' | '));
    }
  });

  it('is not so when the words say it was absent, or the value says no', () => {
    for (const [topic, value] of [
      ['No bruising seen'],
      ['Bruise check normal'],
      ['Bruising', 'No'],
      ['Bruising', 'Absent'],
      ['Injury', 'None'],
      ['Nil injuries'],
      ['Fracture', 'Ruled out'],
      ['Skin: unremarkable, no bruise'],
      ['Bruising: none seen'],
      ['Bruising', 'Negative'],
      ['Mother denies injury'],
      ['Skin examination', 'Normal'],
      ['No marks or bruises'],
      ['Mongolian blue spot on the sacrum, not a bruise'],
      ['Bruising resolved'],
      ['No history of fracture'],
      ['Skin otherwise normal, no bruising'],
    ] as const) {
      assert.equal(reportsInjury(said([topic], value === undefined ? [] : [value])), false, `${topic} | ${value ?? ''}`);
    }
    assert.equal(reportsInjury(said(['Bruising'], [], { absentByCode: true })), false);
  });

  it('is not so when the words are about injuries in general rather than one seen', () => {
    for (const words of ['Injury risk assessment', 'Burns prevention advice given', 'History of fracture', 'Previous injuries', 'Bruising screening']) {
      assert.equal(reportsInjury(said([words])), false, words);
    }
  });

  it('is not so for bleeding that is the mother’s after a birth or in pregnancy', () => {
    for (const words of ['Postpartum bleeding', 'Heavy post-partum bleeding', 'Vaginal bleeding', 'PV bleeding']) assert.equal(reportsInjury(said([words])), false, words);
  });

  it('is not so for words that only contain an injury word inside another', () => {
    for (const words of ['Heartburn', 'Burnout', 'Weight', 'Sleeping position', 'Birthmark on the neck', 'Sunburn cream advice']) assert.equal(reportsInjury(said([words])), false, words);
  });
});
