// Checks the test-only PNG decoder against images encoded here with every PNG row filter, so the
// widget screenshot check rests on a decoder that is known to be right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { countDistinctColours, decodePng } from './lib/png.mjs';

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]);  // CRC left zero: the decoder does not check it
}

// Encodes 8-bit pixels, using filter (row % 5) so all five filter types appear.
function encodePng(width, height, channels, pixels) {
  const colorType = { 1: 0, 2: 4, 3: 2, 4: 6 }[channels];
  const stride = width * channels;
  const at = (x, y) => (x < 0 || y < 0 ? 0 : pixels[y * stride + x]);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    const row = Buffer.alloc(stride + 1);
    row[0] = filter;
    for (let x = 0; x < stride; x++) {
      const a = at(x - channels, y);
      const b = at(x, y - 1);
      const c = at(x - channels, y - 1);
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      row[x + 1] = (at(x, y) - predictor) & 0xff;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function gradient(width, height, channels) {
  const pixels = Buffer.alloc(width * height * channels);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + Math.floor(i / 7) * 11) & 0xff;
  return pixels;
}

for (const channels of [1, 3, 4]) {
  test(`decodes ${channels}-channel images through all five row filters`, () => {
    const pixels = gradient(13, 11, channels);
    const image = decodePng(encodePng(13, 11, channels, pixels));
    assert.deepEqual({ width: image.width, height: image.height, channels: image.channels }, { width: 13, height: 11, channels });
    assert.ok(image.pixels.equals(pixels), 'decoded samples differ from the encoded ones');
  });
}

test('counts distinct colours: a flat image has one, a gradient many', () => {
  const flat = decodePng(encodePng(8, 8, 4, Buffer.alloc(8 * 8 * 4, 200)));
  assert.equal(countDistinctColours(flat), 1);
  const busy = decodePng(encodePng(8, 8, 3, gradient(8, 8, 3)));
  assert.ok(countDistinctColours(busy) > 20);
});

test('rejects input it cannot decode instead of guessing', () => {
  assert.throws(() => decodePng(Buffer.from('GIF89a not a png')), /not a PNG/);
  const png = encodePng(2, 2, 3, gradient(2, 2, 3));
  png[8 + 8 + 8] = 16;  // IHDR bit depth -> 16
  assert.throws(() => decodePng(png), /unsupported PNG/);
});
