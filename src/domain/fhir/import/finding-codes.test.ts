import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAbsentCode, isAbsentInterpretation, isAbsentValue, snomedCodesOf, wordsReport } from './finding-codes.ts';

const BRUISE = /\bbruis(e|ed|ing)\b/i;
const sct = (code: string) => ({ coding: [{ system: 'http://snomed.info/sct', code }] });

describe('whether a finding says something is there', () => {
  it('reads SNOMED CT codes only from the SNOMED CT system', () => {
    assert.deepEqual(snomedCodesOf({ coding: [{ system: 'http://snomed.info/sct', code: '1' }, { system: 'http://loinc.org', code: '2' }, { system: 'http://snomed.info/sct' }] }), ['1']);
    assert.deepEqual(snomedCodesOf(undefined), []);
  });

  it('knows the coded values and interpretations that say absent', () => {
    for (const code of ['2667000', '373067005', '260385009']) assert.equal(isAbsentCode(sct(code)), true, code);
    for (const code of ['52101004', '373066001', '10828004']) assert.equal(isAbsentCode(sct(code)), false, code);
    for (const code of ['NEG', 'N', 'ND', 'neg']) assert.equal(isAbsentInterpretation({ coding: [{ code }] }), true, code);
    for (const code of ['POS', 'H', 'A']) assert.equal(isAbsentInterpretation({ coding: [{ code }] }), false, code);
  });

  it('knows a value in words that says absent, and one that only looks like a denial', () => {
    for (const value of ['No', 'none seen', 'Nil', 'Absent', 'Negative', 'Normal', 'NAD', 'Not seen', 'Ruled out', 'Never']) assert.equal(isAbsentValue(value), true, value);
    for (const value of ['No explanation offered, 2 cm bruise', 'Yes', 'Present', '2 cm on the left cheek', 'Noted on the left cheek']) assert.equal(isAbsentValue(value), false, value);
  });

  it('counts words clause by clause: a denial or a general word in one clause does not reach another', () => {
    assert.equal(wordsReport(['Bruise to left cheek, no explanation offered'], BRUISE), true);
    assert.equal(wordsReport(['No concerns; bruise on the arm'], BRUISE), true);
    assert.equal(wordsReport(['Safe sleep advice given. Bruised shin'], BRUISE), true);
    assert.equal(wordsReport(['No bruising; safe sleep advice given'], BRUISE), false);
    assert.equal(wordsReport(['Bruising: none'], BRUISE), false);
    assert.equal(wordsReport(['Bruise risk assessment'], BRUISE), false);
    assert.equal(wordsReport([], BRUISE), false);
  });
});
