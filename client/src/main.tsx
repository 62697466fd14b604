import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './apollo-client';
import { createAppRouter } from './app-routes';
import { SignOutProvider } from './account/sign-out-provider';
import { primeCacheFromFirstScreen } from './first-screen';

// NHS.UK frontend styles its components for script when the body has these classes. Set here, not
// in an inline script in index.html, so the Content-Security-Policy needs no inline scripts; the
// server's first screen (header, heading, lead paragraph) looks the same with or without them.
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element to render into.');

const client = createApolloClient();
primeCacheFromFirstScreen(client);

// A public page arrives with its first screen already drawn by the server (server/src/http/
// first-screen.ts); the first render replaces it with the same markup. As a transition, that
// render yields to the browser every few milliseconds instead of holding the main thread.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <SignOutProvider>
          <RouterProvider router={createAppRouter()} />
        </SignOutProvider>
      </ApolloProvider>
    </StrictMode>,
  );
});
