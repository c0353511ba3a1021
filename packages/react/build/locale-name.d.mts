export function localeExportName(tag: string): string;
