/** Object bytes of the local storage stand-in, under $STACK_DIR/storage/<bucket>/<name>, and request bodies. */
import type { IncomingMessage } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { storageDir } from '../config.ts';
import { ERRORS, StorageFailure } from './errors.ts';

/** The real server's key rule (isValidKey), plus: no '.' or '..' segments, since keys become file paths here. */
export function checkKey(name: string): string {
  const validChars = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;
  const segments = name.split('/');
  if (!name || !validChars.test(name) || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw ERRORS.invalidKey(name);
  }
  return name;
}

export function objectFile(bucket: string, name: string): string {
  const root = path.join(storageDir, bucket);
  const file = path.join(root, ...checkKey(name).split('/'));
  if (!file.startsWith(root + path.sep)) throw ERRORS.invalidKey(name);
  return file;
}

/** Writes via a temporary file and a rename, so a reader never sees half an object. */
export function writeObject(bucket: string, name: string, bytes: Buffer) {
  const file = objectFile(bucket, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.partial`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, file);
}

export function removeObjectFile(bucket: string, name: string) {
  fs.rmSync(objectFile(bucket, name), { force: true });
}

export function etagOf(bytes: Buffer): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}

/**
 * Reads a request body of at most `limit` bytes; beyond it the rest is drained (so the client still gets the
 * answer) and `tooLarge` is set.
 */
export async function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ bytes: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk as Buffer);
  }
  return { bytes: Buffer.concat(chunks), tooLarge };
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const { bytes, tooLarge } = await readBody(req, 1024 * 1024);
  if (tooLarge) throw ERRORS.entityTooLarge();
  const text = bytes.toString('utf8').trim();
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new StorageFailure(400, 'InvalidRequest', 'The request body must be a JSON object');
}
