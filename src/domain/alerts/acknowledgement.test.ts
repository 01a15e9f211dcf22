import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACKNOWLEDGEMENT_MESSAGES, ACKNOWLEDGEMENT_NOTE_MAX, checkAcknowledgementNote } from './acknowledgement.ts';

describe('the note that acknowledges an alert', () => {
  it('is needed: empty, blank or missing is refused', () => {
    for (const note of ['', '   \n ', undefined]) assert.equal(checkAcknowledgementNote(note), 'note-needed');
  });

  it('is accepted up to the limit, counted without surrounding spaces', () => {
    assert.equal(checkAcknowledgementNote('Spoke to the ward: visit booked'), null);
    assert.equal(checkAcknowledgementNote(` ${'x'.repeat(ACKNOWLEDGEMENT_NOTE_MAX)} `), null);
    assert.equal(checkAcknowledgementNote('x'.repeat(ACKNOWLEDGEMENT_NOTE_MAX + 1)), 'note-too-long');
  });

  it('says what to do for each problem', () => {
    assert.equal(ACKNOWLEDGEMENT_MESSAGES['note-needed'], 'Enter a note saying what you have done or will do about this alert');
    assert.equal(ACKNOWLEDGEMENT_MESSAGES['note-too-long'], 'The note must be 2,000 characters or fewer');
  });
});
