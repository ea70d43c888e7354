// A minimal PNG decoder (8-bit greyscale/RGB/RGBA, non-interlaced: what Chromium screenshots
// use) so tests can look at pixels of a WebGL canvas, whose drawing buffer page scripts cannot
// read back without preserveDrawingBuffer.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };  // colour type -> samples per pixel

// The Paeth predictor from the PNG specification (section 9.4).
function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// Returns { width, height, channels, pixels } with pixels the unfiltered samples, row by row.
export function decodePng(buffer) {
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let offset = 8;
  let header = null;
  const idat = [];
  while (offset + 8 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;  // length + type + data + CRC
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colorType: data[9], interlace: data[12] };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
  }
  if (!header) throw new Error('PNG without IHDR');
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || !channels || header.interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${header.bitDepth}, colour type ${header.colorType}, interlace ${header.interlace}`);
  }

  const { width, height } = header;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data is truncated');
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const up = out - stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[out + x - channels] : 0;
      const above = y > 0 ? pixels[up + x] : 0;
      const corner = y > 0 && x >= channels ? pixels[up + x - channels] : 0;
      let predicted;
      switch (filter) {
        case 0: predicted = 0; break;
        case 1: predicted = left; break;
        case 2: predicted = above; break;
        case 3: predicted = (left + above) >> 1; break;
        case 4: predicted = paeth(left, above, corner); break;
        default: throw new Error(`bad PNG filter type ${filter} on row ${y}`);
      }
      pixels[out + x] = (line[x] + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

// Number of distinct pixel values (all channels together); a blank canvas has one or two.
export function countDistinctColours({ width, height, channels, pixels }) {
  const seen = new Set();
  for (let i = 0; i < width * height * channels; i += channels) {
    let key = 0;
    for (let c = 0; c < channels; c++) key = key * 256 + pixels[i + c];
    seen.add(key);
  }
  return seen.size;
}
