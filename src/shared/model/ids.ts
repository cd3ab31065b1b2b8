/** Random identifier; `crypto.randomUUID` is a web-standard global in browsers, Node and Electron alike. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
