import 'anva-widgets';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
const { authority = '', apiBase = '', clientId = '' } = root.dataset;

createRoot(root).render(
  <StrictMode>
    <App authority={authority} apiBase={apiBase} clientId={clientId} />
  </StrictMode>,
);
