import { Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { OfflineBanner } from '../components/offline-banner';
import { AppProviders } from './providers';
import { AppRoutes } from './routes';

/** The first paint before translations arrive: no text, no Mantine, just calm grey. */
function BootFallback() {
  return <div aria-busy="true" style={{ minBlockSize: '100vh' }} />;
}

export function App() {
  return (
    <AppProviders>
      <OfflineBanner />
      <BrowserRouter>
        <Suspense fallback={<BootFallback />}>
          <AppRoutes />
        </Suspense>
      </BrowserRouter>
    </AppProviders>
  );
}
