/// <reference lib="webworker" />
/** Reads a chosen spreadsheet of answers off the UI thread: a hostile file cannot freeze the page. */
import { readAnswersFile } from '../../core/sheets/importAnswersFile';
import { ImportRefused, type RawTable } from '../../core/sheets/importAnswersTable';

export type AnswersImportRequest = { file: Blob; name: string };
export type AnswersImportReply =
  { type: 'progress'; label: string } | { type: 'done'; table: RawTable } | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: AnswersImportReply) => scope.postMessage(reply);

async function* chunksOf(file: Blob): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops reading when the cap is crossed part way.
    void reader.cancel().catch(() => undefined);
  }
}

scope.onmessage = async (event: MessageEvent<AnswersImportRequest>) => {
  const { file, name } = event.data;
  try {
    const table = await readAnswersFile({ name, size: file.size, chunks: () => chunksOf(file) }, (label) =>
      post({ type: 'progress', label }),
    );
    post({ type: 'done', table });
  } catch (error) {
    // Our own refusals are plain sentences; a library's message is never shown.
    post({
      type: 'error',
      message: error instanceof ImportRefused ? error.message : 'The file could not be read as a spreadsheet of answers.',
    });
  }
};
