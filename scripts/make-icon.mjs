#!/usr/bin/env node
// Draws resources/icon.png (1024×1024; electron-builder makes the .icns and .ico from it):
// a page of a digest — a title line and abstract lines — on a blue rounded square.
// Run it again only to change the icon; the PNG is committed.
import * as fs from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const px = Buffer.alloc(SIZE * SIZE * 4);

function fill(x0, y0, x1, y1, radius, [r, g, b]) {
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      // Distance outside the rounded corner; a one-pixel ramp smooths the edge.
      const dx = Math.max(x0 + radius - x - 0.5, 0, x + 0.5 - (x1 - radius));
      const dy = Math.max(y0 + radius - y - 0.5, 0, y + 0.5 - (y1 - radius));
      const alpha = Math.min(1, Math.max(0, radius - Math.hypot(dx, dy) + 0.5));
      if (alpha === 0) continue;
      const i = (y * SIZE + x) * 4;
      const under = px[i + 3] / 255;
      const out = alpha + under * (1 - alpha);
      px[i] = Math.round((r * alpha + px[i] * under * (1 - alpha)) / out);
      px[i + 1] = Math.round((g * alpha + px[i + 1] * under * (1 - alpha)) / out);
      px[i + 2] = Math.round((b * alpha + px[i + 2] * under * (1 - alpha)) / out);
      px[i + 3] = Math.round(out * 255);
    }
  }
}

fill(64, 64, 960, 960, 180, [37, 84, 199]); // the tile
fill(232, 176, 792, 848, 36, [255, 255, 255]); // the page
fill(304, 256, 720, 320, 14, [37, 84, 199]); // the title
for (const [y, end] of [
  [384, 720],
  [440, 720],
  [496, 640],
  [584, 720],
  [640, 720],
  [696, 600],
])
  fill(304, y, end, y + 28, 14, [150, 165, 190]);

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, body, crc]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) px.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
console.log(`resources/icon.png: ${png.length} bytes`);
