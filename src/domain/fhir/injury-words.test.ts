import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportsInjury } from './injury-words.ts';

describe('whether an observation reports an injury seen', () => {
  it('is so when the words name an injury and nothing says otherwise', () => {
    for (const words of [['Bruise'], ['Bruising', 'left cheek'], ['Skin finding', 'Bruised upper arm'], ['Burns to hand'], ['Scald'], ['Fracture of femur'], ['Laceration of scalp'], ['Bite mark'], ['Head injury'], ['Injuries to the face']]) {
      assert.equal(reportsInjury(words, undefined), true, words.join(' | '));
    }
  });

  it('is not so when the words say it was absent, or the value is no', () => {
    for (const words of [['No bruising seen'], ['Bruising', 'No'], ['Bruising', 'Absent'], ['Injury', 'None'], ['Nil injuries'], ['Fracture', 'ruled out'], ['Skin: unremarkable, no bruise'], ['Bruising', 'Negative'], ['Mother denies injury']]) {
      assert.equal(reportsInjury(words, undefined), false, words.join(' | '));
    }
    assert.equal(reportsInjury(['Bruising'], false), false);
    assert.equal(reportsInjury(['Bruising'], true), true);
  });

  it('is not so when the words are about injuries in general rather than one seen', () => {
    for (const words of [['Injury risk assessment'], ['Burns prevention advice given'], ['History of fracture'], ['Previous injuries'], ['Bruising screening']]) {
      assert.equal(reportsInjury(words, undefined), false, words.join(' | '));
    }
  });

  it('is not so for words that only contain an injury word inside another', () => {
    for (const words of [['Heartburn'], ['Burnout'], ['Weight'], ['Sleeping position']]) assert.equal(reportsInjury(words, undefined), false, words.join(' | '));
  });
});
