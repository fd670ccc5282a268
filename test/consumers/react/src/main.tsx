// One wrapper entry per element: only these three elements are loaded.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { WbLogin } from 'web-billing-kit/react/login';
import { WbProvider } from 'web-billing-kit/react/provider';
import { WbTop } from 'web-billing-kit/react/top';

function App() {
  const [screen, setScreen] = useState<'login' | 'top'>('login');
  return (
    <WbProvider baseUrl="http://localhost:8787/api/v1" onLoggedOut={() => setScreen('login')}>
      {screen === 'login' ? (
        <WbLogin
          onLoggedIn={(event) => {
            if (event.stage !== 'active') return;
            event.preventDefault();
            setScreen('top');
          }}
        />
      ) : (
        <WbTop />
      )}
    </WbProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
