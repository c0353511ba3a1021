/**
 * Invitation tokens travel in the path (`/v1/invitations/:token[/accept]`): anything that logs a path logs this instead.
 */
export function redactPath(pathname: string): string {
  return pathname.replace(/^\/v1\/invitations\/[^/]+/, '/v1/invitations/[token]');
}
