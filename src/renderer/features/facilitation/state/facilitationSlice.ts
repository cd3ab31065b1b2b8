import type { StateCreator } from 'zustand';
import type { AppMiddlewares, AppState } from '../../../store/appState';
import type { WorkshopStep } from '../../../store/route';
import { enterFullscreen, exitFullscreen } from '../fullscreen';
import { extendStep, followStep, pauseStep, resetStep, restoreBook, startStep, touchBook, type TimerBook } from '../timer';
import { browserStore, loadBook, saveBook } from '../timerStorage';

export type FacilitationPanel = 'agenda' | 'notes' | 'log';
export type LogTab = 'decisions' | 'parking';
export type TimerCommand = 'start' | 'pause' | 'extend' | 'reset';

/** Refresh the "last seen running" mark at most this often (each refresh is a localStorage write). */
const HEARTBEAT_MS = 15_000;

/**
 * Presentation mode, the open facilitation drawer and the step timers. Nothing here is persisted by the
 * store: presentation mode ends with the session, and the timers keep their own localStorage entry.
 */
export interface FacilitationSlice {
  presentation: boolean;
  /** Turns presentation mode on or off; asks for (or leaves) real fullscreen within the same user gesture. */
  setPresentation(on: boolean): void;
  facilitationPanel: FacilitationPanel | null;
  openPanel(panel: FacilitationPanel | null): void;
  /** The log drawer's tab, kept while the workshop is open: the facilitator usually goes back to the same one. */
  logTab: LogTab;
  setLogTab(tab: LogTab): void;
  /** "Park this": the parking lot, ready to type the topic in (from the header or the presentation bar). */
  parkTopic(): void;
  /** The timers of the open agreement. */
  timer: { agreementId: string; book: TimerBook } | null;
  /** Loads the agreement's timers when needed, then lets the running timer follow to `step` (see restoreBook). */
  syncTimer(agreementId: string, step: WorkshopStep): void;
  timerCommand(step: WorkshopStep, command: TimerCommand): void;
  /** Called while a timer runs, so a reload keeps counting and a closed app stops it (see restoreBook). */
  timerHeartbeat(): void;
}

export const createFacilitationSlice: StateCreator<AppState, AppMiddlewares, [], FacilitationSlice> = (set, get) => {
  const update = (next: (book: TimerBook, now: number) => TimerBook) => {
    const timer = get().timer;
    if (!timer) return;
    const book = next(timer.book, Date.now());
    if (book === timer.book) return;
    saveBook(browserStore(), timer.agreementId, book);
    set({ timer: { agreementId: timer.agreementId, book } });
  };

  return {
    presentation: false,
    setPresentation(on) {
      if (on === get().presentation) return;
      set({ presentation: on });
      if (on) void enterFullscreen();
      else exitFullscreen();
    },

    facilitationPanel: null,
    openPanel: (facilitationPanel) => set({ facilitationPanel }),
    logTab: 'decisions',
    setLogTab: (logTab) => set({ logTab }),
    parkTopic: () => set({ logTab: 'parking', facilitationPanel: 'log' }),

    timer: null,
    syncTimer(agreementId, step) {
      if (get().timer?.agreementId !== agreementId) {
        const now = Date.now();
        set({ timer: { agreementId, book: loadBook(browserStore(), agreementId, now) } });
      }
      // Restoring again here too: back from the home screen after a long while, a timer nobody saw
      // running stops where it was last on screen, exactly as after closing the app.
      update((book, now) => followStep(restoreBook(book, now), step, now));
    },

    timerCommand(step, command) {
      update((book, now) => {
        switch (command) {
          case 'start':
            return startStep(book, step, now);
          case 'pause':
            return pauseStep(book, step, now);
          case 'extend':
            return extendStep(book, step, now);
          case 'reset':
            return resetStep(book, step, now);
        }
      });
    },

    timerHeartbeat() {
      update((book, now) => (now - book.seenAt >= HEARTBEAT_MS ? touchBook(book, now) : book));
    },
  };
};
