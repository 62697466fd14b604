import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './apollo-client';
import { createAppRouter } from './app-routes';
import './ui/styles.scss';

// NHS.UK frontend styles its components for script when the body has these classes. Set here, not
// in an inline script in index.html, so the Content-Security-Policy needs no inline scripts; the
// page has no content of its own before this runs.
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element to render into.');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={createApolloClient()}>
      <RouterProvider router={createAppRouter()} />
    </ApolloProvider>
  </StrictMode>,
);
