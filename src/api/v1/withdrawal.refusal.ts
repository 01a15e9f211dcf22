// The API's answer to a refused withdrawal, of a record made in error (withdrawal.routes.ts) or of a
// person added to the wrong family (person-withdrawal.routes.ts): one mapping for both. The case's
// own refusals as for any change; 404 not-on-case (a person); 422 invalid-withdrawal for a slip in
// the reason, at /reason; 409 already-proposed or no-proposal; 403 for who is asking.
import type { FastifyReply } from 'fastify';
import type { PersonWithdrawalRefusal } from '../../domain/withdrawal/person-withdrawal.ts';
import { isSlip } from '../../domain/withdrawal/withdrawal-rules.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';

type Refused = { ok: false; code: 'not-found' | 'forbidden'; message: string } | { ok: false; code: 'refused'; refusal: PersonWithdrawalRefusal; message: string };

export function sendWithdrawalRefusal(reply: FastifyReply, result: Refused) {
  if (result.code !== 'refused') return sendCaseChangeRefusal(reply, result);
  const { refusal, message } = result;
  if (refusal === 'not-on-case') return sendApiError(reply, 404, refusal, message);
  if (isSlip(refusal)) return sendApiError(reply, 422, 'invalid-withdrawal', message, [{ path: '/reason', message }]);
  return sendApiError(reply, refusal === 'already-proposed' || refusal === 'no-proposal' ? 409 : 403, refusal, message);
}
