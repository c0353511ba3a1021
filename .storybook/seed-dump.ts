// Writes the stories' database, migrated and seeded by the real server, as a PGlite data directory dump:
//   node --import tsx .storybook/seed-dump.ts <file.tgz>
// Run by main.ts's seedDumpPlugin (cached under node_modules/.cache), never by hand, never committed.
import { writeFile } from 'node:fs/promises';
import { dumpTestDatabase } from '@seatkit/server/testing';
import { STORY_SERVER_OPTIONS } from './story-server-options';

const file = process.argv[2];
if (!file) throw new Error('usage: node --import tsx .storybook/seed-dump.ts <file.tgz>');
const dump = await dumpTestDatabase(STORY_SERVER_OPTIONS);
await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
