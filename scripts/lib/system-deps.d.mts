/** The bin folder of the newest Debian Postgres installation (15 preferred), or null. */
export function findPostgresBinDir(): string | null;
