import { AppShell, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AppHeader } from './components/AppHeader';
import { ConnectionBanner } from './components/ConnectionBanner';
import { RecoveryNotice } from './components/RecoveryNotice';
import { HomePage } from './features/home/HomePage';
import { ResultsPage } from './features/results/ResultsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { usePresentationMode } from './features/facilitation/usePresentation';
import { WorkshopPage } from './features/workshop/WorkshopPage';
import { i18n } from './i18n/setupI18n';
import { useAppStore } from './store/appStore';
import { selectUiLanguage } from './store/preferencesSlice';
import { cssVariablesResolver, theme } from './theme';

/** Keeps i18next (and so <html lang>) on the language chosen in the store. */
function useLanguageSync(): void {
  const language = useAppStore(selectUiLanguage);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);
}

/** Back/forward and hand-edited URLs update the route; the store's navigate() covers the app's own links. */
function useHashRouting(): void {
  const syncRouteFromHash = useAppStore((s) => s.syncRouteFromHash);
  useEffect(() => {
    const onHashChange = () => syncRouteFromHash(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [syncRouteFromHash]);
}

function CurrentScreen() {
  const route = useAppStore((s) => s.route);
  if (route.name === 'workshop') return <WorkshopPage key={route.id} id={route.id} step={route.step} />;
  if (route.name === 'results') return <ResultsPage key={route.id} id={route.id} view={route.view} />;
  if (route.name === 'settings') return <SettingsPage />;
  return <HomePage scope={route.name === 'trash' ? 'trash' : 'active'} />;
}

export function App() {
  useLanguageSync();
  useHashRouting();
  // The projector shows the step, not the app: no header in presentation mode.
  const presentation = usePresentationMode();
  const language = useAppStore(selectUiLanguage);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        {/* Calendars speak the interface language and start the week where its readers do (Monday in Spain). */}
        <DatesProvider settings={{ locale: language, firstDayOfWeek: language === 'es' ? 1 : 0, weekendDays: [0, 6] }}>
          <Notifications position="bottom-right" limit={4} />
          <RecoveryNotice />
          <AppShell header={presentation ? undefined : { height: 60 }} padding={presentation ? 'xs' : 'lg'}>
            {!presentation && (
              <AppShell.Header>
                <AppHeader />
              </AppShell.Header>
            )}
            <AppShell.Main bg="gray.0">
              <ConnectionBanner />
              <CurrentScreen />
            </AppShell.Main>
          </AppShell>
        </DatesProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
