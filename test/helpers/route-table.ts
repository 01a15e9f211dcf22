// The routes an app serves, read from Fastify's own route tree (printRoutes), so a test can hold a
// list of routes it checks against every route there is: a new route without a row fails it.
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  path: string;
}

/** Every method and path (like /cases/:caseId/people), HEAD left out (it follows GET). */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const parents: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const marker = line.search(/[└├]── /);
    if (marker < 0) continue;
    const depth = marker / 4;
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(marker + 4))!;
    const segment = match[1]!;
    // The root is "/", its children are printed without a leading slash, deeper ones with one (or a dot).
    const parent = depth === 0 ? '' : parents[depth - 1]!;
    const path = parent === '/' ? `/${segment}` : `${parent}${segment}`;
    parents[depth] = path;
    parents.length = depth + 1;
    for (const method of (match[2] ?? '').split(', ').filter((m) => m !== '' && m !== 'HEAD')) routes.push({ method, path });
  }
  return routes;
}

/** The route a request to this method and address reaches: the most specific one that matches. */
export function routeOf(routes: readonly RouteEntry[], method: string, url: string): RouteEntry | undefined {
  const path = url.split('?')[0]!;
  const candidates = routes.filter((route) => route.method === method && patternRegExp(route.path).test(path));
  return candidates.sort((a, b) => paramCount(a.path) - paramCount(b.path))[0];
}

const paramCount = (path: string) => (path.match(/:/g) ?? []).length + (path.includes('*') ? 100 : 0);

function patternRegExp(path: string): RegExp {
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
