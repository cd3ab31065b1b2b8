import { useEffect } from 'react';
import { changeChannel } from '../../api/agreementChanges';
import { useAppStore } from '../../store/appStore';

/**
 * Listens for "agreement changed" from other windows (Electron: the main process; browser mode: the other
 * tabs), so this window reloads or merges within moments instead of finding out at its next save.
 */
export function useChangeNotices(): void {
  const agreementChanged = useAppStore((s) => s.agreementChanged);
  useEffect(() => changeChannel().subscribe((notice) => void agreementChanged(notice)), [agreementChanged]);
}
