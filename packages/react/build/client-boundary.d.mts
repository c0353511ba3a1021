export function clientReason(code: string, options?: { jsx?: boolean }): string | null;
export function hasClientDirective(code: string): boolean;
