import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './apollo-client';
import { createAppRouter } from './app-routes';
import './ui/styles.scss';

// What nhsuk-frontend's styles expect once its scripts can run; set here rather than by an
// inline script, which a Content-Security-Policy without 'unsafe-inline' would block.
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
