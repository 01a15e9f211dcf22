// Acknowledging an alert needs a note: what the person has done or will do about it. A tick alone
// says nothing about whether anyone acted (docs/domain.md, Hospital discharge: information passed on is not information used).

export const ACKNOWLEDGEMENT_NOTE_MAX = 2000;

export type AcknowledgementProblem = 'note-needed' | 'note-too-long';

export const ACKNOWLEDGEMENT_MESSAGES: Readonly<Record<AcknowledgementProblem, string>> = {
  'note-needed': 'Enter a note saying what you have done or will do about this alert',
  'note-too-long': 'The note must be 2,000 characters or fewer',
};

export function checkAcknowledgementNote(note: string | undefined): AcknowledgementProblem | null {
  const trimmed = (note ?? '').trim();
  if (trimmed === '') return 'note-needed';
  if (trimmed.length > ACKNOWLEDGEMENT_NOTE_MAX) return 'note-too-long';
  return null;
}
