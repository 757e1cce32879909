/**
 * A page as pixels for OCR: 8-bit grey levels (0 black … 255 white), row-major, `width` × `height`
 * pixels. Made from a rendered PDF page or a decoded PNG/JPEG by the caller's canvas (Node:
 * @napi-rs/canvas, browser: OffscreenCanvas), so this folder needs no canvas of its own.
 */
export interface GrayImage {
  width: number;
  height: number;
  /** Grey level per pixel, row by row; length width × height. */
  data: Uint8Array;
}

/** Grey level at or below which a pixel counts as ink (ruled lines, glyphs). */
export const INK_LEVEL = 160;

/**
 * RGBA pixels (canvas ImageData, 4 bytes a pixel) → grey levels (ITU-R BT.601 luma, alpha
 * composited on white). Returns a new image of the same size.
 */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const a = rgba[p + 3] / 255;
    const y = 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2];
    data[i] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/** A rectangle in pixels: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The part of `img` inside `box` (clipped to the image) as a new image, with `pad` white pixels around it. */
export function cropImage(img: GrayImage, box: Box, pad = 0): GrayImage {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(img.width, Math.ceil(box.x + box.w));
  const y1 = Math.min(img.height, Math.ceil(box.y + box.h));
  const w = Math.max(1, x1 - x0) + 2 * pad;
  const h = Math.max(1, y1 - y0) + 2 * pad;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = y0; y < y1; y++) {
    const src = y * img.width;
    const dst = (y - y0 + pad) * w + pad;
    data.set(img.data.subarray(src + x0, src + x1), dst);
  }
  return { width: w, height: h, data };
}

/** How many ink pixels ({@link INK_LEVEL}) `img` has inside `box`. */
export function inkCount(img: GrayImage, box: Box): number {
  let n = 0;
  const x1 = Math.min(img.width, box.x + box.w);
  const y1 = Math.min(img.height, box.y + box.h);
  for (let y = Math.max(0, box.y); y < y1; y++) {
    for (let x = Math.max(0, box.x); x < x1; x++) if (img.data[y * img.width + x] <= INK_LEVEL) n++;
  }
  return n;
}

/**
 * The image as a 24-bit BMP file (bottom-up rows, grey repeated in R, G and B): a format every
 * OCR engine decodes without a library, made without a canvas. Returns the file's bytes.
 */
export function toBmp(img: GrayImage): Uint8Array {
  const rowBytes = Math.ceil((img.width * 3) / 4) * 4;
  const size = 54 + rowBytes * img.height;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out[0] = 0x42;
  out[1] = 0x4d;
  v.setUint32(2, size, true);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, img.width, true);
  v.setInt32(22, img.height, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  v.setUint32(34, rowBytes * img.height, true);
  v.setInt32(38, 5906, true);
  v.setInt32(42, 5906, true);
  for (let y = 0; y < img.height; y++) {
    const dst = 54 + (img.height - 1 - y) * rowBytes;
    for (let x = 0; x < img.width; x++) {
      const g = img.data[y * img.width + x];
      out[dst + 3 * x] = g;
      out[dst + 3 * x + 1] = g;
      out[dst + 3 * x + 2] = g;
    }
  }
  return out;
}

/** The smallest box around the ink ({@link INK_LEVEL}) inside `box`, or null when it holds none. */
export function inkBounds(img: GrayImage, box: Box): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  const xe = Math.min(img.width, box.x + box.w);
  const ye = Math.min(img.height, box.y + box.h);
  for (let y = Math.max(0, box.y); y < ye; y++) {
    for (let x = Math.max(0, box.x); x < xe; x++) {
      if (img.data[y * img.width + x] > INK_LEVEL) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** `img` scaled by `factor` (< 1 shrinks; each output pixel the mean of the input pixels it covers). */
export function scaleImage(img: GrayImage, factor: number): GrayImage {
  const width = Math.max(1, Math.round(img.width * factor));
  const height = Math.max(1, Math.round(img.height * factor));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy0 = Math.floor(y / factor);
    const sy1 = Math.max(sy0 + 1, Math.min(img.height, Math.floor((y + 1) / factor)));
    for (let x = 0; x < width; x++) {
      const sx0 = Math.floor(x / factor);
      const sx1 = Math.max(sx0 + 1, Math.min(img.width, Math.floor((x + 1) / factor)));
      let sum = 0;
      for (let sy = sy0; sy < sy1; sy++) for (let sx = sx0; sx < sx1; sx++) sum += img.data[sy * img.width + sx];
      data[y * width + x] = Math.round(sum / ((sy1 - sy0) * (sx1 - sx0)));
    }
  }
  return { width, height, data };
}
