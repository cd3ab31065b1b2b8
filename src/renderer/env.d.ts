import type { DesktopApi } from '../preload/api-types';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload; browser mode talks HTTP instead. */
    api?: DesktopApi;
  }
}
