/**
 * Every IPC handler goes through one wrapper: it checks that the sending frame is the app's own
 * page, validates the arguments, and returns errors as values instead of throwing across the bridge.
 */
import type { IpcMain, WebFrameMain } from 'electron';
import type { ZodType } from 'zod';
import { CHANNELS, type ArgsOf, type Channel, type ResultOf } from '../shared/ipc';
import { fail, ok, type Result } from '../shared/result';
import { isAppUrl } from './trustedUrl';

export type Handlers = { [C in Channel]: (...args: ArgsOf<C>) => Promise<ResultOf<C>> };
export type ArgSchemas = { [C in Channel]: ZodType<ArgsOf<C>> };

/** The frame must exist, be the top-level frame, and show a page of the app origin. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong in the desktop shell. Please try again.';
}

export async function invokeHandler<C extends Channel>(
  channel: C,
  handlers: Handlers,
  schemas: ArgSchemas,
  frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined,
  rawArgs: unknown[],
): Promise<Result<ResultOf<C>>> {
  if (!isTrustedSender(frame)) return fail('Refused: the request did not come from the app’s own page.');
  const parsed = schemas[channel].safeParse(rawArgs);
  if (!parsed.success) return fail(`Refused: the request to ${channel} had invalid arguments.`);
  try {
    const handler = handlers[channel] as (...args: ArgsOf<C>) => Promise<ResultOf<C>>;
    return ok(await handler(...parsed.data));
  } catch (error) {
    return fail(describeError(error));
  }
}

export function registerHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, schemas: ArgSchemas): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => invokeHandler(channel, handlers, schemas, event.senderFrame, args));
  }
}
