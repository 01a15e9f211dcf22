// Addresses quoted in log text lose their query and fragment. Fastify and libraries quote a request's
// whole address in some warnings ("Reply was already sent, did you forget to "return reply" in the
// "/sign-in?returnTo=..." (GET) route?", in the message and in the error's message and stack), and a
// query can hold an NHS number or a name, which redaction (paths of fields) never sees in message
// text. The README ("Operating the service: logs") says what the log holds.

/**
 * A run of text in a JSON line that an address could be part of: anything but a space, a quote (a
 * string's end) or the escape of a control character (\n, \r, \t, \b, \f), none of which an address
 * holds (Node refuses them in a request's target). An escaped quote is part of the run, as a target
 * may hold one, unless it is followed by one of those: then it is the quote closing the address, as in
 * Fastify's message. Escapes are taken whole, so the scan never starts inside one and a cut never
 * splits one: what is left is still JSON.
 */
const RUN = /(?:[^ "\\]|\\[\\/u]|\\"(?![ "]|\\[nrtbf]|$))+/g;

/** A run without its query and fragment when it is an address: a slash, then the first ? or # after it. */
function cutAddress(run: string): string {
  const slash = run.indexOf('/');
  if (slash < 0) return run;
  const query = run.indexOf('?', slash);
  const fragment = run.indexOf('#', slash);
  const cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
  return cut < 0 ? run : run.slice(0, cut);
}

/**
 * A JSON log line with every address in it (`/path?x=y`, `https://host/path?x=y#z`) cut before its
 * query or fragment, in the message, in any field and in an error's stack. pino's last step before
 * writing (hooks.streamWrite); a line with no ? or # is given back as it is.
 */
export function withoutUrlQueries(line: string): string {
  if (!line.includes('?') && !line.includes('#')) return line;
  return line.replace(RUN, cutAddress);
}
