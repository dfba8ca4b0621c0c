/** Argument schemas for each IPC channel: the renderer is not trusted to send well-formed values. */
import { z } from 'zod';
import { MAX_CHUNK_BYTES, MAX_MARKER_CHARS } from '../shared/ipc';
import type { ArgSchemas } from './ipc';

const MAX_NAME = 255;

const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).max(20),
});

/** Ids of streamed writes are 128 random bits in hex, made by main. */
const streamId = z.string().regex(/^[0-9a-f]{32}$/);
const chunk = z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_CHUNK_BYTES);
const position = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const argSchemas: ArgSchemas = {
  'app:info': z.tuple([]),
  'file:save': z.tuple([
    z.strictObject({
      suggestedName: z.string().min(1).max(MAX_NAME),
      bytes: z.instanceof(Uint8Array),
      filters: z.array(fileFilter).max(10),
    }),
  ]),
  'file:reveal': z.tuple([z.string().min(1).max(4096)]),
  'save:begin': z.tuple([
    z.strictObject({
      suggestedName: z.string().min(1).max(MAX_NAME),
      filters: z.array(fileFilter).max(10),
    }),
  ]),
  'save:chunk': z.tuple([streamId, chunk]),
  'save:end': z.tuple([streamId]),
  'save:abort': z.tuple([streamId]),
  'backup:begin': z.tuple([]),
  'backup:chunk': z.tuple([streamId, chunk]),
  'backup:end': z.tuple([
    streamId,
    z.strictObject({
      logCount: position,
      logHead: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ]),
  'backup:abort': z.tuple([streamId]),
  'backup:list': z.tuple([]),
  // The name is checked by the handler, which says why it refuses one.
  'backup:read': z.tuple([z.string().min(1).max(MAX_NAME), position, z.number().int().nonnegative().max(MAX_CHUNK_BYTES)]),
  'storage:free': z.tuple([]),
  'marker:read': z.tuple([]),
  'marker:write': z.tuple([z.string().min(1).max(MAX_MARKER_CHARS)]),
};
