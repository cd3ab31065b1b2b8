/**
 * Runs `work` once the next frame has been drawn: an animation-frame callback, then a task posted from it,
 * which the browser runs after that frame's rendering (or after 250 ms in a page that draws no frames). Work that follows an edit (summaries, badges) then
 * never sits between a keystroke and the frame that shows it. Returns a cancel function.
 */
export function afterNextPaint(work: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    const timer = setTimeout(run, 0);
    return () => {
      done = true;
      clearTimeout(timer);
    };
  }
  // A hidden page draws no frames: the work still runs, a little later.
  const fallback = setTimeout(run, 250);
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      clearTimeout(fallback);
      run();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
}
