/**
 * Pictures for the seeded demo photos. supabase/seed.sql creates storage.objects rows for its demo reports but
 * no bytes (a seed is SQL); the storage stand-in serves such a row — one that never went through an upload, so
 * it has no eTag — with a generated street scene: litter on the pavement for before-photos (pending/…), a clean
 * street with greenery for after-photos. Deterministic per object name. Real uploads never take this path.
 * Encoded as PNG with node:zlib only.
 */
import { crc32, deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const WIDTH = 640;
const HEIGHT = 480;
const cache = new Map<string, Buffer>();

type Rgb = [number, number, number];

/** mulberry32: a small seeded generator, so each object always gets the same picture. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y += 1) {
    rows[y * (WIDTH * 3 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (WIDTH * 3 + 1) + 1, y * WIDTH * 3, (y + 1) * WIDTH * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb;

function paint(name: string): Buffer {
  const seed = createHash('sha256').update(name).digest().readUInt32BE(0);
  const random = randomFrom(seed);
  const isAfter = name.startsWith('after/');
  const horizon = Math.round(HEIGHT * (0.38 + random() * 0.08));
  const vanishX = WIDTH * (0.35 + random() * 0.3);
  const skyTop: Rgb = [120 + random() * 40, 170 + random() * 30, 225];
  const skyBottom: Rgb = [225, 232, 240];
  const pavement: Rgb = isAfter ? [196, 192, 184] : [170, 162, 150];
  const road: Rgb = [92, 94, 98];
  const green: Rgb = [70, 140, 70];
  const litter = Array.from({ length: isAfter ? 0 : 14 + Math.floor(random() * 10) }, () => ({
    x: random() * WIDTH,
    y: horizon + 40 + random() * (HEIGHT - horizon - 40),
    r: 6 + random() * 16,
    colour: [
      [110, 80, 50],
      [60, 60, 60],
      [200, 200, 190],
      [170, 60, 40],
    ][Math.floor(random() * 4)] as Rgb,
  }));

  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y += 1) {
    const depth = y <= horizon ? 0 : (y - horizon) / (HEIGHT - horizon);
    const roadHalf = depth * WIDTH * 0.45;
    for (let x = 0; x < WIDTH; x += 1) {
      let colour: Rgb;
      if (y <= horizon) {
        colour = mix(skyTop, skyBottom, y / horizon);
      } else if (Math.abs(x - vanishX) < roadHalf) {
        const centreLine = Math.abs(x - vanishX) < depth * 4 && Math.floor(depth * 30) % 2 === 0;
        colour = centreLine ? [230, 230, 225] : mix(road, [70, 72, 76], depth);
      } else if (isAfter && Math.abs(x - vanishX) > roadHalf + depth * WIDTH * 0.25) {
        colour = mix(green, [50, 110, 50], depth);
      } else {
        colour = mix(pavement, [150, 144, 134], depth);
      }
      for (const item of litter) {
        const scale = 0.4 + ((item.y - horizon) / (HEIGHT - horizon)) * 0.9;
        if ((x - item.x) ** 2 + ((y - item.y) * 1.6) ** 2 < (item.r * scale) ** 2) colour = item.colour;
      }
      const offset = (y * WIDTH + x) * 3;
      pixels[offset] = colour[0];
      pixels[offset + 1] = colour[1];
      pixels[offset + 2] = colour[2];
    }
  }
  return encodePng(pixels);
}

/** The generated demo picture for an object name (PNG bytes). */
export function demoPhoto(name: string): Buffer {
  let png = cache.get(name);
  if (!png) {
    png = paint(name);
    if (cache.size >= 200) cache.delete(cache.keys().next().value as string);
    cache.set(name, png);
  }
  return png;
}
