/** Transparent margin kept around the ink, in canvas pixels. */
const MARGIN = 12;
/** Longest side of the stored image: sharp when printed, small in the document, within the host's limits. */
const MAX_SIDE = 1600;

/**
 * The drawn signature as a PNG data URL, cropped to the ink: the document and the thumbnails then place
 * the signature itself rather than a mostly empty box. Null when nothing is drawn.
 */
export function croppedSignaturePng(canvas: HTMLCanvasElement): string | null {
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0 || canvas.height === 0) return null;
  const { width, height } = canvas;
  const pixels = context.getImageData(0, 0, width, height).data;
  let top = height;
  let left = width;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      if (pixels[row + x * 4 + 3] === 0) continue;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  if (right < 0) return null;
  const x0 = Math.max(0, left - MARGIN);
  const y0 = Math.max(0, top - MARGIN);
  const w = Math.min(width, right + MARGIN + 1) - x0;
  const h = Math.min(height, bottom + MARGIN + 1) - y0;
  const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(w * scale));
  out.height = Math.max(1, Math.round(h * scale));
  out.getContext('2d')?.drawImage(canvas, x0, y0, w, h, 0, 0, out.width, out.height);
  return out.toDataURL('image/png');
}
