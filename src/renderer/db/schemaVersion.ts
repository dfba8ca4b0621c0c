/**
 * The schema version of an installed database, read with Dexie 4's own arithmetic, so that our
 * "newer version" check and Dexie's upgrade logic never disagree about which version a database is at.
 */
import { Dexie } from 'dexie';

/** Dexie.version(n) keeps n to one decimal (`Math.round(n * 10) / 10`) and opens it as native version n × 10. */
export const dexieVersion = (declared: number): number => Math.round(declared * 10) / 10;

/**
 * Whether an installed version (as Dexie reads it) is past the newest this code declares. A native
 * version of 11 or 15 reads as 1.1 or 1.5: past version 1, so Dexie would run no upgrade of ours on it.
 */
export const isNewerSchema = (installed: number, latestDeclared: number): boolean => installed > dexieVersion(latestDeclared);

/**
 * The installed schema version, or undefined when there is no such database. Read as Dexie reads it
 * in runUpgraders: native version / 10, unless a `$meta` store (left by Dexie's schema patching when
 * its +1 bumps reach a multiple of ten) records the version. Opening without a declared version
 * neither creates, upgrades nor patches anything.
 */
export async function installedSchemaVersion(name: string): Promise<number | undefined> {
  const peek = new Dexie(name);
  try {
    await peek.open();
  } catch (error) {
    if ((error as Error).name === Dexie.errnames.NoSuchDatabase) return undefined;
    throw error;
  }
  try {
    const patched = peek.tables.some((t) => t.name === '$meta') ? ((await peek.table('$meta').get('version')) as unknown) : undefined;
    return typeof patched === 'number' ? patched : peek.backendDB().version / 10;
  } finally {
    peek.close();
  }
}
