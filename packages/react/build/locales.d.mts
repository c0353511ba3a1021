export function localeTags(): string[];
export function writeLocaleTypes(): Promise<void>;
