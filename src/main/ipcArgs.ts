/** Argument schemas for each IPC channel: the renderer is not trusted to send well-formed values. */
import { z } from 'zod';
import { MAX_MARKER_CHARS } from '../shared/ipc';
import type { ArgSchemas } from './ipc';

const MAX_NAME = 255;

const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).max(20),
});

export const argSchemas: ArgSchemas = {
  'app:info': z.tuple([]),
  'file:save': z.tuple([
    z.strictObject({
      suggestedName: z.string().min(1).max(MAX_NAME),
      bytes: z.instanceof(Uint8Array),
      filters: z.array(fileFilter).max(10),
    }),
  ]),
  'file:open': z.tuple([
    z.strictObject({
      multiple: z.boolean(),
      filters: z.array(fileFilter).max(10),
      maxBytes: z
        .number()
        .int()
        .positive()
        .max(4 * 1024 ** 3),
    }),
  ]),
  'file:reveal': z.tuple([z.string().min(1).max(4096)]),
  'storage:free': z.tuple([]),
  'marker:read': z.tuple([]),
  'marker:write': z.tuple([z.string().min(1).max(MAX_MARKER_CHARS)]),
};
