import SignaturePad, { type PointGroup } from 'signature_pad';
import { useCallback, useRef, useState } from 'react';
import { croppedSignaturePng } from './signatureImage';

export interface SignaturePadControl {
  /** Attach to the <canvas>; the pad is created when it mounts and released when it unmounts. */
  canvasRef(canvas: HTMLCanvasElement | null): void;
  /** Strokes drawn so far (0: nothing to sign with). */
  strokes: number;
  clear(): void;
  undo(): void;
  /** The signature as a cropped PNG data URL, or null when nothing is drawn. */
  toPng(): string | null;
}

/** Ink close to a fountain pen's blue-black: reads as a signature, prints well in black and white. */
const PEN = { penColor: '#1b2a6b', minWidth: 0.8, maxWidth: 2.6, velocityFilterWeight: 0.6 };

function scaled(groups: PointGroup[], factor: number): PointGroup[] {
  if (factor === 1) return groups;
  return groups.map((g) => ({ ...g, points: g.points.map((p) => ({ ...p, x: p.x * factor, y: p.y * factor })) }));
}

/**
 * signature_pad on a canvas sized to the device pixel ratio. Mouse, touchpad, pen and touch all arrive as
 * pointer events. When the box changes size (window resized, dialog animating in) or the pixel ratio changes
 * (window moved to another screen, zoom), the bitmap is rebuilt and the strokes are redrawn scaled to the
 * new width, so the drawing is never lost.
 */
export function useSignaturePad(): SignaturePadControl {
  const padRef = useRef<SignaturePad | null>(null);
  const canvasElementRef = useRef<HTMLCanvasElement | null>(null);
  const cleanupRef = useRef<(() => void) | null>(null);
  const [strokes, setStrokes] = useState(0);

  const canvasRef = useCallback((canvas: HTMLCanvasElement | null) => {
    cleanupRef.current?.();
    cleanupRef.current = null;
    padRef.current = null;
    canvasElementRef.current = canvas;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, PEN);
    padRef.current = pad;
    let cssWidth = 0;
    let ratio = 0;
    const fit = () => {
      const width = canvas.offsetWidth;
      const height = canvas.offsetHeight;
      const nextRatio = Math.max(window.devicePixelRatio || 1, 1);
      if (width === 0 || height === 0 || (width === cssWidth && nextRatio === ratio)) return;
      const data = pad.toData();
      const factor = cssWidth > 0 ? width / cssWidth : 1;
      cssWidth = width;
      ratio = nextRatio;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (data.length > 0) pad.fromData(scaled(data, factor));
    };
    const onStroke = () => setStrokes(pad.toData().length);
    pad.addEventListener('endStroke', onStroke);
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    let media: MediaQueryList | null = null;
    const watchRatio = () => {
      media?.removeEventListener('change', onRatio);
      media = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      media.addEventListener('change', onRatio);
    };
    function onRatio() {
      fit();
      watchRatio();
    }
    watchRatio();
    fit();
    cleanupRef.current = () => {
      observer.disconnect();
      media?.removeEventListener('change', onRatio);
      pad.removeEventListener('endStroke', onStroke);
      pad.off();
    };
  }, []);

  const clear = useCallback(() => {
    padRef.current?.clear();
    setStrokes(0);
  }, []);

  const undo = useCallback(() => {
    const pad = padRef.current;
    if (!pad) return;
    const data = pad.toData();
    data.pop();
    pad.fromData(data);
    setStrokes(data.length);
  }, []);

  const toPng = useCallback(() => {
    const pad = padRef.current;
    const canvas = canvasElementRef.current;
    if (!pad || !canvas || pad.toData().length === 0) return null;
    return croppedSignaturePng(canvas);
  }, []);

  return { canvasRef, strokes, clear, undo, toPng };
}
