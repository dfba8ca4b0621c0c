/**
 * Every schema version, oldest first. The list only grows: a released version is never edited or
 * removed; a change is a new file with the next number, its stores and an upgrade() with its own test.
 */
import type { Transaction } from 'dexie';
import * as v1 from './v1';
import * as v2 from './v2';
import * as v3 from './v3';
import * as v4 from './v4';

export interface Migration {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
