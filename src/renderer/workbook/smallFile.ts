/**
 * A small text file in the origin-private file system. Unlike localStorage, which Chromium writes to
 * disk only seconds later (values set up to 4 s before a crash were lost), a file written here has
 * reached the operating system when the write resolves; and it lives apart from the browser's databases.
 */
export interface SmallFile {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
  remove(): Promise<void>;
}

export function opfsFile(name: string, maxChars: number): SmallFile | null {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.getDirectory) return null;
  const root = () => storage.getDirectory();
  return {
    read: async () => {
      try {
        const file = await (await (await root()).getFileHandle(name)).getFile();
        return file.size <= maxChars ? await file.text() : null;
      } catch {
        return null;
      }
    },
    write: async (text) => {
      // The text goes to a swap file that replaces the old one only when complete.
      const writable = await (await (await root()).getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    },
    remove: async () => {
      await (await root()).removeEntry(name).catch(() => undefined);
    },
  };
}
