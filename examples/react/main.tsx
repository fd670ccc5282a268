import { createRoot } from 'react-dom/client';
import { startBrowserBackend } from '../../mocks/browser.js';
import { App } from './app.js';

// Demo only: the reference backend answers /api/v1 from this page's service
// worker (msw's mockServiceWorker.js served at the site's root). A real app
// points baseUrl at its service and has no such line.
await startBrowserBackend();

createRoot(document.getElementById('root')!).render(<App baseUrl="/api/v1" />);
