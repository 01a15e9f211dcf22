// Statements sent side by side on one transaction's connection must all be answered before the
// transaction ends. Promise.all rejects at the first error, and the transaction is then rolled back
// while another branch may still be about to send a statement of its own: that one would go out
// after the ROLLBACK, on a connection already given back. This waits for every branch, then throws
// the first error (in the order given) or gives every value.

/** Every promise settled, then the first rejection's reason thrown, or all the values in order. */
export async function settledTogether<const T extends readonly unknown[]>(promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}
