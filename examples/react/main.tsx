import { createRoot } from 'react-dom/client';
import { App } from './app.js';

// The demo server answers /api/v1 on this page's origin (the reference backend); a real app points baseUrl at its service.

createRoot(document.getElementById('root')!).render(<App baseUrl="/api/v1" />);
