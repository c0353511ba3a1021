// No zod here: the client's request code imports this module, and zod's runtime stays out of its bundle.

/** `'/v1/orgs/:orgId/members/:memberId'` → `'orgId' | 'memberId'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The `:params` of a path template as an object, e.g. `{ orgId: string; memberId: string }` (any names for a plain `string`). */
export type PathParams<P extends string> = string extends P ? Record<string, string> : { [K in PathParamNames<P>]: string };

/** The names of a path's `:params`, in order. */
export const pathParamNames = (path: string): string[] => (path.match(/:[A-Za-z]+/g) ?? []).map((name) => name.slice(1));

/**
 * Fills the `:params` of a route path, encoding each value.
 * @example
 * buildPath(routes.getMember.path, { orgId: 'o1', memberId: 'm 2' }); // '/v1/orgs/o1/members/m%202'
 */
export function buildPath<P extends string>(path: P, params: PathParams<P>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = (params as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
