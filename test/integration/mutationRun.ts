/** Runs one of the mutation scripts (scripts/*Mutations.mjs) as a child process, with its output for the failure message. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export function runMutationScript(script: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: root, timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code, signal) =>
      resolve({ code, output: signal ? `${output}\nStopped by ${signal} after ${timeoutMs} ms.` : output }),
    );
  });
}
