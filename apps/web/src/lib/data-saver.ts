import { useSyncExternalStore } from 'react';

/**
 * "Data saver", one setting for the whole app: while it is on, no video, audio or large
 * image is downloaded until the person asks for it. On by default when the browser reports a
 * slow line or the phone's own Save-Data (Network Information API: Chrome on Android, which
 * most volunteers' phones run); the person's own choice, kept on this device, wins after that.
 */

const STORAGE_KEY = 'tadamon.dataSaver';
const CHANGE_EVENT = 'tadamon:data-saver';
const SLOW_TYPES = ['slow-2g', '2g', '3g'];
/** Images up to this size load even with the data saver on (the library's ≤ 320 px thumbnails). */
export const SMALL_IMAGE_BYTES = 40_000;

interface NetworkInformationLike extends EventTarget {
  saveData?: boolean;
  effectiveType?: string;
}

const connectionOf = (nav: Navigator) => (nav as Navigator & { connection?: NetworkInformationLike }).connection;

/** The browser says the line is slow or the person asked it to save data. Browsers without the API say nothing. */
export function isSlowConnection(nav: Navigator = navigator): boolean {
  const connection = connectionOf(nav);
  if (!connection) return false;
  return connection.saveData === true || SLOW_TYPES.includes(connection.effectiveType ?? '');
}

/** The person's own choice on this device, or null when they never chose. */
export function chosenDataSaver(): boolean | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'on' ? true : value === 'off' ? false : null;
  } catch {
    return null; // storage blocked (private mode): nothing remembered
  }
}

export function isDataSaverOn(): boolean {
  return chosenDataSaver() ?? isSlowConnection();
}

export function setDataSaver(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered; it still holds until the page is reloaded.
    memory = on;
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

let memory: boolean | null = null;

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  // Another tab changed it, or the line got slower or faster.
  window.addEventListener('storage', onChange);
  const connection = typeof navigator !== 'undefined' ? connectionOf(navigator) : undefined;
  connection?.addEventListener?.('change', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
    connection?.removeEventListener?.('change', onChange);
  };
}

const snapshot = () => memory ?? isDataSaverOn();

/** The setting, following every change in the app (and in other tabs). */
export function useDataSaver(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
